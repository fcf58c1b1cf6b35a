"""Model downloads, several at once, each on its own thread; driven from the GUI thread.

Each running download is a daemon thread that drains `Downloader.run`. It keeps its latest
progress (one step per MiB written) in a slot the GUI thread reads ten times a second, so the
list shows exactly where a stalled download stopped without a signal per chunk; changes of
state (retrying, verifying) and the end go through a small signal bridge, queued to the GUI
thread. Pause
and cancel set the download's own `threading.Event`s directly; the thread notices between
chunks. Unfinished downloads are written to `downloads.json` (see `core/models/pending.py`)
whenever the list changes, so they come back, paused, after a restart.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.core.errors import DownloadStopped, HearthError, message_of
from app.core.models.download import (
    EMBEDDING,
    Downloader,
    DownloadJob,
    DownloadProgress,
    remove_partial,
)
from app.core.models.hub import HubClient
from app.core.models.pending import PendingDownload, job_label, load_pending, save_pending
from app.core.text import Msg
from app.workers.executor import Executor

log = logging.getLogger(__name__)

MAX_ACTIVE = 3
REPORT_EVERY_MS = 100
RUNNING = ("starting", "downloading", "retrying", "verifying", "pausing", "cancelling")
JOIN_TIMEOUT_S = 3.0


@dataclass
class DownloadItem:
    """One row of the downloads list. `state` is one of queued, starting, downloading,
    retrying, verifying, pausing, cancelling (until the thread notices, at the next chunk or
    the read timeout of a stalled connection), paused, failed, done. `label` and `message`
    (why it is retrying, paused or failed) are Msgs, shown with `i18n.say`."""

    key: str
    job: DownloadJob
    label: Msg
    state: str = "queued"
    done: int = 0
    speed: float = 0.0
    message: Msg | None = None
    path: Path | None = None  # the model file (an embedding model's folder), once installed
    stop: threading.Event = field(default_factory=threading.Event)
    cancel: threading.Event = field(default_factory=threading.Event)

    @property
    def total(self) -> int:
        return self.job.total

    @property
    def eta_s(self) -> float | None:
        if self.state != "downloading" or self.speed <= 0:
            return None
        return (self.total - self.done) / self.speed

    @property
    def running(self) -> bool:
        return self.state in RUNNING


def job_key(job: DownloadJob) -> str:
    if job.kind == EMBEDDING:
        return f"{EMBEDDING}:{job.repo_id}"
    return f"{job.repo_id}/{job.files[0].path}"


class _Bridge(QObject):
    """Signals emitted from download threads; Qt queues them to the GUI thread."""

    progressed = Signal(str, object)
    # key, outcome (done/paused/cancelled/failed), detail: the installed path (a str) when
    # done, else a Msg saying why
    ended = Signal(str, str, object)


class DownloadsController(QObject):
    """The downloads list.

    Signals:
        item_changed(str): a download was added or its state or progress changed (its key).
        item_removed(str): a download left the list (cancelled or cleared).
        model_installed(str): a download finished and its model is in the library (its key).
    """

    item_changed = Signal(str)
    item_removed = Signal(str)
    model_installed = Signal(str)

    def __init__(
        self,
        models_dir: Path,
        client_factory: Callable[[], HubClient],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.models_dir = models_dir
        self.items: dict[str, DownloadItem] = {}
        self._client_factory = client_factory
        self._threads: dict[str, threading.Thread] = {}
        self._io = Executor("hearth-downloads", self)
        self._bridge = _Bridge(self)
        self._bridge.progressed.connect(self._on_thread_progressed)
        self._bridge.ended.connect(self._on_thread_ended)
        self._restored = False
        self._closed = False
        self._latest: dict[str, DownloadProgress] = {}  # written by download threads
        self._tick = QTimer(self)
        self._tick.setInterval(REPORT_EVERY_MS)
        self._tick.timeout.connect(self._on_tick_timeout)

    # -- commands ----------------------------------------------------------------------

    def restore(self) -> None:
        """Bring back the downloads left unfinished last time, paused (once per run)."""
        if not self._restored:
            self._restored = True
            self._io.call(lambda: load_pending(self.models_dir), self._on_pending_loaded)

    def add(self, job: DownloadJob) -> str:
        """Queue a download (or resume it, if the same model is already in the list)."""
        key = job_key(job)
        item = self.items.get(key)
        if item is None or item.state == "done":
            self.items[key] = DownloadItem(key, job, job_label(job))
            self.item_changed.emit(key)
        elif not item.running:
            self.resume(key)
            return key
        self._pump()
        self._save()
        return key

    def pause(self, key: str) -> None:
        item = self.items.get(key)
        if item is None:
            return
        if item.state == "queued":
            self._set_state(item, "paused")
        elif item.running and not item.stop.is_set():
            item.stop.set()  # the thread ends with "paused"
            self._set_state(item, "pausing")

    def resume(self, key: str) -> None:
        item = self.items.get(key)
        if item is not None and item.state in ("paused", "failed"):
            item.stop, item.cancel = threading.Event(), threading.Event()
            item.message = None
            self._set_state(item, "queued")
            self._pump()

    def cancel(self, key: str) -> None:
        """Stop and forget a download, deleting what it fetched."""
        item = self.items.get(key)
        if item is None:
            return
        if item.running:
            item.cancel.set()
            item.stop.set()  # the thread removes the partial files, then ends "cancelled"
            self._set_state(item, "cancelling")
            return
        if item.state != "done":
            self._io.call(lambda: remove_partial(item.job))
        self._drop(key)

    def clear(self, key: str) -> None:
        """Take a finished download off the list (its model stays in the library)."""
        item = self.items.get(key)
        if item is not None and item.state == "done":
            self._drop(key)

    def shutdown(self) -> None:
        """Pause every running download (they resume next time) and remember the list."""
        self._closed = True
        for item in self.items.values():
            item.stop.set()
        deadline = time.monotonic() + JOIN_TIMEOUT_S
        for thread in list(self._threads.values()):
            thread.join(max(0.0, deadline - time.monotonic()))
        for item in self.items.values():
            if item.running:
                item.state = "paused"
        self._save()
        self._io.shutdown()

    # -- threads -----------------------------------------------------------------------

    def _pump(self) -> None:
        """Start queued downloads while fewer than MAX_ACTIVE run."""
        if self._closed:
            return
        for item in self.items.values():
            if len(self._threads) >= MAX_ACTIVE:
                return
            if item.state == "queued":
                self._start(item)

    def _start(self, item: DownloadItem) -> None:
        thread = threading.Thread(
            target=self._work,
            args=(item.key, item.job, item.stop, item.cancel),
            name="hearth-download",
            daemon=True,  # a download stuck in a read must never hold up quitting
        )
        self._threads[item.key] = thread
        self._latest.pop(item.key, None)
        self._set_state(item, "starting")
        thread.start()
        self._tick.start()

    def _work(
        self, key: str, job: DownloadJob, stop: threading.Event, cancel: threading.Event
    ) -> None:
        """On the download thread: fetch, verify, install; report as it goes."""
        try:
            client = self._client_factory()
            downloader = Downloader(client.file_url, client.headers())
            state = ""
            for progress in downloader.run(job, stop):
                self._latest[key] = progress  # one reference assignment: safe under the GIL
                if progress.state != state:
                    state = progress.state
                    self._bridge.progressed.emit(key, progress)
            self._bridge.ended.emit(key, "done", str(job.installed_path))
        except DownloadStopped as exc:
            if cancel.is_set():
                remove_partial(job)
                self._bridge.ended.emit(key, "cancelled", "")
            else:
                self._bridge.ended.emit(key, "paused", exc.msg)
        except Exception as exc:  # Hearth's errors say why; a bug: keep the app running
            if not isinstance(exc, HearthError):
                log.exception("download %s failed", key)
            self._bridge.ended.emit(key, "failed", message_of(exc))

    # -- slots -------------------------------------------------------------------------

    @Slot(str, object)
    def _on_thread_progressed(self, key: str, progress: DownloadProgress) -> None:
        """A change of state: shown at once."""
        item = self.items.get(key)
        if item is None or not item.running or item.stop.is_set():
            return
        self._take(item, progress)
        self._set_state(item, progress.state if progress.state != "done" else "verifying")

    def _on_tick_timeout(self) -> None:
        """Ten times a second: the bytes, speed and message of every running download."""
        for key in list(self._threads):
            item, progress = self.items.get(key), self._latest.get(key)
            if item is None or progress is None or item.stop.is_set():
                continue
            if (progress.done, progress.speed) != (item.done, item.speed):
                self._take(item, progress)
                self.item_changed.emit(key)

    @staticmethod
    def _take(item: DownloadItem, progress: DownloadProgress) -> None:
        item.done, item.speed, item.message = progress.done, progress.speed, progress.message

    @Slot(str, str, object)
    def _on_thread_ended(self, key: str, outcome: str, detail: object) -> None:
        self._threads.pop(key, None)
        latest = self._latest.pop(key, None)
        if not self._threads:
            self._tick.stop()
        item = self.items.get(key)
        if item is not None:
            if latest is not None:
                self._take(item, latest)
            if outcome == "cancelled":
                self._drop(key)
            else:
                self._finish(item, outcome, detail)
        self._pump()
        self._save()

    def _on_pending_loaded(self, pending: list[PendingDownload]) -> None:
        for entry in pending:
            key = job_key(entry.job)
            if key not in self.items:
                item = DownloadItem(key, entry.job, entry.label, "paused", entry.done)
                self.items[key] = item
                self.item_changed.emit(key)

    # -- helpers -----------------------------------------------------------------------

    def _finish(self, item: DownloadItem, outcome: str, detail: object) -> None:
        item.speed = 0.0
        if outcome == "done":
            item.done, item.path, item.message = item.total, Path(str(detail)), None
            self._set_state(item, "done")
            self.model_installed.emit(item.key)
        else:
            item.message = detail if isinstance(detail, Msg) else Msg.plain(str(detail))
            self._set_state(item, outcome)

    def _set_state(self, item: DownloadItem, state: str) -> None:
        item.state = state
        self.item_changed.emit(item.key)

    def _drop(self, key: str) -> None:
        self.items.pop(key, None)
        self.item_removed.emit(key)
        self._save()

    def _save(self) -> None:
        jobs = [i.job for i in self.items.values() if i.state != "done" and not i.cancel.is_set()]
        self._io.call(lambda: save_pending(self.models_dir, jobs), None, self._on_save_failed)

    def _on_save_failed(self, error: object) -> None:
        log.warning("the downloads list could not be saved: %s", error)
