"""Mend the text layer of a PDF that Qt wrote, so that Chinese copies and searches as written.

Qt's PDF writer tells readers which character each glyph stands for (a font's ToUnicode map)
by taking the lowest code point that the font maps to the glyph. Noto Sans CJK draws 一, 人,
大, 文, 日, 生, 用, 月, 工 … with the same glyphs as the Kangxi radicals (U+2F00–U+2FDF), which
come first: the page shows 文, but copying gives ⽂ and a search for 中文 finds nothing. Such
code points are mapped back to the characters they stand for (their NFKC form), which is what
a chat means by them. The page as drawn is unchanged.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Any

RADICALS = re.compile(r"[\u2e80-\u2fdf]")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_SECTION = re.compile(rb"(beginbf(?:char|range))(.*?)(endbf(?:char|range))", re.DOTALL)


def mend_text_layer(path: Path) -> bool:
    """Rewrite `path` in place where a font's ToUnicode map names a radical; True when it
    did. A PDF with none (no Chinese, or another font) is left as it is."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(path))
    mended = False
    for stream in _to_unicode_streams(writer):
        data = stream.get_data()
        fixed = mend_cmap(data)
        if fixed != data:
            stream.set_data(fixed)
            mended = True
    if mended:
        mending = path.with_name(path.name + ".mending")
        try:
            with mending.open("wb") as out:
                writer.write(out)
            os.replace(mending, path)
        finally:
            mending.unlink(missing_ok=True)
    return mended


def _to_unicode_streams(writer: Any) -> list[Any]:
    """Each font's ToUnicode stream, once, over all pages."""
    streams: dict[int, Any] = {}
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for font in fonts.get_object().values() if fonts is not None else []:
            ref = font.get_object().get("/ToUnicode")
            if ref is not None:
                streams[id(ref.get_object())] = ref.get_object()
    return list(streams.values())


def mend_cmap(data: bytes) -> bytes:
    """`data` (a ToUnicode CMap) with each radical it maps to replaced by its NFKC form.
    Only the characters mapped to are touched, never the glyph codes."""
    return _SECTION.sub(lambda m: m.group(1) + _mend_section(m.group(2)) + m.group(3), data)


def _mend_section(body: bytes) -> bytes:
    lines = []
    for line in body.split(b"\n"):
        codes = _HEX.findall(line)
        if b"[" in line:  # bfrange <first> <last> [<text> …]
            keep = 2
        elif len(codes) == 2:  # bfchar <glyph> <text>
            keep = 1
        elif len(codes) == 3 and codes[0] == codes[1]:  # bfrange of one glyph
            keep = 2
        else:  # a range counting up from its first text, or no mapping: left as it is
            keep = len(codes)
        lines.append(_mend_line(line, keep) if len(codes) > keep else line)
    return b"\n".join(lines)


def _mend_line(line: bytes, keep: int) -> bytes:
    """Mend every <hex> after the first `keep` (the glyph codes) in one line."""
    seen = 0

    def mend(match: re.Match[bytes]) -> bytes:
        nonlocal seen
        seen += 1
        if seen <= keep:
            return match.group(0)
        return b"<" + _mend_hex(match.group(1)) + b">"

    return _HEX.sub(mend, line)


def _mend_hex(code: bytes) -> bytes:
    """A UTF-16BE hex string with its radicals replaced."""
    try:
        text = bytes.fromhex(code.decode("ascii")).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return code
    if not RADICALS.search(text):
        return code
    mended = RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return mended.encode("utf-16-be").hex().upper().encode("ascii")
