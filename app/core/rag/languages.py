"""Which script a collection's text is written in, which languages an embedding model reads,
and the hint when the two do not meet.

The catalog counts, for every indexed file, its letters and how many of them are Chinese,
Japanese or Korean (`script_counts`, stored as it writes the chunks). A model that reads only
English turns such text into vectors that say little, so searching by meaning finds little:
the Documents window and `hearth docs status` then say so (`language_hint`) and point to a
multilingual model. Models are known by their names; one Hearth does not know gets no hint.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from app.core.rag import texts
from app.core.text import Msg

# Han (with extensions A and B–F, and compatibility ideographs), kana, Hangul.
_CJK_RUN = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3130-\u318f"
    "\uac00-\ud7af\U00020000-\U0002ffff]+"
)
# "Mostly": at least this share of the letters. A Chinese character says as much as a few
# Latin letters, so half the letters means well over half the words.
MOSTLY = 0.5
# Fewer letters than this tell nothing (a few file names, a table of numbers).
ENOUGH_LETTERS = 40

# Parts of a model's name that say it reads Chinese, Japanese or Korean: checked first, so
# "paraphrase-multilingual-MiniLM" is multilingual although it is a MiniLM.
_READS_CJK = (
    "multilingual",
    "bge-m3",
    "-zh",
    "_zh",
    "chinese",
    "japanese",
    "korean",
    "xlm",
    "labse",
    "m3e",
    "text2vec",
    "jina-embeddings-v3",
    "qwen",
    "distiluse",
)
# Parts of a name that say it reads English only.
_ENGLISH_ONLY = (
    "all-minilm",
    "all-mpnet",
    "all-distilroberta",
    "multi-qa",
    "msmarco",
    "-en",
    "_en",
    "e5-small-v2",
    "e5-base-v2",
    "e5-large-v2",
    "gte-small",
    "gte-base",
    "gte-large",
    "nomic-embed-text-v1",
)


def script_counts(text: str) -> tuple[int, int]:
    """(letters, of which Chinese, Japanese or Korean) in `text`."""
    cjk = sum(match.end() - match.start() for match in _CJK_RUN.finditer(text))
    return sum(map(str.isalpha, text)), cjk


def reads_cjk(embedder: str) -> bool | None:
    """Whether the embedding model named `embedder` ("all-MiniLM-L6-v2", "owner/repo", a
    folder) reads Chinese, Japanese and Korean; None when Hearth cannot tell by its name."""
    name = PurePath(embedder).name.lower()
    if any(part in name for part in _READS_CJK):
        return True
    if any(part in name for part in _ENGLISH_ONLY):
        return False
    return None


def cjk_share(letters: int, cjk: int) -> float:
    """The share of the letters that are Chinese, Japanese or Korean (0 when there are none)."""
    return cjk / letters if letters > 0 else 0.0


def language_hint(embedder: str, letters: int, cjk: int) -> Msg | None:
    """The hint to show for a collection with these counts, or None when its model fits."""
    if letters < ENOUGH_LETTERS or cjk_share(letters, cjk) < MOSTLY:
        return None
    if reads_cjk(embedder) is not False:
        return None
    return texts.CJK_HINT(model=embedder)


def reading(embedder: str) -> Msg | None:
    """The model's name with what it reads, for a list of models; None when not known."""
    reads = reads_cjk(embedder)
    if reads is None:
        return None
    return (texts.READS_MANY if reads else texts.READS_ENGLISH)(model=embedder)
