"""Split sections into chunks measured in the embedding model's own tokens.

semantic-text-splitter does the splitting: it cuts at the largest boundary that fits (section,
paragraph, sentence — including Chinese 。！？ — then words), keeps Markdown sections and code
fences together where they fit, and overlaps neighbours. Each chunk keeps its page and the
path of Markdown headings above it ("Setup › Linux").
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any

from app.core.rag.types import Chunk, Section

HEADING_JOIN = " › "
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_FENCE = re.compile(r"^(```|~~~)", re.MULTILINE)


class Chunker:
    """Token-aware splitter for one embedding model (built from its tokenizer.json)."""

    def __init__(self, tokenizer_file: Path, max_tokens: int = 256) -> None:
        from semantic_text_splitter import MarkdownSplitter, TextSplitter
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_file))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        self.max_tokens = max_tokens
        capacity = (max_tokens * 3 // 5, max_tokens)
        overlap = max_tokens // 8
        self._text: Any = TextSplitter.from_huggingface_tokenizer(tokenizer, capacity, overlap)
        self._markdown: Any = MarkdownSplitter.from_huggingface_tokenizer(
            tokenizer, capacity, overlap
        )

    def split(self, sections: list[Section]) -> list[Chunk]:
        chunks: list[Chunk] = []
        for section in sections:
            splitter = self._markdown if section.markdown else self._text
            headings = _Headings(section.text, section.title) if section.markdown else None
            for offset, text in splitter.chunk_indices(section.text):
                if not text.strip() or _only_headings(text):
                    continue  # a heading alone says nothing; it heads the next chunk
                body = offset + _body_start(text)
                heading = headings.at(body) if headings is not None else section.title
                chunks.append(Chunk(text, len(chunks), section.page, heading))
        return chunks


class _Headings:
    """The heading path in force at any character offset of a Markdown text."""

    def __init__(self, text: str, title: str = "") -> None:
        fenced = _fenced_spans(text)
        self._offsets: list[int] = []
        self._paths: list[str] = []
        stack: list[tuple[int, str]] = []
        for match in _HEADING.finditer(text):
            if any(start <= match.start() < end for start, end in fenced):
                continue
            level = len(match.group(1))
            stack = [(lvl, name) for lvl, name in stack if lvl < level]
            stack.append((level, match.group(2).strip()))
            self._offsets.append(match.start())
            self._paths.append(
                HEADING_JOIN.join(([title] if title else []) + [n for _, n in stack])
            )
        self._title = title

    def at(self, offset: int) -> str:
        index = bisect.bisect_right(self._offsets, offset) - 1
        return self._paths[index] if index >= 0 else self._title


def _body_start(text: str) -> int:
    """Where a chunk's first line that is not a heading begins (its heading path is the one
    in force there, so "# A\n## B\ntext" is about "A › B")."""
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and not _HEADING.match(line.rstrip("\r\n")):
            return pos
        pos += len(line)
    return 0


def _only_headings(text: str) -> bool:
    return all(not line.strip() or _HEADING.match(line) for line in text.splitlines())


def _fenced_spans(text: str) -> list[tuple[int, int]]:
    marks = [m.start() for m in _FENCE.finditer(text)]
    return [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
