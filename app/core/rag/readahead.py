"""Read and chunk files on a worker thread while the index run embeds earlier ones.

Reading (in the reader sandbox's child process) and chunking (the tokenizer, in Rust) then
overlap with the embedding model's work instead of waiting for it; the faster the model (a
GPU, many cores), the larger the share of a run they would otherwise take. The worker only
reads and chunks: every catalog and vector write stays on the run's own thread. Results come
back in the order the files were given, and at most `files` files or `size` bytes are read
ahead.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

from app.core.errors import FileSkipped
from app.core.rag.scan import Candidate
from app.core.rag.types import Chunk

T = TypeVar("T")


class ReadAhead(Generic[T]):
    """A queue of files being read. `put` hands one to the worker with a tag (the caller's
    own data); `take` waits for the oldest and returns (candidate, tag, chunks), where chunks
    is a `FileSkipped` for a file that could not be read. Any other error is raised there."""

    def __init__(self, read: Callable[[Candidate], list[Chunk]], files: int, size: int) -> None:
        self._read = read
        self._files = files
        self._size = size
        self._queued: deque[tuple[Candidate, T, Future[list[Chunk] | FileSkipped]]] = deque()
        self._bytes = 0
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hearth-read-ahead")

    def __len__(self) -> int:
        return len(self._queued)

    @property
    def full(self) -> bool:
        return len(self._queued) >= self._files or self._bytes >= self._size

    def put(self, candidate: Candidate, tag: T) -> None:
        self._queued.append((candidate, tag, self._worker.submit(self._attempt, candidate)))
        self._bytes += candidate.size

    def take(self) -> tuple[Candidate, T, list[Chunk] | FileSkipped]:
        candidate, tag, future = self._queued.popleft()
        self._bytes -= candidate.size
        return candidate, tag, future.result()

    def _attempt(self, candidate: Candidate) -> list[Chunk] | FileSkipped:
        try:
            return self._read(candidate)
        except FileSkipped as skipped:
            return skipped

    def close(self) -> None:
        """Forget what is queued. A file being read finishes in the background (the sandbox
        bounds its time) and its result is dropped."""
        self._queued.clear()
        self._bytes = 0
        self._worker.shutdown(wait=False, cancel_futures=True)
