"""One small mechanism for running a service object in a child process.

The child builds the service from a factory ("package.module:function"), then answers requests
over a pipe: `call` returns one value, `stream` yields values until the iterator ends. The child
ignores Ctrl-C, SIGTERM and SIGHUP (the terminal or a logout signals the whole process group;
stopping is the parent's business) and exits when the pipe closes: it closes its service,
then ends at once, without the interpreter's slow teardown. A shared integer,
`cancel_cell`, lets the parent cancel work in the child without sending a message to a busy
process.

If the child dies, every waiting call raises `HostDied`; the client decides what that means.
When building the service fails with a `HearthError` (the index is locked by another Hearth,
say), the child sends that error before it exits and the next call raises it as it is, so the
user reads the true reason rather than "stopped unexpectedly".
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from app.core.errors import _UNEXPECTED, HearthError, message_of

_CALL, _STREAM, _ITEMS, _END, _OK, _ERROR = "call", "stream", "items", "end", "ok", "error"
_START_FAILED = "start-failed"
# Stream items arriving within this many seconds of the last send travel together, so a fast
# stream wakes the parent ~40 times a second instead of once per token (it matters on 2 cores).
COALESCE_SECONDS = 0.025


class HostDied(Exception):
    """The child process is gone (crashed, killed, or never started)."""


class HostTimedOut(HostDied):
    """A call took longer than its time limit; the child was stopped."""


class ProcessHost:
    """The parent's handle on one child process. Calls are serialised by a lock."""

    def __init__(
        self, factory: str, name: str = "hearth-host", log_path: Path | None = None
    ) -> None:
        self._factory = factory
        self._name = name
        self._log_path = log_path
        self._ctx = mp.get_context("spawn")
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None
        self.cancel_cell: Any = None

    def start(self) -> None:
        parent, child = self._ctx.Pipe()
        self.cancel_cell = self._ctx.Value("q", 0, lock=False)
        process = self._ctx.Process(
            target=_child_main,
            args=(self._factory, child, self.cancel_cell, self._log_path),
            name=self._name,
            daemon=True,
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def call(self, method: str, *args: Any) -> Any:
        """Run `service.method(*args)` in the child and return its result (or raise its error)."""
        return self.call_within(None, method, *args)

    def call_within(self, seconds: float | None, method: str, *args: Any) -> Any:
        """`call` with a time limit: past it the child is killed and `HostTimedOut` raised."""
        with self._lock:
            self._send((_CALL, method, args))
            kind, value = self._receive(seconds)
            if kind == _ERROR:
                raise value
            return value

    def stream(self, method: str, *args: Any) -> Iterator[Any]:
        """Iterate `service.method(*args)` in the child. To stop early, cancel through
        `cancel_cell` and read on to the end; abandoning the iterator stops the child."""
        with self._lock:
            self._send((_STREAM, method, args))
            finished = False
            try:
                while True:
                    kind, value = self._receive()
                    if kind == _ITEMS:
                        yield from value
                        continue
                    finished = True
                    if kind == _END:
                        return
                    raise value
            finally:
                if not finished:  # abandoned mid-stream: the child is out of step, discard it
                    self.stop(timeout=1.0)

    def stop(self, timeout: float = 5.0) -> None:
        """Close the pipe (the child exits), then make sure the process is gone."""
        conn, process = self._conn, self._process
        self._conn = self._process = None
        if conn is not None:
            conn.close()
        if process is not None:
            process.join(timeout)
            if process.is_alive():
                process.kill()
                process.join(timeout)

    def _send(self, message: tuple[Any, ...]) -> None:
        if self._conn is None or not self.alive:
            self._raise_start_failure()
            raise HostDied(self._death_note())
        try:
            self._conn.send(message)
        except (BrokenPipeError, ConnectionResetError, OSError) as exc:
            self._raise_start_failure()
            raise HostDied(self._death_note()) from exc

    def _receive(self, seconds: float | None = None) -> tuple[str, Any]:
        assert self._conn is not None and self._process is not None
        ready = wait([self._conn, self._process.sentinel], seconds)
        if not ready:
            self.stop(timeout=1.0)
            raise HostTimedOut(f"no answer within {seconds:g} s")
        if self._conn in ready or self._conn.poll(0):
            try:
                message: tuple[str, Any] = self._conn.recv()
            except (EOFError, ConnectionResetError, OSError):
                pass
            else:
                if message[0] == _START_FAILED:
                    self.stop(timeout=1.0)
                    raise message[1]
                return message
        self._process.join(1.0)
        raise HostDied(self._death_note())

    def _raise_start_failure(self) -> None:
        """If the child exited because its service could not be built and said why, raise
        that error (the host is stopped first, so the next start is a fresh one)."""
        conn = self._conn
        if conn is None:
            return
        try:
            if not conn.poll(0):
                return
            message = conn.recv()
        except (EOFError, ConnectionResetError, OSError):
            return
        if isinstance(message, tuple) and message and message[0] == _START_FAILED:
            self.stop(timeout=1.0)
            raise message[1]

    def _death_note(self) -> str:
        code = self._process.exitcode if self._process is not None else None
        if code is None:
            return "the process is not running"
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exited with code {code}"


def _child_main(factory: str, conn: Connection, cancel_cell: Any, log_path: Path | None) -> None:
    # Signals meant for the app (Ctrl-C, a closed terminal, a logout's SIGTERM to the whole
    # session) are the parent's to handle: it stores the partial answer, then closes the pipe,
    # and this process ends with it. A parent killed outright closes the pipe too.
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    # A host may run hosts of its own (the index host's reader sandbox). multiprocessing
    # refuses children to a daemonic process; this one's own children are daemonic and end
    # with it, and it ends when its parent's pipe closes, so the flag is not needed here.
    mp.current_process().daemon = False
    if log_path is not None:
        _redirect_stderr(log_path)
    module_name, _, func_name = factory.partition(":")
    try:
        service = getattr(importlib.import_module(module_name), func_name)(cancel_cell)
    except HearthError as exc:  # a known reason (the index is in use...): tell the parent
        import logging

        logging.getLogger(__name__).warning("%s could not start: %s", factory, exc)
        with contextlib.suppress(OSError):
            conn.send((_START_FAILED, _picklable(exc)))
        conn.close()
        return
    code = _serve_until_closed(conn, service)
    close = getattr(service, "close", None)
    try:
        if close is not None:
            close()
    except BaseException:
        traceback.print_exc()  # into the host's log
        code = 1
    _exit_now(code)


def _serve_until_closed(conn: Connection, service: Any) -> int:
    """Answer requests until the parent closes the pipe (0) or serving fails (1)."""
    try:
        while True:
            try:
                kind, method, args = conn.recv()
            except (EOFError, OSError):
                return 0
            _serve(conn, service, kind, method, args)
    except (EOFError, OSError):  # the parent went away mid-reply (it quit): no one to tell
        return 1
    except BaseException:
        traceback.print_exc()  # into the host's log
        return 1


def _exit_now(code: int) -> None:
    """End the child as soon as its service is closed. The interpreter's teardown would only
    free what the system frees anyway, and with llama.cpp, Chroma and torch loaded it takes
    most of a second (bench/quit.py): the parent's quit waits for this exit."""
    import logging

    for child in mp.active_children():  # a host's own hosts (the reader sandbox), if left
        child.kill()
        child.join(1.0)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
    os._exit(code)


def _redirect_stderr(log_path: Path) -> None:
    """Native libraries write to fd 2; keep that in a log file instead of the user's terminal."""
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    except OSError:
        return
    os.dup2(fd, 2)
    os.close(fd)


def _serve(conn: Connection, service: Any, kind: str, method: str, args: tuple[Any, ...]) -> None:
    try:
        target = getattr(service, method)
        if kind == _CALL:
            conn.send((_OK, target(*args)))
            return
        _send_coalesced(conn, target(*args))
        conn.send((_END, None))
    except Exception as exc:
        conn.send((_ERROR, _picklable(exc)))


def _send_coalesced(conn: Connection, items: Iterator[Any]) -> None:
    """Send items in batches: at once when the last send is older than COALESCE_SECONDS
    (so the first item and slow streams are never delayed), else with the next ones."""
    pending: list[Any] = []
    last_send = 0.0
    try:
        for item in items:
            pending.append(item)
            now = time.monotonic()
            if now - last_send >= COALESCE_SECONDS:
                conn.send((_ITEMS, pending))
                pending, last_send = [], now
    finally:
        if pending:
            conn.send((_ITEMS, pending))


def _picklable(exc: Exception) -> Exception:
    """Errors cross the pipe as themselves when they can, else as a HearthError with the text."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        pass
    plain = HearthError(message_of(exc))  # the error's words, without what cannot be pickled
    try:
        pickle.loads(pickle.dumps(plain))
        return plain
    except Exception:
        return HearthError(_UNEXPECTED(detail=f"{type(exc).__name__}: {exc}"))
