"""Where the user writes: Enter sends, Shift+Enter starts a new line, Esc stops an answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class _Editor(QPlainTextEdit):
    submitted = Signal()
    stop_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.stop_requested.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    """The message box and its Send/Stop button.

    Signals:
        send_requested(str): the user sent this text (the box is cleared by `clear_sent`).
        stop_requested(): the user wants the answer to stop.
    """

    send_requested = Signal(str)
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = _Editor()
        self.editor.setObjectName("composer")
        self.editor.setFixedHeight(84)
        self.button = QPushButton()
        self.button.setObjectName("sendButton")
        self.button.setMinimumWidth(96)
        self.button.clicked.connect(self._on_button_clicked)
        self.editor.submitted.connect(self._on_editor_submitted)
        self.editor.stop_requested.connect(self.stop_requested)
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.button)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 10)
        row.addWidget(self.editor, 1)
        row.addLayout(side)
        self.busy = False
        self.completion = False
        self.retranslate()

    def retranslate(self) -> None:
        if self.busy:
            self.button.setText(self.tr("Stop"))
        else:
            self.button.setText(self.tr("Generate") if self.completion else self.tr("Send"))
        self.editor.setPlaceholderText(
            self.tr("Write the beginning of a text; the model continues it (Enter)")
            if self.completion
            else self.tr("Message (Enter to send, Shift+Enter for a new line)")
        )

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.retranslate()

    def set_completion(self, completion: bool) -> None:
        self.completion = completion
        self.retranslate()

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self.editor.setFocus()

    def clear_sent(self) -> None:
        self.editor.clear()

    def _on_button_clicked(self) -> None:
        if self.busy:
            self.stop_requested.emit()
        else:
            self._on_editor_submitted()

    def _on_editor_submitted(self) -> None:
        if self.busy:
            return
        text = self.text()
        if text.strip() or self.completion:
            self.send_requested.emit(text)
