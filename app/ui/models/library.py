"""My models: the local library as a table, with chat, import, remove and open-folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.models.library import LibraryEntry
from app.core.models.manage import IMPORTED
from app.ui.models.format import count_text, size_text
from app.ui.models.tables import fit_columns, make_table, table_item
from app.workers import i18n

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
BASE_COLOUR = "#b06d00"
ERROR_COLOUR = "#d64545"


class LibraryPage(QWidget):
    """The models on this computer.

    Signals:
        chat_requested(str): start a chat with this model (its id).
        import_requested(list): `Path`s of .gguf files to validate and copy in.
        remove_requested(object): the `LibraryEntry` to delete, already confirmed.
        open_folder_requested(): show the models folder in the file manager.
    """

    chat_requested = Signal(str)
    import_requested = Signal(list)
    remove_requested = Signal(object)
    open_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[LibraryEntry] = []
        self.confirm: QMessageBox | None = None
        self._notice: Callable[[], str] | None = None  # None: the drop hint
        self._confirming: tuple[LibraryEntry, QAbstractButton] | None = None
        self.model = QStandardItemModel(0, 8, self)
        self.table = make_table(self.model)
        self.table.setObjectName("libraryTable")
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.chat_button, self.import_button = QPushButton(), QPushButton()
        self.remove_button, self.folder_button = QPushButton(), QPushButton()
        buttons = QHBoxLayout()
        for button in (self.chat_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self._on_chat_clicked())
        self.chat_button.clicked.connect(self._on_chat_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.folder_button.clicked.connect(self.open_folder_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Model"),
                self.tr("Source"),
                self.tr("Architecture"),
                self.tr("Parameters"),
                self.tr("Quantization"),
                self.tr("Context"),
                self.tr("Size"),
                self.tr("Kind"),
            ]
        )
        self.hint.setText(
            self._notice() if self._notice else self.tr("Drop .gguf files here to import them.")
        )
        if not self.entries:
            fit_columns(self.table, 1)
        self.chat_button.setText(self.tr("Chat with it"))
        self.import_button.setText(self.tr("Import…"))
        self.remove_button.setText(self.tr("Remove…"))
        self.folder_button.setText(self.tr("Open models folder"))
        if self.entries:
            self.show_entries(self.entries)
        self._update_buttons()
        self._confirm_texts()

    def show_entries(self, entries: list[LibraryEntry]) -> None:
        current = self.selected()
        self.entries = entries
        self.model.removeRows(0, self.model.rowCount())
        for entry in entries:
            self.model.appendRow(self._row(entry))
        fit_columns(self.table, 1)
        if current is not None:
            self.select(current.id)
        self._update_buttons()

    def show_notice(self, make: Callable[[], str]) -> None:
        """A line under the table (an import's progress or result), kept as a way to make
        it, so a language switch says it again."""
        self._notice = make
        self.hint.setText(make())

    def select(self, entry_id: str) -> None:
        for row, entry in enumerate(self.entries):
            if entry.id == entry_id:
                self.table.selectRow(row)

    def selected(self) -> LibraryEntry | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        return self.entries[index.row()]

    def _row(self, entry: LibraryEntry) -> list[QStandardItem]:
        info = entry.info
        tip = f"{info.name}\n{entry.path}" if info else str(entry.path)
        name = table_item(entry.path.name.removesuffix(".gguf"), tip)
        name.setData(entry.id, ENTRY_ROLE)
        source = table_item(self._source(entry))
        if info is None:
            why = i18n.say(entry.problem) if entry.problem is not None else ""
            kind = table_item(self.tr("Cannot be used"), why)
            kind.setForeground(QBrush(QColor(ERROR_COLOUR)))
            blank = [table_item("") for _ in range(4)]
            return [name, source, *blank, self._size(entry), kind]
        if info.is_base:
            kind = table_item(self.tr("Base model"), self.tr("No chat template: it continues text"))
            kind.setForeground(QBrush(QColor(BASE_COLOUR)))
        else:
            kind = table_item(self.tr("Chat"), self.tr("Has a chat template"))
        return [
            name,
            source,
            table_item(info.architecture),
            table_item(info.parameters_label, count_text(info.parameters), align_right=True),
            table_item(info.quantization),
            table_item(count_text(info.context_length), align_right=True),
            self._size(entry),
            kind,
        ]

    def _source(self, entry: LibraryEntry) -> str:
        """Where the model came from: Hearth's starters, an import, or a Hugging Face repo."""
        if entry.starter:
            return self.tr("Starter")
        folder = entry.id.rsplit("/", 1)[0] if "/" in entry.id else ""
        if folder == IMPORTED:
            return self.tr("Imported")
        return folder or self.tr("Models folder")

    def _size(self, entry: LibraryEntry) -> QStandardItem:
        return table_item(size_text(entry.disk_bytes), align_right=True)

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.chat_button.setEnabled(entry is not None and entry.usable)
        self.remove_button.setEnabled(entry is not None and not entry.starter)
        self.remove_button.setToolTip(
            self.tr("Starter models come with Hearth and stay")
            if entry is not None and entry.starter
            else ""
        )

    # -- slots -------------------------------------------------------------------------

    def _on_chat_clicked(self) -> None:
        entry = self.selected()
        if entry is not None and entry.usable:
            self.chat_requested.emit(entry.id)

    def _on_import_clicked(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import GGUF models"), str(Path.home()), self.tr("GGUF models (*.gguf)")
        )
        if files:
            self.import_requested.emit([Path(f) for f in files])

    def _on_remove_clicked(self) -> None:
        entry = self.selected()
        if entry is None or entry.starter:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        delete = box.addButton("", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(
            lambda _r: self.remove_requested.emit(entry) if box.clickedButton() is delete else None
        )
        self.confirm, self._confirming = box, (entry, delete)
        self._confirm_texts()
        box.open()

    def _confirm_texts(self) -> None:
        """The open confirmation's words (again after a language switch)."""
        box = self.confirm
        if box is None or self._confirming is None:
            return
        entry, delete = self._confirming
        box.setWindowTitle(self.tr("Remove model"))
        box.setText(
            self.tr("Delete {0} ({1}) from this computer?").format(
                entry.id, size_text(entry.disk_bytes)
            )
        )
        box.setInformativeText(self.tr("Its files are deleted. Chats that used it are kept."))
        delete.setText(self.tr("Delete"))
