"""The reader sandbox: files are parsed in a child process with a time and a memory limit.

A PDF that sends the parser into a loop, a document that needs gigabytes, or a parser crash
costs that one file (skipped, with the reason) and a fresh child; never the index host or the
app. `SandboxReader` is the parent's side; `ReaderService` runs in the child.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from app.core.errors import FileSkipped
from app.core.hosts.process_host import HostDied, HostTimedOut, ProcessHost
from app.core.rag import texts
from app.core.rag.extract import DEFAULT_LIMITS, Limits, extract
from app.core.rag.types import Section
from app.core.text import Seconds

log = logging.getLogger(__name__)
READER_FACTORY = "app.core.rag.reader:ReaderService"


class ReaderService:
    """Runs in the child: applies the memory limit once, then reads files on request."""

    def __init__(self, cancel_cell: Any = None) -> None:
        self._limits = Limits()

    def configure(self, limits: Limits) -> None:
        self._limits = limits
        try:
            import resource

            cap = limits.memory_bytes
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        except (ImportError, ValueError, OSError):  # Windows, or a hard limit already lower
            log.info("the reader's memory limit could not be set")

    def read(self, path: str, kind: str) -> list[Section]:
        try:
            return extract(Path(path), kind, self._limits)
        except MemoryError:
            raise FileSkipped(
                texts.TOO_MUCH_MEMORY(gigabytes=self._limits.memory_bytes / 2**30)
            ) from None
        except RecursionError:
            raise FileSkipped(texts.TOO_DEEP()) from None


class SandboxReader:
    """Reads files through the sandbox child, starting a fresh one after a timeout or crash.
    Safe to call from two threads (the index run's read-ahead and a whole-document read);
    the calls take turns."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS, log_path: Path | None = None) -> None:
        self.limits = limits
        self._log_path = log_path
        self._host: ProcessHost | None = None
        self._turn = threading.Lock()

    def read(self, path: str, kind: str) -> list[Section]:
        with self._turn:
            return self._read(path, kind)

    def _read(self, path: str, kind: str) -> list[Section]:
        host = self._ensure()
        try:
            sections: list[Section] = host.call_within(self.limits.seconds, "read", str(path), kind)
            return sections
        except HostTimedOut:
            self._host = None
            raise FileSkipped(texts.TOO_SLOW(time=Seconds(self.limits.seconds))) from None
        except HostDied as died:
            self._host = None
            raise FileSkipped(texts.READER_CRASHED(detail=str(died))) from None
        except FileSkipped:
            raise
        except Exception as exc:  # a parser's own error, carried across the pipe
            detail = f"{type(exc).__name__}: {exc}".rstrip(": ")
            raise FileSkipped(texts.NOT_READ(detail=detail)) from exc

    def close(self) -> None:
        host, self._host = self._host, None
        if host is not None:
            host.stop(timeout=1.0)

    def _ensure(self) -> ProcessHost:
        if self._host is None or not self._host.alive:
            self._host = ProcessHost(READER_FACTORY, "hearth-reader", self._log_path)
            self._host.start()
            self._host.call("configure", self.limits)
        return self._host


class DirectReader:
    """Reads in this process: size limits only, no time or memory limit (tests, benchmarks)."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits

    def read(self, path: str, kind: str) -> list[Section]:
        return extract(Path(path), kind, self.limits)

    def close(self) -> None:
        pass
