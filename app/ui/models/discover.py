"""Discover: search Hugging Face, pick a repo, see its quantizations and what fits here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.models.fit import FitEstimate, Hardware, ModelDims, best_choice, estimate
from app.core.models.hub import RepoListing, RepoSummary
from app.core.models.quants import QuantChoice
from app.core.text import Msg
from app.ui.elide import ElidedButton, ElidedLabel
from app.ui.models.format import (
    VERDICT_COLOURS,
    count_text,
    date_text,
    memory_text,
    size_text,
    verdict_text,
)
from app.ui.models.tables import fit_columns, make_table, table_item
from app.workers import i18n

SORTS = ("downloads", "likes", "recent")
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
REPO_ROLE = Qt.ItemDataRole.UserRole + 2
BEST_BACKGROUND = "#2f855a"


class DiscoverPage(QWidget):
    """Search box, results, and the chosen repo's quantizations with fit verdicts.

    Every text on show is kept as a way to make it (a closure over `tr()` or a core Msg), so
    a language switch (`retranslate`) says it all again in the new language.

    Signals:
        search_requested(str, str): a query and a sort (downloads, likes, recent).
        repo_selected(str): the user picked a repo in the results.
        download_requested(object): the `QuantChoice` to download, of the repo on show.
        token_requested(): the user wants to enter a Hugging Face token.
    """

    search_requested = Signal(str, str)
    repo_selected = Signal(str)
    download_requested = Signal(object)
    token_requested = Signal()

    def __init__(self, context: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.listing: RepoListing | None = None
        self.dims: ModelDims | None = None
        self.dims_known = False
        self.hardware: Hardware | None = None
        self.best: QuantChoice | None = None
        self.found: list[RepoSummary] = []
        self._searched = False
        self._status: Callable[[], str] | None = None  # None: the first hint
        self._title: Callable[[], str] | None = None  # None: "Pick a model above…"
        self._meta: Callable[[], str] | None = None
        self._build(context)
        self.retranslate()

    def _build(self, context: int) -> None:
        self.query = QLineEdit()
        self.query.setObjectName("hubQuery")
        self.query.setClearButtonEnabled(True)
        self.sort = QComboBox()
        self.search_button = QPushButton()
        self.search_button.setDefault(True)
        self.token_button = QPushButton()
        self.status = QLabel()
        self.status.setObjectName("hubStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.sort)
        top.addWidget(self.search_button)
        top.addWidget(self.token_button)
        self.results_model = QStandardItemModel(0, 6, self)
        self.results = make_table(self.results_model)
        self.results.setObjectName("hubResults")
        self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.results)
        self.splitter.addWidget(self._build_details(context))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)
        self.query.returnPressed.connect(self._on_search_clicked)
        self.search_button.clicked.connect(self._on_search_clicked)
        self.sort.activated.connect(self._on_search_clicked)
        self.token_button.clicked.connect(self.token_requested)
        self.results.selectionModel().currentRowChanged.connect(self._on_results_row_changed)

    def _build_details(self, context: int) -> QWidget:
        self.repo_title = ElidedLabel()
        self.repo_title.setObjectName("repoTitle")
        self.repo_meta = QLabel()
        self.repo_meta.setWordWrap(True)
        self.context_label = QLabel()
        self.context = QSpinBox()
        self.context.setRange(512, 262144)
        self.context.setSingleStep(1024)
        self.context.setValue(context)
        self.context.setGroupSeparatorShown(True)
        self.machine = ElidedLabel()
        self.machine.setObjectName("machineLabel")
        row = QHBoxLayout()
        row.addWidget(self.context_label)
        row.addWidget(self.context)
        row.addSpacing(12)
        row.addWidget(self.machine, 1)
        self.quants_model = QStandardItemModel(0, 5, self)
        self.quants = make_table(self.quants_model)
        self.quants.setObjectName("quantTable")
        self.quants.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.fit_note = ElidedLabel()
        self.fit_note.setObjectName("fitNote")
        self.download_button = ElidedButton()
        self.download_button.setObjectName("downloadButton")
        self.download_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.fit_note, 1)
        bottom.addWidget(self.download_button)
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(self.repo_title)
        column.addWidget(self.repo_meta)
        column.addLayout(row)
        column.addWidget(self.quants, 1)
        column.addLayout(bottom)
        self.context.valueChanged.connect(lambda _v: self._fill_quants())
        self.quants.selectionModel().currentRowChanged.connect(lambda *_: self._update_button())
        self.quants.doubleClicked.connect(lambda _i: self._on_download_clicked())
        self.download_button.clicked.connect(self._on_download_clicked)
        return panel

    def retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr("Search Hugging Face for GGUF models, e.g. qwen"))
        if self._status is None:
            # Hearth goes online only when asked: nothing is fetched until Search is pressed
            self.status.setText(
                self.tr(
                    "Type a name and press Search; an empty search lists the most downloaded "
                    "GGUF models. Hearth contacts Hugging Face only when you search or download."
                )
            )
        else:
            self.status.setText(self._status())
        current = self.sort.currentIndex()
        self.sort.clear()
        for text in (
            self.tr("Most downloaded"),
            self.tr("Most liked"),
            self.tr("Recently updated"),
        ):
            self.sort.addItem(text)
        self.sort.setCurrentIndex(max(current, 0))
        self.search_button.setText(self.tr("Search"))
        self.token_button.setText(self.tr("Token…"))
        self.token_button.setToolTip(self.tr("A Hugging Face access token, for gated models"))
        self.context_label.setText(self.tr("Context"))
        self.context.setSuffix(self.tr(" tokens"))
        self.context.setToolTip(self.tr("The context you plan to use: its KV cache counts too"))
        self.results_model.setHorizontalHeaderLabels(
            [
                self.tr("Model"),
                self.tr("Author"),
                self.tr("Downloads"),
                self.tr("Likes"),
                self.tr("Updated"),
                self.tr("Licence"),
            ]
        )
        self.quants_model.setHorizontalHeaderLabels(
            [
                self.tr("Quantization"),
                self.tr("Size"),
                self.tr("Bits/weight"),
                self.tr("On this machine"),
                self.tr("Quality"),
            ]
        )
        if not self.found:
            fit_columns(self.results, 0)
        if self.listing is None:
            fit_columns(self.quants, 4)
        for row, repo in enumerate(self.found[: self.results_model.rowCount()]):
            self._name_texts(self.results_model.item(row, 0), repo)
            self.results_model.item(row, 2).setText(count_text(repo.downloads))
            self.results_model.item(row, 3).setText(count_text(repo.likes))
            self.results_model.item(row, 4).setText(date_text(repo.updated))
            self.results_model.item(row, 5).setText(repo.license or self.tr("unknown"))
        self.repo_title.setText(
            self._title() if self._title else self.tr("Pick a model above to see its files.")
        )
        self.repo_meta.setText(self._meta() if self._meta else "")
        self._show_machine()
        self._fill_quants()
        self._update_button()

    def _set_status(self, make: Callable[[], str]) -> None:
        self._status = make
        self.status.setText(make())

    def _set_title(self, make: Callable[[], str], meta: Callable[[], str]) -> None:
        self._title, self._meta = make, meta
        self.repo_title.setText(make())
        self.repo_meta.setText(meta())

    # -- filling -----------------------------------------------------------------------

    def show_searching(self, query: str) -> None:
        self._searched = True
        self._set_status(
            lambda: (
                self.tr('Searching Hugging Face for "{0}"…').format(query)
                if query
                else self.tr("Loading the most popular GGUF models…")
            )
        )

    def _name_texts(self, name: QStandardItem, repo: RepoSummary) -> None:
        short = repo.repo_id.split("/", 1)[-1]
        name.setText(short + (self.tr(" · gated") if repo.gated else ""))
        name.setToolTip(
            repo.repo_id
            + "\n"
            + self.tr("Gated: accept the terms on huggingface.co and enter a token")
            if repo.gated
            else repo.repo_id
        )

    def show_results(self, query: str, found: list[RepoSummary]) -> None:
        self.found = list(found)
        self.results_model.removeRows(0, self.results_model.rowCount())
        for repo in found:
            name = table_item("")
            self._name_texts(name, repo)
            name.setData(repo.repo_id, REPO_ROLE)
            self.results_model.appendRow(
                [
                    name,
                    table_item(repo.author),
                    table_item(count_text(repo.downloads), align_right=True),
                    table_item(count_text(repo.likes), align_right=True),
                    table_item(date_text(repo.updated)),
                    table_item(repo.license or self.tr("unknown")),
                ]
            )
        fit_columns(self.results, 0)
        n = len(found)
        if found:
            self._set_status(lambda: self.tr("{0} models with GGUF files.").format(count_text(n)))
        else:
            self._set_status(lambda: self.tr('No GGUF models match "{0}".').format(query))

    def show_search_failed(self, message: Msg | str) -> None:
        """Why the search failed (offline, refused...): a core Msg, said in the UI's language."""
        self._set_status(lambda: i18n.say(message))

    def show_listing_loading(self, repo_id: str) -> None:
        self.listing = None
        self.quants_model.removeRows(0, self.quants_model.rowCount())
        self._set_title(lambda: repo_id, lambda: self.tr("Reading the file list…"))
        self.fit_note.clear()
        self._update_button()

    def show_listing(self, listing: RepoListing) -> None:
        self.listing, self.dims, self.dims_known = listing, None, False
        s = listing.summary
        self._set_title(
            lambda: s.repo_id + (self.tr(" · gated") if s.gated else ""),
            lambda: self.tr("{0} · {1} downloads · {2} likes · updated {3} · licence {4}").format(
                s.author,
                count_text(s.downloads),
                count_text(s.likes),
                date_text(s.updated) or "?",
                s.license or self.tr("unknown"),
            ),
        )
        self._fill_quants()

    def show_listing_failed(self, repo_id: str, message: Msg | str) -> None:
        self.listing = None
        self._set_title(lambda: repo_id, lambda: i18n.say(message))
        self._update_button()

    def show_dims(self, repo_id: str, dims: ModelDims | None) -> None:
        if self.listing is not None and self.listing.summary.repo_id == repo_id:
            self.dims, self.dims_known = dims, True
            self._fill_quants()

    def set_hardware(self, hardware: Hardware) -> None:
        self.hardware = hardware
        self._show_machine()
        self._fill_quants()

    def selected_choice(self) -> QuantChoice | None:
        index = self.quants.currentIndex()
        if not index.isValid():
            return None
        choice = self.quants_model.item(index.row(), 0).data(CHOICE_ROLE)
        return choice if isinstance(choice, QuantChoice) and not choice.is_projector else None

    def select_choice(self, label: str) -> None:
        for row in range(self.quants_model.rowCount()):
            if self.quants_model.item(row, 0).data(CHOICE_ROLE).label == label:
                self.quants.selectRow(row)
                return

    # -- the quant table ---------------------------------------------------------------

    def _fill_quants(self) -> None:
        listing = self.listing
        if listing is None:
            return
        keep = self.selected_choice()
        context, hw = self.context.value(), self.hardware
        self.best = best_choice(listing.choices, self.dims, context, hw) if hw else None
        self.quants_model.removeRows(0, self.quants_model.rowCount())
        for choice in listing.choices:
            fit = estimate(choice.size, self.dims, context, hw) if hw else None
            self.quants_model.appendRow(self._quant_row(choice, fit))
        fit_columns(self.quants, 4)
        wanted = keep or self.best
        if wanted is not None:
            self.select_choice(wanted.label)
        self._show_fit_note()
        self._update_button()

    def _quant_row(self, choice: QuantChoice, fit: FitEstimate | None) -> list[QStandardItem]:
        star = "★ " if choice is self.best else ""
        parts = self.tr(" ({0} parts)").format(len(choice.files)) if len(choice.files) > 1 else ""
        bpw = choice.bits_per_weight
        bits = QLocale().toString(bpw, "f", 1) if bpw else "?"
        label = table_item(star + choice.label + parts, ", ".join(f.path for f in choice.files))
        label.setData(choice, CHOICE_ROLE)
        if choice.is_projector:
            verdict = table_item(self.tr("Vision projector"))
        elif fit is None:
            verdict = table_item("…")
        else:
            verdict = table_item(verdict_text(fit.verdict), self._fit_tip(fit))
            verdict.setForeground(QBrush(QColor(VERDICT_COLOURS[fit.verdict])))
        note = i18n.say(choice.note)
        row = [
            label,
            table_item(size_text(choice.size), align_right=True),
            table_item(bits, align_right=True),
            verdict,
            table_item(note, note),
        ]
        if choice.is_projector:
            for item in row:
                item.setEnabled(False)
        if choice is self.best:
            bold = QFont()
            bold.setBold(True)
            for item in row:
                item.setFont(bold)
            label.setBackground(QBrush(QColor(BEST_BACKGROUND)))
            label.setForeground(QBrush(QColor("white")))
            label.setToolTip(self.tr("The best quantization that fits this machine"))
        return row

    def _fit_tip(self, fit: FitEstimate) -> str:
        return i18n.say(fit.explanation(self.context.value()))

    def _show_fit_note(self) -> None:
        if self.listing is None:
            return
        if not any(not c.is_projector for c in self.listing.choices):
            self.fit_note.setText(self.tr("This repo has no GGUF chat model."))
        elif not self.dims_known:
            self.fit_note.setText(self.tr("Reading the model's shape for the KV cache…"))
        elif self.dims is None:
            self.fit_note.setText(
                self.tr("The model's header could not be read: verdicts leave out the KV cache.")
            )
        elif self.best is None:
            self.fit_note.setText(self.tr("No quantization fits this machine comfortably."))
        else:
            self.fit_note.setText(
                self.tr("★ {0} is the best quantization that fits this machine.").format(
                    self.best.label
                )
            )

    def _show_machine(self) -> None:
        hw = self.hardware
        if hw is None:
            self.machine.setText(self.tr("Checking this machine…"))
            return
        text = self.tr("This machine: {0} RAM").format(memory_text(hw.ram_bytes))
        if hw.unified_memory:
            text += self.tr(", {0} (unified memory)").format(hw.gpu_name)
        elif hw.gpu_name:
            text += self.tr(", {0} with {1}").format(hw.gpu_name, memory_text(hw.vram_bytes))
        else:
            text += self.tr(", no GPU found")
        self.machine.setText(text)

    def _update_button(self) -> None:
        choice = self.selected_choice()
        self.download_button.setEnabled(choice is not None)
        if choice is None:
            self.download_button.setText(self.tr("Download"))
        else:
            self.download_button.setText(
                self.tr("Download {0} ({1})").format(choice.label, size_text(choice.size))
            )

    # -- slots -------------------------------------------------------------------------

    def _on_search_clicked(self) -> None:
        self.search_requested.emit(self.query.text().strip(), SORTS[self.sort.currentIndex()])

    def _on_results_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            repo_id = self.results_model.item(current.row(), 0).data(REPO_ROLE)
            self.show_listing_loading(repo_id)
            self.repo_selected.emit(repo_id)

    def _on_download_clicked(self) -> None:
        choice = self.selected_choice()
        if choice is not None:
            self.download_requested.emit(choice)
