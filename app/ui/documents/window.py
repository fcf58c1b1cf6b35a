"""The Documents window: the collections on the left, the chosen one on the right.

Every action goes to the `DocumentsController`; the window shows what it reports. The file
dialogs and questions are methods of their own so that tests can answer them. On a live
language switch every text is said again in the new language (the banner keeps its `Msg`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.rag.languages import reading
from app.core.rag.types import CollectionStatus, IndexProgress
from app.core.text import Msg
from app.ui.documents.panel import CollectionPanel
from app.ui.documents.texts import FILE_PATTERNS, FILES, SKIPPED, joined
from app.ui.status import ErrorBanner
from app.workers import i18n
from app.workers.documents import DocumentsController

ID_ROLE = Qt.ItemDataRole.UserRole


class DocumentsWindow(QDialog):
    """Create, rename and remove collections; add folders; watch them index.

    Signals:
        models_requested(): the user wants to download embedding models (in Models).
    """

    models_requested = Signal()

    def __init__(self, controller: DocumentsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsWindow")
        self.controller = controller
        self.list = QListWidget()
        self.list.setObjectName("collectionList")
        self.list.setMinimumWidth(200)
        self.new_button, self.rename_button = QPushButton(), QPushButton()
        self.remove_button = QPushButton()
        self.panel = CollectionPanel()
        self.empty = QLabel()
        self.empty.setObjectName("documentsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_button = QPushButton()
        self.pages = QStackedWidget()
        self.banner = ErrorBanner()
        self._select_name = ""
        self._layout()
        self._connect()
        self.retranslate()
        self.resize(900, 600)
        self.show_collections(controller.collections)
        self.panel.show_run(controller.state, controller.progress)

    def showEvent(self, event: QShowEvent) -> None:
        """Each time the window opens: fresh counts, and models added since."""
        self.controller.refresh()
        super().showEvent(event)

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        left.addLayout(buttons)
        empty_page = QWidget()
        empty_column = QVBoxLayout(empty_page)
        empty_column.addStretch(1)
        empty_column.addWidget(self.empty)
        empty_column.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_column.addStretch(2)
        self.pages.addWidget(empty_page)
        self.pages.addWidget(self.panel)
        row = QHBoxLayout()
        row.addLayout(left)
        row.addWidget(self.pages, 1)
        column = QVBoxLayout(self)
        column.addLayout(row, 1)
        column.addWidget(self.banner)

    def _connect(self) -> None:
        c = self.controller
        c.collections_listed.connect(self.show_collections)
        c.progress_changed.connect(self._on_controller_progress_changed)
        c.state_changed.connect(self._on_controller_state_changed)
        c.failed.connect(self.show_error)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.itemDoubleClicked.connect(lambda _item: self.rename_current())
        self.new_button.clicked.connect(self.new_collection)
        self.empty_button.clicked.connect(self.new_collection)
        self.rename_button.clicked.connect(self.rename_current)
        self.remove_button.clicked.connect(self.remove_current)
        p = self.panel
        p.add_folder_requested.connect(self._on_panel_add_folder_requested)
        p.add_files_requested.connect(self._on_panel_add_files_requested)
        p.remove_path_requested.connect(self._on_panel_remove_path_requested)
        p.index_requested.connect(lambda: self._with_current(lambda name: c.index([name])))
        p.pause_requested.connect(c.pause)
        p.resume_requested.connect(c.resume)
        p.cancel_requested.connect(c.cancel)
        p.embedder_change_requested.connect(self.change_embedder)
        p.embedding_models_requested.connect(self.models_requested)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_error(self, message: Msg | str) -> None:
        """Show what went wrong (a core `Msg`) in the banner; it keeps the Msg and says it
        again in the new language on a switch."""
        self.banner.show_message(message)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Documents"))
        self.new_button.setText(self.tr("New…"))
        self.new_button.setToolTip(self.tr("Make a collection from a folder of documents"))
        self.rename_button.setText(self.tr("Rename…"))
        self.remove_button.setText(self.tr("Remove…"))
        self.empty.setText(
            self.tr(
                "Chat with your own documents. Pick a folder: Hearth reads its PDF, Word, EPUB, "
                "Markdown, text, HTML and code files, keeps the index up to date as they "
                "change, and shows which passages each answer used. Nothing leaves this "
                "computer."
            )
        )
        self.empty_button.setText(self.tr("Add a folder…"))
        self.show_collections(self.controller.collections)

    # -- showing -----------------------------------------------------------------------

    def show_collections(self, collections: list[CollectionStatus]) -> None:
        current = self.current_status()
        keep = current.id if current is not None else None
        made = next((c for c in collections if c.name == self._select_name), None)
        if made is not None:  # the collection just made
            keep, self._select_name = made.id, ""
        self.list.blockSignals(True)
        self.list.clear()
        for status in collections:
            item = QListWidgetItem(self._item_text(status))
            item.setData(ID_ROLE, status.id)
            self.list.addItem(item)
            # the two lines' own heights fall short when a name needs a fallback font (CJK
            # under a Latin font): a little more room, or the name is drawn cut to "茶园…"
            spare = self.list.fontMetrics().height() // 4
            item.setSizeHint(QSize(0, self.list.sizeHintForRow(self.list.count() - 1) + spare))
            if status.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._show_current()

    def _item_text(self, status: CollectionStatus) -> str:
        progress, state = self.controller.progress, self.controller.state
        if state != "idle" and progress is not None and progress.collection == status.name:
            detail = self.tr("paused") if state == "paused" else self.tr("indexing…")
        else:
            parts = [FILES(n=status.files)]
            if status.problems:
                parts.append(SKIPPED(n=len(status.problems)))
            detail = joined(parts)
        return f"{status.name}\n{detail}"

    def current_status(self) -> CollectionStatus | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = item.data(ID_ROLE)
        return next((c for c in self.controller.collections if c.id == wanted), None)

    def _show_current(self) -> None:
        status = self.current_status()
        self.rename_button.setEnabled(status is not None)
        self.remove_button.setEnabled(status is not None)
        if status is None:
            self.pages.setCurrentIndex(0)
            return
        self.panel.show_status(status)
        self.pages.setCurrentIndex(1)

    # -- actions (the questions are methods so that tests can answer them) -------------

    def new_collection(self) -> None:
        folder = self.ask_folder()
        if folder:
            self._select_name = self._free_name(Path(folder).name or folder)
            self.controller.create(self._select_name, [folder])

    def rename_current(self) -> None:
        status = self.current_status()
        if status is None:
            return
        name = self.ask_name(status.name)
        if name and name.strip() and name.strip() != status.name:
            self.controller.rename(status.name, name.strip())

    def remove_current(self) -> None:
        status = self.current_status()
        if status is not None and self.confirm_remove(status.name):
            self.controller.remove(status.name)

    def change_embedder(self) -> None:
        status = self.current_status()
        if status is None:
            return
        chosen = self.ask_embedder(status.embedder, self.controller.embedders)
        if chosen and chosen != status.embedder and self.confirm_reindex(status, chosen):
            self.controller.set_embedder(status.name, chosen)

    def ask_embedder(self, current: str, choices: list[str]) -> str:
        if len(choices) < 2:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Embedding model"),
                self.tr(
                    "Only the built-in model, which reads English, is on this computer. For "
                    "Chinese or mixed-language documents, download a multilingual model (for "
                    "example multilingual-e5-small) in Models → Embedding models, then choose "
                    "it here."
                ),
                QMessageBox.StandardButton.Close,
                self,
            )
            models = box.addButton(self.tr("Open Models"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()
            if box.clickedButton() is models:
                self.models_requested.emit()
            return ""
        labels = [_with_reading(name) for name in choices]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Embedding model"),
            self.tr("Model for this collection:"),
            labels,
            max(0, choices.index(current)) if current in choices else 0,
            False,
        )
        return choices[labels.index(label)] if ok and label in labels else ""

    def confirm_reindex(self, status: CollectionStatus, embedder: str) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Index again?"),
            self.tr(
                "Switching “{0}” to {1} deletes its index and embeds all {2} passages again. "
                "Until that finishes, chats find only what has been embedded anew."
            ).format(status.name, embedder, i18n.count_text(status.chunks)),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Ok

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of documents"))

    def ask_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose documents"), "", self.tr("Documents ({0})").format(FILE_PATTERNS)
        )
        return files

    def ask_name(self, current: str) -> str:
        name, ok = QInputDialog.getText(
            self, self.tr("Rename collection"), self.tr("New name:"), text=current
        )
        return name if ok else ""

    def confirm_remove(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Remove collection"),
            self.tr(
                "Remove “{0}”? Its index is deleted and chats stop using it. Your files are "
                "not touched."
            ).format(name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _free_name(self, wanted: str) -> str:
        taken = {c.name.casefold() for c in self.controller.collections}
        name, number = wanted, 2
        while name.casefold() in taken:
            name, number = f"{wanted} {number}", number + 1
        return name

    def _with_current(self, action: Callable[[str], None]) -> None:
        status = self.current_status()
        if status is not None:
            action(status.name)

    # -- slots -------------------------------------------------------------------------

    def _on_controller_progress_changed(self, progress: IndexProgress) -> None:
        self.panel.show_run(self.controller.state, progress)

    def _on_controller_state_changed(self, state: str) -> None:
        self.panel.show_run(state, self.controller.progress)
        if state != "idle":
            self.banner.hide()
        self.show_collections(self.controller.collections)

    def _on_panel_add_folder_requested(self) -> None:
        folder = self.ask_folder()
        if folder:
            self._with_current(lambda name: self.controller.add_paths(name, [folder]))

    def _on_panel_add_files_requested(self) -> None:
        files = self.ask_files()
        if files:
            self._with_current(lambda name: self.controller.add_paths(name, files))

    def _on_panel_remove_path_requested(self, path: str) -> None:
        self._with_current(lambda name: self.controller.remove_path(name, path))


def _with_reading(embedder: str) -> str:
    """ "all-MiniLM-L6-v2 (reads English)": the model and the languages it reads, if known."""
    reads = reading(embedder)
    return i18n.say(reads) if reads is not None else embedder
