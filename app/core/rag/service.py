"""Local documents as one service: collections, indexing, search.

The index host runs one `DocsService` (built by `host_service`) and is the only process that
opens the index: Chroma's client is not safe across processes, so the service holds a lock
file while it lives. Tests and benchmarks use it in-process.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from app.core.errors import DocumentsError, IndexUnavailable
from app.core.rag import texts
from app.core.rag.catalog import Catalog, CollectionRow
from app.core.rag.chunking import Chunker
from app.core.rag.embedder import (
    DEFAULT_EMBEDDER,
    Embedder,
    installed_embedders,
    resolve_embedder,
)
from app.core.rag.extract import kind_of
from app.core.rag.indexer import BATCH_CHUNKS, IndexRun, Reader
from app.core.rag.languages import cjk_share, language_hint
from app.core.rag.reader import SandboxReader
from app.core.rag.retrieve import DEFAULT_SEARCH, SearchOptions, search
from app.core.rag.types import CollectionStatus, FileProblem, IndexProgress, Passage
from app.core.rag.vectors import VectorStore

log = logging.getLogger(__name__)
NAME_LIMIT = 80


class DocsService:
    """Owns the catalog, the vectors, the embedding models and the reader sandbox."""

    def __init__(
        self,
        rag_dir: Path,
        models_dir: Path,
        reader: Reader | None = None,
        batch_chunks: int = BATCH_CHUNKS,
    ) -> None:
        rag_dir.mkdir(parents=True, exist_ok=True)
        self._lock = _take_lock(rag_dir / "owner.lock")
        self._models_dir = models_dir
        self._catalog = Catalog(rag_dir / "catalog.sqlite3")
        self._vectors = VectorStore(rag_dir / "chroma")
        self._reader: Any = reader or SandboxReader(log_path=rag_dir / "reader.log")
        self._batch = batch_chunks
        self._embedders: dict[str, Embedder] = {}
        self._chunkers: dict[str, Chunker] = {}
        self._runs: Generator[IndexProgress, None, None] | None = None

    # Collections

    def collections(self) -> list[CollectionStatus]:
        return [self._status(c) for c in self._catalog.collections()]

    def status(self, name: str) -> CollectionStatus:
        return self._status(self._catalog.collection(name))

    def create(
        self, name: str, paths: Sequence[str] = (), embedder: str = DEFAULT_EMBEDDER
    ) -> CollectionStatus:
        name = _clean_name(name)
        resolve_embedder(embedder, self._models_dir)
        folders = [_checked_path(p) for p in paths]
        collection = self._catalog.create(name, embedder)
        for folder in folders:
            self._catalog.add_source(collection.id, folder)
        return self._status(collection)

    def rename(self, name: str, new_name: str) -> None:
        self._catalog.rename(name, _clean_name(new_name))

    def remove(self, name: str) -> None:
        collection = self._catalog.collection(name)
        self._vectors.drop(collection.id)
        self._catalog.remove(collection.id)

    def add_paths(self, name: str, paths: Sequence[str]) -> CollectionStatus:
        collection = self._catalog.collection(name)
        for path in [_checked_path(p) for p in paths]:
            self._catalog.add_source(collection.id, path)
        return self._status(collection)

    def remove_path(self, name: str, path: str) -> CollectionStatus:
        """Take a folder or file out; its chunks go at the next indexing run."""
        collection = self._catalog.collection(name)
        if not self._catalog.remove_source(collection.id, str(Path(path).expanduser())):
            raise DocumentsError(texts.NOT_INCLUDED(name=name, path=path))
        return self._status(collection)

    def embedders(self) -> list[str]:
        """The embedding models a collection can use on this computer."""
        return installed_embedders(self._models_dir)

    def set_embedder(self, name: str, embedder: str) -> CollectionStatus:
        """Switch the embedding model: every vector is dropped; the next run re-indexes all."""
        collection = self._catalog.collection(name)
        resolve_embedder(embedder, self._models_dir)
        self._vectors.drop(collection.id)
        self._catalog.set_embedder(collection.id, embedder)
        return self.status(name)

    # Indexing

    def index(self, names: Sequence[str] | None = None) -> Generator[IndexProgress, None, None]:
        """Index the named collections (all when None), one progress point at a time."""
        rows = self._rows(names)
        for collection in rows:
            run = IndexRun(
                self._catalog,
                self._vectors,
                self._embedder(collection),
                functools.partial(self._chunker, collection),
                self._reader,
                collection,
                self._batch,
            )
            yield from run.steps()

    def index_begin(self, names: Sequence[str] | None = None) -> None:
        """Start a run that `index_step` advances (how the index host serves indexing, so
        searches can be answered between steps)."""
        self.index_cancel()
        self._rows(names)  # fail now on an unknown name
        self._runs = self.index(names)

    def index_step(self) -> IndexProgress | None:
        """The next progress point of the current run, or None when it has finished."""
        if self._runs is None:
            return None
        try:
            return next(self._runs)
        except StopIteration:
            self._runs = None
            return None
        except BaseException:
            self._runs = None
            raise

    def index_cancel(self) -> None:
        runs, self._runs = self._runs, None
        if runs is not None:
            runs.close()  # files not finished stay `writing`; the next run resumes them

    @property
    def embedded(self) -> int:
        """How many texts were embedded since this service started (tests read it)."""
        return sum(e.embedded for e in self._embedders.values())

    # Search

    def search(
        self,
        names: Sequence[str],
        question: str,
        options: SearchOptions = DEFAULT_SEARCH,
    ) -> list[Passage]:
        rows = self._rows(names)
        return search(self._catalog, self._vectors, self._embedder, rows, question, options)

    def document(self, name: str, path: str) -> Passage:
        """An indexed file read again, whole, as one passage (PDF pages marked)."""
        collection = self._catalog.collection(name)
        row = self._catalog.file(collection.id, path)
        kind = kind_of(Path(path))
        if row is None or row.state != "indexed" or kind is None:
            raise DocumentsError(texts.NOT_INDEXED(file=Path(path).name, name=name))
        sections = self._reader.read(path, kind)
        text = "\n\n".join(
            f"[page {s.page}]\n{s.text.strip()}" if s.page else s.text.strip()
            for s in sections
            if s.text.strip()
        )
        return Passage(
            chunk_id=0,
            collection=name,
            path=path,
            text=text,
            page=None,
            heading="",
            score=1.0,
            similarity=1.0,
            keyword=1.0,
            file_chunks=row.chunks,
            whole=True,
        )

    def close(self) -> None:
        self.index_cancel()
        self._reader.close()
        self._catalog.close()
        self._lock.close()

    # Helpers

    def _rows(self, names: Sequence[str] | None) -> list[CollectionRow]:
        if names is None:
            return self._catalog.collections()
        return [self._catalog.collection(n) for n in names]

    def _embedder(self, collection: CollectionRow) -> Embedder:
        name = collection.embedder
        if name not in self._embedders:
            self._embedders[name] = Embedder(resolve_embedder(name, self._models_dir))
        return self._embedders[name]

    def _chunker(self, collection: CollectionRow) -> Chunker:
        name = collection.embedder
        if name not in self._chunkers:
            embedder = self._embedder(collection)
            self._chunkers[name] = Chunker(embedder.spec.tokenizer_file, embedder.max_tokens)
        return self._chunkers[name]

    def _status(self, collection: CollectionRow) -> CollectionStatus:
        files, chunks = self._catalog.counts(collection.id)
        problems = tuple(FileProblem(p, r) for p, r in self._catalog.problems(collection.id))
        letters, cjk = self._catalog.scripts(collection.id)
        return CollectionStatus(
            id=collection.id,
            name=collection.name,
            embedder=collection.embedder,
            sources=tuple(self._catalog.sources(collection.id)),
            files=files,
            chunks=chunks,
            indexed_at=collection.indexed_at,
            pending=len(self._catalog.unfinished(collection.id)),
            problems=problems,
            cjk_share=cjk_share(letters, cjk),
            hint=language_hint(collection.embedder, letters, cjk),
        )


def host_service(cancel_cell: Any = None) -> DocsService:
    """The index host's factory: the service over this user's data folders."""
    from app.core.paths import default_paths

    paths = default_paths()
    return DocsService(paths.rag, paths.models)


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise DocumentsError(texts.NO_NAME())
    if len(name) > NAME_LIMIT:
        raise DocumentsError(texts.NAME_TOO_LONG(n=NAME_LIMIT))
    return name


def _checked_path(path: str) -> str:
    resolved = Path(path).expanduser().absolute()
    if not resolved.exists():
        raise DocumentsError(texts.NO_SUCH_PATH(path=path))
    return str(resolved)


def _take_lock(path: Path) -> BinaryIO:
    """Hold `path` locked while the service lives; a second owner gets a clear error."""
    handle = open(path, "a+b")  # noqa: SIM115 - held open for the service's life
    try:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # Windows: lock the first byte instead
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            handle.close()
            raise IndexUnavailable(texts.LOCKED()) from None
    except OSError:
        handle.close()
        raise IndexUnavailable(texts.LOCKED()) from None
    return handle
