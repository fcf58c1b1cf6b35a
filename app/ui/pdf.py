"""PDF export: the HTML export laid out by Qt's rich-text engine and written by QPdfWriter.

Needs a QGuiApplication (the window has one; the CLI makes an offscreen one). Chinese text
renders with the system's CJK font (fonts-noto-cjk on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.core.errors import HearthError
from app.core.text import QT_TRANSLATE_NOOP, Phrase

_APPS: list[QGuiApplication] = []  # keeps the CLI's application alive

NOT_WRITTEN = Phrase(
    "ui.pdf.not-written", QT_TRANSLATE_NOOP("Messages", "The PDF could not be written to {path}.")
)


def write_pdf(html_text: str, path: Path, title: str = "Hearth chats") -> Path:
    """Write `html_text` as an A4 PDF; a failure leaves no partial file. Makes an offscreen
    QGuiApplication when there is none (the CLI)."""
    if QGuiApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APPS.append(QGuiApplication(["hearth"]))
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
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
    document = QTextDocument()
    document.setHtml(html_text)
    document.print_(writer)
    del writer  # flushes and closes the file
    if not partial.is_file() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise HearthError(NOT_WRITTEN(path=str(path)))
    os.replace(partial, path)
    return path
