"""The bottom line (model state, backend, context meter, speed) and the error banner.

Both keep what they show (a state, the last result, a `Msg`) rather than the finished text, and
write it again in the new language on a live switch (`LanguageChange`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStatusBar,
    QToolButton,
    QWidget,
)

from app.core.engine.types import GenerationResult, LoadedModel
from app.core.text import Msg
from app.workers import i18n


class StatusPanel(QStatusBar):
    """Shows what the engine is doing and how the last answer went."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QLabel()
        self.state.setObjectName("modelState")
        self.backend = QLabel()
        self.backend.setObjectName("backend")
        self.speed = QLabel()
        self.speed.setObjectName("speed")
        self.context = QProgressBar()
        self.context.setObjectName("contextMeter")
        self.context.setMaximumWidth(220)
        self.context.setMaximumHeight(16)
        self.context.setRange(0, 1)
        self.context.setValue(0)
        for widget in (self.state, self.backend, self.speed):
            self.addPermanentWidget(widget)
        self.addPermanentWidget(self.context)
        self._state_key = "idle"
        self._detail = ""
        self._loaded: LoadedModel | None = None
        self._result: GenerationResult | None = None
        self._used = 0
        self._size = 0
        self._note: Msg | str = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.set_state(self._state_key, self._detail)
        self.set_model(self._loaded)
        self.show_result(self._result)
        if self._note and self.currentMessage():
            self.showMessage(i18n.say(self._note), 4000)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_note(self, message: Msg | str, timeout_ms: int = 3000) -> None:
        """A passing note ("Message copied."), kept as given so a switch re-translates it."""
        self._note = message
        self.showMessage(i18n.say(message), timeout_ms)

    def set_state(self, state: str, detail: str = "") -> None:
        self._state_key, self._detail = state, detail
        names = {
            "idle": self.tr("No model loaded"),
            "starting": self.tr("Starting the engine…"),
            "loading": self.tr("Loading {0}…"),
            "ready": self.tr("Ready"),
            "generating": self.tr("Writing…"),
            "reading": self.tr("Reading the prompt…"),
            "failed": self.tr("Model failed to load"),
        }
        self.state.setText(names.get(state, state).format(detail))

    def set_model(self, loaded: LoadedModel | None) -> None:
        self._loaded = loaded
        if loaded is None:
            self.backend.setText("")
            self.backend.setToolTip("")
            self._set_context(0, 0)
            return
        self.backend.setText(self.tr("Backend: {0}").format(loaded.backend))
        self.backend.setToolTip(self.tr("Where the model runs: the processor or a graphics card"))
        self._set_context(self._used, loaded.context_length)

    def show_result(self, result: GenerationResult | None) -> None:
        self._result = result
        if result is None:
            self.speed.setText("")
            self.speed.setToolTip("")
            return
        t = result.timings
        self.speed.setText(
            self.tr("{0} tok/s · first token {1} s").format(
                _decimal(t.tokens_per_second, 1), _decimal(t.time_to_first_token_s, 2)
            )
        )
        self.speed.setToolTip(
            self.tr(
                "How fast the last answer was written, and how long it took to start. A token "
                "is a word or a piece of one."
            )
        )
        self._set_context(t.context_used, t.context_length)

    def show_context(self, used: int, size: int) -> None:
        self._set_context(used, size)

    def _set_context(self, used: int, size: int) -> None:
        self._used, self._size = used, size
        self.context.setRange(0, max(size, 1))
        self.context.setValue(min(used, max(size, 1)))
        self.context.setFormat(
            self.tr("{0} / {1} tokens").format(i18n.count_text(used), i18n.count_text(size))
        )
        self.context.setToolTip(self.tr("Context used by this chat, of the model's window"))


class ErrorBanner(QFrame):
    """A readable message above the composer; the user closes it.

    It keeps the `Msg` it shows (a plain string is shown as it is) and writes it again in the
    new language when the user switches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.label = QLabel()
        self.label.setObjectName("errorText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # chat titles and paths, never markup
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button)
        self.message: Msg | str = ""
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Close this message"))
        self.label.setText(i18n.say(self.message))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_message(self, message: Msg | str) -> None:
        """Show `message` (a core `Msg`, or text already in the user's language)."""
        self.message = message
        self.label.setText(i18n.say(message))
        self.show()

    def text(self) -> str:
        return self.label.text()


def _decimal(value: float, places: int) -> str:
    return QLocale().toString(float(value), "f", places)
