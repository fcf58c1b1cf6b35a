"""The main window: lays out the panels and connects them to the session. No state of its own."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

from app.core.chats.options import ChatOptions
from app.core.chats.store import Chat, StoredMessage
from app.core.engine.types import GenerationResult, LoadedModel
from app.core.prompts.library import PromptTemplate
from app.core.rag.embedder import MAX_CHUNK_TOKENS
from app.core.settings import Settings
from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase
from app.ui.appearance import Appearance
from app.ui.chat_header import ChatHeader
from app.ui.chat_view import ChatView
from app.ui.composer import Composer
from app.ui.fallback_banner import TemplateBanner
from app.ui.help import DESCRIPTION, HelpUi
from app.ui.placement import place
from app.ui.prompt_editor import PromptEditor
from app.ui.recovery_banner import RecoveryBanner
from app.ui.settings_dialog import SettingsDialog
from app.ui.sidebar import ChatSidebar
from app.ui.source_dialog import SourceDialog
from app.ui.status import StatusPanel
from app.ui.transfer import TransferUi
from app.workers.models import ModelControllers
from app.workers.session import ChatSession

if TYPE_CHECKING:
    from app.ui.documents.window import DocumentsWindow
    from app.ui.models.window import ModelsWindow

NOTHING_TO_EXPORT = Phrase(
    "ui.export.nothing", QT_TRANSLATE_NOOP("Messages", "Open or select a chat to export it.")
)
WHOLE_ON = Phrase(
    "ui.whole.on",
    QT_TRANSLATE_NOOP("Messages", "From your next question, {file} is read whole."),
)
WHOLE_OFF = Phrase(
    "ui.whole.off",
    QT_TRANSLATE_NOOP(
        "Messages", "From your next question, only the passages of {file} that match are read."
    ),
)


class MainWindow(QMainWindow):
    """Hearth's window. Every slot is a line or two that calls the session or a widget."""

    def __init__(
        self, session: ChatSession, appearance: Appearance, models: ModelControllers
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.models = models
        self.models_window: ModelsWindow | None = None
        self.documents_window: DocumentsWindow | None = None
        self.appearance = appearance
        self.sidebar = ChatSidebar()
        self.header = ChatHeader()
        self.view = ChatView()
        self.banner = TemplateBanner()  # an error banner that offers a fallback template
        self.recovery = RecoveryBanner()
        self.composer = Composer()
        self.status = StatusPanel()
        self.prompt_editor: PromptEditor | None = None
        self.setStatusBar(self.status)
        self.transfer = TransferUi(session.chats, self, self.status, self.banner)
        self.help = HelpUi(self, session.services.paths.data, session.engine)
        self.shortcuts_by_name: dict[str, QShortcut] = {}
        self.actions_by_name: dict[str, QAction] = {}
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.view, 1)
        column.addWidget(self.recovery)
        column.addWidget(self.banner)
        column.addWidget(self.composer)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.sidebar.setMinimumWidth(200)
        self.splitter.setSizes([250, 850])
        self.setCentralWidget(self.splitter)
        self.resize(1100, 760)
        self.view.set_dark(appearance.dark)
        self._connect_session()
        models.downloads.model_installed.connect(lambda _key: self._on_embedders_changed())
        models.library.embedder_removed.connect(lambda _name: self._on_embedders_changed())
        self._connect_widgets()
        self._menus()
        self._shortcuts()
        self.retranslate()
        self._show_empty()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hearth"))
        parts = (self.sidebar, self.header, self.view, self.composer, self.status, self.recovery)
        for part in parts:
            part.retranslate()
        texts = {
            "file": self.tr("&File"),
            "tools": self.tr("&Tools"),
            "new": self.tr("&New chat"),
            "import": self.tr("&Import chats…"),
            "export": self.tr("&Export selected chats…"),
            "export_all": self.tr("Export &all chats…"),
            "quit": self.tr("&Quit"),
            "models": self.tr("&Models…"),
            "documents": self.tr("&Documents…"),
            "prompts": self.tr("&Prompt library…"),
            "settings": self.tr("&Settings…"),
            "help": self.tr("&Help"),
            "shortcuts": self.tr("&Keyboard shortcuts"),
            "about": self.tr("&About Hearth"),
            "data_folder": self.tr("Open &data folder"),
        }
        for name, text in texts.items():
            self.actions_by_name[name].setText(text)
        for name, text in (
            ("find", self.tr("Search all chats")),
            ("stop", self.tr("Stop the answer being written")),
        ):
            self.shortcuts_by_name[name].setProperty(DESCRIPTION, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.session.chat is None:
                self._show_empty()
            elif not self.session.busy:  # an answer being written is shown whole at its end
                self._on_session_chat_changed(self.session.chat, self.session.messages)
        super().changeEvent(event)

    def _show_empty(self) -> None:
        self.view.show_empty(self.tr("Start a new chat: type a message below."))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.transfer.shutdown()
        self.models.shutdown()
        self.session.shutdown()
        super().closeEvent(event)

    def commit_data(self, wait_s: float = 5.0) -> None:
        """The desktop is logging out (Qt's commitDataRequest): stop the answer being written
        and wait until it is stored (as cancelled, its text kept), and finish pending chat
        deletions. The window stays usable, should the logout be cancelled."""
        self.session.stop()
        self.session.chats.commit_deletes()
        deadline = time.monotonic() + wait_s
        while self.session.busy and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    # -- wiring ------------------------------------------------------------------------

    def _connect_session(self) -> None:
        s, chats, engine = self.session, self.session.chats, self.session.engine
        s.chat_changed.connect(self._on_session_chat_changed)
        self.status.follow(s)
        s.library_changed.connect(lambda entries: self.header.set_models(entries, engine.loaded_id))
        s.prompts_changed.connect(self._on_session_prompts_changed)
        s.settings_changed.connect(self._on_session_settings_changed)
        s.error_raised.connect(self.banner.show_message)
        s.fallback_wanted.connect(lambda mid: self.banner.offer_fallback(mid, s.fallback_for(mid)))
        self.banner.fallback_chosen.connect(lambda mid, n: s.set_fallback_template(mid, n or None))
        s.draft_returned.connect(self.composer.set_text)
        s.turn_started.connect(self._on_session_turn_started)
        chats.chats_listed.connect(self.sidebar.show_chats)
        chats.recovery_noticed.connect(self.recovery.show_notice)
        self.recovery.salvage_requested.connect(chats.salvage)
        self.recovery.dismiss_requested.connect(chats.dismiss_notices)
        chats.search_finished.connect(self.sidebar.show_hits)
        chats.chat_deleted.connect(lambda _id, title: self.sidebar.show_deleted(title))
        engine.state_changed.connect(self._on_engine_state_changed)
        engine.model_loading.connect(lambda model: self.status.set_state("loading", model))
        engine.model_loaded.connect(self._on_engine_model_loaded)
        engine.prompt_processed.connect(lambda _rid: self.status.set_state("generating"))
        engine.thinking_received.connect(lambda _rid, text: self.view.append_thinking(text))
        engine.tokens_received.connect(lambda _rid, text: self.view.append_text(text))
        engine.generation_finished.connect(self._on_engine_generation_finished)
        if s.documents is not None:
            s.documents.collections_listed.connect(self.header.set_collections)
            s.documents.failed.connect(self._on_documents_failed)

    def _connect_widgets(self) -> None:
        s = self.session
        self.sidebar.new_chat_requested.connect(s.new_chat)
        self.sidebar.chat_selected.connect(s.open_chat)
        self.sidebar.hit_selected.connect(s.open_hit)
        self.sidebar.rename_requested.connect(s.rename_chat)
        self.sidebar.delete_requested.connect(s.delete_chat)
        self.sidebar.undo_requested.connect(s.chats.undo_delete)
        self.sidebar.export_requested.connect(self.transfer.export)
        self.sidebar.search_requested.connect(self._on_sidebar_search_requested)
        self.composer.send_requested.connect(self._on_composer_send_requested)
        self.composer.stop_requested.connect(s.stop)
        self.view.edit_requested.connect(self._on_view_edit_requested)
        self.view.version_requested.connect(s.show_version)
        self.view.fork_requested.connect(s.fork)
        self.view.regenerate_requested.connect(s.regenerate)
        self.view.continue_requested.connect(s.continue_reply)
        self.view.copied.connect(lambda what: self.status.show_note(what, 3000))
        self.header.model_selected.connect(s.select_model)
        self.header.prompt_selected.connect(lambda pid: s.select_prompt(pid or None))
        self.header.few_shot_selected.connect(lambda tid: s.select_few_shot(tid or None))
        self.header.system_prompt_edited.connect(lambda text: s.set_system_prompt(text or None))
        self.header.prompts_edit_requested.connect(self.open_prompt_editor)
        self.header.settings_requested.connect(self.open_settings)
        self.header.models_requested.connect(self.open_models)
        self.header.documents_selected.connect(s.select_documents)
        self.header.documents_requested.connect(self.open_documents)
        self.header.think_toggled.connect(s.set_think)
        self.header.fallback_chosen.connect(
            lambda name: s.set_fallback_template(s.engine.loaded_id or "", name or None)
        )
        self.view.source_requested.connect(self.open_source)
        self.view.whole_requested.connect(self._on_view_whole_requested)

    def _menus(self) -> None:
        """File and Tools menus; their actions carry the window's main shortcuts."""
        bar = self.menuBar()
        for menu_name, items in (
            (
                "file",
                [
                    ("new", QKeySequence.StandardKey.New, self.session.new_chat),
                    None,
                    ("import", QKeySequence("Ctrl+Shift+I"), self.transfer.import_chats),
                    ("export", QKeySequence("Ctrl+Shift+E"), self.export_selected),
                    (
                        "export_all",
                        None,
                        lambda: self.transfer.export(None, self.tr("Hearth chats")),
                    ),
                    None,
                    ("quit", QKeySequence("Ctrl+Q"), self.close),
                ],
            ),
            (
                "tools",
                [
                    ("models", QKeySequence("Ctrl+Shift+M"), self.open_models),
                    ("documents", QKeySequence("Ctrl+Shift+D"), self.open_documents),
                    ("prompts", None, self.open_prompt_editor),
                    ("settings", QKeySequence("Ctrl+,"), self.open_settings),
                ],
            ),
            (
                "help",
                [
                    ("shortcuts", QKeySequence("Ctrl+/"), self.help.show_shortcuts),
                    None,
                    ("data_folder", None, self.help.open_data_folder),
                    ("about", None, self.help.show_about),
                ],
            ),
        ):
            menu = QMenu(bar)
            self.actions_by_name[menu_name] = bar.addMenu(menu)
            for item in items:
                if item is None:
                    menu.addSeparator()
                    continue
                name, keys, slot = item
                action = menu.addAction("")
                if keys is not None:
                    action.setShortcut(keys)
                action.triggered.connect(slot)
                self.actions_by_name[name] = action

    def export_selected(self) -> None:
        """Export the chats selected in the sidebar (the open chat when none is selected)."""
        chosen = self.sidebar.selected_chats()
        if not chosen:
            self.banner.show_message(NOTHING_TO_EXPORT())
            return
        title = chosen[0][1] if len(chosen) == 1 else self.tr("Hearth chats")
        self.transfer.export([chat_id for chat_id, _ in chosen], title)

    def _shortcuts(self) -> None:
        for name, keys, slot in (
            ("find", QKeySequence.StandardKey.Find, self.sidebar.focus_search),
            ("stop", QKeySequence(Qt.Key.Key_Escape), self.session.stop),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(slot)
            self.shortcuts_by_name[name] = shortcut

    # -- dialogs -----------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        chat = self.session.chat
        dialog = SettingsDialog(
            self.session.settings,
            self.session.chat_sampling(),
            chat_override=self.session.chat_options().sampling is not None,
            has_chat=chat is not None,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._on_settings_accepted(dialog))
        place(dialog, self)
        dialog.open()
        return dialog

    def open_models(self) -> ModelsWindow:
        if self.models_window is None:
            from app.ui.models.window import ModelsWindow  # not needed for the first paint

            self.models_window = ModelsWindow(self.models, self.session, self)
        self.models_window.show()
        self.models_window.raise_()
        self.models_window.activateWindow()
        return self.models_window

    def open_embedding_models(self) -> ModelsWindow:
        models = self.open_models()
        models.tabs.setCurrentWidget(models.embeddings)
        return models

    def _on_embedders_changed(self) -> None:
        """An embedding model came or went: Documents offers the models on this computer."""
        documents = self.session.documents
        if documents is not None and documents.listed:  # never starts the index host
            documents.refresh()

    def open_documents(self) -> DocumentsWindow | None:
        if self.session.documents is None:
            return None
        if self.documents_window is None:
            from app.ui.documents.window import DocumentsWindow

            self.documents_window = DocumentsWindow(self.session.documents, self)
            self.documents_window.models_requested.connect(self.open_embedding_models)
            place(self.documents_window, self)
        self.documents_window.show()
        self.documents_window.raise_()
        self.documents_window.activateWindow()
        return self.documents_window

    def open_source(self, source: dict[str, object]) -> SourceDialog:
        dialog = SourceDialog(source, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        place(dialog, self)
        dialog.open()
        return dialog

    def open_prompt_editor(self) -> PromptEditor:
        if self.prompt_editor is None:
            self.prompt_editor = PromptEditor(self.session.templates, self)
            self.prompt_editor.save_requested.connect(self.session.save_prompt)
            self.prompt_editor.delete_requested.connect(self.session.delete_prompt)
            place(self.prompt_editor, self)
        self.prompt_editor.show()
        self.prompt_editor.raise_()
        return self.prompt_editor

    # -- slots -------------------------------------------------------------------------

    def _on_session_chat_changed(self, chat: Chat | None, messages: list[StoredMessage]) -> None:
        self.sidebar.set_current(chat.id if chat else None)
        self._show_prompt_setup(chat)
        self.header.show_think(self.session.chat_options().think is not False)  # None: on
        if chat is None:
            self._show_empty()
            self.header.show_documents([])
            return
        self.view.show_chat(messages, self.session.completion_mode)
        self.header.show_documents(self.session.chat_documents())

    def _show_prompt_setup(self, chat: Chat | None) -> None:
        """The prompt the chat uses (with no chat open: the one a new chat gets)."""
        prompt_id = chat.prompt_id if chat is not None else self.session.default_prompt_id()
        few_shot = ChatOptions.from_settings(chat.settings if chat is not None else None).few_shot
        system = chat.system_prompt if chat is not None else None
        if system is None:
            prompt = next((t for t in self.session.templates if t.id == prompt_id), None)
            system = prompt.system if prompt is not None else ""
        self.header.show_chat_setup(prompt_id, few_shot, system)

    def _on_session_turn_started(self, preview: list[StoredMessage], prefix: str) -> None:
        self.banner.hide()
        self.view.show_chat(preview, self.session.completion_mode)
        continued = self.session.messages[-1] if prefix and self.session.messages else None
        self.view.begin_reply(self._waiting_text(searching=not prefix), prefix, continued)

    def _waiting_text(self, searching: bool) -> str:
        """What the answer's place says until its first word."""
        if self.session.waits_for_model:
            waiting = self.tr("Waiting for {0} to load: your message is sent once it is ready…")
            return waiting.format(self.status.loading_model or self.tr("the model"))
        if searching and self.session.chat_setup().documents:
            return self.tr("Searching your documents…")
        return self.tr("Reading your message…")

    def _on_session_prompts_changed(self, templates: list[PromptTemplate]) -> None:
        self.header.set_templates(templates)
        self._show_prompt_setup(self.session.chat)
        if self.prompt_editor is not None:
            self.prompt_editor.set_templates(templates)

    def _on_session_settings_changed(self, settings: Settings) -> None:
        self.appearance.apply_language(settings.language)
        dark = self.appearance.apply_theme(settings.theme, settings.font_size)
        self.view.set_dark(dark)
        if self.session.chat is not None:
            self._on_session_chat_changed(self.session.chat, self.session.messages)

    def _on_settings_accepted(self, dialog: SettingsDialog) -> None:
        self.session.set_chat_sampling(dialog.chat_sampling())
        self.session.save_settings(dialog.result_settings())

    def _on_view_whole_requested(self, source: dict[str, object], on: bool) -> None:
        self.session.use_whole(source, on)
        name = str(source.get("file") or "")
        self.status.show_note((WHOLE_ON if on else WHOLE_OFF)(file=name), 6000)

    def _on_documents_failed(self, message: Msg | str) -> None:
        window = self.documents_window
        if window is None or not window.isVisible():  # the Documents window shows its own
            self.banner.show_message(message)

    def _on_sidebar_search_requested(self, query: str) -> None:
        if query:
            self.session.chats.search(query)

    def _on_composer_send_requested(self, text: str) -> None:
        if self.session.send(text):
            self.composer.clear_sent()

    def _on_view_edit_requested(self, message_id: int, text: str) -> None:
        if not self.session.edit(message_id, text):  # not sent: the edited text stays open
            self.view.begin_edit(message_id, text)

    def _on_engine_state_changed(self, state: str) -> None:
        self.composer.set_busy(state == "generating")
        self.composer.set_waiting(state in ("starting", "loading"))
        self.header.set_loading(state in ("starting", "loading"))
        if self.session.engine.loaded is None:  # no model: no Think switch, no template
            self.header.set_think_switch(False)
            self.header.show_template(None)
        if state == "generating":
            state = "reading"
        if state != "loading":
            self.status.set_state(state)

    def _on_engine_model_loaded(self, loaded: LoadedModel) -> None:
        engine = self.session.engine
        # a whole file may take up to half the context
        self.view.whole_limit = loaded.context_length // 2 // MAX_CHUNK_TOKENS
        self.status.set_model(loaded)
        self.header.set_current_model(engine.loaded_id)
        completion = self.session.completion_mode
        self.header.set_base(completion)
        self.header.set_think_switch(loaded.thinking_switch and not completion)
        fallback = self.session.fallback_for(engine.loaded_id)
        self.header.show_template(fallback if loaded.template == "fallback" else None)
        self.composer.set_completion(completion)
        if self.session.chat is not None and self.view.completion != completion:
            self.view.show_chat(self.session.messages, completion)

    def _on_engine_generation_finished(self, _rid: int, result: GenerationResult) -> None:
        self.status.show_result(result)
