"""One worker thread that runs jobs in order and hands their results back to the GUI thread.

A job is a plain callable (`call`) or a generator (`stream`, one item per `yield`, the napari
shape). Results, items and errors come back as queued signals, so the callbacks run on the
thread that owns the executor (the GUI thread). Running jobs in order on one thread also
serialises access to what the thread owns: the chat database, the engine.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.core.errors import HearthError

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
# How long quitting waits for closed workers (and the hosts they close) to end; past it they
# finish their last job on their own (bench/quit.py measures what quitting takes).
QUIT_GRACE_MS = 500


@dataclass(frozen=True)
class _Job:
    fn: Callable[[], Any]
    streaming: bool


@dataclass(frozen=True)
class _Handlers:
    on_done: Callback | None
    on_error: Callback | None
    on_item: Callback | None


class _Runner(QObject):
    """Lives on the worker thread; runs each job and reports what happened."""

    item_ready = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, object)

    @Slot(int, object)
    def run(self, job_id: int, job: _Job) -> None:
        try:
            if job.streaming:
                stream: Iterable[Any] = job.fn()
                for item in stream:
                    self.item_ready.emit(job_id, (item,))
                self.finished.emit(job_id, (None,))
            else:
                # Values travel boxed: a bare None through a queued `object` signal has been
                # seen to corrupt None's reference count in PySide6.
                self.finished.emit(job_id, (job.fn(),))
        except Exception as exc:  # handed to the caller's on_error, never lost
            if not _expected(exc):
                log.error("job %s failed:\n%s", job_id, traceback.format_exc())
            self.failed.emit(job_id, exc)


class Executor(QObject):
    """Runs jobs one at a time on its own thread. Signals: none (callbacks per job)."""

    _submitted = Signal(int, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._submitted.connect(self._runner.run)
        self._runner.item_ready.connect(self._on_runner_item_ready)
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(self._on_runner_failed)
        self._jobs: dict[int, _Handlers] = {}
        self._next_id = 0
        self._closed = False
        self._thread.start()

    @property
    def pending(self) -> int:
        """Jobs submitted and not yet finished."""
        return len(self._jobs)

    def call(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: Callback | None = None,
    ) -> int:
        return self._submit(_Job(fn, False), _Handlers(on_done, on_error, None))

    def stream(
        self,
        fn: Callable[[], Iterable[Any]],
        on_item: Callback,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
    ) -> int:
        return self._submit(_Job(fn, True), _Handlers(on_done, on_error, on_item))

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Run the jobs already queued (their callbacks are dropped), then stop the thread."""
        self.close()
        return self.wait(timeout_ms)

    def close(self) -> None:
        """Drop every callback and end the thread after the jobs already queued, without
        waiting (`wait` does): executors closed together finish their last jobs in parallel."""
        if self._closed or not self._thread.isRunning():
            return
        self._closed = True
        self._jobs.clear()
        self._submitted.emit(0, _Job(lambda: QThread.currentThread().quit(), False))

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Wait up to `timeout_ms` for the thread to end. False: it is still running, and is
        left to finish its last jobs on its own (it is kept alive until then)."""
        if self._thread.wait(max(0, timeout_ms)):
            return True
        _keep_until_finished(self._thread, self._runner)
        return False

    def _submit(self, job: _Job, handlers: _Handlers) -> int:
        self._next_id += 1
        self._jobs[self._next_id] = handlers
        self._submitted.emit(self._next_id, job)
        return self._next_id

    @Slot(int, object)
    def _on_runner_item_ready(self, job_id: int, item: object) -> None:
        handlers = self._jobs.get(job_id)
        if handlers is not None and handlers.on_item is not None:
            handlers.on_item(item[0])  # type: ignore[index]

    @Slot(int, object)
    def _on_runner_finished(self, job_id: int, result: object) -> None:
        handlers = self._jobs.pop(job_id, None)
        if handlers is not None and handlers.on_done is not None:
            handlers.on_done(result[0])  # type: ignore[index]

    @Slot(int, object)
    def _on_runner_failed(self, job_id: int, error: object) -> None:
        handlers = self._jobs.pop(job_id, None)
        if handlers is None:
            return
        if handlers.on_error is not None:
            handlers.on_error(error)
        else:
            log.error("unhandled job failure: %s", error)


class Closing(Protocol):
    """A worker closed without waiting (an executor, a controller): `wait` for its end."""

    def wait(self, timeout_ms: int) -> bool: ...


def wait_all(workers: Iterable[Closing], timeout_ms: int) -> bool:
    """Wait for closed workers together, `timeout_ms` in all; False if any still runs."""
    deadline = time.monotonic() + timeout_ms / 1000
    finished = True
    for worker in workers:
        left_ms = int((deadline - time.monotonic()) * 1000)
        finished = worker.wait(left_ms) and finished
    return finished


_STRAGGLERS: dict[QThread, QObject] = {}


def _keep_until_finished(thread: QThread, runner: QObject) -> None:
    """A thread still running past its wait, and the runner with its queued jobs, must not be
    destroyed under it (Qt aborts) when its executor goes: they are kept until it ends."""
    for ended in [t for t in _STRAGGLERS if t.isFinished()]:  # never from the thread itself
        del _STRAGGLERS[ended]
    _STRAGGLERS[thread] = runner


def _expected(exc: Exception) -> bool:
    """Errors with a message for the user; anything else is a bug and is logged in full."""
    return isinstance(exc, HearthError | OSError)
