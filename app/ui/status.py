"""The bottom line (model state, load progress, backend, context meter, speed) and the error
banner.

The meter and the speed belong to the chat shown: they come from the timings stored with its
latest answer (`app/core/figures.py`), so a new chat shows none and a restart shows the same,
and the meter counts along while an answer is written. Both widgets keep what they show (a
state, the figures, a `Msg`) rather than the finished text, and write it again in the new
language on a live switch (`LanguageChange`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStatusBar,
    QToolButton,
    QWidget,
)

from app.core.chats.store import Chat, StoredMessage
from app.core.engine.types import GenerationResult, LoadedModel
from app.core.figures import AnswerFigures, chat_figures, load_time, speed
from app.core.text import Msg
from app.ui.elide import ElidedLabel
from app.workers import i18n
from app.workers.session import ChatSession


class StatusPanel(QStatusBar):
    """Shows what the engine is doing and how the last answer went."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # cut with "…" (whole in a tooltip) when the window is narrow; never widen it
        self.state = ElidedLabel()
        self.state.setObjectName("modelState")
        self.backend = ElidedLabel()
        self.backend.setObjectName("backend")
        self.speed = ElidedLabel()
        self.speed.setObjectName("speed")
        self.context = QProgressBar()
        self.context.setObjectName("contextMeter")
        self.context.setMaximumWidth(220)
        self.context.setMaximumHeight(16)
        self.context.setRange(0, 1)
        self.context.setValue(0)
        self.load_bar = QProgressBar()
        self.load_bar.setObjectName("loadProgress")
        self.load_bar.setMaximumWidth(140)
        self.load_bar.setMaximumHeight(16)
        self.load_bar.hide()
        self.addPermanentWidget(self.state)
        self.addPermanentWidget(self.load_bar)
        for widget in (self.backend, self.speed):
            self.addPermanentWidget(widget)
        self.addPermanentWidget(self.context)
        self._state_key = "idle"
        self._detail = ""
        self.loading_model = ""  # the file name of the model being (or last) loaded
        self._counting = False  # an answer of the chat shown is being written
        self._loaded: LoadedModel | None = None
        self._figures: AnswerFigures | None = None
        self._used = 0
        self._size = 0
        self._note: Msg | str = ""
        self.retranslate()

    def follow(self, session: ChatSession) -> None:
        """Show the figures of the chat `session` shows, and its engine's loads."""
        engine = session.engine
        session.chat_changed.connect(self._on_session_chat_changed)
        engine.model_loading.connect(lambda model: self.set_state("loading", model))
        engine.load_progressed.connect(self.show_load_progress)
        engine.model_loaded.connect(self.set_model)
        engine.model_failed.connect(lambda _why: self.load_bar.hide())
        session.turn_started.connect(self._on_session_turn_started)
        engine.context_counted.connect(
            lambda rid, used: self.show_counted(used) if rid == engine.active_request else None
        )

    def retranslate(self) -> None:
        self.set_state(self._state_key, self._detail)
        self.set_model(self._loaded)
        self.show_figures(self._figures)
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
        loading = state in ("starting", "loading")
        if state == "loading":
            self.loading_model = detail.split("/")[-1]
        self.state.setText(names.get(state, state).format(self.loading_model))
        if loading and not self.load_bar.isVisible():
            self.load_bar.setRange(0, 0)  # busy until the engine tells how far it is
        self.load_bar.setVisible(loading)

    def show_load_progress(self, fraction: float) -> None:
        """How far the model load has come, 0.0 to 1.0."""
        self.load_bar.setRange(0, 100)
        self.load_bar.setValue(round(fraction * 100))

    def set_model(self, loaded: LoadedModel | None) -> None:
        self._loaded = loaded
        if loaded is None:
            self.backend.setText("")
            self.backend.setToolTip("")
            self._set_context(0, 0)
            return
        self.load_bar.hide()
        backend = self.tr("Backend: {0}").format(loaded.backend)
        self.backend.setText(f"{backend} · {i18n.say(load_time(loaded.load_seconds))}")
        self.backend.setToolTip(
            self.tr(
                "Where the model runs: the processor or a graphics card, and how long the model "
                "took to load (never counted in an answer's speed)"
            )
        )
        self._set_context(self._used, loaded.context_length)

    def show_chat(self, messages: list[StoredMessage]) -> None:
        """The figures of this chat's latest answer (none for an empty chat)."""
        self.show_figures(chat_figures(messages))

    def show_figures(self, figures: AnswerFigures | None) -> None:
        self._figures = figures
        size = self._loaded.context_length if self._loaded is not None else 0
        if figures is None:
            self.speed.setText("")
            self.speed.setToolTip("")
            self._set_context(0, size)
            return
        self.speed.setText(i18n.say(speed(figures)))
        self.speed.setToolTip(
            self.tr(
                "How fast the last answer was written, and how long it took to start. A token "
                "is a word or a piece of one."
            )
        )
        self._set_context(figures.context_used, size or figures.context_length)

    def show_result(self, result: GenerationResult | None) -> None:
        """An answer just finished: its context now (the chat's figures follow when the
        stored chat is shown again)."""
        if result is not None:
            self._set_context(result.timings.context_used, result.timings.context_length)

    def show_counted(self, used: int) -> None:
        """The context the answer being written fills so far (while its chat is shown)."""
        if self._counting:
            self._set_context(used, self._size)

    def show_context(self, used: int, size: int) -> None:
        self._set_context(used, size)

    def _on_session_chat_changed(self, chat: Chat | None, messages: list[StoredMessage]) -> None:
        self._counting = False  # another chat, or the answer is done and stored
        self.show_chat(messages if chat is not None else [])

    def _on_session_turn_started(self, _preview: list[StoredMessage], _prefix: str) -> None:
        self._counting = True

    def _set_context(self, used: int, size: int) -> None:
        self._used, self._size = used, size
        self.context.setRange(0, max(size, 1))
        self.context.setValue(min(used, max(size, 1)))
        self.context.setFormat(
            self.tr("{0} / {1} tokens").format(i18n.count_text(used), i18n.count_text(size))
        )
        self.context.setToolTip(self.tr("Context used by this chat, of the model's window"))
        full = self.tr("{0} / {1} tokens").format(i18n.count_text(size), i18n.count_text(size))
        room = self.context.fontMetrics().horizontalAdvance(full) + 16  # never cut while counting
        self.context.setMinimumWidth(min(room, self.context.maximumWidth()))


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
