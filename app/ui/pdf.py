"""PDF export: the HTML export laid out by Qt's rich-text engine and written by QPdfWriter.

Hearth cuts the pages itself instead of leaving it to `QTextDocument.print_`, so that nothing
is lost or stranded at a page's edge:

- Code keeps its spaces and line breaks but wraps: at a space, or anywhere in a long unbroken
  token. Nothing is drawn past the right edge (text drawn there would still be in the file, but
  no reader would see it).
- A heading (a message's "You" / "Assistant" line, a chat's title, a Markdown heading) is kept
  with its first lines: one that would end a page starts the next one instead.
- Each page is numbered at its foot ("2 / 5").
- The text copies and searches as written: digits and Chinese included (see
  `_no_cjk_font_by_name` and `pdf_text`).

Needs a QGuiApplication (the window has one; the CLI makes an offscreen one). Chinese text
renders with the system's CJK font (fonts-noto-cjk on Linux).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
    QTextFrame,
    QTextOption,
    QTextTable,
)

from app.core.errors import HearthError
from app.core.text import QT_TRANSLATE_NOOP, Phrase
from app.ui.pdf_text import mend_text_layer

log = logging.getLogger(__name__)

_APPS: list[QGuiApplication] = []  # keeps the CLI's application alive

NOT_WRITTEN = Phrase(
    "ui.pdf.not-written", QT_TRANSLATE_NOOP("Messages", "The PDF could not be written to {path}.")
)

KEEP_LINES = 2  # lines of text a heading keeps with it on its page
FOOTER_POINTS = 20.0  # the strip at a page's foot that holds its number
SOLID = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def write_pdf(html_text: str, path: Path, title: str = "Hearth chats") -> Path:
    """Write `html_text` as an A4 PDF; a failure leaves no partial file. Makes an offscreen
    QGuiApplication when there is none (the CLI)."""
    _ensure_application()
    partial = path.with_name(path.name + ".part")
    writer = _writer(partial, title)
    footer = FOOTER_POINTS * writer.resolution() / 72
    document = paged_document(html_text, writer, QSizeF(writer.width(), writer.height() - footer))
    _paint(document, writer)
    del writer  # flushes and closes the file
    if not partial.is_file() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise HearthError(NOT_WRITTEN(path=str(path)))
    try:
        _mend(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _mend(path: Path) -> None:
    """Chinese copies and searches as written (see `pdf_text`). A file pypdf cannot read back
    is kept as Qt wrote it: its pages show the same."""
    from pypdf.errors import PyPdfError

    try:
        mend_text_layer(path)
    except (PyPdfError, ValueError, KeyError) as exc:
        log.warning("the PDF's text layer was not mended: %s", exc)


def _ensure_application() -> None:
    if QGuiApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APPS.append(QGuiApplication(["hearth"]))


def _writer(path: Path, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Hearth")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


# -- layout ----------------------------------------------------------------------------------


def paged_document(html_text: str, device: QPdfWriter, page: QSizeF) -> QTextDocument:
    """`html_text` laid out for `device` in pages of `page` (device pixels): code wraps, and
    no heading ends a page."""
    document = QTextDocument()
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setHtml(html_text)
    _no_cjk_font_by_name(document)  # edits before the layout exists: no layout work for each
    _wrap_code(document, device)
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(page)
    keep_headings(document)
    return document


def _no_cjk_font_by_name(document: QTextDocument) -> None:
    """Qt's PDF writer loses the digits of Latin text set in Noto Sans CJK (they copy and
    search as control characters), so no text asks for a CJK font by name: Latin text takes
    the next family in its list, and Qt falls back to a CJK font for the Chinese by itself."""
    changes: list[tuple[int, int, list[str]]] = []
    for fragment in _fragments(document):
        families = fragment.charFormat().fontFamilies() or []
        kept = [family for family in families if "CJK" not in family]
        if kept != families:
            changes.append((fragment.position(), fragment.length(), kept or ["sans-serif"]))
    cursor = QTextCursor(document)
    for start, length, families in changes:
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        change = QTextCharFormat()
        change.setFontFamilies(families)
        cursor.mergeCharFormat(change)


def _wrap_code(document: QTextDocument, device: QPdfWriter) -> None:
    """Code (blocks laid out as one unbreakable line: white-space pre) wraps instead, its
    lines set solid so that the block's background has no gaps, and each wrapped part
    indented by two characters so that it does not read as a line of its own."""
    for block in _blocks(document):
        fmt = block.blockFormat()
        if not fmt.nonBreakableLines():
            continue
        font = block.begin().fragment().charFormat().font()
        hang = 2 * QFontMetricsF(font, device).horizontalAdvance("0")
        fmt.setNonBreakableLines(False)
        fmt.setLineHeight(100, SOLID)
        fmt.setLeftMargin(fmt.leftMargin() + hang)
        fmt.setTextIndent(fmt.textIndent() - hang)
        QTextCursor(block).setBlockFormat(fmt)


def keep_headings(document: QTextDocument) -> int:
    """Move each heading that would be left at a page's foot, away from its first lines, to the
    top of the next page (in document order, as each move shifts what follows). Returns how
    many moved."""
    height = document.pageSize().height()
    moved = 0
    for heading, holder, box in _headings(document):
        lines = _line_rects(heading, 1 + KEEP_LINES, box.lastPosition())
        if lines and int(lines[0].top() // height) != int((lines[-1].bottom() - 1) // height):
            _break_before(holder)
            moved += 1
    return moved


def _headings(
    document: QTextDocument,
) -> Iterator[tuple[QTextBlock, QTextBlock | QTextFrame, QTextFrame]]:
    """Each heading; what moves to the next page to move it: a message's box (a one-cell table
    in the root frame, whose first line is the heading), or the heading's own block; and the
    box whose lines it keeps with it (its message's, or the rest of the document)."""
    root = document.rootFrame()
    for block in _blocks(document):
        box = document.frameAt(block.position())
        while box.parentFrame() is not None and box.parentFrame() != root:
            box = box.parentFrame()
        if isinstance(box, QTextTable) and block.position() == box.cellAt(0, 0).firstPosition():
            yield block, box, box
        elif block.blockFormat().headingLevel() > 0:
            yield block, block, box


def _line_rects(start: QTextBlock, count: int, end: int) -> list[QRectF]:
    """The first `count` lines of text from `start` on, up to position `end`, in document
    coordinates."""
    layout = start.document().documentLayout()
    rects: list[QRectF] = []
    block = start
    while block.isValid() and block.position() <= end and len(rects) < count:
        origin = layout.blockBoundingRect(block).topLeft()
        text_layout = block.layout()
        for index in range(text_layout.lineCount() if block.text().strip() else 0):
            rects.append(text_layout.lineAt(index).rect().translated(origin))
            if len(rects) == count:
                break
        block = block.next()
    return rects


def _break_before(holder: QTextBlock | QTextFrame) -> None:
    if isinstance(holder, QTextBlock):
        fmt = holder.blockFormat()
        fmt.setPageBreakPolicy(BREAK_BEFORE)
        QTextCursor(holder).setBlockFormat(fmt)
    else:
        frame_format = holder.frameFormat()
        frame_format.setPageBreakPolicy(BREAK_BEFORE)
        holder.setFrameFormat(frame_format)


def _fragments(document: QTextDocument) -> Iterator[QTextFragment]:
    for block in _blocks(document):
        item = block.begin()
        while not item.atEnd():
            yield item.fragment()
            item += 1


def _blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


# -- painting --------------------------------------------------------------------------------


def _paint(document: QTextDocument, writer: QPdfWriter) -> None:
    """Draw each page of `document` (laid out for `writer`), its number in the strip below."""
    page = document.pageSize()
    count = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        return  # the file could not be opened: write_pdf finds no file and says so
    try:
        for index in range(count):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            document.drawContents(painter, QRectF(QPointF(0, index * page.height()), page))
            painter.restore()
            foot = QRectF(0, page.height(), page.width(), writer.height() - page.height())
            _number(painter, foot, f"{index + 1} / {count}")
    finally:
        painter.end()


def _number(painter: QPainter, foot: QRectF, number: str) -> None:
    font = QFont(painter.font())
    font.setPointSizeF(8)
    painter.setFont(font)
    painter.setPen(QColor("#656d76"))
    painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, number)
