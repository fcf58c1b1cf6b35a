"""Small file helpers: atomic writes, moving a damaged file aside, and large writes that
cannot fill the disk by themselves (free space checked first, the partial file always removed
on failure)."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from app.core.errors import DiskSpaceError
from app.core.text import QT_TRANSLATE_NOOP, Phrase, Size

# Room left free beyond a large write's own bytes: the chat database, logs and settings must
# still be writable after it.
WRITE_MARGIN = 64 * 1024 * 1024
NO_ROOM_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})

NOT_ENOUGH_SPACE = Phrase(
    "store.not-enough-space",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Not enough free disk space in {folder}: {needed} are needed (and {margin} kept free), "
        "only {free} are free. Free some space and try again.",
    ),
)
FILLED_UP = Phrase(
    "store.filled-up",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The disk filled up while writing {name} to {folder}; the partial file was removed. "
        "Free some space and try again.",
    ),
)


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that a crash leaves either the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def move_aside(path: Path, reason: str) -> Path:
    """Rename a damaged file to `<name>.<reason>-<timestamp>` and return the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{counter}")
        counter += 1
    os.replace(path, target)
    return target


def fsync_dir(folder: Path) -> None:
    """Make renames and new files in `folder` durable (best effort where unsupported)."""
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def check_free_space(folder: Path, needed: int, margin: int = WRITE_MARGIN) -> int:
    """Raise `DiskSpaceError` unless `needed` bytes plus `margin` fit in `folder` (its nearest
    existing parent); return the free bytes."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    if free < needed + margin:
        raise DiskSpaceError(
            NOT_ENOUGH_SPACE(
                folder=str(folder), needed=Size(needed), margin=Size(margin), free=Size(free)
            )
        )
    return free


@contextmanager
def write_via_part(target: Path, size: int, margin: int = WRITE_MARGIN) -> Iterator[BinaryIO]:
    """Write a large file of `size` bytes to `<target>.part`, then move it into place.

    A stale `.part` of an earlier attempt is removed first and free space is checked before
    anything is written. When the block raises anything at all (an `OSError`, a checksum the
    caller checks, `KeyboardInterrupt`), the `.part` is removed; a full disk (or a file size
    limit) comes out as `DiskSpaceError`, other errors as themselves."""
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    check_free_space(target.parent, size, margin)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except BaseException as exc:
        _remove_quietly(partial)
        if isinstance(exc, OSError) and exc.errno in NO_ROOM_ERRNOS:
            raise DiskSpaceError(FILLED_UP(name=target.name, folder=str(target.parent))) from None
        raise
    _fsync_dir(target.parent)


def _remove_quietly(path: Path) -> None:
    with suppress(OSError):
        path.unlink(missing_ok=True)
