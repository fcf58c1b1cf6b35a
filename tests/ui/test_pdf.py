"""PDF export of long code and long chats: every character lies inside a page, no heading is
left alone at a page's foot, and digits and Chinese copy and search as written.

The chats are stored in a real SQLite store and exported the way the window and the CLI do it
(`gather`, `export_chats`, Qt's PDF writer). pdfium reads the text back *inside each page's
box* only: text drawn past a page's edge is still in the file, so reading all of it would pass
a PDF that cuts lines off (the old export kept 84 of a 300-character line's characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from app.core.chats.store import ChatStore
from app.core.chats.transfer import export_chats, gather
from app.ui import pdf as pdf_module
from app.ui.pdf import write_pdf
from app.ui.pdf_text import mend_cmap

# pytest-qt's QApplication, made first: write_pdf would otherwise make a QGuiApplication, and
# a later test in the same run could not make a widget
pytestmark = pytest.mark.usefixtures("qapp")

HEADINGS = ("You", "Assistant·smol")  # as `last_line` reads them: no spaces


def long_code_lines() -> list[str]:
    """Four 300-character lines of words, one indented, and one 300-letter unbroken token."""
    words = [" ".join(f"value_{n}_{i:03d}" for i in range(40))[:300] for n in range(4)]
    words[2] = "        " + words[2][8:]
    token = "".join(chr(ord("a") + (i * 7 + 3) % 26) for i in range(300))
    return [*words, token]


def export_pdf(tmp_path: Path, *chats: list[tuple[str, str]]) -> Path:
    """Store each chat's messages (role, text) and export the chats as one PDF, for real."""
    with ChatStore(tmp_path / "chats.db") as store:
        ids = []
        for number, messages in enumerate(chats):
            chat = store.create_chat(f"Chat {number}" if number else "Long code", model="smol")
            for role, text in messages:
                model = "smol" if role == "assistant" else None
                store.add_message(chat.id, role, text, model=model)
            ids.append(chat.id)
        exports, problems = gather(store, ids)
    assert not problems
    out = tmp_path / "chat.pdf"
    export_chats(exports, "pdf", out, pdf=write_pdf)
    return out


def pages(path: Path) -> Iterator[object]:
    document = pdfium.PdfDocument(str(path))
    try:
        yield from document
    finally:
        document.close()


def text_inside_pages(path: Path) -> str:
    """The text inside each page's box, pages in order, whitespace and line breaks removed."""
    inside = []
    for page in pages(path):
        left, bottom, right, top = page.get_bbox()
        inside.append(page.get_textpage().get_text_bounded(left, bottom, right, top))
    return re.sub(r"\s+", "", "".join(inside))


def found(text: str, line: str) -> int:
    """How many characters of `line` (whitespace aside), from its start, are in `text`."""
    wanted = re.sub(r"\s+", "", line)
    low, high = 0, len(wanted)
    while low < high:  # the longest prefix found, by bisection (a found prefix's prefixes are)
        middle = (low + high + 1) // 2
        low, high = (middle, high) if wanted[:middle] in text else (low, middle - 1)
    return low


def test_every_character_of_long_code_lines_is_inside_a_page(tmp_path: Path) -> None:
    lines = long_code_lines()
    reply = "Here it is:\n\n```python\n" + "\n".join(lines) + "\n```\n\nAnd `" + lines[-1] + "`."
    path = export_pdf(tmp_path, [("user", "Show me long code"), ("assistant", reply)])
    text = text_inside_pages(path)
    counts = [(found(text, line), len(re.sub(r"\s+", "", line))) for line in lines]
    assert all(got == wanted for got, wanted in counts), counts
    assert text.count(lines[-1]) == 2  # the token in the block, and inline in the sentence


def test_digits_and_chinese_copy_and_search_as_written(tmp_path: Path) -> None:
    """Qt's PDF writer loses the digits of Latin text set in Noto Sans CJK (they read as
    control characters), and names a glyph by the lowest code point drawn with it, so that
    一人大文日生用月工 read as Kangxi radicals (⼀⼈⼤⽂…)."""
    reply = "一个人在大学里学习中文和日语，生活很有意思。订单号1234567890，用电脑工作。"
    reply += "Order 0987654321 costs 42.50."
    path = export_pdf(tmp_path, [("user", "这个月的订单号是多少？"), ("assistant", reply)])
    text = text_inside_pages(path)
    assert re.sub(r"\s+", "", reply) in text
    assert "这个月的订单号是多少？" in text


def test_mending_a_cmap_touches_only_the_characters_mapped_to() -> None:
    radical, ideograph = "2F42", "6587"  # ⽂ → 文
    cmap = (
        b"2 beginbfrange\n<2F42> <2F43> [<0041> <" + radical.encode() + b">]\n"
        b"<0005> <0005> <2F00>\n<0010> <0012> <2F08>\nendbfrange\n"
        b"1 beginbfchar\n<2F42> <2F24>\nendbfchar\n"
    )
    assert mend_cmap(cmap) == (
        b"2 beginbfrange\n<2F42> <2F43> [<0041> <" + ideograph.encode() + b">]\n"
        b"<0005> <0005> <4E00>\n<0010> <0012> <2F08>\nendbfrange\n"
        b"1 beginbfchar\n<2F42> <5927>\nendbfchar\n"
    )


def test_no_heading_is_the_last_line_of_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Message headings and chat titles: answers of 1 to 9 paragraphs, in three chats, put
    headings all over the page."""
    moved: list[int] = []
    keep = pdf_module.keep_headings
    monkeypatch.setattr(pdf_module, "keep_headings", lambda doc: moved.append(keep(doc)) or 0)
    chats = []
    for c in range(3):
        messages = []
        for n in range(14):
            messages.append(("user", f"Question {c}.{n}?"))
            lines = [
                f"Answer {n}, paragraph {k}: a short line." for k in range(1 + (n + c) * 5 % 9)
            ]
            messages.append(("assistant", "\n\n".join(lines)))
        chats.append(messages)
    path = export_pdf(tmp_path, *chats)
    last_lines = [last_line(page) for page in pages(path)]
    assert len(last_lines) > 6
    assert moved and moved[0] > 0  # some headings would have ended a page
    headings = [line for line in last_lines if line in HEADINGS or line.startswith("Chat")]
    assert not headings, last_lines


def last_line(page: object) -> str:
    """The lowest line of text in the page's body (above the page number at its foot),
    whitespace removed."""
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    lines: dict[int, str] = {}
    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1)
        if char.strip():
            bottom = textpage.get_charbox(index, loose=True)[1]
            lines[round(bottom)] = lines.get(round(bottom), "") + char
    body = sorted(lines.items())[1:]  # the lowest line is the page number
    return body[0][1] if body else ""
