"""A fallback chat template for a model whose own is broken, too slow or too big.

`FallbackMenu` lists the fallback templates and "the model's own template"; the error banner
(`TemplateBanner`) offers it beside the message that says the template failed, and the chat
header offers it while a fallback is in use (to switch, or to go back).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget

from app.core.prompts.fallbacks import FALLBACK_TEMPLATES
from app.core.text import Msg
from app.ui.status import ErrorBanner

OWN = ""  # the model's own template


class FallbackMenu(QMenu):
    """The fallback templates, the one in use checked.

    Signals:
        chosen(str): a fallback template's name, or "" for the model's own template.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QActionGroup(self)
        self._actions: dict[str, QAction] = {}
        for name in (*FALLBACK_TEMPLATES, OWN):
            if name == OWN:
                self.addSeparator()
            action = self.addAction("")
            action.setCheckable(True)
            action.setData(name)
            self._group.addAction(action)
            action.triggered.connect(lambda _=False, n=name: self.chosen.emit(n))
            self._actions[name] = action
        self.show_current(None)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "chatml": self.tr("ChatML (Qwen, SmolLM and many others)"),
            "gemma": self.tr("Gemma"),
            "plain": self.tr("Plain text (User: … Assistant: …)"),
            OWN: self.tr("The model's own template"),
        }
        for name, action in self._actions.items():
            action.setText(names.get(name, name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_current(self, name: str | None) -> None:
        """Check the template in use (None: the model's own)."""
        self._actions.get(name or OWN, self._actions[OWN]).setChecked(True)

    def action_for(self, name: str) -> QAction:
        return self._actions[name]


class TemplateBanner(ErrorBanner):
    """The error banner; beside a message about a failed chat template it offers a fallback.

    Signals:
        fallback_chosen(str, str): the model (library id) and the template picked for it
            ("" for the model's own).
    """

    fallback_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fallback_menu = FallbackMenu(self)
        self.fallback_button = QPushButton()  # a push button draws its menu arrow beside the text
        self.fallback_button.setObjectName("pickFallback")
        self.fallback_button.setMenu(self.fallback_menu)
        self.fallback_button.hide()
        row = self.layout()
        assert isinstance(row, QHBoxLayout)
        row.insertWidget(1, self.fallback_button)
        self.fallback_menu.chosen.connect(self._on_fallback_chosen)
        self.model_id = ""
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "fallback_button"):  # the banner's own first call
            return
        self.fallback_button.setText(self.tr("Pick a fallback template…"))
        self.fallback_button.setToolTip(
            self.tr("Chat with this model through a standard template instead of its own")
        )

    def show_message(self, message: Msg | str) -> None:
        """Show `message`; a fallback is offered only after `offer_fallback`."""
        self.fallback_button.hide()
        super().show_message(message)

    def offer_fallback(self, model_id: str, current: str | None) -> None:
        """Offer a fallback template for `model_id` (`current`: the one it uses now)."""
        self.model_id = model_id
        self.fallback_menu.show_current(current)
        self.fallback_button.show()

    def _on_fallback_chosen(self, name: str) -> None:
        self.hide()
        self.fallback_chosen.emit(self.model_id, name)
