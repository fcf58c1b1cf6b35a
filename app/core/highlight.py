"""Code highlighting with Pygments, shared by the chat view and the HTML export."""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

from pygments import highlight
from pygments.lexers import get_lexer_by_name, guess_lexer
from pygments.util import ClassNotFound

GUESS_LIMIT = 4000  # guessing the language of longer code costs too much


def highlight_code(code: str, language: str, formatter: Any) -> str:
    """`code` as HTML: highlighted for `language` (or a guess), else escaped plain text."""
    lexer = _lexer(language) if language else None
    if lexer is None and len(code) < GUESS_LIMIT:
        try:
            lexer = guess_lexer(code)
        except ClassNotFound:
            lexer = None
    if lexer is None:
        return html.escape(code.rstrip("\n"))
    return str(highlight(code, lexer, formatter)).rstrip("\n")


@lru_cache(maxsize=64)
def _lexer(language: str) -> Any:
    try:
        return get_lexer_by_name(language, stripnl=False)
    except ClassNotFound:
        return None
