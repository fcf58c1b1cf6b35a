"""Local documents in the index host, behind the same API as the in-process `DocsService`.

The host owns Chroma, the catalog and the embedding model. Indexing runs one committed batch
per call, so searches are answered between batches, pausing is simply not asking for the next
batch, and a crash or kill loses at most the batch in flight: the next run picks up there.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from app.core.errors import IndexUnavailable
from app.core.hosts.process_host import HostDied, ProcessHost
from app.core.rag.embedder import DEFAULT_EMBEDDER
from app.core.rag.retrieve import DEFAULT_SEARCH, SearchOptions
from app.core.rag.types import CollectionStatus, IndexProgress, Passage
from app.core.text import QT_TRANSLATE_NOOP, Phrase

INDEXER_STOPPED = Phrase(
    "engine.indexer-stopped",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The document indexer stopped unexpectedly. What was indexed is kept; index again to "
        "continue from there.",
    ),
)

INDEX_FACTORY = "app.core.rag.service:host_service"


class IndexClient:
    """Drop-in for `DocsService`; the host starts on the first request."""

    def __init__(self, factory: str = INDEX_FACTORY, log_path: Path | None = None) -> None:
        self._factory = factory
        self._log_path = log_path
        self._host: ProcessHost | None = None
        self._starting = threading.Lock()  # a chat's search and the indexer may call at once

    @property
    def pid(self) -> int | None:
        return self._host.pid if self._host is not None else None

    def collections(self) -> list[CollectionStatus]:
        result: list[CollectionStatus] = self._call("collections")
        return result

    def status(self, name: str) -> CollectionStatus:
        result: CollectionStatus = self._call("status", name)
        return result

    def create(
        self, name: str, paths: Sequence[str] = (), embedder: str = DEFAULT_EMBEDDER
    ) -> CollectionStatus:
        result: CollectionStatus = self._call("create", name, list(paths), embedder)
        return result

    def rename(self, name: str, new_name: str) -> None:
        self._call("rename", name, new_name)

    def remove(self, name: str) -> None:
        self._call("remove", name)

    def add_paths(self, name: str, paths: Sequence[str]) -> CollectionStatus:
        result: CollectionStatus = self._call("add_paths", name, list(paths))
        return result

    def remove_path(self, name: str, path: str) -> CollectionStatus:
        result: CollectionStatus = self._call("remove_path", name, path)
        return result

    def embedders(self) -> list[str]:
        result: list[str] = self._call("embedders")
        return result

    def set_embedder(self, name: str, embedder: str) -> CollectionStatus:
        result: CollectionStatus = self._call("set_embedder", name, embedder)
        return result

    def index(self, names: Sequence[str] | None = None) -> Iterator[IndexProgress]:
        """Progress points, one committed batch each. Stop iterating to pause; close the
        iterator to cancel (the host drops the run; what was committed stays)."""
        self._call("index_begin", None if names is None else list(names))
        try:
            while (progress := self._call("index_step")) is not None:
                yield progress
        except GeneratorExit:  # closed between steps: no call is in flight
            if self._host is not None and self._host.alive:
                self._call("index_cancel")
            raise
        except BaseException:  # e.g. Ctrl-C while a step was running: the pipe is mid-reply
            self.close()
            raise

    def search(
        self, names: Sequence[str], question: str, options: SearchOptions = DEFAULT_SEARCH
    ) -> list[Passage]:
        result: list[Passage] = self._call("search", list(names), question, options)
        return result

    def document(self, name: str, path: str) -> Passage:
        result: Passage = self._call("document", name, path)
        return result

    def close(self) -> None:
        host, self._host = self._host, None
        if host is not None:
            host.stop()

    def _call(self, method: str, *args: Any) -> Any:
        host = self._ensure_host()
        try:
            return host.call(method, *args)
        except HostDied as died:
            self._host = None
            host.stop(timeout=1.0)
            raise IndexUnavailable(INDEXER_STOPPED(str(died))) from None

    def _ensure_host(self) -> ProcessHost:
        with self._starting:
            if self._host is None or not self._host.alive:
                self._host = ProcessHost(self._factory, "hearth-index", self._log_path)
                self._host.start()
            return self._host
