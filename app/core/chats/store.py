"""Chats on disk: SQLite in WAL mode with `synchronous=FULL`, one transaction per message.

When a write returns, the message is on disk: a crash or a power cut afterwards cannot lose it.
Opening tells damage from trouble (`opening.py`): only a database SQLite calls damaged is kept
aside, whole, and a fresh one started; `notices` then say so on every start until the user
dismisses them (`recovery.py`). A full disk, a lock or a racing start leaves the file as it is
(with a full disk, the chats still open read-only). Every method is safe to call from any one
thread at a time (a lock serialises them), so a worker thread may own the store.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from app.core.chats import recovery, versions
from app.core.chats import rows as stored
from app.core.chats import texts as say
from app.core.chats.opening import (
    BUSY_TIMEOUT_S,
    file_id,
    file_stamp,
    free_bytes,
    open_database,
    start_lock,
    trouble_error,
)
from app.core.chats.recovery import RecoveryNotice
from app.core.errors import ChatNotFound, ChatStoreError
from app.core.messages import Role
from app.core.text import Msg, together

log = logging.getLogger(__name__)

Status = Literal["complete", "cancelled", "failed"]
REOPEN_EVERY_S = 3.0  # a read-only store (full disk) tries again this often, or when space frees
LAST = -1  # `add_message(after=LAST)`: after the message the chat shows last
# marks of where a chat came from (an import, a salvage): a fork is made here, not there
NOT_COPIED_BY_FORK = ("imported", "salvaged_from", "salvaged_id")


@dataclass(frozen=True)
class Chat:
    id: int
    title: str
    created_at: float
    updated_at: float
    model: str | None = None
    system_prompt: str | None = None
    prompt_id: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    message_count: int = 0
    current_id: int | None = None  # the message shown last (see `versions.py`)

    @property
    def untitled(self) -> bool:
        """Not titled yet (a new chat): shown as "New chat" in the user's language."""
        return say.is_untitled(self.title)

    def title_msg(self) -> Msg:
        """The title as shown: the title itself, or "New chat" in the user's language."""
        return say.title_msg(self.title)


@dataclass(frozen=True)
class StoredMessage:
    id: int
    chat_id: int
    role: Role
    content: str
    status: Status
    created_at: float
    model: str | None = None
    params: dict[str, Any] | None = None
    timings: dict[str, Any] | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    sources: list[Any] | None = None
    error: str | None = None
    parent_id: int | None = None  # the message this one follows (None: the first)
    reasoning: str | None = None  # a reasoning model's thinking, apart from its answer
    # the versions of this message, itself included, oldest first (filled on the shown path)
    siblings: tuple[int, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class SearchHit:
    chat_id: int
    chat_title: str
    message_id: int | None
    snippet: str


class ChatStore:
    """Create, list, search, rename and delete chats; append messages."""

    def __init__(self, path: Path, busy_timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = path
        self._busy_timeout = busy_timeout
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        opened = open_database(path, busy_timeout)
        self._conn = opened.conn
        self.read_only = opened.read_only
        self.trouble: ChatStoreError | None = opened.trouble  # why it is read-only, if it is
        self._file = file_id(path)  # the file this connection has open
        self._stamp = file_stamp(path)  # and how it looked (for a read-only view)
        self._retry_at = time.monotonic() + REOPEN_EVERY_S
        self._free_seen = free_bytes(path.parent)

    # -- recovery notices ----------------------------------------------------------------

    @property
    def notices(self) -> list[RecoveryNotice]:
        """Damaged databases kept aside and not yet dismissed, oldest first."""
        return recovery.read_notices(self.path)

    @property
    def recovery(self) -> ChatStoreError | None:
        """What to tell the user about kept-aside databases (None when there is nothing)."""
        notices = self.notices
        if not notices:
            return None
        return ChatStoreError(together([n.text() for n in notices]))

    def dismiss_notices(self, shown: list[RecoveryNotice] | None = None) -> None:
        """The user has read `shown` (default: the notices now): stop showing them. A notice
        added since stays; the kept files stay on disk."""
        with start_lock(self.path):
            recovery.dismiss(self.path, self.notices if shown is None else shown)

    # -- chats ---------------------------------------------------------------------------

    def create_chat(
        self,
        title: str = "",
        model: str | None = None,
        system_prompt: str | None = None,
        prompt_id: str | None = None,
        settings: dict[str, Any] | None = None,
    ) -> Chat:
        now = time.time()
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO chats (title, created_at, updated_at, model, system_prompt, "
                "prompt_id, settings_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (title, now, now, model, system_prompt, prompt_id, json.dumps(settings or {})),
            )
            chat_id = int(cursor.lastrowid or 0)
        return self.get_chat(chat_id)

    def import_chat(
        self, chat: Chat, messages: Sequence[StoredMessage], tree: bool = False
    ) -> Chat:
        """Add a chat from an export, keeping its times and every message field, in one
        transaction (all of it or nothing). The ids of `chat` and `messages` are ignored, but
        for a `tree`: then each message's `parent_id` names another message's id in
        `messages` (or None), and `chat.current_id` the one shown last. Otherwise the messages
        follow one another in order."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO chats (title, created_at, updated_at, model, system_prompt, "
                "prompt_id, settings_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    chat.title,
                    chat.created_at,
                    chat.updated_at,
                    chat.model,
                    chat.system_prompt,
                    chat.prompt_id,
                    json.dumps(chat.settings or {}),
                ),
            )
            chat_id = int(cursor.lastrowid or 0)
            new_ids: dict[int, int] = {}
            parent: int | None = None
            for m in messages:
                if tree:
                    parent = new_ids.get(m.parent_id) if m.parent_id is not None else None
                row = _insert(conn, chat_id, m, parent, m.created_at)
                new_ids.setdefault(m.id, row)
                parent = row
            current = new_ids.get(chat.current_id or -1, parent) if tree else parent
            conn.execute("UPDATE chats SET current_id = ? WHERE id = ?", (current, chat_id))
        return self.get_chat(chat_id)

    def get_chat(self, chat_id: int) -> Chat:
        rows = self._chats("WHERE c.id = ?", (chat_id,))
        if not rows:
            raise ChatNotFound(say.NO_SUCH_CHAT(id=str(chat_id)))
        return rows[0]

    def list_chats(self) -> list[Chat]:
        """All chats, most recently updated first."""
        return self._chats("", ())

    def rename_chat(self, chat_id: int, title: str) -> Chat:
        return self.update_chat(chat_id, title=title)

    def update_chat(self, chat_id: int, **fields: Any) -> Chat:
        """Change title, model, system_prompt, prompt_id or settings."""
        allowed = {"title", "model", "system_prompt", "prompt_id", "settings"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        if "settings" in fields:
            fields["settings_json"] = json.dumps(fields.pop("settings"))
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self._write() as conn:
            cursor = conn.execute(
                f"UPDATE chats SET {assignments}, updated_at = ? WHERE id = ?",
                (*fields.values(), time.time(), chat_id),
            )
            if cursor.rowcount == 0:
                raise ChatNotFound(say.NO_SUCH_CHAT(id=str(chat_id)))
        return self.get_chat(chat_id)

    def delete_chat(self, chat_id: int) -> None:
        with self._write() as conn:
            if conn.execute("DELETE FROM chats WHERE id = ?", (chat_id,)).rowcount == 0:
                raise ChatNotFound(say.NO_SUCH_CHAT(id=str(chat_id)))

    # -- messages ------------------------------------------------------------------------

    def add_message(
        self,
        chat_id: int,
        role: Role,
        content: str,
        status: Status = "complete",
        *,
        model: str | None = None,
        params: dict[str, Any] | None = None,
        timings: dict[str, Any] | None = None,
        prompt_tokens: int | None = None,
        completion_tokens: int | None = None,
        sources: Sequence[Any] | None = None,
        error: str | None = None,
        reasoning: str | None = None,
        after: int | None = LAST,
        replacing: int | None = None,
    ) -> StoredMessage:
        """Add a message in one durable transaction and return it with its id. It follows
        the message `after` names (LAST: the one the chat shows last; None: it is a first
        message), and becomes the one the chat shows last. With `replacing`, that message is
        written over instead, keeping its place (a continued answer)."""
        now = time.time()
        message = StoredMessage(
            0,
            chat_id,
            role,
            content,
            status,
            now,
            model,
            params,
            timings,
            prompt_tokens,
            completion_tokens,
            list(sources) if sources is not None else None,
            error,
            reasoning=reasoning,
        )
        with self._write() as conn:
            if replacing is not None:
                parent = _overwrite(conn, chat_id, replacing, message)
                message_id = replacing
            else:
                parent = _last_shown(conn, chat_id) if after == LAST else after
                message_id = _insert(conn, chat_id, message, parent, now)
            conn.execute(
                "UPDATE chats SET updated_at = ?, current_id = ? WHERE id = ?",
                (now, message_id, chat_id),
            )
        return dataclasses.replace(message, id=message_id, parent_id=parent)

    def messages(self, chat_id: int) -> list[StoredMessage]:
        """The conversation shown, first message first, each carrying its versions' ids."""
        chat = self.get_chat(chat_id)
        return versions.shown_path(self._every(chat_id), chat.current_id)

    def all_messages(self, chat_id: int) -> list[StoredMessage]:
        """Every message of the chat in every version, oldest first."""
        self.get_chat(chat_id)
        return self._every(chat_id)

    def show_version(self, chat_id: int, message_id: int) -> list[StoredMessage]:
        """Show this version of a message (and what followed it most recently); return the
        conversation now shown."""
        every = self.all_messages(chat_id)
        if all(m.id != message_id for m in every):
            raise ChatNotFound(say.NO_SUCH_MESSAGE(id=str(message_id)))
        leaf = versions.newest_leaf(every, message_id)
        self.show_up_to(chat_id, leaf)
        return versions.shown_path(every, leaf)

    def reveal(self, chat_id: int, message_id: int) -> list[StoredMessage]:
        """The conversation shown, with `message_id` in it (a search hit): as it is when the
        message is already shown, else the version the message is in. A message gone since
        leaves the chat as it was."""
        shown = self.messages(chat_id)
        if any(m.id == message_id for m in shown):
            return shown
        if all(m.id != message_id for m in self._every(chat_id)):
            return shown
        return self.show_version(chat_id, message_id)

    def show_up_to(self, chat_id: int, message_id: int | None) -> None:
        """Make `message_id` the message the chat shows last (None: none yet, as before a
        first message is edited). The chat keeps its place in the list."""
        with self._write() as conn:
            conn.execute("UPDATE chats SET current_id = ? WHERE id = ?", (message_id, chat_id))

    def fork(self, chat_id: int, message_id: int) -> Chat:
        """A new chat holding the conversation up to and including `message_id` (the versions
        shown), with the same model, prompt and settings."""
        chat = self.get_chat(chat_id)
        path = versions.path_to(self._every(chat_id), message_id)
        if not path:
            raise ChatNotFound(say.NO_SUCH_MESSAGE(id=str(message_id)))
        now = time.time()
        kept = {k: v for k, v in chat.settings.items() if k not in NOT_COPIED_BY_FORK}
        settings = {**kept, "forked_from": {"chat": chat_id, "message": message_id}}
        copy = dataclasses.replace(chat, created_at=now, updated_at=now, settings=settings)
        return self.import_chat(copy, path)

    def delete_messages_from(self, chat_id: int, message_id: int) -> int:
        """Remove a message and everything that follows from it, in every version; the chat
        then shows the message before it. Returns how many messages went."""
        chat = self.get_chat(chat_id)
        every = self._every(chat_id)
        target = next((m for m in every if m.id == message_id), None)
        if target is None:
            return 0
        doomed = versions.subtree(every, message_id)
        with self._write() as conn:
            conn.executemany(  # the newest first: no message is left without its parent
                "DELETE FROM messages WHERE chat_id = ? AND id = ?",
                [(chat_id, i) for i in sorted(doomed, reverse=True)],
            )
            if chat.current_id is None or chat.current_id in doomed:
                conn.execute(
                    "UPDATE chats SET current_id = ? WHERE id = ?", (target.parent_id, chat_id)
                )
        return len(doomed)

    def _every(self, chat_id: int) -> list[StoredMessage]:
        with self._lock:
            self._fresh_view()
            rows = self._conn.execute(
                "SELECT * FROM messages WHERE chat_id = ? ORDER BY id", (chat_id,)
            ).fetchall()
        every = [_message(row) for row in rows]
        if rows and not _has(rows[0], "parent_id"):  # a version-1 file opened read-only
            every = [dataclasses.replace(m, parent_id=p) for m, p in _previous_ids(every)]
        return every

    # -- search --------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Chats whose title or messages contain `query` (case-insensitive substring)."""
        query = query.strip()
        if not query:
            return []
        with self._lock:
            self._fresh_view()
            titles = self._conn.execute(
                "SELECT id, title FROM chats WHERE title LIKE ? ESCAPE '\\' "
                "ORDER BY updated_at DESC LIMIT ?",
                (stored.like_pattern(query), limit),
            ).fetchall()
            rows = self._conn.execute(*stored.message_search_sql(query, limit)).fetchall()
        hits = [SearchHit(r["id"], r["title"], None, r["title"]) for r in titles]
        hits += [SearchHit(r["chat_id"], r["title"], r["id"], r["snippet"]) for r in rows]
        return hits[:limit]

    # -- plumbing ------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> ChatStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def integrity_ok(self) -> bool:
        with self._lock:
            return bool(self._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self.read_only:
                self._reopen_writable()
            self._check_same_file()
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._rollback()
                    raise
            except sqlite3.Error as exc:
                raise _store_error(exc, self.path) from exc

    def _rollback(self) -> None:
        """Undo the open transaction, if SQLite has not already (it does after a full disk,
        and a second ROLLBACK would hide the first error)."""
        if self._conn.in_transaction:
            with suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def _chats(self, where: str, args: tuple[Any, ...]) -> list[Chat]:
        sql = (
            "SELECT c.*, (SELECT COUNT(*) FROM messages m WHERE m.chat_id = c.id) AS n "
            f"FROM chats c {where} ORDER BY c.updated_at DESC, c.id DESC"
        )
        with self._lock:
            self._fresh_view()
            rows = self._conn.execute(sql, args).fetchall()
        return [
            Chat(
                r["id"],
                r["title"],
                stored.usable_time(r["created_at"]),
                stored.usable_time(r["updated_at"]),
                r["model"],
                r["system_prompt"],
                r["prompt_id"],
                stored.settings(r["settings_json"]),
                r["n"],
                r["current_id"] if _has(r, "current_id") else None,
            )
            for r in rows
        ]

    def _reopen_writable(self) -> None:
        """Opened read-only on a full disk: try for real again (at most every few seconds, so a
        loop of failing writes does not check the file each time), or say why writes fail."""
        free = free_bytes(self.path.parent)
        if time.monotonic() < self._retry_at and free == self._free_seen:
            raise self.trouble or ChatStoreError(say.READ_ONLY())
        self._retry_at, self._free_seen = time.monotonic() + REOPEN_EVERY_S, free
        opened = open_database(self.path, self._busy_timeout)
        self._conn.close()
        self._conn, self.read_only, self.trouble = opened.conn, opened.read_only, opened.trouble
        self._file, self._stamp = file_id(self.path), file_stamp(self.path)
        if self.read_only:
            raise self.trouble or ChatStoreError(say.READ_ONLY())

    def _check_same_file(self) -> None:
        """Refuse to write into a database that another Hearth has kept aside as damaged (the
        write would land in the kept copy, out of sight)."""
        if file_id(self.path) != self._file:
            raise ChatStoreError(say.REPLACED(name=self.path.name))

    def _fresh_view(self) -> None:
        """A read-only (immutable) view sees the file as it was: when the file has changed
        since (space was freed and another Hearth wrote), open it again first."""
        if self.read_only and file_stamp(self.path) != self._stamp:
            with suppress(ChatStoreError):
                opened = open_database(self.path, self._busy_timeout)
                self._conn.close()
                self._conn, self.read_only = opened.conn, opened.read_only
                self.trouble = opened.trouble
                self._file, self._stamp = file_id(self.path), file_stamp(self.path)


def _insert(
    conn: sqlite3.Connection, chat_id: int, m: StoredMessage, parent: int | None, when: float
) -> int:
    cursor = conn.execute(
        "INSERT INTO messages (chat_id, parent_id, role, content, status, model, params_json, "
        "timings_json, prompt_tokens, completion_tokens, sources_json, error, reasoning, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (chat_id, parent, m.role, m.content, m.status, *_details(m), when),
    )
    return int(cursor.lastrowid or 0)


def _overwrite(
    conn: sqlite3.Connection, chat_id: int, message_id: int, m: StoredMessage
) -> int | None:
    """Write `m` over a stored message, in its place; return that message's parent."""
    row = conn.execute(
        "SELECT parent_id FROM messages WHERE id = ? AND chat_id = ?", (message_id, chat_id)
    ).fetchone()
    if row is None:
        raise ChatNotFound(say.NO_SUCH_MESSAGE(id=str(message_id)))
    conn.execute(
        "UPDATE messages SET role = ?, content = ?, status = ?, model = ?, params_json = ?, "
        "timings_json = ?, prompt_tokens = ?, completion_tokens = ?, sources_json = ?, "
        "error = ?, reasoning = ? WHERE id = ?",
        (m.role, m.content, m.status, *_details(m), message_id),
    )
    parent: int | None = row["parent_id"]
    return parent


def _details(m: StoredMessage) -> tuple[Any, ...]:
    return (
        m.model,
        stored.dump(m.params),
        stored.dump(m.timings),
        m.prompt_tokens,
        m.completion_tokens,
        stored.dump(m.sources),
        m.error,
        m.reasoning,
    )


def _last_shown(conn: sqlite3.Connection, chat_id: int) -> int | None:
    """The message the chat shows last (the newest, when none is recorded)."""
    row = conn.execute(
        "SELECT COALESCE(current_id, (SELECT MAX(id) FROM messages WHERE chat_id = ?)) "
        "FROM chats WHERE id = ?",
        (chat_id, chat_id),
    ).fetchone()
    shown: int | None = None if row is None else row[0]
    return shown


def _has(row: sqlite3.Row, column: str) -> bool:
    """Whether the row has this column (a version-1 file read as it is lacks the newer ones)."""
    return column in row.keys()  # noqa: SIM118  (`in` on a Row looks at its values)


def _previous_ids(every: list[StoredMessage]) -> list[tuple[StoredMessage, int | None]]:
    """Each message with the one before it (a version-1 chat is a single line)."""
    return list(zip(every, [None, *(m.id for m in every[:-1])], strict=True))


def _message(row: sqlite3.Row) -> StoredMessage:
    return StoredMessage(
        id=row["id"],
        chat_id=row["chat_id"],
        role=row["role"],
        content=row["content"],
        status=row["status"],
        created_at=stored.usable_time(row["created_at"]),
        model=row["model"],
        params=stored.load_as(row["params_json"], dict),
        timings=stored.load_as(row["timings_json"], dict),
        prompt_tokens=row["prompt_tokens"],
        completion_tokens=row["completion_tokens"],
        sources=stored.sources(row["sources_json"]),
        error=row["error"],
        parent_id=row["parent_id"] if _has(row, "parent_id") else None,
        reasoning=row["reasoning"] if _has(row, "reasoning") else None,
    )


def _store_error(exc: sqlite3.Error, path: Path) -> ChatStoreError:
    """A write that failed: the same words as for opening, about saving."""
    error = trouble_error(exc, path)
    return type(error)(say.NOT_SAVED(reason=error.msg))
