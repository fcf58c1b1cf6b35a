"""Embedding models: the ones on this computer, the ones Hearth suggests for other languages,
and any sentence-transformers model found on Hugging Face; download and remove them.

One table lists them all (built in, downloaded, suggested, found by a search). Picking a model
that is not here asks the hub which files a download would fetch, so its size shows before
anything is downloaded. Hearth contacts Hugging Face only when a model is picked or searched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.models.embeddings import SUGGESTED, EmbeddingListing
from app.core.models.hub import RepoSummary
from app.core.rag.embedder import DEFAULT_EMBEDDER
from app.core.text import Msg
from app.ui.elide import ElidedLabel
from app.ui.models.format import count_text, size_text
from app.ui.models.tables import fit_columns, make_table, table_item
from app.workers import i18n

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class _Row:
    """One model in the table and what is known about it."""

    name: str  # DEFAULT_EMBEDDER, or "owner/repo"
    origin: str  # "builtin", "installed", "suggested", "found"
    languages: str = ""
    note: str = ""
    size: int = 0  # on disk, or what a download fetches (0: not known yet)
    downloads: int = 0


class EmbeddingsPage(QWidget):
    """The embedding models table with Search, Download and Remove.

    Signals:
        search_requested(str): search Hugging Face for sentence-transformers models.
        listing_requested(str): read which files a download of this repo would fetch.
        download_requested(object): the `EmbeddingListing` to download.
        remove_requested(str): delete this downloaded model ("owner/repo").
    """

    search_requested = Signal(str)
    listing_requested = Signal(str)
    download_requested = Signal(object)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.installed: dict[str, int] = {}
        self.listings: dict[str, EmbeddingListing] = {}
        self.problems: dict[str, Msg | str] = {}  # why a repo cannot be downloaded
        self.found: list[RepoSummary] = []
        self.downloading: set[str] = set()
        self._status_line: Callable[[], str] | None = None  # None: the first hint
        self._build()
        self.retranslate()
        self._fill()

    def _build(self) -> None:
        self.intro = QLabel()
        self.intro.setObjectName("embeddingsIntro")
        self.intro.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setObjectName("embeddingQuery")
        self.query.setClearButtonEnabled(True)
        self.search_button = QPushButton()
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.search_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = QStandardItemModel(0, 4, self)
        self.table = make_table(self.model)
        self.table.setObjectName("embeddingTable")
        self.title = ElidedLabel()
        self.title.setObjectName("repoTitle")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.download_button = QPushButton()
        self.download_button.setObjectName("downloadEmbedder")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeEmbedder")
        buttons = QHBoxLayout()
        buttons.addWidget(self.detail, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.download_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        self.query.returnPressed.connect(self._on_search_clicked)
        self.search_button.clicked.connect(self._on_search_clicked)
        self.download_button.clicked.connect(self._on_download_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_row_changed())

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Embedding models let Hearth find the passages of your documents that answer a "
                "question. The built-in model reads English. For Chinese or mixed-language "
                "folders, download a multilingual model here, then choose it for a collection "
                "in Documents (Change…)."
            )
        )
        self.query.setPlaceholderText(
            self.tr("Search Hugging Face for sentence-transformers models, e.g. e5")
        )
        self.search_button.setText(self.tr("Search"))
        self.download_button.setText(self.tr("Download"))
        self.remove_button.setText(self.tr("Remove…"))
        self.model.setHorizontalHeaderLabels(
            [self.tr("Model"), self.tr("Languages"), self.tr("Size"), self.tr("Status")]
        )
        self.status.setText(
            self._status_line()
            if self._status_line is not None
            else self.tr("Hearth contacts Hugging Face only when you pick a model or search.")
        )
        self._fill()

    def _set_status(self, make: Callable[[], str]) -> None:
        """Show a status line, kept as a way to make it, so a language switch says it again."""
        self._status_line = make
        self.status.setText(make())

    # -- filling -----------------------------------------------------------------------

    def show_installed(self, installed: list[tuple[str, int]]) -> None:
        self.installed = dict(installed)
        self._fill()

    def show_searching(self) -> None:
        self._set_status(lambda: self.tr("Searching Hugging Face…"))

    def show_found(self, query: str, found: list[RepoSummary]) -> None:
        self.found = found
        n = len(found)
        self._set_status(
            lambda: (
                self.tr("{0} sentence-transformers models.").format(count_text(n))
                if n
                else self.tr('No sentence-transformers models match "{0}".').format(query)
            )
        )
        self._fill()

    def show_search_failed(self, message: Msg | str) -> None:
        self._set_status(lambda: i18n.say(message))

    def show_removed(self, name: str) -> None:
        self._set_status(lambda: self.tr("Removed {0}.").format(name))

    def show_listing(self, listing: EmbeddingListing) -> None:
        self.listings[listing.repo_id] = listing
        self.problems.pop(listing.repo_id, None)
        self._fill()

    def show_listing_failed(self, repo_id: str, message: Msg | str) -> None:
        self.problems[repo_id] = message
        self._fill()

    def set_downloading(self, repos: set[str]) -> None:
        self.downloading = repos
        self._fill()

    def rows(self) -> list[_Row]:
        """Built in first, then downloaded, suggested, and found by the last search."""
        size = self.installed.get(DEFAULT_EMBEDDER, 0)
        rows = [_Row(DEFAULT_EMBEDDER, "builtin", self.tr("English"), "", size)]
        texts = self._suggestions()
        for name, size in self.installed.items():
            if name != DEFAULT_EMBEDDER:
                rows.append(_Row(name, "installed", texts.get(name, ("", ""))[0], "", size))
        for name in SUGGESTED:
            if name not in self.installed:
                rows.append(_Row(name, "suggested", *texts[name]))
        shown = {r.name for r in rows}
        for repo in self.found:
            if repo.repo_id not in shown:
                rows.append(_Row(repo.repo_id, "found", downloads=repo.downloads))
        for row in rows:
            listing = self.listings.get(row.name)
            if not row.size and listing is not None:
                row.size = listing.size
        return rows

    def _suggestions(self) -> dict[str, tuple[str, str]]:
        """Languages and a note for each suggested model."""
        many = self.tr("~100 languages")
        notes = (
            (many, self.tr("Small and quick: a good first choice for Chinese or mixed folders.")),
            (self.tr("Chinese"), self.tr("Small and quick, made for Chinese text.")),
            (many, self.tr("The best results, but large: indexing is several times slower.")),
        )
        return dict(zip(SUGGESTED, notes, strict=True))

    def selected(self) -> _Row | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        name = self.model.item(index.row(), 0).data(NAME_ROLE)
        return next((r for r in self.rows() if r.name == name), None)

    def select(self, name: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(NAME_ROLE) == name:
                self.table.selectRow(row)
                return

    def _fill(self) -> None:
        current = self.selected()
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # refilling is not the user picking a row
        self.model.removeRows(0, self.model.rowCount())
        for row in self.rows():
            name = table_item(row.name, row.note)
            name.setData(row.name, NAME_ROLE)
            size = size_text(row.size) if row.size else "—"
            self.model.appendRow(
                [
                    name,
                    table_item(row.languages),
                    table_item(size, align_right=True),
                    table_item(self._status(row)),
                ]
            )
        fit_columns(self.table, 0)
        if current is not None:
            self.select(current.name)
        selection.blockSignals(False)
        self._show_details()

    def _status(self, row: _Row) -> str:
        if row.origin == "builtin":
            return self.tr("Built in")
        if row.origin == "installed":
            return self.tr("Downloaded")
        if row.name in self.downloading:
            return self.tr("In Downloads")
        if row.origin == "suggested":
            return self.tr("Suggested")
        return self.tr("{0} downloads").format(count_text(row.downloads))

    # -- details -----------------------------------------------------------------------

    def _on_row_changed(self) -> None:
        row = self.selected()
        if (
            row is not None
            and row.origin in ("suggested", "found")
            and row.name not in self.listings
        ):
            self.problems.pop(row.name, None)
            self.listing_requested.emit(row.name)
        self._show_details()

    def _show_details(self) -> None:
        row = self.selected()
        self.download_button.setVisible(row is not None and row.origin in ("suggested", "found"))
        self.remove_button.setVisible(row is not None and row.origin == "installed")
        self.download_button.setEnabled(False)
        if row is None:
            self.title.setText(self.tr("Pick a model to see what it needs."))
            self.detail.clear()
            return
        self.title.setText(row.name)
        if row.origin == "builtin":
            self.detail.setText(
                self.tr("all-MiniLM-L6-v2 comes with Hearth and works offline. English only.")
            )
        elif row.origin == "installed":
            self.detail.setText(
                self.tr("On this computer: {0}. Choose it for a collection in Documents.").format(
                    size_text(row.size)
                )
            )
        elif row.name in self.problems:
            self.detail.setText(i18n.say(self.problems[row.name]))
        elif (listing := self.listings.get(row.name)) is None:
            self.detail.setText(self.tr("Asking Hugging Face which files it needs…"))
        else:
            text = self.tr("{0} files · {1} to download · licence {2}").format(
                len(listing.files), size_text(listing.size), listing.license or self.tr("unknown")
            )
            if listing.gated:
                text += "\n" + self.tr(
                    "Gated: accept its terms on huggingface.co and enter an access token "
                    "(Discover → Token…) before downloading."
                )
            if row.note:
                text = row.note + "\n" + text
            self.detail.setText(text)
            self.download_button.setEnabled(row.name not in self.downloading)

    def _on_search_clicked(self) -> None:
        self.show_searching()
        self.search_requested.emit(self.query.text().strip())

    def _on_download_clicked(self) -> None:
        row = self.selected()
        listing = self.listings.get(row.name) if row is not None else None
        if listing is not None:
            self.download_requested.emit(listing)

    def _on_remove_clicked(self) -> None:
        row = self.selected()
        if row is not None and row.origin == "installed":
            self.remove_requested.emit(row.name)
