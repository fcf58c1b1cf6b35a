"""Unexpected exceptions: one clear line for the user, the full trace in a file in `logs/`.

Both the `hearth` command's entry point and the window's `sys.excepthook` go through
`report_crash`, so a bug never shows a traceback: the person at the keyboard reads what went
wrong in one line and where the details are, and the details are kept for a bug report.

`describe` turns the exceptions Python or a library raises for a known cause (a full disk, a
reply that is not JSON, nesting too deep...) into a sentence; the user-facing texts of these
causes live here, in one place, as phrases (`app/core/text.py`): `CrashReport.message` is shown
in the user's language, `CrashReport.line` is the English text for logs. An unforeseen error's
own words (`ValueError: ...`) are shown as they are.
"""

from __future__ import annotations

import errno
import json
import os
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase

REASON_LENGTH = 200
TRACE_FILES_KEPT = 20

DISK_FULL = Phrase(
    "crash.disk-full",
    QT_TRANSLATE_NOOP("Messages", "the disk is full. Free some space and try again"),
)
NOT_ALLOWED = Phrase(
    "crash.not-allowed",
    QT_TRANSLATE_NOOP("Messages", "Hearth is not allowed to write or read a file"),
)
NOT_ALLOWED_FILE = Phrase(
    "crash.not-allowed-file",
    QT_TRANSLATE_NOOP("Messages", "Hearth is not allowed to write or read a file ({file})"),
)
NOT_JSON = Phrase(
    "crash.not-json",
    QT_TRANSLATE_NOOP("Messages", "a reply or file that should be JSON is not JSON"),
)
TOO_DEEP = Phrase(
    "crash.too-deep", QT_TRANSLATE_NOOP("Messages", "the data is nested too deeply to read")
)
NO_MEMORY = Phrase(
    "crash.no-memory", QT_TRANSLATE_NOOP("Messages", "there is not enough memory for this")
)
WENT_WRONG = Phrase(
    "crash.line",
    QT_TRANSLATE_NOOP("Messages", "Something went wrong: {reason}. The details are in {file}."),
)
WENT_WRONG_NO_LOG = Phrase(
    "crash.line-no-log",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Something went wrong: {reason}. The details could not be written to the log folder.",
    ),
)


@dataclass(frozen=True)
class CrashReport:
    """What to tell the user (`message`, in their language where it is shown) and where the
    full trace went (`trace_file`, or None when it could not be written)."""

    message: Msg
    trace_file: Path | None

    @property
    def line(self) -> str:
        """The message in English, for logs."""
        return str(self.message)


def describe(exc: BaseException) -> Msg:
    """A short sentence for what went wrong, without the traceback."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return DISK_FULL()
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if exc.filename:
            return NOT_ALLOWED_FILE(file=str(exc.filename))
        return NOT_ALLOWED()
    if isinstance(exc, json.JSONDecodeError):
        return NOT_JSON()
    if isinstance(exc, RecursionError):
        return TOO_DEEP()
    if isinstance(exc, MemoryError):
        return NO_MEMORY()
    try:
        text = " ".join(str(exc).split())
    except Exception:  # an exception whose message itself fails
        text = ""
    name = type(exc).__name__
    reason = f"{name}: {text}" if text else name
    shown = reason if len(reason) <= REASON_LENGTH else reason[: REASON_LENGTH - 1] + "…"
    return Msg.plain(shown)  # Python's or a library's own words, shown as they are


def crash_line(reason: Msg, trace_file: Path | None) -> Msg:
    """The one line shown for an unexpected error."""
    if trace_file is not None:
        return WENT_WRONG(reason=reason, file=str(trace_file))
    return WENT_WRONG_NO_LOG(reason=reason)


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
