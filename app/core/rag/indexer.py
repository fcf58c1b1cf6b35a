"""Index one collection: scan → skip what is unchanged → read → chunk → embed → store.

`IndexRun.steps()` is a generator: every `yield` is a progress point, a committed batch, and
a place where the caller may pause (stop pulling) or cancel (close it). Work is committed in
batches of about `batch_chunks` chunks, so an interrupted run loses at most one batch; a file
is marked `writing` until its last chunk is in, and the next run cleans up any such file.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Protocol

from app.core.errors import FileSkipped
from app.core.rag.catalog import Catalog, CollectionRow, FileRow
from app.core.rag.chunking import Chunker
from app.core.rag.embedder import Embedder
from app.core.rag.scan import Candidate, ScanResult, scan
from app.core.rag.types import Chunk, IndexProgress, Section
from app.core.rag.vectors import VectorStore

BATCH_CHUNKS = 64
PROGRESS_SECONDS = 0.25


class Reader(Protocol):
    def read(self, path: str, kind: str) -> list[Section]: ...


@dataclass
class _Work:
    """A file read and chunked, waiting for its chunks to be embedded and stored."""

    file_id: int
    candidate: Candidate
    digest: str
    chunks: list[Chunk]
    written: int = 0


@dataclass
class _Tally:
    files_total: int = 0
    bytes_total: int = 0
    files_done: int = 0
    bytes_done: int = 0
    chunks_done: int = 0
    skipped: int = 0
    removed: int = 0
    embedded: int = 0
    started: float = field(default_factory=time.monotonic)


class IndexRun:
    """One indexing run over one collection. `chunker` is called when a file needs reading,
    so a run over unchanged files never loads the embedding model."""

    def __init__(
        self,
        catalog: Catalog,
        vectors: VectorStore,
        embedder: Embedder,
        chunker: Callable[[], Chunker],
        reader: Reader,
        collection: CollectionRow,
        batch_chunks: int = BATCH_CHUNKS,
    ) -> None:
        self._catalog = catalog
        self._vectors = vectors
        self._embedder = embedder
        self._chunker = chunker
        self._reader = reader
        self._collection = collection
        self._batch = batch_chunks
        self._pending: list[_Work] = []
        self._tally = _Tally()
        self._last_report = 0.0

    def steps(self) -> Iterator[IndexProgress]:
        cid = self._collection.id
        self._recover()
        yield self._progress("scanning")
        found = scan(self._catalog.sources(cid))
        known = self._catalog.files(cid)
        self._forget_removed(found, known)
        self._record_problems(found, known)
        todo = [c for c in found.files if _changed(c, known.get(c.path))]
        self._tally.files_total = len(todo)
        self._tally.bytes_total = sum(c.size for c in todo)
        for candidate in todo:
            self._take(candidate, known.get(candidate.path))
            while sum(len(w.chunks) - w.written for w in self._pending) >= self._batch:
                self._flush()
                yield self._progress("indexing", candidate.path)
            if self._due():
                yield self._progress("indexing", candidate.path)
        while self._pending:
            self._flush()
        self._catalog.mark_indexed(cid)
        yield self._progress("done")

    def _recover(self) -> None:
        """Files left half-written by a run that died: drop their vectors; they are redone."""
        unfinished = self._catalog.unfinished(self._collection.id)
        self._vectors.delete_files(self._collection.id, unfinished)

    def _forget_removed(self, found: ScanResult, known: dict[str, FileRow]) -> None:
        present = {c.path for c in found.files} | {p.path for p in found.problems}
        gone = [
            row
            for path, row in known.items()
            if path not in present and not _under_any(path, found.missing)
        ]
        ids = [row.id for row in gone]
        self._vectors.delete_files(self._collection.id, ids)
        self._catalog.forget(ids)
        self._tally.removed = len(ids)

    def _record_problems(self, found: ScanResult, known: dict[str, FileRow]) -> None:
        for problem in found.problems:
            row = known.get(problem.path)
            if row is not None and row.state == "skipped" and row.reason == problem.reason:
                continue
            if row is not None and row.state == "indexed":
                continue  # kept as it was (e.g. a folder on a drive that is not plugged in)
            file_id = self._catalog.start_writing(self._collection.id, problem.path, 0, 0)
            self._catalog.skip(file_id, None, problem.reason)

    def _take(self, candidate: Candidate, row: FileRow | None) -> None:
        """Hash, then read and chunk one file (or note why not); queue its chunks."""
        tally = self._tally
        try:
            digest = file_digest(candidate.path)
        except OSError as exc:
            digest = None
            reason: str | None = f"The file cannot be read: {exc.strerror or exc}."
        else:
            if row is not None and row.hash == digest and row.state != "writing":
                self._catalog.touch(row.id, candidate.size, candidate.mtime_ns)
                self._count_done(candidate)
                return
            reason = None
        if row is not None and row.state == "indexed":
            self._vectors.delete_files(self._collection.id, [row.id])
        file_id = self._catalog.start_writing(
            self._collection.id, candidate.path, candidate.size, candidate.mtime_ns
        )
        chunks: list[Chunk] = []
        if reason is None:
            try:
                chunks = self._chunker().split(self._reader.read(candidate.path, candidate.kind))
            except FileSkipped as skipped:
                reason = str(skipped)
        if reason is not None or not chunks:
            self._catalog.skip(file_id, digest, reason or "No text was found in the file.")
            tally.skipped += 1
            self._count_done(candidate)
            return
        assert digest is not None
        self._pending.append(_Work(file_id, candidate, digest, chunks))

    def _flush(self) -> None:
        """Embed and store up to one batch of pending chunks, in one transaction."""
        pieces: list[tuple[_Work, list[Chunk]]] = []
        room = self._batch
        for work in self._pending:
            if room <= 0:
                break
            piece = work.chunks[work.written : work.written + room]
            pieces.append((work, piece))
            room -= len(piece)
        vectors = self._embedder.embed_passages([c.text for _, piece in pieces for c in piece])
        self._tally.embedded += len(vectors)
        cid = self._collection.id
        with self._catalog.transaction():
            ids: list[int] = []
            owners: list[int] = []
            for work, piece in pieces:
                ids += self._catalog.add_chunks(cid, work.file_id, piece)
                owners += [work.file_id] * len(piece)
            self._vectors.add(cid, ids, vectors, owners)
            for work, piece in pieces:
                work.written += len(piece)
                if work.written == len(work.chunks):
                    self._catalog.finish(work.file_id, work.digest, len(work.chunks))
        for work, piece in pieces:
            self._tally.chunks_done += len(piece)
            if work.written == len(work.chunks):
                self._count_done(work.candidate)
        self._pending = [w for w in self._pending if w.written < len(w.chunks)]

    def _count_done(self, candidate: Candidate) -> None:
        self._tally.files_done += 1
        self._tally.bytes_done += candidate.size

    def _due(self) -> bool:
        return time.monotonic() - self._last_report >= PROGRESS_SECONDS

    def _progress(self, phase: str, current: str = "") -> IndexProgress:
        self._last_report = time.monotonic()
        t = self._tally
        return IndexProgress(
            collection=self._collection.name,
            phase=phase,  # type: ignore[arg-type]
            files_done=t.files_done,
            files_total=t.files_total,
            chunks_done=t.chunks_done,
            bytes_done=t.bytes_done,
            bytes_total=t.bytes_total,
            skipped=t.skipped,
            removed=t.removed,
            embedded=t.embedded,
            current=current,
            eta_seconds=_eta(t),
        )


def _eta(t: _Tally) -> float | None:
    elapsed = time.monotonic() - t.started
    if t.bytes_done <= 0 or elapsed < 1.0 or t.bytes_total <= t.bytes_done:
        return None if t.bytes_total > t.bytes_done else 0.0
    return (t.bytes_total - t.bytes_done) * elapsed / t.bytes_done


def _changed(candidate: Candidate, row: FileRow | None) -> bool:
    """Worth a look: new, half-written, or its size or mtime moved (the hash decides then)."""
    return (
        row is None
        or row.state == "writing"
        or row.size != candidate.size
        or row.mtime_ns != candidate.mtime_ns
    )


def _under_any(path: str, roots: list[str]) -> bool:
    return any(PurePath(path).is_relative_to(root) for root in roots)


def file_digest(path: str) -> str:
    """The content hash (BLAKE2b) that decides whether a file changed."""
    digest = hashlib.blake2b()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
