"""Unexpected exceptions: one clear line for the user, the full trace in a file in `logs/`.

Both the `hearth` command's entry point and the window's `sys.excepthook` go through
`report_crash`, so a bug never shows a traceback: the person at the keyboard reads what went
wrong in one line and where the details are, and the details are kept for a bug report.

`describe` turns the exceptions Python or a library raises for a known cause (a full disk, a
reply that is not JSON, nesting too deep...) into a sentence; the user-facing texts of these
causes live here, in one place.
"""

from __future__ import annotations

import errno
import json
import os
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

REASON_LENGTH = 200
TRACE_FILES_KEPT = 20


@dataclass(frozen=True)
class CrashReport:
    """What to tell the user (`line`) and where the full trace went (`trace_file`, or None
    when it could not be written)."""

    line: str
    trace_file: Path | None


def describe(exc: BaseException) -> str:
    """A short sentence for what went wrong, without the traceback."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "the disk is full. Free some space and try again"
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"Hearth is not allowed to write or read a file{where}"
    if isinstance(exc, json.JSONDecodeError):
        return "a reply or file that should be JSON is not JSON"
    if isinstance(exc, RecursionError):
        return "the data is nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "there is not enough memory for this"
    try:
        text = " ".join(str(exc).split())
    except Exception:  # an exception whose message itself fails
        text = ""
    name = type(exc).__name__
    reason = f"{name}: {text}" if text else name
    return reason if len(reason) <= REASON_LENGTH else reason[: REASON_LENGTH - 1] + "…"


def crash_line(reason: str, trace_file: Path | None) -> str:
    """The one line shown for an unexpected error."""
    where = (
        f" The details are in {trace_file}."
        if trace_file is not None
        else " The details could not be written to the log folder."
    )
    return f"Something went wrong: {reason}.{where}"


def write_trace(exc: BaseException, logs: Path, prefix: str) -> Path | None:
    """Write the full traceback of `exc` to `logs/<prefix>-crash-<stamp>.log`; None when the
    folder cannot be written (a full disk, no permission). Only the newest files are kept."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    try:
        logs.mkdir(parents=True, exist_ok=True)
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        path = _new_file(logs, f"{prefix}-crash-{stamp}-{os.getpid()}")
        with path.open("w", encoding="utf-8") as handle:
            handle.write(f"{time.strftime('%Y-%m-%d %H:%M:%S %z')}\n{trace}")
    except (OSError, RecursionError, ValueError):
        return None
    _prune(logs, prefix)
    return path


def _new_file(logs: Path, stem: str) -> Path:
    """A log file of its own: two crashes in the same second never overwrite each other."""
    for n in range(1000):
        path = logs / (f"{stem}.log" if n == 0 else f"{stem}-{n}.log")
        try:
            path.open("x").close()
            return path
        except FileExistsError:
            continue
    raise OSError("too many crash logs in the same second")


def report_crash(exc: BaseException, logs: Path | None, prefix: str) -> CrashReport:
    """Write the trace (when there is a log folder) and build the line to show."""
    trace_file = write_trace(exc, logs, prefix) if logs is not None else None
    return CrashReport(crash_line(describe(exc), trace_file), trace_file)


def default_logs() -> Path | None:
    """The log folder of this installation, or None when even that cannot be worked out."""
    try:
        from app.core.paths import default_paths

        return default_paths().logs
    except Exception:  # reporting a crash must never crash
        return None


def _prune(logs: Path, prefix: str) -> None:
    try:
        files = sorted(logs.glob(f"{prefix}-crash-*.log"), key=lambda p: p.stat().st_mtime)
        for old in files[:-TRACE_FILES_KEPT]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
