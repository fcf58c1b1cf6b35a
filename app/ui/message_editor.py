"""Editing a message in place: an editor laid over the message itself, as wide as the chat.

The chat is one `QTextBrowser`, which cannot hold widgets, so the editor floats over the
message's frame in the viewport and follows it when the view scrolls or resizes. It wraps words,
grows with the text up to half the view, and sends with Ctrl+Enter (or its button); Esc or
Cancel leaves the message as it was. Sending makes a new version of the message: the earlier
one stays in the chat ("‹ 1/2 ›").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MIN_LINES = 3


class MessageEditor(QFrame):
    """The in-place editor of one message.

    Signals:
        submitted(int, str): the new text of message `id` (not empty).
        cancelled(): the user left the message as it was.
        resized_wanted(): the text grew or shrank: the room made for it should follow.
    """

    submitted = Signal(int, str)
    cancelled = Signal()
    resized_wanted = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.message_id = 0
        self.setObjectName("messageEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#messageEditor { border: 1px solid palette(highlight); border-radius: 6px; }"
        )
        self.text = QPlainTextEdit(self)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.textChanged.connect(self._on_text_changed)
        self.text.textChanged.connect(self.resized_wanted)
        self.send = QPushButton(self)
        self.send.setDefault(True)
        self.send.clicked.connect(self._submit)
        self.cancel = QPushButton(self)
        self.cancel.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.text)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._submit)
        self.text.installEventFilter(self)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.send.setText(self.tr("Send as a new version"))
        self.send.setToolTip(
            self.tr("Answer the edited message again; the earlier version stays (Ctrl+Enter).")
        )
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Leave the message as it was (Esc)."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open(self, message_id: int, text: str) -> None:
        self.message_id = message_id
        self.text.setPlainText(text)
        self.show()
        self.raise_()
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def wanted_height(self) -> int:
        """As tall as its text at its width (at least a few lines), so that the whole message
        is in view while it is edited, and the frame made this tall holds all of it."""
        line = self.text.fontMetrics().lineSpacing()
        chrome = self.sizeHint().height() - self.text.sizeHint().height()
        return max(MIN_LINES * line, self._text_height()) + chrome

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        # Esc is the window's Stop shortcut: while editing, it belongs to the editor
        if watched is self.text and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                event.accept()
        elif watched is self.text and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self._cancel()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _text_height(self) -> int:
        document = self.text.document()
        lines = max(int(document.size().height()), 1)  # laid out in lines for a plain edit
        return lines * self.text.fontMetrics().lineSpacing() + 12

    def _on_text_changed(self) -> None:
        self.send.setEnabled(bool(self.text.toPlainText().strip()))

    def _submit(self) -> None:
        text = self.text.toPlainText()
        if text.strip() and self.isVisible():
            self.hide()
            self.submitted.emit(self.message_id, text)

    def _cancel(self) -> None:
        if self.isVisible():
            self.hide()
            self.cancelled.emit()
