"""Opening the chat database, telling damage from trouble.

*Damage* is only what SQLite itself reports: the file is not a database (`SQLITE_NOTADB`), its
pages are corrupt (`SQLITE_CORRUPT`), or `PRAGMA quick_check` fails. Only then is the file kept
aside (see `recovery.py`) and a new one started.

*Trouble* is everything else: a full disk, a lock held by another program, no permission, a
read-only folder, a schema newer than this code. The file is left exactly as it is and a
`ChatStoreError` says what to do. A lock is waited for (`busy_timeout`) before giving up. A full
disk with a cleanly closed database still opens, read-only, so the chats can be read.

The first start on a folder serialises on a file lock beside the database (`<name>.lock`), so
racing first starts never both create the schema.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from app.core.chats import recovery, schema
from app.core.chats import texts as say
from app.core.errors import ChatStoreError, ChatStoreFull
from app.core.text import Msg, Seconds

BUSY_TIMEOUT_S = 20.0  # how long a lock held by another connection is waited for
START_LOCK_TIMEOUT_S = 60.0  # how long a racing start waits for another one to finish opening

SQLITE_HEADER = b"SQLite format 3\x00"
_DAMAGE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_FULL_OR_IO = {sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DENIED = {sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_AUTH}


class DatabaseDamaged(Exception):
    """SQLite says the file is not a readable database; `reason` says why (SQLite's own words
    kept as its detail)."""

    def __init__(self, reason: Msg) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass
class Opened:
    """An open connection; `read_only` with `trouble` saying why when writes cannot work."""

    conn: sqlite3.Connection
    read_only: bool = False
    trouble: ChatStoreError | None = None


def start_lock(path: Path) -> FileLock:
    """The lock that serialises opening, keeping aside and salvaging the database at `path`:
    one object per file, so a thread already holding it may take it again (a salvage whose
    write reopens the store) while other threads and processes wait."""
    name = str(path.with_name(path.name + ".lock"))
    with _LOCKS_GUARD:
        lock = _LOCKS.get(name)
        if lock is None:
            lock = _LOCKS[name] = FileLock(name, timeout=START_LOCK_TIMEOUT_S)
        return lock


_LOCKS: dict[str, FileLock] = {}
_LOCKS_GUARD = threading.Lock()


def open_database(path: Path, busy_timeout: float = BUSY_TIMEOUT_S) -> Opened:
    """Open, check and migrate. A damaged database is kept aside (with a notice) and a new one
    opened; trouble raises `ChatStoreError` and leaves the file untouched."""
    lock = start_lock(path)
    try:
        lock.acquire()
    except Timeout:
        raise ChatStoreError(
            say.START_LOCK_TIMEOUT(name=path.name, seconds=Seconds(START_LOCK_TIMEOUT_S))
        ) from None
    except OSError as exc:  # no lock file on a read-only or full disk: an existing database
        if not path.exists():  # needs no start lock to be read (SQLite's own locks still hold)
            raise trouble_error(None, path, exc) from exc
        return _open_unlocked(path, busy_timeout, exc)
    try:
        recovery.finish_pending(path)  # a keep-aside a crash cut short, before SQLite looks
        return _open_checked(path, busy_timeout)
    except DatabaseDamaged as damaged:
        try:
            recovery.keep_aside(path, damaged.reason)
        except OSError as exc:
            raise _cannot_keep_aside(path, damaged, exc) from exc
        return _open_checked(path, busy_timeout)
    finally:
        lock.release()


def _open_unlocked(path: Path, busy_timeout: float, lock_error: OSError) -> Opened:
    try:
        return _open_checked(path, busy_timeout)
    except DatabaseDamaged as damaged:
        raise _cannot_keep_aside(path, damaged, lock_error) from damaged


def _cannot_keep_aside(path: Path, damaged: DatabaseDamaged, exc: OSError) -> ChatStoreError:
    return ChatStoreError(
        say.CANNOT_KEEP_ASIDE(
            str(exc.strerror or exc), path=str(path), reason=damaged.reason, folder=str(path.parent)
        )
    )


def _open_checked(path: Path, busy_timeout: float) -> Opened:
    if not _has_sqlite_header(path):  # before SQLite opens it, and perhaps drops its -wal
        raise DatabaseDamaged(say.NOT_A_DATABASE())
    try:
        return Opened(_connect(path, busy_timeout))
    except sqlite3.Error as exc:
        if is_damage(exc):
            raise DatabaseDamaged(say.SQLITE_DAMAGE(str(exc))) from exc
        if _primary(exc) in _FULL_OR_IO and _wal_is_empty(path):
            return _read_only(path, trouble_error(exc, path))
        raise trouble_error(exc, path) from exc


def _connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, isolation_level=None, check_same_thread=False, timeout=busy_timeout
    )
    try:
        conn.row_factory = sqlite3.Row
        _refuse_newer(conn, path)  # before WAL: a newer database is left exactly as it was
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise DatabaseDamaged(say.CHECK_FAILED(str(check)))
        schema.migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _read_only(path: Path, trouble: ChatStoreError) -> Opened:
    """The database as it is on disk, for reading while the disk is full. Only used when its
    write-ahead log is empty, so nothing committed is missed."""
    uri = f"{path.resolve().as_uri()}?immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        _refuse_newer(conn, path)
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as exc:  # never damage here: the file may be changing under us
        raise trouble from exc
    if check != "ok":
        conn.close()
        raise trouble
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) < 1:
        conn.close()
        raise trouble  # a schema still to create cannot be created on a full disk
    # an older schema is read as it is (version 1: one line of messages, see `store.py`)
    return Opened(conn, read_only=True, trouble=trouble)


def _refuse_newer(conn: sqlite3.Connection, path: Path) -> None:
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > schema.SCHEMA_VERSION:
        raise ChatStoreError(
            say.NEWER_SCHEMA(path=str(path), found=str(found), known=str(schema.SCHEMA_VERSION))
        )


def _has_sqlite_header(path: Path) -> bool:
    """True for a missing or empty file (a new database) and for one that starts as SQLite's
    do; False for anything else."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    except OSError:
        return True  # let SQLite report why it cannot be read
    return head in (b"", SQLITE_HEADER)


def _wal_is_empty(path: Path) -> bool:
    """No committed transaction lives outside the main file (no log to replay, no hot
    rollback journal): only then does a read-only, immutable view miss nothing."""
    try:
        for suffix in ("-wal", "-journal"):
            side = path.with_name(path.name + suffix)
            if side.exists() and side.stat().st_size > 0:
                return False
    except OSError:
        return False
    return True


def _primary(exc: sqlite3.Error) -> int:
    code = getattr(exc, "sqlite_errorcode", None)
    return int(code) & 0xFF if code is not None else -1


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite says the file itself is damaged (and not that it cannot get at it)."""
    if isinstance(exc, DatabaseDamaged):
        return True
    return isinstance(exc, sqlite3.Error) and _primary(exc) in _DAMAGE


def trouble_error(
    exc: sqlite3.Error | None, path: Path, os_error: OSError | None = None
) -> ChatStoreError:
    """What to tell the user when the database cannot be used right now (it is not damaged)."""
    code = _primary(exc) if exc is not None else -1
    text = str(exc or os_error or "")
    if code == sqlite3.SQLITE_FULL or "disk is full" in text or _is_enospc(os_error):
        return ChatStoreFull(say.DISK_FULL(folder=str(path.parent)))
    if code in _BUSY:
        return ChatStoreError(say.LOCKED(name=path.name))
    if code in _DENIED or code == sqlite3.SQLITE_CANTOPEN or _is_denied(os_error):
        return ChatStoreError(say.DENIED(path=str(path)))
    if code == sqlite3.SQLITE_IOERR:
        return ChatStoreError(say.IO_ERROR(text, path=str(path)))
    return ChatStoreError(say.UNUSABLE(text))


def _is_enospc(exc: OSError | None) -> bool:
    return exc is not None and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _is_denied(exc: OSError | None) -> bool:
    return exc is not None and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)


def free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return -1


def file_id(path: Path) -> tuple[int, int] | None:
    """Which file `path` is (None when it is gone)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def file_stamp(path: Path) -> tuple[Any, ...]:
    """Which file `path` is and how it and its log last changed."""
    parts: list[Any] = []
    for name in (path, path.with_name(path.name + "-wal")):
        try:
            st = name.stat()
            parts += [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]
        except OSError:
            parts.append(None)
    return tuple(parts)
