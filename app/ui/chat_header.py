"""Above the conversation: the chat's model (with its Think switch and fallback template),
system prompt, few-shot template, and the system prompt itself, editable in place."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.models.library import LibraryEntry
from app.core.prompts.library import PromptTemplate, in_order
from app.core.rag.types import CollectionStatus
from app.ui.elide import ElidedButton, ElidedCombo, ElidedLabel
from app.ui.fallback_banner import FallbackMenu
from app.workers import i18n

NONE = ""
MODEL_MAX_WIDTH = 360  # px: the model picker is as wide as its longest name, up to this
DOCS_MAX_WIDTH = 320  # px: a long collection name is cut, it never widens the window


class ChatHeader(QWidget):
    """Pickers for the open chat.

    Signals:
        model_selected(str), prompt_selected(str) ("" for none), few_shot_selected(str) ("" for
        none), system_prompt_edited(str), prompts_edit_requested(), settings_requested(),
        models_requested(), documents_selected(list) (collection ids), documents_requested(),
        think_toggled(bool) (the user flipped the chat's Think switch), fallback_chosen(str)
        (a fallback template for the loaded model, "" for its own).
    """

    model_selected = Signal(str)
    prompt_selected = Signal(str)
    few_shot_selected = Signal(str)
    system_prompt_edited = Signal(str)
    prompts_edit_requested = Signal()
    settings_requested = Signal()
    models_requested = Signal()
    documents_selected = Signal(list)
    documents_requested = Signal()
    think_toggled = Signal(bool)
    fallback_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_label, self.prompt_label, self.shots_label = QLabel(), QLabel(), QLabel()
        self.model = ElidedCombo(letters=20)
        self.model.setObjectName("modelPicker")
        # as wide as the longest name when there is room, cut with "…" when there is not
        self.model.setSizeAdjustPolicy(ElidedCombo.SizeAdjustPolicy.AdjustToContents)
        self.model.setMaximumWidth(MODEL_MAX_WIDTH)
        self.base_badge = ElidedLabel()
        self.base_badge.setObjectName("baseBadge")
        self.base_badge.hide()
        self.loading = QProgressBar()
        self.loading.setRange(0, 0)
        self.loading.setMaximumWidth(90)
        self.loading.setMaximumHeight(12)
        self.loading.setTextVisible(False)
        self.loading.hide()
        self.think_button = QCheckBox()  # shown for templates that read `enable_thinking`
        self.think_button.setObjectName("thinkSwitch")
        self.think_button.setCheckable(True)
        self.think_button.setChecked(True)
        self.think_button.hide()
        self._think_offered = False
        self.template_button = ElidedButton()  # shown while a fallback template is in use
        self.template_button.setObjectName("fallbackTemplate")
        self.template_menu = FallbackMenu(self.template_button)
        self.template_button.setMenu(self.template_menu)
        self.template_button.hide()
        self._fallback: str | None = None
        self.prompt = ElidedCombo(letters=16)
        self.prompt.setObjectName("promptPicker")
        self.shots = ElidedCombo(letters=12)
        self.shots.setObjectName("fewShotPicker")
        self.edit_system = QToolButton()
        self.edit_system.setCheckable(True)
        self.library_button = QToolButton()
        self.models_button = QToolButton()
        self.models_button.setObjectName("modelsButton")
        self.settings_button = QToolButton()
        self.settings_button.setObjectName("settingsButton")
        self.docs_button = ElidedButton()  # a push button draws its menu arrow beside the text
        self.docs_button.setObjectName("documentsPicker")
        self.docs_button.setMaximumWidth(DOCS_MAX_WIDTH)
        self.docs_menu = QMenu(self.docs_button)
        self.docs_button.setMenu(self.docs_menu)
        self.more_button = QToolButton()  # the buttons that do not fit, as a menu
        self.more_button.setObjectName("headerMore")
        self.more_button.setText("⋯")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        self.more_button.hide()
        self.system = QPlainTextEdit()
        self.system.setObjectName("systemPrompt")
        self.system.setFixedHeight(70)
        self.system.hide()
        self.apply_system = QPushButton()
        self.apply_system.hide()
        self._layout_rows()
        self._templates: list[PromptTemplate] = []
        self._entries: list[LibraryEntry] = []
        self._collections: list[CollectionStatus] = []
        self._chosen: list[int] = []
        self._filling = False
        self.model.activated.connect(self._on_model_activated)
        self.prompt.activated.connect(self._on_prompt_activated)
        self.shots.activated.connect(self._on_shots_activated)
        self.edit_system.toggled.connect(self._on_edit_system_toggled)
        self.apply_system.clicked.connect(self._on_apply_system_clicked)
        self.library_button.clicked.connect(self.prompts_edit_requested)
        self.settings_button.clicked.connect(self.settings_requested)
        self.models_button.clicked.connect(self.models_requested)
        self.think_button.clicked.connect(self.think_toggled)  # the user's clicks only
        self.template_menu.chosen.connect(self.fallback_chosen)
        self.retranslate()

    def _layout_rows(self) -> None:
        """Two rows, so that the window can be narrow: the model, then the prompt setup.
        What does not fit folds into the "⋯" menu (see `_fold`)."""
        row = QHBoxLayout()
        first: tuple[QWidget, ...] = (
            self.model_label,
            self.model,
            self.models_button,
            self.loading,
            self.base_badge,
            self.template_button,
            self.think_button,
        )
        for widget in first:
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.settings_button)
        row.addWidget(self.more_button)
        prompt_row = QHBoxLayout()
        second: tuple[QWidget, ...] = (
            self.prompt_label,
            self.prompt,
            self.edit_system,
            self.shots_label,
            self.shots,
            self.library_button,
        )
        for widget in second:
            prompt_row.addWidget(widget)
        prompt_row.addStretch(1)
        prompt_row.addWidget(self.docs_button)
        system_row = QHBoxLayout()
        system_row.addWidget(self.system, 1)
        system_row.addWidget(self.apply_system, 0, Qt.AlignmentFlag.AlignBottom)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(12, 8, 12, 4)
        self._column.addLayout(row)
        self._column.addLayout(prompt_row)
        self._column.addLayout(system_row)
        self._rows = ((*first, self.settings_button), (*second, self.docs_button))

    def retranslate(self) -> None:
        self.model_label.setText(self.tr("Model"))
        self.prompt_label.setText(self.tr("Prompt"))
        self.shots_label.setText(self.tr("Examples"))
        self.edit_system.setText(self.tr("Edit"))
        self.edit_system.setToolTip(self.tr("Edit this chat's system prompt"))
        self.library_button.setText(self.tr("Prompt library…"))
        self.library_button.setToolTip(
            self.tr("Write, edit and remove your own system prompts and example chats")
        )
        self.model.setToolTip(self.tr("The model that writes the answers in this chat"))
        self.prompt.setToolTip(
            self.tr("The system prompt: standing instructions the model reads before the chat")
        )
        self.shots.setToolTip(
            self.tr("Example questions and answers shown to the model, so it answers alike")
        )
        self.settings_button.setText(self.tr("Settings"))
        self.settings_button.setToolTip(self.tr("Sampling, model loading and appearance (Ctrl+,)"))
        self.models_button.setText(self.tr("Models…"))
        self.models_button.setToolTip(
            self.tr("Find and download models, import or remove them (Ctrl+Shift+M)")
        )
        self.more_button.setToolTip(self.tr("More: the buttons that do not fit in the window"))
        self.apply_system.setText(self.tr("Apply"))
        self.apply_system.setToolTip(self.tr("Use this system prompt from the next answer on"))
        self.base_badge.setText(self.tr("Base model · completion"))
        self.base_badge.setToolTip(
            self.tr("This model has no chat template: it continues the text you write.")
        )
        self.system.setPlaceholderText(self.tr("System prompt for this chat"))
        self.docs_button.setToolTip(self.tr("The document collections this chat answers from"))
        self.think_button.setText(self.tr("Think"))
        self.think_button.setToolTip(
            self.tr(
                "Let the model think before it answers (its thinking is shown apart). "
                "Turn it off for quicker answers. This chat only."
            )
        )
        self._label_template()
        if self._templates:
            self.set_templates(self._templates)
        if self._entries:
            self.set_models(self._entries, self.model.currentData())
        self._fill_documents()
        self._fold()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- folding: what does not fit goes into the "⋯" menu -------------------------------

    def _folds(self) -> tuple[tuple[QWidget, ...], tuple[QWidget, ...]]:
        """What folds first in each row: buttons that the Tools menu also has, then the
        pickers' labels (each picker's list still says what it holds), then the Think switch
        (where the model has one)."""
        think = (self.think_button,) if self._think_offered else ()
        return (
            (self.settings_button, self.models_button, self.model_label, *think),
            (self.library_button, self.shots_label, self.prompt_label),
        )

    def _needed(self, index: int, level: int, minimum: bool, more: bool = False) -> int:
        """The width row `index` needs with its first `level` folds folded (and the "⋯"
        button, where `more`)."""
        folds = self._folds()[index]
        spacing = max(self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing), 6)
        shown = [
            w
            for w in self._rows[index]
            if w not in folds[:level] and (w in folds or not w.isHidden())
        ]
        if more:
            shown.append(self.more_button)
        widths = [_hint(w, minimum) for w in shown]
        margins = self.contentsMargins() + self._column.contentsMargins()
        return sum(widths) + spacing * (len(widths) - 1) + margins.left() + margins.right()

    def _level(self, index: int, more: bool) -> int:
        """How many of row `index`'s folds must fold for it to fit the header's width."""
        count = len(self._folds()[index])
        fits = (n for n in range(count) if self._needed(index, n, False, more) <= self.width())
        return next(fits, count)

    def _fold(self) -> None:
        docs = min(
            DOCS_MAX_WIDTH, max(self.width() // 3, self.docs_button.minimumSizeHint().width())
        )
        if docs != self.docs_button.maximumWidth():
            self.docs_button.setMaximumWidth(docs)
        second = self._level(1, False)
        first = self._level(0, second > 0)
        if first and not second:  # the "⋯" button came for the first row: count it there
            first = self._level(0, True)
        for folds, level in zip(self._folds(), (first, second), strict=True):
            for position, widget in enumerate(folds):
                widget.setVisible(position >= level)
        self._fill_more()

    def _fill_more(self) -> None:
        """The "⋯" menu: the folded buttons, as actions that do what the buttons do."""
        self.more_menu.clear()
        for button in (self.models_button, self.settings_button, self.library_button):
            if button.isHidden():
                self.more_menu.addAction(button.text()).triggered.connect(button.click)
        if self._think_offered and self.think_button.isHidden():
            think = self.more_menu.addAction(self.think_button.text())
            think.setCheckable(True)
            think.setChecked(self.think_button.isChecked())
            think.setToolTip(self.think_button.toolTip())
            think.triggered.connect(self.think_button.click)
        self.more_menu.setToolTipsVisible(True)
        self.more_button.setVisible(bool(self.more_menu.actions()))

    def minimumSizeHint(self) -> QSize:
        """As narrow as the rows are with everything folded and the pickers cut short."""
        hint = super().minimumSizeHint()
        widths = (self._needed(i, len(f), True, i == 0) for i, f in enumerate(self._folds()))
        return QSize(max(widths), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fold()

    # -- filling -----------------------------------------------------------------------

    def set_models(self, entries: list[LibraryEntry], current: str | None) -> None:
        self._entries = list(entries)
        self._filling = True
        self.model.clear()
        for entry in entries:
            label = entry.id.split("/")[-1]
            if entry.info is not None and entry.info.is_base:
                label += " " + self.tr("(base)")
            if entry.info is None:
                label += " " + self.tr("(unusable)")
            self.model.addItem(label, entry.id)
            index = self.model.count() - 1
            tip = i18n.say(entry.problem) if entry.problem is not None else str(entry.path)
            self.model.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        self._select(self.model, current)
        self._filling = False

    def set_current_model(self, model_id: str | None) -> None:
        self._select(self.model, model_id)

    def set_loading(self, loading: bool) -> None:
        self.loading.setVisible(loading)
        self._fold()

    def set_base(self, is_base: bool) -> None:
        self.base_badge.setVisible(is_base)
        for widget in (self.prompt_label, self.prompt, self.edit_system, self.shots_label):
            widget.setEnabled(not is_base)
        self.shots.setEnabled(not is_base)
        self._fold()

    def set_think_switch(self, offered: bool) -> None:
        """Offer the Think switch: the loaded model's chat template reads `enable_thinking`.
        Other models have none (whether they think is up to them), so it is not shown."""
        self._think_offered = offered
        if not offered:
            self.think_button.hide()
        self._fold()  # shown, or in the "⋯" menu when the row is full

    def show_think(self, on: bool) -> None:
        """The open chat's Think switch."""
        self.think_button.setChecked(on)
        self._fill_more()

    def show_template(self, fallback: str | None) -> None:
        """The fallback template the loaded model chats through (None: its own, not shown)."""
        self._fallback = fallback
        self.template_menu.show_current(fallback)
        self.template_button.setVisible(fallback is not None)
        self._label_template()
        self._fold()

    def _label_template(self) -> None:
        names = {"chatml": "ChatML", "gemma": "Gemma", "plain": self.tr("Plain")}
        shown = names.get(self._fallback or "", self._fallback or "")
        self.template_button.setText(self.tr("Template: {0}").format(shown))
        self.template_button.setToolTip(
            self.tr(
                "This model chats through a fallback template, not its own. "
                "Pick another, or go back to the model's own template."
            )
        )

    def set_templates(self, templates: list[PromptTemplate]) -> None:
        """The prompts of the library: those written in the UI's language first, each titled
        and described in the UI's language."""
        self._templates = templates
        language = i18n.current_language()
        current_prompt, current_shots = self.prompt.currentData(), self.shots.currentData()
        self._filling = True
        self.prompt.clear()
        self.shots.clear()
        self.prompt.addItem(self.tr("No system prompt"), NONE)
        self.shots.addItem(self.tr("No examples"), NONE)
        for template in in_order(templates, language):
            target = self.shots if template.kind == "few-shot" else self.prompt
            target.addItem(template.title(language), template.id)
            target.setItemData(
                target.count() - 1, template.summary(language), Qt.ItemDataRole.ToolTipRole
            )
        self._select(self.prompt, current_prompt)
        self._select(self.shots, current_shots)
        self._filling = False

    def show_chat_setup(self, prompt_id: str | None, few_shot: str | None, system: str) -> None:
        self._filling = True
        self._select(self.prompt, prompt_id or NONE)
        self._select(self.shots, few_shot or NONE)
        if not self.system.hasFocus():
            self.system.setPlainText(system)
        self._filling = False

    def set_collections(self, collections: list[CollectionStatus]) -> None:
        self._collections = collections
        self._fill_documents()

    def show_documents(self, chosen: list[int]) -> None:
        """The open chat's collections (ids)."""
        self._chosen = list(chosen)
        self._fill_documents()

    def _fill_documents(self) -> None:
        menu = self.docs_menu
        menu.clear()
        for status in self._collections:
            action = menu.addAction(status.name)
            action.setCheckable(True)
            action.setChecked(status.id in self._chosen)
            action.setData(status.id)
            action.toggled.connect(self._on_collection_toggled)
        if not self._collections:
            menu.addAction(self.tr("No collections yet")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Manage documents…")).triggered.connect(self.documents_requested)
        self._label_documents()

    def _label_documents(self) -> None:
        names = {c.id: c.name for c in self._collections}
        chosen = [names[i] for i in self._chosen if i in names]
        if not chosen:
            text = self.tr("Documents: none")
        elif len(chosen) == 1:
            text = self.tr("Documents: {0}").format(_short(chosen[0]))
        else:
            text = self.tr("Documents: {0} collections").format(len(chosen))
        self.docs_button.setText(text)
        self.docs_button.setProperty("active", bool(chosen))
        self._fold()

    def _on_collection_toggled(self, _checked: bool) -> None:
        chosen = [
            int(a.data()) for a in self.docs_menu.actions() if a.isCheckable() and a.isChecked()
        ]
        self._chosen = chosen
        self.documents_selected.emit(chosen)
        self._label_documents()  # not a refill: the action that sent this must live on

    def _select(self, combo: ElidedCombo, data: object) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    # -- slots -------------------------------------------------------------------------

    def _on_model_activated(self, index: int) -> None:
        if not self._filling:
            self.model_selected.emit(str(self.model.itemData(index)))

    def _on_prompt_activated(self, index: int) -> None:
        if not self._filling:
            self.prompt_selected.emit(str(self.prompt.itemData(index)))

    def _on_shots_activated(self, index: int) -> None:
        if not self._filling:
            self.few_shot_selected.emit(str(self.shots.itemData(index)))

    def _on_edit_system_toggled(self, on: bool) -> None:
        self.system.setVisible(on)
        self.apply_system.setVisible(on)

    def _on_apply_system_clicked(self) -> None:
        self.system_prompt_edited.emit(self.system.toPlainText())


def _short(name: str, letters: int = 24) -> str:
    return name if len(name) <= letters else name[: letters - 1] + "…"


def _hint(widget: QWidget, minimum: bool) -> int:
    """A widget's width in the rows: its least, or what it is comfortable with."""
    if minimum:
        return widget.minimumSizeHint().expandedTo(widget.minimumSize()).width()
    return min(widget.sizeHint().width(), widget.maximumWidth())
