"""The open chat and what it talks to: the window's one source of truth.

`ChatSession` joins the chat store, the engine, the model library, the prompt library and the
settings. Widgets call its methods and listen to its signals (and to those of its `chats` and
`engine` controllers); they hold no state of their own beyond what they show.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core.chat_setup import Collections, load_spec_for, setup_for
from app.core.chats.options import ChatOptions, DocumentRef, WholeFile
from app.core.chats.store import Chat, StoredMessage
from app.core.conversation import ChatSetup, Conversation, start_chat
from app.core.errors import message_of
from app.core.models.library import LibraryEntry, pick_default
from app.core.prompts import texts as template_texts
from app.core.prompts.library import PromptTemplate, version_for
from app.core.services import Services
from app.core.settings import SamplingSettings, Settings, save_settings
from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase
from app.workers import i18n
from app.workers.chats import ChatsController
from app.workers.documents import DocumentsController
from app.workers.engine import EngineController
from app.workers.executor import QUIT_GRACE_MS, Closing, Executor, wait_all

STILL_LOADING = Phrase(
    "ui.session.still-loading",
    QT_TRANSLATE_NOOP(
        "Messages", "The model is still loading. Try again once it is ready (see the status bar)."
    ),
)
NO_MODEL = Phrase(
    "ui.session.no-model",
    QT_TRANSLATE_NOOP(
        "Messages", "No model is loaded yet. Pick a model above, or wait for it to load."
    ),
)
NOT_IN_LIBRARY = Phrase(
    "ui.session.not-in-library", QT_TRANSLATE_NOOP("Messages", "it is not in the library")
)
CANNOT_USE = Phrase(
    "ui.session.cannot-use", QT_TRANSLATE_NOOP("Messages", "{model} cannot be used: {reason}")
)
# The model's own chat template is broken, too slow or too big: a fallback template helps.
TEMPLATE_TROUBLE = frozenset(
    p.id
    for p in (
        template_texts.TEMPLATE_INVALID,
        template_texts.TEMPLATE_TOO_SLOW,
        template_texts.TEMPLATE_TOO_BIG,
        template_texts.TEMPLATE_REPEATS,
        template_texts.TEMPLATE_FAILED,
    )
)


class ChatSession(QObject):
    """The current chat and its model.

    Signals:
        chat_changed(object, list): the open `Chat` (or None) and its messages.
        library_changed(list): the `LibraryEntry`s of the local model library.
        prompts_changed(list): the `PromptTemplate`s of the prompt library.
        settings_changed(object): the new `Settings`.
        error_raised(object): a `Msg` the user must read (a load failure, a crash, a full disk);
            shown with `i18n.say`, which takes a plain string too (from older controllers).
        draft_returned(str): text that was sent but could not be stored, back to the composer.
        turn_started(list, str): how the chat looks while the answer is written (messages, with
            id 0 for ones not stored yet) and the text the answer starts from (Continue).
        fallback_wanted(str): the model (library id) whose own chat template just failed
            (broken, too slow, too big): the user may pick a fallback template for it.
    """

    chat_changed = Signal(object, list)
    library_changed = Signal(list)
    prompts_changed = Signal(list)
    settings_changed = Signal(object)
    error_raised = Signal(object)
    draft_returned = Signal(str)
    turn_started = Signal(list, str)
    fallback_wanted = Signal(str)

    def __init__(
        self,
        services: Services,
        chats: ChatsController,
        engine: EngineController,
        documents: DocumentsController | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.documents = documents
        self.settings = services.settings
        self.chats = chats
        self.engine = engine
        self.entries: list[LibraryEntry] = []
        self.templates: list[PromptTemplate] = []
        self.chat: Chat | None = None
        self.messages: list[StoredMessage] = []
        self._io = Executor("hearth-io", self)
        self._draft: str | None = None
        # (chat id or 0 for a new chat, text): sent while a model loads, sent once it is ready
        self._queued: tuple[int, str] | None = None
        self._library_read = False
        self._started = False
        self._loading: str | None = None
        self._asked: str | None = None  # the model last asked to load
        self._reload_after: str | None = None  # to load again once the answer ends
        self._new_options = ChatOptions()  # for the chat the next first message starts
        self._shut_down = False
        chats.store_opened.connect(self._on_chats_store_opened)
        chats.chats_listed.connect(self._on_chats_listed)
        chats.chat_opened.connect(self._on_chats_chat_opened)
        chats.chat_updated.connect(self._on_chats_chat_updated)
        chats.failed.connect(self.error_raised.emit)  # a str or a Msg, as the controller sends
        engine.model_failed.connect(self.error_raised.emit)
        engine.model_failed.connect(lambda message: self._offer_fallback(message, loading=True))
        engine.generation_finished.connect(self._on_engine_generation_ended)
        engine.generation_failed.connect(self._on_engine_generation_failed)
        engine.model_loaded.connect(self._on_engine_model_loaded)
        engine.state_changed.connect(self._on_engine_state_changed)

    # -- start-up ----------------------------------------------------------------------

    def start(self) -> None:
        """Open the chats, read the libraries, start the engine: all off the GUI thread."""
        self.chats.open(self.services.paths.chats_db)
        self.refresh_library()
        self.refresh_prompts()
        self.engine.start_host()
        if self.documents is not None:
            self.documents.start()

    def refresh_library(self) -> None:
        self._io.call(self.services.library.entries, self._on_library_read, self._on_io_failed)

    def refresh_prompts(self) -> None:
        self._io.call(self.services.prompts.templates, self._on_prompts_read, self._on_io_failed)

    def shutdown(self, grace_ms: int = QUIT_GRACE_MS) -> bool:
        """Store the answer being written (as stopped) and every queued write, and close the
        engine and index hosts together. A host not gone within `grace_ms` ends on its own
        (False). Safe to call twice."""
        if self._shut_down:
            return True
        self._shut_down = True
        self.engine.close()
        self.engine.wait_answer()  # before the store closes (its search may need the index)
        if self.documents is not None:
            self.documents.close()  # the index host ends while the engine host does
        self._keep_queued()
        self.chats.shutdown()
        self._io.shutdown()
        hosts: list[Closing] = [self.engine]
        if self.documents is not None:
            hosts.append(self.documents)
        return wait_all(hosts, grace_ms)

    def _keep_queued(self) -> None:
        """A message still waiting for its model at quit is stored, unanswered: it is in the
        chat next time (Regenerate answers it), never lost with the window."""
        queued, self._queued = self._queued, None
        if queued is None:
            return
        chat_id, text = queued
        if not chat_id:
            fields: dict[str, Any] = {
                "model": self.settings.default_model,
                "prompt_id": self._default_prompt(),
                "settings": self._new_options.to_settings(),
            }
            self.chats.run(lambda s: start_chat(s, text, **fields), lambda _: None)
        else:
            self.chats.run(lambda s: s.add_message(chat_id, "user", text), lambda _: None)

    # -- chats -------------------------------------------------------------------------

    def new_chat(self) -> None:
        model = self.engine.loaded_id or self.settings.default_model
        self.chats.create_chat(
            lambda chat: self.open_chat(chat.id),
            model=model,
            prompt_id=self._default_prompt(),
            settings=self._new_options.to_settings(),
        )

    def open_chat(self, chat_id: int) -> None:
        self.chats.open_chat(chat_id)

    def chat_with(self, entry_id: str) -> None:
        """A new chat with this model (the Models window's "Chat"); opening it loads the model."""
        self.chats.create_chat(
            lambda chat: self.open_chat(chat.id), model=entry_id, prompt_id=self._default_prompt()
        )

    def rename_chat(self, chat_id: int, title: str) -> None:
        if title.strip():
            self.chats.update_chat(chat_id, title=title.strip())

    def delete_chat(self, chat_id: int, title: str) -> None:
        self.chats.delete_chat(chat_id, title)
        if self.chat is not None and self.chat.id == chat_id:
            self.chat, self.messages = None, []
            self.chat_changed.emit(None, [])

    # -- generating --------------------------------------------------------------------

    @property
    def completion_mode(self) -> bool:
        """The loaded model is a base model: it continues text instead of chatting."""
        loaded = self.engine.loaded
        return loaded is not None and loaded.is_base and loaded.template == "none"

    @property
    def busy(self) -> bool:
        return self.engine.active_request != 0

    @property
    def waits_for_model(self) -> bool:
        """A model is being loaded (the first, or another one): a message sent now waits for
        it, and is answered by the model it was written for."""
        return self.engine.state in ("starting", "loading")

    def send(self, text: str) -> bool:
        """Send `text` (a new chat is made if none is open). False: not sent, keep the text.
        While the first model loads, the message waits and is sent once the model is ready."""
        if self.waits_for_model and text.strip() and self._queued is None:
            chat_id = self.chat.id if self.chat is not None else 0
            self._queued = (chat_id, text)
            self.turn_started.emit([*self.messages, _pending_user(chat_id, text)], "")
            return True
        if not self._can_generate():
            return False
        if not text.strip() and not self.completion_mode:
            return False
        self._draft = text
        if self.chat is None:  # the chat and its question in one write: no empty chat
            self.chats.start_chat(
                text,
                lambda chat: self._answer_in(chat, text),
                self._on_start_failed,
                model=self.engine.loaded_id,
                prompt_id=self._default_prompt(),
                settings=self._new_options.to_settings(),
            )
            return True
        self._send_in(self.chat, text)
        return True

    def regenerate(self) -> None:
        users = [i for i, m in enumerate(self.messages) if m.role == "user"]
        if self.chat is not None and users and self._can_generate():
            self.turn_started.emit(self.messages[: users[-1] + 1], "")
            self.engine.regenerate(self._conversation(self.chat))

    def edit(self, message_id: int, text: str) -> bool:
        """A new version of one of the user's messages, answered again. False: not sent (the
        reason is raised), so the caller keeps the edited text."""
        where = next((i for i, m in enumerate(self.messages) if m.id == message_id), None)
        if self.chat is None or where is None or not text.strip() or not self._can_generate():
            return False
        self._draft = text
        before = self.messages[:where]
        self.turn_started.emit([*before, _pending_user(self.chat.id, text)], "")
        self.engine.edit(self._conversation(self.chat), message_id, text)
        return True

    def show_version(self, message_id: int) -> None:
        """Show another version of a message (the "‹ 2/3 ›" under it)."""
        if self.chat is not None and not self.busy:
            self.chats.show_version(self.chat.id, message_id)

    def open_hit(self, chat_id: int, message_id: int) -> None:
        """Open a chat at a search hit: the version of the conversation the message is in."""
        self.chats.reveal(chat_id, message_id)

    def fork(self, message_id: int) -> None:
        """A new chat with the conversation up to this message; it opens at once."""
        if self.chat is not None:
            self.chats.fork(self.chat.id, message_id, lambda chat: self.open_chat(chat.id))

    def continue_reply(self) -> None:
        if self.chat is not None and self.messages and self._can_generate():
            if self.completion_mode:
                self.turn_started.emit(list(self.messages), "")
            else:
                self.turn_started.emit(self.messages[:-1], self.messages[-1].content)
            self.engine.continue_reply(self._conversation(self.chat))

    def stop(self) -> None:
        self.engine.stop()

    # -- per-chat setup ----------------------------------------------------------------

    def select_model(self, entry_id: str) -> None:
        if self.chat is not None:
            self.chats.update_chat(self.chat.id, model=entry_id)
        self._load(entry_id)

    def select_prompt(self, prompt_id: str | None) -> None:
        if self.chat is not None:
            self.chats.update_chat(self.chat.id, prompt_id=prompt_id, system_prompt=None)

    def select_few_shot(self, template_id: str | None) -> None:
        if self.chat is not None:
            options = self.chat_options().model_copy(update={"few_shot": template_id or None})
            self.chats.update_chat(self.chat.id, settings=options.to_settings(self.chat.settings))

    def set_system_prompt(self, text: str | None) -> None:
        if self.chat is not None:
            self.chats.update_chat(self.chat.id, system_prompt=text)

    def select_documents(self, collection_ids: list[int]) -> None:
        """The collections the open chat answers from (ids; names kept for before they load)."""
        if self.documents is None:
            return
        names = {c.id: c.name for c in self.documents.collections}
        chosen = tuple(DocumentRef(id=i, name=names.get(i, "")) for i in collection_ids)
        if self.chat is None:  # a new chat that starts with these documents
            self.chats.create_chat(
                lambda chat: self.open_chat(chat.id),
                model=self.engine.loaded_id,
                prompt_id=self._default_prompt(),
                settings=self._new_options.model_copy(update={"documents": chosen}).to_settings(),
            )
            return
        options = self.chat_options().model_copy(update={"documents": chosen})
        self.chats.update_chat(self.chat.id, settings=options.to_settings(self.chat.settings))

    def use_whole(self, source: dict[str, Any], on: bool) -> None:
        """Give the open chat this source's whole file from the next question on (or stop).
        The collection is remembered by id as well as name, so a rename keeps the choice."""
        if self.chat is None:
            return
        name, path = str(source.get("collection")), str(source.get("path"))
        ids = {c.name: c.id for c in self.documents.collections} if self.documents else {}
        cid = ids.get(name)
        options = self.chat_options()
        whole = [
            w
            for w in options.whole
            if w.path != path or (w.collection != name and (cid is None or w.id != cid))
        ]
        if on:
            whole.append(WholeFile(collection=name, path=path, id=cid or None))
        options = options.model_copy(update={"whole": tuple(whole)})
        self.chats.update_chat(self.chat.id, settings=options.to_settings(self.chat.settings))

    def chat_options(self) -> ChatOptions:
        """The open chat's own options (with no chat open: those the next new chat gets)."""
        if self.chat is None:
            return self._new_options
        return ChatOptions.from_settings(self.chat.settings)

    def set_think(self, on: bool) -> None:
        """The open chat's Think switch (with no chat open: the next new chat's)."""
        if self.chat is None:
            self._new_options = self._new_options.model_copy(update={"think": on})
            return
        options = self.chat_options().model_copy(update={"think": on})
        settings = options.to_settings(self.chat.settings)
        self.chat = dataclasses.replace(self.chat, settings=settings)  # the next send uses it
        self.chats.update_chat(self.chat.id, settings=settings)

    def fallback_for(self, model_id: str | None) -> str | None:
        """The fallback chat template the user picked for this model (None: its own)."""
        return self.settings.fallback_templates.get(model_id or "")

    def set_fallback_template(self, model_id: str, name: str | None) -> None:
        """Chat with `model_id` through the fallback template `name` (None: the model's own
        template again). The choice is saved; the model loads again with it when it is the
        one in use or the one that just failed to load."""
        if not model_id or self.fallback_for(model_id) == name:
            return
        self.settings = self.settings.with_fallback(model_id, name)
        path, settings = self.services.paths.settings_file, self.settings
        self._io.call(lambda: save_settings(path, settings), None, self._on_io_failed)
        if model_id in (self.engine.loaded_id, self._asked):
            if self.engine.state == "generating":  # not in the middle of an answer
                self._reload_after = model_id
                return
            self._loading = model_id
            self._load(model_id)

    def _reload_if_asked(self) -> None:
        """Load the model again with the fallback picked while an answer was written."""
        model, self._reload_after = self._reload_after, None
        if model is not None and model in (self.engine.loaded_id, self._asked):
            self._loading = model
            self._load(model)

    def chat_documents(self) -> list[int]:
        """The ids of the collections the open chat answers from."""
        return self.chat_options().document_ids

    def _collections(self) -> Collections | None:
        documents = self.documents
        if documents is None:
            return None
        # current names once listed (a collection may have been renamed or removed)
        names = {c.id: c.name for c in documents.collections} if documents.listed else None
        return Collections(documents.client, names)

    def set_chat_sampling(self, sampling: SamplingSettings | None) -> None:
        """Give the open chat its own sampling settings (None: back to the defaults)."""
        if self.chat is not None:
            options = self.chat_options().with_sampling(sampling)
            self.chats.update_chat(self.chat.id, settings=options.to_settings(self.chat.settings))

    def chat_sampling(self) -> SamplingSettings:
        """The sampling the open chat uses: its own overrides on top of the defaults."""
        return self.chat_options().sampling_over(self.settings.sampling)

    def chat_setup(self) -> ChatSetup:
        return setup_for(
            self.chat,
            self.settings,
            self.templates,
            model_id=self.engine.loaded_id or "",
            completion=self.completion_mode,
            collections=self._collections(),
        )

    # -- settings and prompt library ---------------------------------------------------

    def save_settings(self, settings: Settings) -> None:
        reload = settings.engine != self.settings.engine
        self.settings = settings
        path = self.services.paths.settings_file
        self._io.call(lambda: save_settings(path, settings), None, self._on_io_failed)
        self.settings_changed.emit(settings)
        if reload and self.engine.loaded_id:
            self._load(self.engine.loaded_id)

    def save_prompt(self, template: PromptTemplate) -> None:
        prompts = self.services.prompts
        self._io.call(
            lambda: prompts.save(template), lambda _: self.refresh_prompts(), self._on_io_failed
        )

    def delete_prompt(self, template_id: str) -> None:
        prompts = self.services.prompts
        self._io.call(
            lambda: prompts.delete(template_id),
            lambda _: self.refresh_prompts(),
            self._on_io_failed,
        )

    # -- helpers -----------------------------------------------------------------------

    def _send_in(self, chat: Chat, text: str) -> None:
        if self.chat is None or self.chat.id != chat.id:
            self.chat, self.messages = chat, []
        self.turn_started.emit([*self.messages, _pending_user(chat.id, text)], "")
        self.engine.send(self._conversation(chat), text)
        if self.settings.last_chat != chat.id:
            self._remember_last_chat(chat.id)

    def _answer_in(self, chat: Chat, text: str) -> None:
        """Answer the first message of a chat just started with it."""
        self.chat, self.messages = chat, []
        self.turn_started.emit([_pending_user(chat.id, text)], "")
        self.engine.answer(self._conversation(chat))
        if self.settings.last_chat != chat.id:
            self._remember_last_chat(chat.id)

    def _on_start_failed(self, error: object) -> None:
        draft, self._draft = self._draft, None
        self.error_raised.emit(message_of(error) if isinstance(error, BaseException) else error)
        if draft is not None:
            self.draft_returned.emit(draft)

    def _conversation(self, chat: Chat) -> Conversation:
        store = self.chats.store
        assert store is not None  # a chat exists, so the store is open
        return Conversation(store, self.engine.engine, chat.id, self.chat_setup())

    def _can_generate(self) -> bool:
        if self.waits_for_model:  # the answer would be stored under the model going away
            self.error_raised.emit(STILL_LOADING())
            return False
        if self.engine.loaded is None:
            self.error_raised.emit(NO_MODEL())
            return False
        return self.chats.store is not None

    def _default_prompt(self) -> str | None:
        """The default prompt, in its version for the UI's language where it has one (before
        the library is read: the one the settings name)."""
        if not self.templates:
            return self.settings.default_prompt or None
        chosen = version_for(self.settings.default_prompt, i18n.current_language(), self.templates)
        return chosen.id if chosen is not None else None

    def default_prompt_id(self) -> str | None:
        """The prompt a new chat gets."""
        return self._default_prompt()

    def _load(self, entry_id: str) -> None:
        entry = next((e for e in self.entries if e.id == entry_id), None)
        if entry is None or entry.info is None:
            reason: Msg | str = (entry.problem or "") if entry is not None else NOT_IN_LIBRARY()
            self.error_raised.emit(CANNOT_USE(model=entry_id, reason=reason))
            return
        self._asked = entry_id
        fallback = self.fallback_for(entry_id)
        self.engine.load(
            entry_id, load_spec_for(entry.path, self.settings, fallback_template=fallback)
        )

    def _wanted_model(self) -> str | None:
        usable = [e for e in self.entries if e.usable]
        ids = {e.id for e in usable}
        if self.chat is not None and self.chat.model in ids:
            return self.chat.model
        if self.engine.loaded_id in ids:
            return self.engine.loaded_id
        entry = pick_default(self.entries, self.settings.default_model)
        return entry.id if entry is not None else None

    def _ensure_model(self) -> None:
        wanted = self._wanted_model()
        if wanted is None or (self.engine.state == "loading" and self._loading == wanted):
            return
        if wanted != self.engine.loaded_id:
            self._loading = wanted
            self._load(wanted)

    # -- slots -------------------------------------------------------------------------

    def _on_chats_store_opened(self, trouble: Msg | str) -> None:
        if trouble and str(trouble):  # "" (or an empty Msg): the store opened cleanly
            self.error_raised.emit(trouble)

    def _on_chats_listed(self, chats: list[Chat]) -> None:
        if not self._started:
            self._started = True
            last = next((c for c in chats if c.id == self.settings.last_chat), None)
            if last is not None:
                self.open_chat(last.id)
            elif self.entries:
                self._ensure_model()

    def _on_chats_chat_opened(self, chat: Chat, messages: list[StoredMessage]) -> None:
        self._give_back_queued(chat.id)
        self._new_options = ChatOptions()  # they went to the chat started with them
        self.chat, self.messages = chat, messages
        self.chat_changed.emit(chat, messages)
        if self.settings.last_chat != chat.id:
            self._remember_last_chat(chat.id)
        if self.entries:
            self._ensure_model()

    def _give_back_queued(self, chat_id: int) -> None:
        """Another chat opens while a message waits for its model: the message goes back to
        the message box rather than into a chat it was not written for."""
        if self._queued is not None and self._queued[0] != chat_id:
            _, text = self._queued
            self._queued = None
            self.draft_returned.emit(text)

    def _on_chats_chat_updated(self, chat: Chat) -> None:
        if self.chat is not None and chat.id == self.chat.id:
            self.chat = chat

    def _on_engine_generation_ended(self, _rid: int, _result: Any) -> None:
        self._draft = None
        self._reload_if_asked()
        if self.chat is not None:
            self.open_chat(self.chat.id)
        self.chats.refresh()

    def _offer_fallback(self, message: Msg | str, loading: bool = False) -> None:
        """The model's own chat template failed (`loading`: as it loaded): say which model
        may take a fallback."""
        model = self.engine.failed_id if loading else self.engine.loaded_id
        if isinstance(message, Msg) and message.id in TEMPLATE_TROUBLE and model:
            self.fallback_wanted.emit(model)

    def _on_engine_generation_failed(self, _rid: int, message: Msg | str) -> None:
        self.error_raised.emit(message)
        self._offer_fallback(message)
        self._reload_if_asked()
        draft, self._draft = self._draft, None
        store, chat = self.chats.store, self.chat
        if chat is None or store is None:
            return
        self.open_chat(chat.id)
        self.chats.refresh()
        if draft is not None:
            self._io.call(
                lambda: any(
                    m.role == "user" and m.content == draft for m in store.messages(chat.id)
                ),
                lambda kept: None if kept else self.draft_returned.emit(draft),
                lambda _: self.draft_returned.emit(draft),
            )

    def _on_engine_model_loaded(self, _loaded: object) -> None:
        queued, self._queued = self._queued, None
        if queued is not None and not self.send(queued[1]):
            self.draft_returned.emit(queued[1])

    def _on_engine_state_changed(self, state: str) -> None:
        """No model came (none to load, or the load failed): the waiting message goes back."""
        queued = self._queued
        known = self._started and self._library_read
        coming = state == "idle" and (not known or self._wanted_model() is not None)
        if queued is not None and state in ("idle", "failed") and not coming:
            self._queued = None
            self.chat_changed.emit(self.chat, self.messages)  # the waiting preview goes
            self.draft_returned.emit(queued[1])
            if state == "idle":
                self.error_raised.emit(NO_MODEL())

    def _on_library_read(self, entries: list[LibraryEntry]) -> None:
        self.entries, self._library_read = entries, True
        self.library_changed.emit(entries)
        if self._started:
            self._ensure_model()

    def _on_prompts_read(self, templates: list[PromptTemplate]) -> None:
        self.templates = templates
        self.prompts_changed.emit(templates)

    def _on_io_failed(self, error: object) -> None:
        self.error_raised.emit(message_of(error) if isinstance(error, BaseException) else error)

    def _remember_last_chat(self, chat_id: int) -> None:
        self.settings = self.settings.model_copy(update={"last_chat": chat_id})
        path, settings = self.services.paths.settings_file, self.settings
        self._io.call(lambda: save_settings(path, settings), None, self._on_io_failed)


def _pending_user(chat_id: int, text: str) -> StoredMessage:
    """The user's message as shown before it is stored (id 0)."""
    return StoredMessage(0, chat_id, "user", text, "complete", time.time())
