"""Keep raw HTML in chat text from acting as HTML when a Markdown export is rendered.

Markdown passes raw HTML through, so `<script>` or `<img onerror=...>` written in a chat would
vanish (or run) in renderers that allow HTML. A backslash before `<` makes CommonMark show the
character as written, and the Markdown source stays readable. Code is left alone: fenced and
indented code blocks, and inline code spans, already show their text literally. So are
autolinks (`<https://...>`), which are links, not HTML.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
# `<` that would start a tag, a closing tag, a comment or a declaration, and not an autolink
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])(?![A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>)")


def escape_raw_html(text: str) -> str:
    """`text` with every would-be HTML tag outside code shown literally."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            out.append(line)
        elif opening:
            fence = opening.group(1)
            out.append(line)
        elif line.startswith(("    ", "\t")):
            out.append(line)  # indented code (or a list's continuation, which rarely holds HTML)
        else:
            out.append(_escape_line(line))
    return "\n".join(out)


def _escape_line(line: str) -> str:
    pieces: list[str] = []
    last = 0
    for span in _CODE_SPAN.finditer(line):
        pieces.append(_TAG_START.sub(r"\\<", line[last : span.start()]))
        pieces.append(span.group(0))
        last = span.end()
    pieces.append(_TAG_START.sub(r"\\<", line[last:]))
    return "".join(pieces)
