"""A damaged chat database: kept aside whole, remembered until the user dismisses it, salvaged.

`keep_aside` moves the database *with* its `-wal` and `-shm` into one folder beside it
(`chats.sqlite3.damaged-<stamp>/`), so the kept copy holds every committed transaction and
SQLite can open it as it was. A notice is written to `chats.sqlite3.recovery.json`; every
later start reads it, so the window and `hearth chats list` keep saying what happened until the
user dismisses it. Its reason is stored as a message id with its arguments (`Msg.to_data`), so
the notice reads in the user's language; a reason an older Hearth stored as English text is
shown as it is.

`salvage` reads back what can still be read from the kept copy (working on a scratch copy, so the
kept files are never changed): each table row by row, then by rowid where a page is damaged.
Chats come back with their messages and times; messages whose chat row is lost come back in a
chat of their own. Each notice is salvaged at most once.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.core.chats import texts as say
from app.core.chats.rows import is_time
from app.core.fileio import atomic_write_text, fsync_dir
from app.core.text import Msg, When

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm", "-journal")
MISSES_BEFORE_STOP = 2000  # consecutive unreadable rowids after which a table is done
ROLES = ("system", "user", "assistant")
STATUSES = ("complete", "cancelled", "failed")


@dataclass(frozen=True)
class RecoveryNotice:
    """One damaged database kept aside: where, why, when, and what was salvaged from it."""

    kept: str
    reason: Msg
    at: float
    salvaged_chats: int | None = None
    salvaged_messages: int | None = None
    pending: bool = False  # set until every file has been moved into `kept`

    @property
    def salvaged(self) -> bool:
        return self.salvaged_chats is not None

    def text(self) -> Msg:
        """What happened, and what was salvaged, to show in the user's language."""
        when, kept = When(self.at), self.kept
        if self.salvaged:
            return say.NOTICE_SALVAGED(
                when=when,
                reason=self.reason,
                kept=kept,
                chats=self.salvaged_chats or 0,
                messages=self.salvaged_messages or 0,
            )
        return say.NOTICE_SALVAGEABLE(when=when, reason=self.reason, kept=kept)

    def to_data(self) -> dict[str, Any]:
        """As stored in the notices file: the reason as its id and arguments."""
        return {
            "kept": self.kept,
            "reason": self.reason.to_data(),
            "at": self.at,
            "salvaged_chats": self.salvaged_chats,
            "salvaged_messages": self.salvaged_messages,
            "pending": self.pending,
        }

    @staticmethod
    def from_data(item: Mapping[str, Any]) -> RecoveryNotice:
        """A stored notice; a reason stored as text (by an older Hearth) is kept as it is."""
        reason = item["reason"]
        return RecoveryNotice(
            kept=str(item["kept"]),
            reason=Msg.from_data(reason) if isinstance(reason, Mapping) else Msg.plain(str(reason)),
            at=float(item["at"]),
            salvaged_chats=_count(item.get("salvaged_chats")),
            salvaged_messages=_count(item.get("salvaged_messages")),
            pending=bool(item.get("pending", False)),
        )


def _count(value: Any) -> int | None:
    return None if value is None else int(value)


@dataclass(frozen=True)
class Salvaged:
    """What one salvage brought back."""

    chats: int
    messages: int


def notices_file(path: Path) -> Path:
    return path.with_name(path.name + ".recovery.json")


def read_notices(path: Path) -> list[RecoveryNotice]:
    """The notices not yet dismissed for the database at `path` (none if unreadable)."""
    file = notices_file(path)
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
        return [RecoveryNotice.from_data(item) for item in raw]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("the recovery notices in %s cannot be read: %s", file, exc)
        return []


def write_notices(path: Path, notices: list[RecoveryNotice]) -> None:
    file = notices_file(path)
    if not notices:
        file.unlink(missing_ok=True)
        return
    data = [n.to_data() for n in notices]
    atomic_write_text(file, json.dumps(data, indent=2, ensure_ascii=False))


def keep_aside(path: Path, reason: Msg) -> RecoveryNotice:
    """Move the database and its side files into one new folder; record and return a notice.

    Call it holding the start lock. The notice is written first, marked pending, so a new,
    empty database never appears without one (if it cannot be written, nothing moves). The
    moves are made durable before the mark is cleared; a move cut short by a crash is finished
    by `finish_pending` at the next start, before SQLite may open a file left behind."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while folder.exists():
        folder = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    folder.mkdir()
    notice = RecoveryNotice(str(folder), reason, time.time(), pending=True)
    try:
        write_notices(path, [*read_notices(path), notice])
    except OSError:
        folder.rmdir()
        raise
    log.error("damaged chat database kept in %s: %s", folder, reason)
    return _move_into(path, notice)


def finish_pending(path: Path) -> None:
    """Finish keeping aside what a crash interrupted (call holding the start lock)."""
    for notice in read_notices(path):
        if notice.pending:
            log.warning("finishing an interrupted keep-aside into %s", notice.kept)
            _move_into(path, notice)


def _move_into(path: Path, notice: RecoveryNotice) -> RecoveryNotice:
    folder = Path(notice.kept)
    folder.mkdir(exist_ok=True)
    for suffix in ("", *SIDE_FILES):
        source = path.with_name(path.name + suffix)
        if source.exists() and not (folder / source.name).exists():
            os.replace(source, folder / source.name)
    fsync_dir(folder)
    fsync_dir(path.parent)
    done = replace(notice, pending=False)
    _update(path, done)
    return done


def dismiss(path: Path, shown: list[RecoveryNotice]) -> None:
    """Forget the notices the user has seen; one added since then stays."""
    seen = {n.kept for n in shown}
    write_notices(path, [n for n in read_notices(path) if n.kept not in seen or n.pending])


def _update(path: Path, notice: RecoveryNotice) -> None:
    write_notices(path, [notice if n.kept == notice.kept else n for n in read_notices(path)])


def mark_salvaged(path: Path, notice: RecoveryNotice, result: Salvaged) -> RecoveryNotice:
    done = replace(notice, salvaged_chats=result.chats, salvaged_messages=result.messages)
    _update(path, done)
    return done


# -- reading back what can be read -------------------------------------------------------------


@dataclass
class Readable:
    """The rows read back from a damaged database."""

    chats: dict[int, dict[str, Any]]
    messages: list[dict[str, Any]]


def read_back(kept_folder: Path, db_name: str) -> Readable:
    """Every chat and message row that can still be read from the kept copy."""
    with tempfile.TemporaryDirectory(prefix="hearth-salvage-") as scratch:
        for item in kept_folder.iterdir():
            if item.name.startswith(db_name):
                shutil.copy2(item, Path(scratch) / item.name)
        copy = Path(scratch) / db_name
        if not copy.exists():
            return Readable({}, [])
        conn = sqlite3.connect(copy, isolation_level=None)
        conn.row_factory = sqlite3.Row
        try:
            chats = {int(r["id"]): r for r in _rows(conn, "chats") if _good_chat(r)}
            messages = [r for r in _rows(conn, "messages") if _good_message(r)]
        finally:
            conn.close()
    return Readable(chats, sorted(messages, key=lambda m: int(m["id"])))


def _rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """The table's rows: in one scan while it reads, then rowid by rowid past damage."""
    seen: set[int] = set()
    try:
        for row in conn.execute(f"SELECT rowid AS rowid_, * FROM {table} ORDER BY rowid"):
            seen.add(int(row["rowid_"]))
            yield dict(row)
        return
    except sqlite3.Error as exc:
        log.warning("salvage: reading %s stopped (%s); probing row by row", table, exc)
    rowid, misses = 0, 0
    highest = max(seen, default=0)
    while misses < MISSES_BEFORE_STOP or rowid < highest:
        rowid += 1
        if rowid in seen:
            misses = 0
            continue
        try:
            row = conn.execute(
                f"SELECT rowid AS rowid_, * FROM {table} WHERE rowid = ?", (rowid,)
            ).fetchone()
        except sqlite3.Error:
            row = None
        if row is None:
            misses += 1
            continue
        misses = 0
        yield dict(row)


def _good_chat(row: dict[str, Any]) -> bool:
    return isinstance(row.get("id"), int) and is_time(row.get("created_at"))


def _good_message(row: dict[str, Any]) -> bool:
    return (
        isinstance(row.get("id"), int)
        and isinstance(row.get("chat_id"), int)
        and row.get("role") in ROLES
        and isinstance(row.get("content"), str)
        and is_time(row.get("created_at"))
    )
