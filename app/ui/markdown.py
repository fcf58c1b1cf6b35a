"""Model output → HTML for Qt's rich-text engine, with nothing remote in it.

Raw HTML in the output is shown as text, images become a link showing their address (never an
`<img>`), and code blocks are highlighted with Pygments (inline styles, which Qt understands)
under a header with the language and a Copy link. `split_finished` finds where the finished
blocks of a growing answer end, so a streaming view renders each finished block once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.tasklists import tasklists_plugin
from pygments.formatters import HtmlFormatter

from app.core.highlight import highlight_code

CodeRegistry = Callable[[str], int]
_TABLE = '<table border="1" cellspacing="0" cellpadding="5" style="border-color:#9aa4b0">'
# The view is one QTextDocument, which cannot scroll a single block sideways: code keeps its
# spaces but wraps (at a space, or anywhere in a long token), each wrapped part indented by
# about two characters so that it does not read as a line of its own.
_CODE_STYLE = "margin:0; margin-left:16px; text-indent:-16px; white-space:pre-wrap"
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class MarkdownRenderer:
    """Renders Markdown with a light or dark code style; `register` keeps code for Copy."""

    def __init__(self, dark: bool = False) -> None:
        self.dark = dark
        self._md = (
            MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
            .enable(["table", "strikethrough"])
            .use(tasklists_plugin)
        )
        # markdown-it binds each rule to its renderer: plain functions, not bound methods.
        self._md.add_render_rule("fence", lambda _r, tokens, i, *_: self._fence(tokens[i]))
        self._md.add_render_rule("code_block", lambda _r, tokens, i, *_: self._fence(tokens[i]))
        self._md.add_render_rule("image", lambda _r, tokens, i, *_: self._image(tokens[i]))
        self._formatter = HtmlFormatter(
            nowrap=True, noclasses=True, style="github-dark" if dark else "friendly"
        )
        self._register: CodeRegistry = lambda code: 0
        self._labels = {"copy": "Copy", "image": "image", "text": "text"}

    def set_labels(self, copy: str, image: str, text: str = "text") -> None:
        """Translated words used inside rendered HTML (`text`: a code block with no language)."""
        self._labels = {"copy": copy, "image": image, "text": text}

    def render(self, text: str, register: CodeRegistry | None = None) -> str:
        self._register = register or (lambda code: 0)
        rendered = str(self._md.render(text))
        return rendered.replace("<table>", _TABLE) if "<table>" in rendered else rendered

    # -- render rules ------------------------------------------------------------------

    def _fence(self, token: Token) -> str:
        code = token.content
        language = (token.info or "").strip().split(" ")[0]
        key = self._register(code)
        body = highlight_code(code, language, self._formatter)
        head_bg, body_bg = ("#2b3038", "#1e2228") if self.dark else ("#e8ebef", "#f6f8fa")
        label = html.escape(language or self._labels["text"])
        copy = html.escape(self._labels["copy"])
        return (
            f'<table width="100%" cellspacing="0" cellpadding="6" '
            f'style="margin-top:4px; margin-bottom:8px; border-collapse:collapse">'
            f'<tr><td bgcolor="{head_bg}"><span style="font-size:small">{label}</span>'
            f'&nbsp;&nbsp;<a href="hearth:copy-code/{key}" style="font-size:small">{copy}</a>'
            f'</td></tr><tr><td bgcolor="{body_bg}"><pre style="{_CODE_STYLE}">{body}</pre>'
            f"</td></tr></table>"
        )

    def _image(self, token: Token) -> str:
        src = str(token.attrGet("src") or "")
        alt = token.content or src
        word = html.escape(self._labels["image"])
        return (
            f'<a href="{html.escape(src, quote=True)}">[{word}: {html.escape(alt)}]</a>'
            if src
            else f"[{word}: {html.escape(alt)}]"
        )


def split_finished(text: str, start: int = 0) -> int:
    """The offset in `text` (≥ `start`, which must be a block boundary) up to which the
    blocks are finished: the last blank line outside a code fence that has text after it, or
    the end of a closed fence. The rest is the open block that may still change."""
    boundary = start
    fence: str | None = None
    pos = start
    while True:
        end = text.find("\n", pos)
        if end < 0:
            return boundary  # the last line is unfinished: never part of a finished block
        line = text[pos:end]
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
        elif fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
                boundary = end + 1
        elif not line.strip():
            boundary = end + 1
        pos = end + 1
