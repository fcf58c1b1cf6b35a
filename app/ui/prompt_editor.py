"""The prompt library editor: add, edit and delete your own system prompts and few-shot
templates. Built-in ones are read-only; Duplicate makes an editable copy."""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import ValidationError
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.prompts.library import Example, PromptTemplate, in_order
from app.workers import i18n

TEMPLATE_ID = Qt.ItemDataRole.UserRole


def slug(name: str, fallback: str = "my-prompt") -> str:
    """A file id from a name; a name with no Latin letters or digits (a Chinese title) gives
    `fallback`."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return text[:60] or fallback


def free_id(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`...: saving a new prompt never overwrites another."""
    found, n = wanted, 1
    while found in taken:
        n += 1
        found = f"{wanted[:56]}-{n}"
    return found


class PromptEditor(QDialog):
    """Signals: save_requested(object) a `PromptTemplate`; delete_requested(str) its id."""

    save_requested = Signal(object)
    delete_requested = Signal(str)

    def __init__(self, templates: list[PromptTemplate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptEditor")
        self.resize(860, 560)
        self.list = QListWidget()
        self.list.setMaximumWidth(240)
        # a long title is elided ("…"), never hidden behind a sideways scrollbar
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.description = QLineEdit()
        self.system = QPlainTextEdit()
        self.examples = QTableWidget(0, 2)
        self.examples.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.examples.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_row, self.remove_row = QPushButton(), QPushButton()
        self.new_button, self.copy_button = QPushButton(), QPushButton()
        self.save_button, self.delete_button = QPushButton(), QPushButton()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        rows = QHBoxLayout()
        rows.addWidget(self.add_row)
        rows.addWidget(self.remove_row)
        rows.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self.examples, 1)
        right.addLayout(rows)
        right.addWidget(self.note)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.copy_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        top = QHBoxLayout()
        top.addWidget(self.list)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)
        self._templates: list[PromptTemplate] = []
        self._current: PromptTemplate | None = None
        self._note: Callable[[], str] = str  # the note under the form, in the UI's language
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.add_row.clicked.connect(self._on_add_row_clicked)
        self.remove_row.clicked.connect(self._on_remove_row_clicked)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.retranslate()
        self.set_templates(templates)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Prompt library"))
        kind = self.kind.currentData()
        self.kind.clear()
        self.kind.addItem(self.tr("System prompt"), "system")
        self.kind.addItem(self.tr("Few-shot examples"), "few-shot")
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.examples.setHorizontalHeaderLabels(
            [self.tr("User says"), self.tr("Assistant answers")]
        )
        self.add_row.setText(self.tr("Add example"))
        self.remove_row.setText(self.tr("Remove example"))
        self.new_button.setText(self.tr("New"))
        self.copy_button.setText(self.tr("Duplicate"))
        self.save_button.setText(self.tr("Save"))
        self.delete_button.setText(self.tr("Delete"))
        if self.form.rowCount() == 0:
            for field in (self.name, self.kind, self.description, self.system):
                self.form.addRow(QLabel(), field)
        labels = (
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Description"),
            self.tr("System prompt"),
        )
        for row, text in enumerate(labels):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(text)
        if self._templates:
            self.set_templates(self._templates)
        if self._current is not None and self._current.builtin:
            self._show(self._current)  # nothing is being edited: show it in the new language
        self.note.setText(self._note())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- contents ----------------------------------------------------------------------

    def set_templates(self, templates: list[PromptTemplate]) -> None:
        keep = self._current.id if self._current else None
        language = i18n.current_language()
        templates = in_order(templates, language)
        self._templates = templates
        self.list.blockSignals(True)
        self.list.clear()
        for template in templates:
            title = template.title(language)
            label = title + ("" if not template.builtin else "  · " + self.tr("built-in"))
            item = QListWidgetItem(label)
            item.setData(TEMPLATE_ID, template.id)
            item.setToolTip(f"{label}\n{template.summary(language)}".strip())
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [t.id for t in templates]
        if keep in ids:
            self.list.blockSignals(True)
            self.list.setCurrentRow(ids.index(keep))  # the form keeps what is being edited
            self.list.blockSignals(False)
        elif self._current is None and templates:
            self.list.setCurrentRow(0)
            self._show(templates[0])

    def _show(self, template: PromptTemplate) -> None:
        self._current = template
        language = i18n.current_language()
        # A built-in shows its title in the UI's language; your own prompts as you wrote them.
        self.name.setText(template.title(language) if template.builtin else template.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(template.kind)))
        self.description.setText(
            template.summary(language) if template.builtin else template.description
        )
        self.system.setPlainText(template.system)
        self.examples.setRowCount(0)
        for example in template.examples:
            self._append_row(example.user, example.assistant)
        editable = not template.builtin
        editors: tuple[QWidget, ...] = (self.name, self.description, self.system, self.examples)
        for widget in (*editors, self.kind, self.add_row, self.remove_row, self.save_button):
            widget.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        builtin = template.builtin
        self._set_note(
            lambda: (
                self.tr("Built-in prompts cannot be changed. Duplicate this one to make your own.")
                if builtin
                else ""
            )
        )
        self._on_kind_changed()

    def _set_note(self, note: Callable[[], str]) -> None:
        self._note = note
        self.note.setText(note())

    def _append_row(self, user: str, assistant: str) -> None:
        row = self.examples.rowCount()
        self.examples.insertRow(row)
        self.examples.setItem(row, 0, QTableWidgetItem(user))
        self.examples.setItem(row, 1, QTableWidgetItem(assistant))

    def edited_template(self) -> PromptTemplate:
        """The template as edited; raises ValidationError when it is not valid."""
        examples = []
        for row in range(self.examples.rowCount()):
            cells = [self.examples.item(row, c) for c in (0, 1)]
            user, answer = (cell.text().strip() if cell else "" for cell in cells)
            if user or answer:
                examples.append(Example(user=user, assistant=answer))
        current = self._current
        saved_ids = {t.id for t in self._templates if not t.builtin}
        if current is not None and current.id in saved_ids:
            template_id = current.id
        else:
            wanted = slug(self.name.text(), current.id if current is not None else "my-prompt")
            overrides = current is not None and current.builtin and wanted == current.id
            taken = {t.id for t in self._templates}  # a new prompt never hides a built-in
            template_id = wanted if overrides else free_id(wanted, taken)
        return PromptTemplate(
            id=template_id,
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            description=self.description.text().strip(),
            system=self.system.toPlainText().strip(),
            examples=tuple(examples),
            language=current.language if current is not None else "",
            zh_CN=current.zh_CN if current is not None and not current.builtin else None,
        )

    # -- slots -------------------------------------------------------------------------

    def _on_list_current_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            found = [t for t in self._templates if t.id == item.data(TEMPLATE_ID)]
            if found:
                self._show(found[0])

    def _on_kind_changed(self) -> None:
        few_shot = self.kind.currentData() == "few-shot"
        self.examples.setVisible(few_shot)
        self.add_row.setVisible(few_shot)
        self.remove_row.setVisible(few_shot)

    def _on_add_row_clicked(self) -> None:
        self._append_row("", "")

    def _on_remove_row_clicked(self) -> None:
        rows = sorted({i.row() for i in self.examples.selectedIndexes()}, reverse=True)
        for row in rows or [self.examples.rowCount() - 1]:
            if row >= 0:
                self.examples.removeRow(row)

    def _on_new_clicked(self) -> None:
        name = self.tr("My prompt")
        new_id = free_id(slug(name), {t.id for t in self._templates})
        self._show(PromptTemplate(id=new_id, name=name, system=self.tr("You are helpful.")))
        self.list.clearSelection()
        self.name.setFocus()
        self.name.selectAll()

    def _on_copy_clicked(self) -> None:
        if self._current is None:
            return
        name = self.tr("{0} (copy)").format(self.name.text().strip() or self._current.name)
        description = self.description.text().strip()
        copy = self._current.model_copy(
            update={
                "id": free_id(f"{self._current.id[:58]}-copy", {t.id for t in self._templates}),
                "name": name,
                "description": description,
                "zh_CN": None,  # the copy is titled as shown; its own name is the only one
                "builtin": False,
            }
        )
        self._show(copy)

    def _on_save_clicked(self) -> None:
        try:
            template = self.edited_template()
        except ValidationError as exc:
            problems = "; ".join(e["msg"] for e in exc.errors())
            self._set_note(lambda: self.tr("Not saved: {0}").format(problems))
            return
        self._current = template
        self._set_note(lambda: self.tr("Saved."))
        self.save_requested.emit(template)

    def _on_delete_clicked(self) -> None:
        if self._current is not None and not self._current.builtin:
            self.delete_requested.emit(self._current.id)
            self._current = None
            self._set_note(lambda: self.tr("Deleted."))
