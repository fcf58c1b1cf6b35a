"""Indexing runs for real (the bundled model, Chroma, SQLite): a run stopped in the middle of
a file resumes from that file's committed chunks, and batches group chunks by length."""

from __future__ import annotations

import threading
from pathlib import Path

from app.core.rag.indexer import POOL_BATCHES
from app.core.rag.reader import DirectReader
from app.core.rag.service import DocsService
from app.core.rag.types import Section
from tests.core.rag.corpus import write_corpus, write_filler
from tests.core.rag.test_docs import _assert_consistent, index_all

BATCH = 4
GUARD = 30.0  # seconds; only a guard against a hang, never a measurement


def _service(tmp_path: Path, reader: DirectReader | None = None) -> DocsService:
    """A service with small batches, so a few files make several of them."""
    return DocsService(
        tmp_path / "rag", tmp_path / "models", reader or DirectReader(), batch_chunks=BATCH
    )


def _long_file(folder: Path, scratch: Path) -> Path:
    """One Markdown file of a few dozen chunks (ten filler notes end to end)."""
    write_filler(scratch, files=10, seed=21)
    notes = sorted(scratch.glob("*.md"))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "long.md"
    target.write_text("\n\n".join(n.read_text("utf-8") for n in notes), "utf-8")
    return target


def _stop_after(service: DocsService, name: str, chunks: int) -> None:
    """Index until at least `chunks` chunks are committed, then cancel the run."""
    steps = service.index([name])
    for progress in steps:
        if progress.chunks_done >= chunks:
            break
    steps.close()


def _stored(service: DocsService, name: str, path: Path) -> tuple[str, int]:
    collection = service._catalog.collection(name)
    row = service._catalog.file(collection.id, str(path))
    assert row is not None
    return row.state, len(service._catalog.chunk_ids(row.id))


def test_a_stopped_run_resumes_inside_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    long = _long_file(folder, tmp_path / "scratch")
    service = _service(tmp_path)
    try:
        service.create("Docs", [str(folder)])
        _stop_after(service, "Docs", 2 * BATCH)
        state, kept = _stored(service, "Docs", long)
        assert state == "writing" and kept >= 2 * BATCH

        # A vector Chroma took after the last commit (the run died in between) is dropped.
        collection = service._catalog.collection("Docs")
        row = service._catalog.file(collection.id, str(long))
        assert row is not None
        service._vectors.add(collection.id, [999_999], [[0.1] * 384], [row.id])

        before = service.embedded
        done = index_all(service, "Docs")
        state, total = _stored(service, "Docs", long)
        assert state == "indexed" and total > kept
        assert service.embedded - before == done.embedded == total - kept
        _assert_consistent(service, "Docs")
        hits = service.search(["Docs"], "guidebooks describe the walking trails")
        assert any(p.path == str(long) for p in hits)
    finally:
        service.close()


def test_a_file_changed_while_half_indexed_starts_over(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    long = _long_file(folder, tmp_path / "scratch")
    service = _service(tmp_path)
    try:
        service.create("Docs", [str(folder)])
        _stop_after(service, "Docs", BATCH)
        assert _stored(service, "Docs", long)[0] == "writing"

        long.write_text("# Changed\n\nThe ferry to Ostholm leaves at noon.\n", "utf-8")
        done = index_all(service, "Docs")
        assert done.embedded == 1 and _stored(service, "Docs", long) == ("indexed", 1)
        _assert_consistent(service, "Docs")
        hits = service.search(["Docs"], "guidebooks describe the walking trails")
        assert all("guidebooks" not in p.text for p in hits)  # nothing left of the old text
    finally:
        service.close()


def test_batches_take_chunks_of_similar_length(tmp_path: Path) -> None:
    """Full chunks and the short ends of files go into separate batches where the pool
    allows, so the model pads less than it would in reading order."""
    folder = tmp_path / "docs"
    write_filler(folder, files=12, seed=4)
    write_corpus(folder / "facts")
    service = _service(tmp_path)
    calls: list[list[int]] = []
    try:
        collection = service.create("Docs", [str(folder)])
        embedder = service._embedder(service._catalog.collection(collection.name))
        real = embedder.embed_passages

        def recording(texts: list[str]) -> list[list[float]]:
            calls.append([len(t) for t in texts])
            return real(texts)

        embedder.embed_passages = recording  # type: ignore[method-assign]
        index_all(service, "Docs")
        _assert_consistent(service, "Docs")
        in_order = [
            len(row[0])
            for row in service._catalog._db.execute(
                "SELECT c.text FROM chunks c JOIN files f ON f.id = c.file_id "
                "ORDER BY f.path, c.ordinal"
            )
        ]
    finally:
        service.close()

    assert all(len(call) <= BATCH for call in calls)
    assert sum(len(call) for call in calls) == len(in_order) > POOL_BATCHES * BATCH
    reading_order = [in_order[i : i + BATCH] for i in range(0, len(in_order), BATCH)]
    assert _padding(calls) < _padding(reading_order) / 2


def _padding(batches: list[list[int]]) -> int:
    """Characters of padding: every text in a batch is padded to the batch's longest."""
    return sum(max(batch) - size for batch in batches for size in batch)


def test_files_are_read_while_the_model_embeds(tmp_path: Path) -> None:
    """Reads past the first pool's worth of files wait until the model starts embedding, and
    the first embedding waits for one of them: only a run that reads on another thread gets
    through without the guard timing out."""
    folder = tmp_path / "docs"
    write_filler(folder, files=POOL_BATCHES * BATCH + 8, seed=9)
    embedding, read_meanwhile, first_done = threading.Event(), threading.Event(), threading.Event()
    threads: set[str] = set()

    class WatchedReader(DirectReader):
        reads = 0

        def read(self, path: str, kind: str) -> list[Section]:
            threads.add(threading.current_thread().name)
            self.reads += 1
            if self.reads > POOL_BATCHES * BATCH:  # each file gives at least one chunk
                embedding.wait(GUARD)
                if not first_done.is_set():
                    read_meanwhile.set()
            return super().read(path, kind)

    service = _service(tmp_path, WatchedReader())
    try:
        service.create("Docs", [str(folder)])
        embedder = service._embedder(service._catalog.collection("Docs"))
        real = embedder.embed_passages

        def first_waits(texts: list[str]) -> list[list[float]]:
            if not embedding.is_set():
                embedding.set()
                read_meanwhile.wait(GUARD)
                first_done.set()
            return real(texts)

        embedder.embed_passages = first_waits  # type: ignore[method-assign]
        done = index_all(service, "Docs")
        assert read_meanwhile.is_set()
        assert threads and threading.current_thread().name not in threads
        assert done.files_done == POOL_BATCHES * BATCH + 8 and done.skipped == 0
        _assert_consistent(service, "Docs")
    finally:
        service.close()
