"""Where the user writes: Enter sends, Shift+Enter starts a new line, Esc stops an answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from app.ui.elide import ElidedButton

BUTTON_MAX_WIDTH = 180  # px: a longer word on the button is cut, it never widens the window


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
        self.button = ElidedButton()
        self.button.setObjectName("sendButton")
        self.button.setMinimumWidth(96)
        self.button.setMaximumWidth(BUTTON_MAX_WIDTH)
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
        self.waiting = False  # a model is loading: what is sent now waits for it
        self.retranslate()

    def retranslate(self) -> None:
        if self.busy:
            self.button.setText(self.tr("Stop"))
            self.button.setToolTip(self.tr("Stop the answer; what is written so far is kept (Esc)"))
        else:
            self.button.setText(self.tr("Generate") if self.completion else self.tr("Send"))
            if self.waiting:
                self.button.setText(self.tr("Send when loaded"))
            self.button.setToolTip(
                self.tr("Let the model continue your text (Enter)")
                if self.completion
                else self.tr("Send your message to the model (Enter)")
            )
        self.editor.setPlaceholderText(
            self.tr("Write the beginning of a text; the model continues it (Enter)")
            if self.completion
            else self.tr("Message (Enter to send, Shift+Enter for a new line)")
        )

    def set_waiting(self, waiting: bool) -> None:
        self.waiting = waiting
        self.retranslate()
        if waiting and not self.busy:
            self.button.setToolTip(
                self.tr("The model is still loading: your message is sent as soon as it is ready")
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
