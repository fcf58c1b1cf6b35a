"""Chats on disk: SQLite in WAL mode with `synchronous=FULL`, one transaction per message.

When a write returns, the message is on disk: a crash or a power cut afterwards cannot lose it.
Opening tells damage from trouble (`opening.py`): only a database SQLite calls damaged is kept
aside, whole, and a fresh one started; `notices` then say so on every start until the user
dismisses them (`recovery.py`). A full disk, a lock or a racing start leaves the file as it is
(with a full disk, the chats still open read-only). Every method is safe to call from any one
thread at a time (a lock serialises them), so a worker thread may own the store.
"""

from __future__ import annotations

import json
import logging
import math
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from app.core.chats import recovery
from app.core.chats.import_limits import MAX_TIME, MIN_TIME
from app.core.chats.opening import BUSY_TIMEOUT_S, open_database, start_lock, trouble_error
from app.core.chats.recovery import RecoveryNotice
from app.core.errors import ChatNotFound, ChatStoreError
from app.core.messages import Role

log = logging.getLogger(__name__)

Status = Literal["complete", "cancelled", "failed"]
REOPEN_EVERY_S = 3.0  # a read-only store (full disk) tries again this often, or when space frees


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
        self._file = _file_id(path)  # the file this connection has open
        self._stamp = _stamp(path)  # and how it looked (for a read-only view)
        self._retry_at = time.monotonic() + REOPEN_EVERY_S
        self._free_seen = _free_bytes(path.parent)

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
        return ChatStoreError(" ".join(n.text() for n in notices))

    def dismiss_notices(self, shown: list[RecoveryNotice] | None = None) -> None:
        """The user has read `shown` (default: the notices now): stop showing them. A notice
        added since stays; the kept files stay on disk."""
        with start_lock(self.path):
            recovery.dismiss(self.path, self.notices if shown is None else shown)

    # -- chats ---------------------------------------------------------------------------

    def create_chat(
        self,
        title: str = "New chat",
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

    def import_chat(self, chat: Chat, messages: Sequence[StoredMessage]) -> Chat:
        """Add a chat from an export, keeping its times and every message field, in one
        transaction (all of it or nothing). The ids of `chat` and `messages` are ignored."""
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
            conn.executemany(
                "INSERT INTO messages (chat_id, role, content, status, model, params_json, "
                "timings_json, prompt_tokens, completion_tokens, sources_json, error, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        chat_id,
                        m.role,
                        m.content,
                        m.status,
                        m.model,
                        _dump(m.params),
                        _dump(m.timings),
                        m.prompt_tokens,
                        m.completion_tokens,
                        _dump(m.sources),
                        m.error,
                        m.created_at,
                    )
                    for m in messages
                ],
            )
        return self.get_chat(chat_id)

    def get_chat(self, chat_id: int) -> Chat:
        rows = self._chats("WHERE c.id = ?", (chat_id,))
        if not rows:
            raise ChatNotFound(f"There is no chat with id {chat_id}.")
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
                raise ChatNotFound(f"There is no chat with id {chat_id}.")
        return self.get_chat(chat_id)

    def delete_chat(self, chat_id: int) -> None:
        with self._write() as conn:
            if conn.execute("DELETE FROM chats WHERE id = ?", (chat_id,)).rowcount == 0:
                raise ChatNotFound(f"There is no chat with id {chat_id}.")

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
    ) -> StoredMessage:
        """Append a message in one durable transaction and return it with its id."""
        now = time.time()
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO messages (chat_id, role, content, status, model, params_json, "
                "timings_json, prompt_tokens, completion_tokens, sources_json, error, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    chat_id,
                    role,
                    content,
                    status,
                    model,
                    _dump(params),
                    _dump(timings),
                    prompt_tokens,
                    completion_tokens,
                    _dump(sources),
                    error,
                    now,
                ),
            )
            conn.execute("UPDATE chats SET updated_at = ? WHERE id = ?", (now, chat_id))
            message_id = int(cursor.lastrowid or 0)
        return StoredMessage(
            message_id,
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
        )

    def messages(self, chat_id: int) -> list[StoredMessage]:
        self.get_chat(chat_id)
        with self._lock:
            self._fresh_view()
            rows = self._conn.execute(
                "SELECT * FROM messages WHERE chat_id = ? ORDER BY id", (chat_id,)
            ).fetchall()
        return [_message(row) for row in rows]

    def delete_messages_from(self, chat_id: int, message_id: int) -> int:
        """Remove a message and everything after it (edit and resend, regenerate)."""
        with self._write() as conn:
            cursor = conn.execute(
                "DELETE FROM messages WHERE chat_id = ? AND id >= ?", (chat_id, message_id)
            )
            return int(cursor.rowcount)

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
                (_like_pattern(query), limit),
            ).fetchall()
            rows = self._conn.execute(*_message_search_sql(query, limit)).fetchall()
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
                usable_time(r["created_at"]),
                usable_time(r["updated_at"]),
                r["model"],
                r["system_prompt"],
                r["prompt_id"],
                _settings(r["settings_json"]),
                r["n"],
            )
            for r in rows
        ]

    def _reopen_writable(self) -> None:
        """Opened read-only on a full disk: try for real again (at most every few seconds, so a
        loop of failing writes does not check the file each time), or say why writes fail."""
        free = _free_bytes(self.path.parent)
        if time.monotonic() < self._retry_at and free == self._free_seen:
            raise self.trouble or ChatStoreError("The chat database is read-only right now.")
        self._retry_at, self._free_seen = time.monotonic() + REOPEN_EVERY_S, free
        opened = open_database(self.path, self._busy_timeout)
        self._conn.close()
        self._conn, self.read_only, self.trouble = opened.conn, opened.read_only, opened.trouble
        self._file, self._stamp = _file_id(self.path), _stamp(self.path)
        if self.read_only:
            raise self.trouble or ChatStoreError("The chat database is read-only right now.")

    def _check_same_file(self) -> None:
        """Refuse to write into a database that another Hearth has kept aside as damaged (the
        write would land in the kept copy, out of sight)."""
        if _file_id(self.path) != self._file:
            raise ChatStoreError(
                f"{self.path.name} was replaced while this Hearth had it open (another Hearth "
                "found it damaged and kept it aside). Restart Hearth to use the new database; "
                "nothing already saved was lost."
            )

    def _fresh_view(self) -> None:
        """A read-only (immutable) view sees the file as it was: when the file has changed
        since (space was freed and another Hearth wrote), open it again first."""
        if self.read_only and _stamp(self.path) != self._stamp:
            with suppress(ChatStoreError):
                opened = open_database(self.path, self._busy_timeout)
                self._conn.close()
                self._conn, self.read_only = opened.conn, opened.read_only
                self.trouble = opened.trouble
                self._file, self._stamp = _file_id(self.path), _stamp(self.path)


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return -1


def _file_id(path: Path) -> tuple[int, int] | None:
    """Which file `path` is (None when it is gone)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _stamp(path: Path) -> tuple[Any, ...]:
    """Which file `path` is and how it and its log last changed."""
    parts: list[Any] = []
    for name in (path, path.with_name(path.name + "-wal")):
        try:
            st = name.stat()
            parts += [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]
        except OSError:
            parts.append(None)
    return tuple(parts)


def _message_search_sql(query: str, limit: int) -> tuple[str, tuple[Any, ...]]:
    select = (
        "SELECT m.id, m.chat_id, c.title, {snippet} AS snippet FROM messages m "
        "JOIN chats c ON c.id = m.chat_id "
    )
    if len(query) >= 3:  # the trigram tokenizer needs three characters
        phrase = '"' + query.replace('"', '""') + '"'
        sql = select.format(snippet="snippet(messages_fts, 0, '[', ']', '…', 40)") + (
            "JOIN messages_fts f ON f.rowid = m.id WHERE messages_fts MATCH ? "
            "ORDER BY m.id DESC LIMIT ?"
        )
        return sql, (phrase, limit)
    pattern = _like_pattern(query)
    sql = select.format(snippet="substr(m.content, 1, 120)") + (
        "WHERE m.content LIKE ? ESCAPE '\\' ORDER BY m.id DESC LIMIT ?"
    )
    return sql, (pattern, limit)


def _like_pattern(query: str) -> str:
    """A LIKE pattern matching `query` literally anywhere (with ESCAPE '\\')."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _message(row: sqlite3.Row) -> StoredMessage:
    return StoredMessage(
        id=row["id"],
        chat_id=row["chat_id"],
        role=row["role"],
        content=row["content"],
        status=row["status"],
        created_at=usable_time(row["created_at"]),
        model=row["model"],
        params=_load_as(row["params_json"], dict),
        timings=_load_as(row["timings_json"], dict),
        prompt_tokens=row["prompt_tokens"],
        completion_tokens=row["completion_tokens"],
        sources=_sources(row["sources_json"]),
        error=row["error"],
    )


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _load(text: str | None) -> Any:
    """A message's optional details (parameters, timings, sources). Damaged ones are dropped,
    logged, and left as they are on disk: the message itself still opens."""
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        log.warning("a message detail could not be read and is ignored: %.80r", text)
        return None


def usable_time(value: Any) -> float:
    """A stored time every reader can show: one out of range (an import before limits, a
    salvaged row) reads as 0, the start of 1970, never as an error."""
    if isinstance(value, int | float) and math.isfinite(value) and MIN_TIME <= value <= MAX_TIME:
        return float(value)
    return 0.0


def _load_as(text: str | None, kind: type) -> Any:
    """A stored detail, only when it has the type every reader expects (else absent)."""
    value = _load(text)
    return value if isinstance(value, kind) else None


def _sources(text: str | None) -> list[Any] | None:
    """A message's sources: a list of objects, whatever an old database or import holds."""
    value = _load_as(text, list)
    return None if value is None else [s for s in value if isinstance(s, dict)]


def _settings(text: str | None) -> dict[str, Any]:
    value = _load(text)
    return value if isinstance(value, dict) else {}


def _store_error(exc: sqlite3.Error, path: Path) -> ChatStoreError:
    """A write that failed: the same words as for opening, about saving."""
    error = trouble_error(exc, path)
    return type(error)(f"The chat could not be saved. {error}")
