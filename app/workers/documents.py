"""Local documents off the GUI thread: the collections, their indexing, and watching them.

`DocumentsController` sends every call to the documents service (the index host's client in
the app, an in-process `DocsService` in some tests) on one worker thread. Indexing goes one
committed batch per job: after each batch the controller decides whether to ask for the next
one, so calls queued meanwhile (a rename, a status) run between batches, pausing is not asking,
and cancelling closes the run, which keeps everything already committed.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

from PySide6.QtCore import QObject, Signal

from app.core.errors import message_of
from app.core.rag.context import Searcher
from app.core.rag.embedder import DEFAULT_EMBEDDER
from app.core.rag.types import CollectionStatus, IndexProgress
from app.core.rag.watch import FolderWatcher, owners
from app.core.text import Msg
from app.workers.executor import Executor

State = Literal["idle", "running", "paused"]
RECOUNT_S = 2.0  # how often a run's counts (files, passages, skipped) are re-read


class DocumentsApi(Searcher, Protocol):
    """What the controller needs: `DocsService` and `IndexClient` both have it."""

    def collections(self) -> list[CollectionStatus]: ...
    def create(
        self, name: str, paths: Sequence[str] = ..., embedder: str = ...
    ) -> CollectionStatus: ...
    def rename(self, name: str, new_name: str) -> None: ...
    def remove(self, name: str) -> None: ...
    def add_paths(self, name: str, paths: Sequence[str]) -> CollectionStatus: ...
    def remove_path(self, name: str, path: str) -> CollectionStatus: ...
    def embedders(self) -> list[str]: ...
    def set_embedder(self, name: str, embedder: str) -> CollectionStatus: ...
    def index(self, names: Sequence[str] | None = ...) -> Iterator[IndexProgress]: ...
    def close(self) -> None: ...


class DocumentsController(QObject):
    """The collections, as the window sees them.

    Signals:
        collections_listed(list): every `CollectionStatus`, after any change.
        progress_changed(object): the `IndexProgress` of the run under way (phase "paused"
            while paused).
        state_changed(str): "running", "paused" or "idle".
        failed(object): a `Msg` the user must read (a bad name, a missing folder, a crash);
            show it with `i18n.say`.
    """

    collections_listed = Signal(list)
    progress_changed = Signal(object)
    state_changed = Signal(str)
    failed = Signal(object)
    _changes_seen = Signal(object)  # from the watcher's thread

    def __init__(
        self,
        client: DocumentsApi,
        catalog_file: Path | None = None,
        watch: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.collections: list[CollectionStatus] = []
        self.embedders: list[str] = [DEFAULT_EMBEDDER]  # the models a collection can use
        self.listed = False
        self.progress: IndexProgress | None = None
        self.state: State = "idle"
        self._catalog_file = catalog_file
        self._io = Executor("hearth-documents", self)
        self._run: Iterator[IndexProgress] | None = None
        self._in_flight = False
        self._cancelling = False
        self._queued: list[list[str] | None] = []
        self._counted_at = 0.0
        self._watcher = FolderWatcher(self._changes_seen.emit, self.failed.emit) if watch else None
        self._changes_seen.connect(self._on_changes_seen)
        self._shut_down = False

    # -- start-up ----------------------------------------------------------------------

    def start(self) -> None:
        """If documents were ever added: list them, look for changes made while the app was
        closed, and watch their folders. Otherwise the index host is not started."""
        catalog = self._catalog_file
        if catalog is None:
            self._list_then(self._rescan, with_models=True)
            return
        self._io.call(catalog.exists, self._on_catalog_checked)

    def refresh(self) -> None:
        """List the collections, and the embedding models on this computer."""
        self._list_then(None, with_models=True)

    def _rescan(self) -> None:
        if self.collections:
            self.index(None)

    # -- collections -------------------------------------------------------------------

    def create(self, name: str, paths: Sequence[str], embedder: str = DEFAULT_EMBEDDER) -> None:
        """Make the collection and index it straight away."""
        client, paths = self.client, list(paths)
        self._io.call(
            lambda: client.create(name, paths, embedder),
            lambda status: self._list_then(lambda: self.index([status.name])),
            self._on_failed,
        )

    def rename(self, name: str, new_name: str) -> None:
        client = self.client
        self._after_stopping(
            name,
            lambda: self._io.call(
                lambda: client.rename(name, new_name), self._on_changed, self._on_failed
            ),
        )

    def remove(self, name: str) -> None:
        client = self.client
        self._after_stopping(
            name,
            lambda: self._io.call(lambda: client.remove(name), self._on_changed, self._on_failed),
        )

    def add_paths(self, name: str, paths: Sequence[str]) -> None:
        client, paths = self.client, list(paths)
        self._change_then_index(name, lambda: client.add_paths(name, paths))

    def remove_path(self, name: str, path: str) -> None:
        """Take a folder out; the index run that follows drops its chunks."""
        client = self.client
        self._change_then_index(name, lambda: client.remove_path(name, path))

    def set_embedder(self, name: str, embedder: str) -> None:
        """Switch the collection's embedding model: its vectors go, and it is indexed again."""
        client = self.client
        self._after_stopping(
            name, lambda: self._change_then_index(name, lambda: client.set_embedder(name, embedder))
        )

    def _change_then_index(self, name: str, change: Any) -> None:
        """Run `change` (a call to the service), then list the collections and index `name`."""
        self._io.call(
            change, lambda _: self._list_then(lambda: self.index([name])), self._on_failed
        )

    def names_for(self, ids: Sequence[int]) -> list[str]:
        by_id = {c.id: c.name for c in self.collections}
        return [by_id[i] for i in ids if i in by_id]

    # -- indexing ----------------------------------------------------------------------

    def index(self, names: list[str] | None = None) -> None:
        """Index these collections (all when None); queued behind a run under way."""
        if self._run is not None:
            self._queued.append(names)
            return
        self._run = iter(self.client.index(names))  # a generator: nothing runs until a step
        self._cancelling = False
        self._set_state("running")
        self._step()

    def pause(self) -> None:
        if self.state == "running":
            self._set_state("paused")
            if self.progress is not None:
                self._show(_paused(self.progress))
            self._list_then(None)  # the counts so far

    def resume(self) -> None:
        if self.state == "paused":
            self._set_state("running")
            if not self._in_flight:
                self._step()

    def cancel(self) -> None:
        """Stop the run (and any queued behind it); what was committed stays indexed."""
        if self._run is None:
            return
        self._queued.clear()
        self._cancelling = True
        if not self._in_flight:
            self._close_run()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop watching, end the run (the next start continues it), close the host."""
        self.close()
        return self.wait(timeout_ms)

    def close(self) -> None:
        """`shutdown` without waiting: the run ends and the host closes on the documents
        thread (a batch in flight is committed first), while the caller goes on."""
        if self._shut_down:
            return
        self._shut_down = True
        run, client = self._run, self.client
        self._run = None
        if run is not None:
            self._io.call(_closer(run))
        self._io.call(client.close)
        self._io.close()
        if self._watcher is not None:
            self._watcher.stop()

    def wait(self, timeout_ms: int) -> bool:
        """After `close`: wait for the documents thread (and so the index host) to end."""
        return self._io.wait(timeout_ms)

    def _step(self) -> None:
        run = self._run
        assert run is not None
        self._in_flight = True
        self._io.call(lambda: next(run, None), self._on_step_done, self._on_step_failed)

    def _close_run(self) -> None:
        run = self._run
        assert run is not None
        self._in_flight = True
        self._io.call(_closer(run), lambda _: self._end_run(), self._on_step_failed)

    def _end_run(self) -> None:
        self._run, self._in_flight, self._cancelling = None, False, False
        queued, self._queued = self._queued, []
        self._set_state("idle")
        after = None
        if queued:
            names = None if None in queued else sorted({n for q in queued for n in q or ()})
            after = lambda: self.index(names)  # noqa: E731 - runs once the list is fresh
        self._list_then(after)

    def _set_state(self, state: State) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def _show(self, progress: IndexProgress) -> None:
        self.progress = progress
        self.progress_changed.emit(progress)

    # -- helpers -----------------------------------------------------------------------

    def _list_then(self, then: Any, with_models: bool = False) -> None:
        """List the collections (and, when asked, look for embedding models: a folder scan
        not worth repeating at every count during a run), then call `then`."""
        client = self.client
        self._io.call(
            lambda: (client.collections(), client.embedders() if with_models else None),
            lambda found: self._on_listed(found[0], found[1], then),
            lambda error: self.failed.emit(_message(error)),
        )

    def _after_stopping(self, name: str, action: Any) -> None:
        """Run `action` once no run is touching `name` (a rename or removal mid-index)."""
        if self._run is None:
            action()
            return
        self.cancel()
        self._queued.append(None)  # index the rest again afterwards
        self._io.call(lambda: None, lambda _: action())

    # -- slots -------------------------------------------------------------------------

    def _on_listed(
        self, found: list[CollectionStatus], embedders: list[str] | None, then: Any
    ) -> None:
        self.collections, self.listed = found, True
        if embedders is not None:
            self.embedders = embedders
        self.collections_listed.emit(found)
        if self._watcher is not None and not self._shut_down:
            self._watcher.watch(s for c in found for s in c.sources)
        if then is not None:
            then()

    def _on_catalog_checked(self, found: bool) -> None:
        if found and not self._shut_down:
            self._list_then(self._rescan, with_models=True)

    def _on_changed(self, _result: object) -> None:
        self._list_then(None)

    def _on_step_done(self, progress: IndexProgress | None) -> None:
        self._in_flight = False
        if self._run is None:  # shut down meanwhile
            return
        if progress is None:
            self._end_run()
            return
        if progress.phase != "done" or progress.files_total or progress.removed:
            self._show(progress if self.state != "paused" else _paused(progress))
        if progress.phase == "done" or time.monotonic() - self._counted_at > RECOUNT_S:
            self._counted_at = time.monotonic()
            self._list_then(None)  # the counts so far, between two batches
        if self._cancelling:
            self._close_run()
        elif self.state == "running":
            self._step()

    def _on_step_failed(self, error: object) -> None:
        self._run = None
        self._in_flight = self._cancelling = False
        self._queued.clear()
        self._set_state("idle")
        self.failed.emit(_message(error))
        self._list_then(None)

    def _on_failed(self, error: object) -> None:
        self.failed.emit(_message(error))
        self.refresh()

    def _on_changes_seen(self, paths: set[str]) -> None:
        sources = {c.name: c.sources for c in self.collections}
        names = owners(paths, sources)
        if names and not self._shut_down:
            self.index(names)


def _message(error: object) -> Msg:
    """What the executor reports (an exception, or already a message) as a Msg."""
    if isinstance(error, Msg):
        return error
    if isinstance(error, BaseException):
        return message_of(error)
    return Msg.plain(str(error))


def _paused(progress: IndexProgress) -> IndexProgress:
    return dataclasses.replace(progress, phase="paused", eta_seconds=None)


def _closer(run: Iterator[IndexProgress]) -> Any:
    close = getattr(run, "close", None)
    return close if close is not None else (lambda: None)
