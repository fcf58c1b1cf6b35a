"""Index one collection: scan → skip what is unchanged → read → chunk → embed → store.

`IndexRun.steps()` is a generator: every `yield` is a progress point, a committed batch, and
a place where the caller may pause (stop pulling) or cancel (close it). Work is committed in
batches of `batch_chunks` chunks, so an interrupted run loses at most one batch: a file is
marked `writing` (with the hash of the content being written) until its last chunk is in, and
the next run keeps the chunks it committed and embeds only the rest, if the file is unchanged.

Files are read and chunked on a worker thread (`ReadAhead`) while the model embeds, and a
few batches' worth of chunks wait in a pool. Each batch takes chunks of similar length from
that pool, because the model pads every chunk in a batch to the longest: in file order, a
batch mixes full chunks with the short ends of files and spends time on padding.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Protocol

from app.core.errors import FileSkipped
from app.core.rag import texts
from app.core.rag.catalog import Catalog, CollectionRow, FileRow
from app.core.rag.chunking import Chunker
from app.core.rag.embedder import Embedder
from app.core.rag.eta import estimate_eta
from app.core.rag.readahead import ReadAhead
from app.core.rag.scan import Candidate, ScanResult, scan
from app.core.rag.types import Chunk, IndexProgress, Section
from app.core.rag.vectors import VectorStore
from app.core.text import Msg

BATCH_CHUNKS = 64
POOL_BATCHES = 4  # batches' worth of chunks pooled before embedding, to group them by length
MAX_WAIT = 16  # batches a file's chunks may wait in the pool before they go first
READ_AHEAD_FILES = 32  # files read and chunked ahead of the one being taken
READ_AHEAD_BYTES = 64 << 20
PROGRESS_SECONDS = 0.25


class Reader(Protocol):
    def read(self, path: str, kind: str) -> list[Section]: ...


@dataclass(eq=False)
class _Work:
    """A file read and chunked; its chunks wait in the pool to be embedded and stored."""

    file_id: int
    candidate: Candidate
    digest: str
    total: int  # chunks in the file
    written: int  # chunks stored so far (some maybe by an earlier, interrupted run)
    queued_at: int  # the batch count when it joined the pool


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
    work_started: float | None = None  # when the first file that needs reading was queued
    bytes_free: int = 0  # bytes of files found unchanged: done without any reading


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
        self._splitter: Chunker | None = None
        self._collection = collection
        self._batch = batch_chunks
        self._pool: list[tuple[_Work, Chunk]] = []  # in the order they were read
        self._batches = 0
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
        ahead: ReadAhead[tuple[FileRow | None, str]] = ReadAhead(
            self._read, READ_AHEAD_FILES, READ_AHEAD_BYTES
        )
        try:
            for candidate in todo:
                row = known.get(candidate.path)
                digest = self._check(candidate, row)
                if digest is not None:
                    if self._splitter is None:  # made here, on the run's thread
                        self._splitter = self._chunker()
                    if self._tally.work_started is None:
                        self._tally.work_started = time.monotonic()
                    ahead.put(candidate, (row, digest))
                while ahead.full:
                    yield from self._take_next(ahead)
                if self._due():
                    yield self._progress("indexing", candidate.path)
            while ahead:
                yield from self._take_next(ahead)
        finally:
            ahead.close()
        while self._pool:
            self._flush()
            if self._pool:
                yield self._progress("indexing")
        self._catalog.mark_indexed(cid)
        yield self._progress("done")

    def _recover(self) -> None:
        """Files left half-written by a run that died: keep the vectors of their committed
        chunks and drop any written after the last commit. `_pool_chunks` resumes the file."""
        cid = self._collection.id
        for file_id in self._catalog.unfinished(cid):
            self._vectors.keep_only(cid, file_id, self._catalog.chunk_ids(file_id))

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
            stored = problem.reason.to_json()
            if row is not None and row.state == "skipped" and row.reason == stored:
                continue
            if row is not None and row.state == "indexed":
                continue  # kept as it was (e.g. a folder on a drive that is not plugged in)
            file_id = self._begin(problem.path, 0, 0, None, row)
            self._catalog.skip(file_id, None, problem.reason)

    def _begin(
        self, path: str, size: int, mtime_ns: int, digest: str | None, row: FileRow | None
    ) -> int:
        """(Re)start a file from nothing: its old chunks and vectors go."""
        if row is not None and row.state != "skipped":
            self._vectors.delete_files(self._collection.id, [row.id])
        return self._catalog.start_writing(self._collection.id, path, size, mtime_ns, digest)

    def _check(self, candidate: Candidate, row: FileRow | None) -> str | None:
        """Hash the file. Returns its hash when it needs reading; None when it is unchanged
        (its new mtime is noted) or cannot be read (skipped, with the reason)."""
        try:
            digest = file_digest(candidate.path)
        except OSError as exc:
            self._skip(candidate, row, None, texts.UNREADABLE(detail=str(exc.strerror or exc)))
            return None
        if row is not None and row.hash == digest and row.state != "writing":
            self._catalog.touch(row.id, candidate.size, candidate.mtime_ns)
            self._count_done(candidate)
            self._tally.bytes_free += candidate.size
            return None
        return digest

    def _read(self, candidate: Candidate) -> list[Chunk]:
        """Read and chunk one file (on the read-ahead thread)."""
        assert self._splitter is not None
        return self._splitter.split(self._reader.read(candidate.path, candidate.kind))

    def _take_next(self, ahead: ReadAhead[tuple[FileRow | None, str]]) -> Iterator[IndexProgress]:
        """Take the oldest file read ahead; embed and store batches while the pool is full."""
        candidate, (row, digest), chunks = ahead.take()
        if isinstance(chunks, FileSkipped):
            self._skip(candidate, row, digest, chunks.msg)
        elif not chunks:
            self._skip(candidate, row, digest, texts.NO_TEXT())
        else:
            self._pool_chunks(candidate, row, digest, chunks)
        while len(self._pool) >= self._batch * POOL_BATCHES:
            self._flush()
            yield self._progress("indexing", candidate.path)
        if self._due():
            yield self._progress("indexing", candidate.path)

    def _skip(
        self, candidate: Candidate, row: FileRow | None, digest: str | None, reason: Msg
    ) -> None:
        file_id = self._begin(candidate.path, candidate.size, candidate.mtime_ns, digest, row)
        self._catalog.skip(file_id, digest, reason)
        self._tally.skipped += 1
        self._count_done(candidate)

    def _pool_chunks(
        self, candidate: Candidate, row: FileRow | None, digest: str, chunks: list[Chunk]
    ) -> None:
        """Pool the chunks the file still needs (all, unless an interrupted run stored some)."""
        stored = self._stored(row, digest, chunks)
        if row is not None and stored:
            file_id = row.id
        else:
            file_id = self._begin(candidate.path, candidate.size, candidate.mtime_ns, digest, row)
        work = _Work(file_id, candidate, digest, len(chunks), len(stored), self._batches)
        if work.written == work.total:  # everything was in; only the last mark was missing
            with self._catalog.transaction():
                self._catalog.finish(file_id, digest, work.total)
            self._count_done(candidate)
            return
        self._pool += [(work, c) for c in chunks if c.ordinal not in stored]

    def _stored(self, row: FileRow | None, digest: str, chunks: list[Chunk]) -> set[int]:
        """Ordinals an interrupted run already stored for this very content (same hash, and
        the stored chunks are the ones this chunker makes); empty when it must start over."""
        if row is None or row.state != "writing" or row.hash != digest:
            return set()
        made = {c.ordinal: c.text for c in chunks}
        stored = self._catalog.chunk_texts(row.id)
        if any(made.get(ordinal) != text for ordinal, text in stored.items()):
            return set()
        return set(stored)

    def _flush(self) -> None:
        """Embed and store one batch from the pool, in one transaction."""
        groups: dict[_Work, list[Chunk]] = {}
        for work, chunk in self._next_batch():
            groups.setdefault(work, []).append(chunk)
        texts = [c.text for chunks in groups.values() for c in chunks]
        vectors = self._embedder.embed_passages(texts)
        self._tally.embedded += len(vectors)
        cid = self._collection.id
        with self._catalog.transaction():
            ids: list[int] = []
            owners: list[int] = []
            for work, chunks in groups.items():
                ids += self._catalog.add_chunks(cid, work.file_id, chunks)
                owners += [work.file_id] * len(chunks)
            self._vectors.add(cid, ids, vectors, owners)
            for work, chunks in groups.items():
                work.written += len(chunks)
                if work.written == work.total:
                    self._catalog.finish(work.file_id, work.digest, work.total)
        self._tally.chunks_done += len(texts)
        for work in groups:
            if work.written == work.total:
                self._count_done(work.candidate)

    def _next_batch(self) -> list[tuple[_Work, Chunk]]:
        """Take one batch from the pool: the longest chunks or the shortest, whichever are
        closer in length; in reading order while the pool is small or a file waited long."""
        pool, size = self._pool, self._batch
        self._batches += 1
        if len(pool) <= size or self._batches - pool[0][0].queued_at > MAX_WAIT:
            self._pool = pool[size:]
            return pool[:size]
        order = sorted(range(len(pool)), key=lambda i: len(pool[i][1].text), reverse=True)
        longest, shortest = order[:size], order[-size:]

        def spread(window: list[int]) -> int:
            return len(pool[window[0]][1].text) - len(pool[window[-1]][1].text)

        chosen = set(longest if spread(longest) <= spread(shortest) else shortest)
        self._pool = [item for i, item in enumerate(pool) if i not in chosen]
        return [pool[i] for i in sorted(chosen)]

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
    """Time left at the rate of the files actually read since the first was queued: files
    found unchanged cost nothing and model loading is not reading, so neither counts."""
    if t.work_started is None:
        return None
    return estimate_eta(
        t.bytes_done - t.bytes_free,
        t.bytes_total - t.bytes_free,
        time.monotonic() - t.work_started,
    )


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
