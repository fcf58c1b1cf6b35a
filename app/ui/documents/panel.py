"""One collection in the Documents window: its folders, counts, indexing and skipped files.

The panel keeps what core reported (the status, with each skipped file's reason as a message,
and the run's progress) and says it again in the new language on a live switch."""

from __future__ import annotations

import html
from pathlib import PurePath

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.rag.types import CollectionStatus, IndexProgress
from app.ui.documents.texts import progress_fraction, progress_text, summary_text
from app.workers import i18n

BAR_STEPS = 1000


class CollectionPanel(QWidget):
    """Shows one `CollectionStatus` and the run indexing it.

    Signals:
        add_folder_requested(), add_files_requested(), remove_path_requested(str),
        index_requested(), pause_requested(), resume_requested(), cancel_requested(),
        embedder_change_requested(), embedding_models_requested() (the hint's link).
    """

    add_folder_requested = Signal()
    add_files_requested = Signal()
    remove_path_requested = Signal(str)
    index_requested = Signal()
    pause_requested = Signal()
    resume_requested = Signal()
    cancel_requested = Signal()
    embedder_change_requested = Signal()
    embedding_models_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("collectionTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel()
        self.summary.setObjectName("collectionSummary")
        self.embedder = QLabel()
        self.embedder.setObjectName("collectionEmbedder")
        self.change_embedder = QPushButton()
        self.change_embedder.setObjectName("changeEmbedder")
        self.hint = QLabel()  # the collection's language hint, with a link to the models
        self.hint.setObjectName("collectionHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setStyleSheet(
            "#collectionHint { border: 1px solid palette(mid); border-radius: 4px; padding: 6px; }"
        )
        self.hint.hide()
        self.hint.linkActivated.connect(lambda _link: self.embedding_models_requested.emit())
        self.sources_label = QLabel()
        self.sources = QListWidget()
        self.sources.setObjectName("collectionSources")
        self.sources.setMaximumHeight(110)
        self.add_folder, self.add_files = QPushButton(), QPushButton()
        self.remove_source = QPushButton()
        self.bar = QProgressBar()
        self.bar.setObjectName("indexProgress")
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.state = QLabel()
        self.state.setObjectName("indexState")
        self.state.setWordWrap(True)
        self.current = QLabel()
        self.current.setObjectName("indexCurrent")
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.index_button, self.pause_button = QPushButton(), QPushButton()
        self.resume_button, self.cancel_button = QPushButton(), QPushButton()
        self.problems_label = QLabel()
        self.problems = QTreeWidget()
        self.problems.setObjectName("collectionProblems")
        self.problems.setColumnCount(2)
        self.problems.setRootIsDecorated(False)
        self.problems.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.problems.header().setStretchLastSection(True)
        self._layout()
        self._status: CollectionStatus | None = None
        self._progress: IndexProgress | None = None
        self._run_state = "idle"
        self.add_folder.clicked.connect(self.add_folder_requested)
        self.add_files.clicked.connect(self.add_files_requested)
        self.remove_source.clicked.connect(self._on_remove_source_clicked)
        self.sources.currentItemChanged.connect(lambda *_: self._enable())
        self.index_button.clicked.connect(self.index_requested)
        self.pause_button.clicked.connect(self.pause_requested)
        self.resume_button.clicked.connect(self.resume_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.change_embedder.clicked.connect(self.embedder_change_requested)
        self.retranslate()

    def _layout(self) -> None:
        source_buttons = QHBoxLayout()
        for button in (self.add_folder, self.add_files, self.remove_source):
            source_buttons.addWidget(button)
        source_buttons.addStretch(1)
        run_buttons = QHBoxLayout()
        run_buttons.addWidget(self.bar, 1)
        for button in (self.index_button, self.pause_button, self.resume_button):
            run_buttons.addWidget(button)
        run_buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 4, 4, 4)
        column.addWidget(self.title)
        column.addWidget(self.summary)
        model_row = QHBoxLayout()
        model_row.addWidget(self.embedder)
        model_row.addWidget(self.change_embedder)
        model_row.addStretch(1)
        column.addLayout(model_row)
        column.addWidget(self.hint)
        column.addSpacing(8)
        column.addWidget(self.sources_label)
        column.addWidget(self.sources)
        column.addLayout(source_buttons)
        column.addSpacing(8)
        column.addLayout(run_buttons)
        column.addWidget(self.state)
        column.addWidget(self.current)
        column.addSpacing(8)
        column.addWidget(self.problems_label)
        column.addWidget(self.problems, 3)
        column.addStretch(1)  # takes the room when there is no list, so the labels stay put

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.sources_label.setText(self.tr("Folders and files"))
        self.add_folder.setText(self.tr("Add folder…"))
        self.add_files.setText(self.tr("Add files…"))
        self.remove_source.setText(self.tr("Remove"))
        self.remove_source.setToolTip(
            self.tr("Stop using this folder; its passages leave the index, the files stay")
        )
        self.index_button.setText(self.tr("Index now"))
        self.index_button.setToolTip(self.tr("Look for new, changed and deleted files"))
        self.pause_button.setText(self.tr("Pause"))
        self.resume_button.setText(self.tr("Resume"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.change_embedder.setText(self.tr("Change…"))
        self.change_embedder.setToolTip(
            self.tr("Use another embedding model (a multilingual one for Chinese, for example)")
        )
        self.problems.setHeaderLabels([self.tr("File"), self.tr("Why it was skipped")])
        if self._status is not None:
            self.show_status(self._status)
        self.show_run(self._run_state, self._progress)

    # -- filling -----------------------------------------------------------------------

    def show_status(self, status: CollectionStatus) -> None:
        same = self._status is not None and self._status.id == status.id
        selected = self.sources.currentItem()
        keep = selected.text() if same and selected is not None else None
        self._status = status
        self.title.setText(status.name)
        self.summary.setText(summary_text(status))
        self.embedder.setText(self.tr("Embedding model: {0}").format(status.embedder))
        self.sources.clear()
        for source in status.sources:
            item = QListWidgetItem(source)
            item.setToolTip(source)
            self.sources.addItem(item)
            if source == keep:
                self.sources.setCurrentItem(item)
        self._show_problems(status)
        self._show_hint(status)
        if not same:
            self.show_run(self._run_state, self._progress)
        self._enable()

    def show_run(self, state: str, progress: IndexProgress | None) -> None:
        """The run's state ("idle", "running", "paused") and its latest progress, shown only
        when it is about this collection."""
        self._run_state, self._progress = state, progress
        ours = (
            progress is not None
            and self._status is not None
            and progress.collection == self._status.name
        )
        busy = state != "idle"
        self.bar.setVisible(busy and ours)
        if ours and progress is not None:
            self._show_progress(progress, busy)
        else:
            self.state.setText(self.tr("Indexing another collection…") if busy else "")
            self.current.setText("")
        self.index_button.setVisible(not busy)
        self.pause_button.setVisible(state == "running")
        self.resume_button.setVisible(state == "paused")
        self.cancel_button.setVisible(busy)

    def _show_progress(self, progress: IndexProgress, busy: bool) -> None:
        self.state.setText(progress_text(progress) if busy or progress.phase != "scanning" else "")
        fraction = progress_fraction(progress)
        if fraction is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, BAR_STEPS)
            self.bar.setValue(round(fraction * BAR_STEPS))
        reading = busy and progress.phase == "indexing" and progress.current
        self.current.setText(
            self.tr("Reading {0}").format(PurePath(progress.current).name) if reading else ""
        )
        self.current.setToolTip(progress.current)

    def _show_problems(self, status: CollectionStatus) -> None:
        self.problems.clear()
        for problem in status.problems:
            reason = i18n.say(problem.reason)
            item = QTreeWidgetItem([PurePath(problem.path).name, reason])
            item.setToolTip(0, problem.path)
            item.setToolTip(1, reason)
            self.problems.addTopLevelItem(item)
        count = len(status.problems)
        if count:
            self.problems_label.setText(
                self.tr("Skipped files ({0})").format(i18n.count_text(count))
            )
        elif status.indexed_at is not None:
            self.problems_label.setText(self.tr("No skipped files: every file found was read."))
        else:
            self.problems_label.setText("")
        self.problems.setVisible(count > 0)

    def _show_hint(self, status: CollectionStatus) -> None:
        """The language hint core made, if any, and a link to the Embedding models tab."""
        if status.hint is None:
            self.hint.hide()
            return
        link = html.escape(self.tr("Open Models → Embedding models"))
        text = html.escape(i18n.say(status.hint))
        self.hint.setText(f"{text} <a href='embedding-models'>{link}</a>")
        self.hint.show()

    def _enable(self) -> None:
        self.remove_source.setEnabled(self.sources.currentItem() is not None)

    # -- slots -------------------------------------------------------------------------

    def _on_remove_source_clicked(self) -> None:
        item = self.sources.currentItem()
        if item is not None:
            self.remove_path_requested.emit(item.text())
