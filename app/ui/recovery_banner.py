"""The notice about a damaged chat database kept aside: it stays until the user dismisses it.

Signals:
    salvage_requested(): bring back what is readable from the kept copy.
    dismiss_requested(): stop showing the notice (the kept files stay on disk).

The notice is a core `Msg`, kept and written again in the new language on a live switch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.text import Msg
from app.workers import i18n


class RecoveryBanner(QFrame):
    """Shown above the composer while a recovery notice is waiting."""

    salvage_requested = Signal()
    dismiss_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBanner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # paths, never markup
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.salvage_button = QPushButton()
        self.dismiss_button = QPushButton()
        self.salvage_button.clicked.connect(self._on_salvage_clicked)
        self.dismiss_button.clicked.connect(self.dismiss_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.salvage_button)
        buttons.addWidget(self.dismiss_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 6, 6, 6)
        column.addWidget(self.label)
        column.addLayout(buttons)
        self.notice: Msg | str | None = None
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.salvage_button.setText(self.tr("Salvage chats"))
        self.salvage_button.setToolTip(
            self.tr("Bring back what can still be read from the damaged copy")
        )
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Stop showing this notice; the kept copy stays"))
        self.label.setText(i18n.say(self.notice) if self.notice else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_notice(self, notice: Msg | str | None, salvageable: bool) -> None:
        """Show `notice` (None or "" hides the banner); offer a salvage only while one is
        possible."""
        self.notice = notice or None
        self.label.setText(i18n.say(notice) if notice else "")
        self.salvage_button.setEnabled(True)
        self.salvage_button.setVisible(salvageable)
        self.setVisible(bool(notice))

    def _on_salvage_clicked(self) -> None:
        self.salvage_button.setEnabled(False)  # until the result arrives
        self.salvage_requested.emit()
