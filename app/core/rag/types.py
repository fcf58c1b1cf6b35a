"""The values local documents pass around: sections, chunks, passages, progress, status."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Literal

from app.core.text import Msg


@dataclass(frozen=True)
class Section:
    """A run of text read from a file: one page of a PDF, one chapter of an EPUB, a whole
    text file. `markdown` text keeps its headings and code fences for the splitter."""

    text: str
    page: int | None = None
    title: str = ""
    markdown: bool = False


@dataclass(frozen=True)
class Chunk:
    """A piece of a file small enough to embed, with where it came from."""

    text: str
    ordinal: int
    page: int | None = None
    heading: str = ""


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk. `score` is the relevance shown to the user (0–1): the larger of the
    embedding similarity and the share of the question's keywords the passage contains."""

    chunk_id: int
    collection: str
    path: str
    text: str
    page: int | None
    heading: str
    score: float
    similarity: float
    keyword: float
    file_chunks: int = 0  # how many chunks the whole file makes (a chat offers small files whole)
    whole: bool = False  # the whole file, not one chunk of it

    def source(self) -> dict[str, Any]:
        """What a chat message stores (and exports) about this passage."""
        return {
            "file": PurePath(self.path).name,
            "path": self.path,
            "page": self.page,
            "heading": self.heading,
            "snippet": snippet(self.text),
            "text": self.text,
            "score": round(self.score, 3),
            "collection": self.collection,
            "chunk_id": self.chunk_id,
            "file_chunks": self.file_chunks,
            "whole": self.whole,
        }


def snippet(text: str, length: int = 200) -> str:
    """The start of a passage on one line, cut at a word where it can be."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[:length]
    space = cut.rfind(" ")
    return (cut[:space] if space > length * 0.6 else cut) + "…"


Phase = Literal["scanning", "indexing", "paused", "done", "cancelled"]


@dataclass(frozen=True)
class IndexProgress:
    """Where an indexing run stands. Bytes drive the ETA (chunk counts are known only after
    a file is read)."""

    collection: str
    phase: Phase
    files_done: int = 0
    files_total: int = 0
    chunks_done: int = 0
    bytes_done: int = 0
    bytes_total: int = 0
    skipped: int = 0
    removed: int = 0
    embedded: int = 0
    current: str = ""
    eta_seconds: float | None = None


@dataclass(frozen=True)
class FileProblem:
    """A file (or folder) that was not indexed, and why, in no language yet."""

    path: str
    reason: Msg


@dataclass(frozen=True)
class CollectionStatus:
    """What the collections view and `hearth docs status` show. `id` stays the same when the
    collection is renamed (chats remember their collections by it). `cjk_share` is the share
    of its indexed letters that are Chinese, Japanese or Korean; `hint` says when its
    embedding model does not read them (`app.core.rag.languages`)."""

    id: int
    name: str
    embedder: str
    sources: tuple[str, ...]
    files: int
    chunks: int
    indexed_at: float | None
    pending: int
    problems: tuple[FileProblem, ...] = field(default=())
    cjk_share: float = 0.0
    hint: Msg | None = None
