"""One passage an answer used: where it comes from, its text, and the file one click away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class SourceDialog(QDialog):
    """Shows a stored source (the dict a reply keeps) and opens its file on request."""

    def __init__(self, source: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceDialog")
        self.source = source
        self.path = str(source.get("path") or "")
        self.title = QLabel(str(source.get("file") or self.path))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.where = QLabel()
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setStyleSheet("color: gray")
        self.where.setWordWrap(True)
        self.text = QPlainTextEdit(str(source.get("text") or source.get("snippet") or ""))
        self.text.setObjectName("sourceText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton()
        self.folder_button = QPushButton()
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(lambda: self.open_path(self.path))
        self.folder_button.clicked.connect(lambda: self.open_path(str(Path(self.path).parent)))
        self.missing = not self.path or not Path(self.path).exists()
        if self.missing:
            self.open_button.setEnabled(False)
            self.folder_button.setEnabled(False)
        column = QVBoxLayout(self)
        for widget in (self.title, self.details, self.where):
            column.addWidget(widget)
        column.addWidget(self.text, 1)
        column.addWidget(buttons)
        self.retranslate()
        self.resize(640, 460)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Source"))
        self.details.setText(self._details())
        self.open_button.setText(self.tr("Open file"))
        self.open_button.setToolTip(self.tr("Open the file in the app your system uses for it"))
        self.folder_button.setText(self.tr("Show folder"))
        self.folder_button.setToolTip(self.tr("Open the folder that holds the file"))
        self.where.setText(
            self.tr("{0} (no longer there: moved, renamed or deleted)").format(self.path)
            if self.missing
            else self.path
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _details(self) -> str:
        s = self.source
        parts = []
        if s.get("page"):
            parts.append(self.tr("page {0}").format(s["page"]))
        if s.get("heading"):
            parts.append(str(s["heading"]))
        if isinstance(s.get("score"), int | float):
            parts.append(self.tr("relevance {0}%").format(round(float(s["score"]) * 100)))
        if s.get("collection"):
            parts.append(self.tr("collection “{0}”").format(s["collection"]))
        return " · ".join(parts)

    def open_path(self, path: str) -> bool:
        """Hand the file (or folder) to the system's own app for it."""
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(path)))
