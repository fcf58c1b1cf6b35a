"""Downloads: one row per download, with progress, speed, time left and its buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.models.download import EMBEDDING
from app.ui.elide import ElidedLabel
from app.ui.models.format import duration_text, size_text
from app.workers import i18n
from app.workers.downloads import DownloadItem

BAR_STEPS = 1000


class DownloadRow(QFrame):
    """One download. Signals: action_requested(str, str): its key and pause, resume, cancel,
    chat or clear. It keeps the item (its label and failure are Msgs), so `retranslate`
    says them again in a new language."""

    action_requested = Signal(str, str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("downloadRow")
        self.title = ElidedLabel()  # a long repo and file name is cut, with a tooltip
        self.title.setObjectName("downloadTitle")
        self.bar = QProgressBar()
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.detail = QLabel()
        self.detail.setObjectName("downloadDetail")
        self.detail.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        actions.addStretch(1)
        for action in ("pause", "resume", "chat", "cancel", "clear"):
            button = QPushButton()
            button.setObjectName(f"download_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.action_requested.emit(key, a))
            self.buttons[action] = button
            actions.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        self.item: DownloadItem | None = None
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "pause": self.tr("Pause"),
            "resume": self.tr("Resume"),
            "chat": self.tr("Chat with it"),
            "cancel": self.tr("Cancel"),
            "clear": self.tr("Clear"),
        }
        for action, text in texts.items():
            self.buttons[action].setText(text)
        if self.item is not None:
            self.show_item(self.item)

    def show_item(self, item: DownloadItem) -> None:
        self.item = item
        self.title.setText(i18n.say(item.label))
        self.bar.setValue(int(BAR_STEPS * item.done / item.total) if item.total else 0)
        self.detail.setText(self._detail(item))
        self.detail.setProperty("failed", item.state == "failed")
        self.detail.style().polish(self.detail)
        visible = {
            "pause": item.state in ("queued", "starting", "downloading", "retrying"),
            "resume": item.state in ("paused", "failed"),
            "chat": item.state == "done" and item.job.kind != EMBEDDING,
            "cancel": item.state not in ("done", "cancelling"),
            "clear": item.state == "done",
        }
        for action, shown in visible.items():
            self.buttons[action].setVisible(shown)
        self.buttons["resume"].setText(
            self.tr("Retry") if item.state == "failed" else self.tr("Resume")
        )

    def _detail(self, item: DownloadItem) -> str:
        amount = self.tr("{0} of {1}").format(size_text(item.done), size_text(item.total))
        state = item.state
        if state == "downloading":
            text = amount
            if item.speed > 0:
                text += " · " + self.tr("{0}/s").format(size_text(int(item.speed)))
            if item.eta_s is not None:
                text += " · " + self.tr("{0} left").format(duration_text(item.eta_s))
            return text
        words = {
            "queued": self.tr("Waiting for another download to finish"),
            "starting": self.tr("Starting…"),
            "retrying": (
                i18n.say(item.message) if item.message else self.tr("Connection lost; retrying")
            ),
            "verifying": self.tr("Checking the file (sha256)…"),
            "paused": self.tr("Paused"),
            "pausing": self.tr("Pausing…"),
            "cancelling": self.tr("Cancelling…"),
            "failed": i18n.say(item.message) if item.message else "",
            "done": (
                self.tr("Downloaded and verified: {0}").format(str(item.path) if item.path else "")
                if item.job.kind != EMBEDDING
                else self.tr("Downloaded and verified. Choose it for a collection in Documents.")
            ),
        }
        if state in ("done", "failed"):
            return words[state]
        return amount + " · " + words.get(state, state)


class DownloadsPage(QWidget):
    """All downloads, newest at the bottom. Signals: action_requested(str, str) from a row."""

    action_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, DownloadRow] = {}
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        inner = QWidget()
        self.rows_layout = QVBoxLayout(inner)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.addWidget(self.empty)
        self.rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No downloads. Pick a model under Discover and press Download."))
        for row in self.rows.values():
            row.retranslate()

    def show_item(self, item: DownloadItem) -> None:
        row = self.rows.get(item.key)
        if row is None:
            row = DownloadRow(item.key)
            row.action_requested.connect(self.action_requested)
            self.rows[item.key] = row
            self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
        row.show_item(item)
        self.empty.setVisible(not self.rows)

    def remove_item(self, key: str) -> None:
        row = self.rows.pop(key, None)
        if row is not None:
            row.deleteLater()
        self.empty.setVisible(not self.rows)

    def active_count(self) -> int:
        return sum(1 for r in self.rows.values() if r.item is not None and r.item.state != "done")
