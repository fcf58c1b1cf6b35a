"""Chat titles made from text (a first message): one line, cut at a word with an ellipsis.

Choices: the title is at most `TITLE_LENGTH` characters, the ellipsis included. Text is cut
at the last space that keeps at least half of that; scripts written without spaces (Chinese,
Japanese) may be cut between any two of their characters, as each is a word of its own; a
single word longer than half the title (a link, a path) is cut inside it, as nothing shorter
reads better. Punctuation left hanging at the cut (a comma, a colon) goes.
"""

from __future__ import annotations

import unicodedata

TITLE_LENGTH = 60
ELLIPSIS = "…"
_HANGING = " ,.;:-–—/\\(「『（，。；：、"


def title_from(text: str, length: int = TITLE_LENGTH) -> str:
    """`text` on one line, at most `length` characters, cut at a word with "…" when longer;
    "" for text that is only space (an untitled chat)."""
    line = " ".join(text.split())
    if len(line) <= length:
        return line
    room = line[: length - len(ELLIPSIS) + 1]  # the next character shows a word's end
    cut = room.rfind(" ")
    if cut < length // 2:
        cut = length - len(ELLIPSIS)
        while cut > length // 2 and not _breaks_between(line[cut - 1], line[cut]):
            cut -= 1
        if cut <= length // 2:
            cut = length - len(ELLIPSIS)  # one long word: cut inside it
    kept = line[:cut].rstrip(_HANGING) or line[:cut]
    return kept + ELLIPSIS


def _breaks_between(before: str, after: str) -> bool:
    """Whether a line may break between these two characters without cutting a word."""
    return _wide(before) or _wide(after)


def _wide(char: str) -> bool:
    """A character of a script written without spaces (CJK ideographs, kana, Hangul), or
    CJK punctuation."""
    return unicodedata.east_asian_width(char) in ("W", "F")
