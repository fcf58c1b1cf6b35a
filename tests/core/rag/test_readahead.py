"""The read-ahead queue: files come back in order, it is bounded by files and bytes, a file
that cannot be read comes back as its reason, and closing it never waits for a slow read."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.core.errors import FileSkipped
from app.core.rag.readahead import ReadAhead
from app.core.rag.scan import Candidate
from app.core.rag.types import Chunk

GUARD = 10.0  # seconds; only a guard against a hang, never a measurement


def _candidate(name: str, size: int = 10) -> Candidate:
    return Candidate(path=f"/docs/{name}", size=size, mtime_ns=1, kind="text")


def _read(candidate: Candidate) -> list[Chunk]:
    name = Path(candidate.path).name
    if name.startswith("bad"):
        raise FileSkipped(f"{name} is damaged.")
    if name.startswith("bug"):
        raise ValueError("a bug in a parser")
    return [Chunk(f"{name} text", 0), Chunk(f"{name} more", 1)]


def test_files_come_back_in_order_with_their_tags() -> None:
    ahead: ReadAhead[int] = ReadAhead(_read, files=8, size=1 << 20)
    try:
        for number in range(5):
            ahead.put(_candidate(f"f{number}.txt"), number)
        taken = [ahead.take() for _ in range(5)]
    finally:
        ahead.close()
    assert [tag for _, tag, _ in taken] == list(range(5))
    assert [c.path for c, _, _ in taken] == [f"/docs/f{n}.txt" for n in range(5)]
    assert all(isinstance(chunks, list) and len(chunks) == 2 for _, _, chunks in taken)
    assert taken[3][2][0].text == "f3.txt text"  # type: ignore[index]
    assert len(ahead) == 0


def test_bounded_by_files_and_by_bytes() -> None:
    by_files: ReadAhead[None] = ReadAhead(_read, files=2, size=1 << 20)
    by_bytes: ReadAhead[None] = ReadAhead(_read, files=100, size=1_000)
    try:
        by_files.put(_candidate("a.txt"), None)
        assert not by_files.full
        by_files.put(_candidate("b.txt"), None)
        assert by_files.full
        by_files.take()
        assert not by_files.full

        by_bytes.put(_candidate("big.txt", size=600), None)
        assert not by_bytes.full
        by_bytes.put(_candidate("bigger.txt", size=600), None)
        assert by_bytes.full
        by_bytes.take()
        assert not by_bytes.full
    finally:
        by_files.close()
        by_bytes.close()


def test_a_file_that_cannot_be_read_comes_back_as_its_reason() -> None:
    ahead: ReadAhead[None] = ReadAhead(_read, files=8, size=1 << 20)
    try:
        ahead.put(_candidate("bad.pdf"), None)
        ahead.put(_candidate("good.txt"), None)
        ahead.put(_candidate("bug.txt"), None)
        _, _, skipped = ahead.take()
        assert isinstance(skipped, FileSkipped) and "bad.pdf is damaged" in str(skipped)
        _, _, chunks = ahead.take()
        assert isinstance(chunks, list) and chunks[0].text == "good.txt text"
        with pytest.raises(ValueError, match="a bug in a parser"):
            ahead.take()
    finally:
        ahead.close()


def test_reading_happens_on_another_thread_and_close_does_not_wait() -> None:
    started, release = threading.Event(), threading.Event()
    threads: list[str] = []

    def slow(candidate: Candidate) -> list[Chunk]:
        threads.append(threading.current_thread().name)
        started.set()
        release.wait(GUARD)
        return _read(candidate)

    ahead: ReadAhead[None] = ReadAhead(slow, files=8, size=1 << 20)
    ahead.put(_candidate("slow.txt"), None)
    ahead.put(_candidate("never.txt"), None)
    assert started.wait(GUARD)
    ahead.close()  # returns while slow.txt is still being read
    assert len(ahead) == 0 and not release.is_set()
    worker = next(t for t in threading.enumerate() if t.name == threads[0])
    assert worker is not threading.current_thread()
    release.set()
    worker.join(GUARD)  # the worker finishes slow.txt and stops: never.txt is not read
    assert not worker.is_alive() and len(threads) == 1
