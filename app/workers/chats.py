"""The chat database, driven from the GUI thread: every query and write runs on the store thread.

Deleting a chat can be undone for a few seconds: the chat disappears from the list at once and
is removed from disk when the undo window closes (or when the app quits).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.chats.recovery import RecoveryNotice
from app.core.chats.salvage import salvage_all
from app.core.chats.store import Chat, ChatStore, StoredMessage
from app.core.conversation import start_chat
from app.core.errors import message_of
from app.core.text import Msg, together
from app.workers.executor import Executor

UNDO_MS = 8000


class ChatsController(QObject):
    """Owns the `ChatStore` and its thread.

    Signals:
        store_opened(object): the store is ready; a `Msg` saying why it is read-only, if it is
            (a full disk), else None.
        recovery_noticed(object, bool): the notice about damaged databases kept aside, a `Msg`
            (None when there is none left to show), and whether a salvage is still possible.
        chats_listed(list): every `Chat`, most recent first (chats pending deletion left out).
        chat_opened(object, list): a `Chat` and its `StoredMessage`s.
        chat_updated(object): a `Chat` after a rename or a settings change.
        chat_deleted(int, str): id and title of a chat deleted with undo possible.
        search_finished(str, list): a query and its `SearchHit`s.
        failed(object): a store operation failed; a `Msg` for the user (`i18n.say` shows it).
    """

    store_opened = Signal(object)
    recovery_noticed = Signal(object, bool)
    chats_listed = Signal(list)
    chat_opened = Signal(object, list)
    chat_updated = Signal(object)
    chat_deleted = Signal(int, str)
    search_finished = Signal(str, list)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store: ChatStore | None = None
        self._executor = Executor("hearth-store", self)
        self._doomed: dict[int, str] = {}
        self._shown: list[RecoveryNotice] = []
        self._deleting: set[int] = set()
        self._undo = QTimer(self)
        self._undo.setSingleShot(True)
        self._undo.setInterval(UNDO_MS)
        self._undo.timeout.connect(self.commit_deletes)

    def open(self, path: Path) -> None:
        """Open (checking, and recovering if needed) the database, then list the chats."""

        def opened(store: ChatStore) -> None:
            self.store = store
            self.store_opened.emit(store.trouble.msg if store.trouble else None)
            self._notices_read(store.notices)
            self.refresh()

        self._executor.call(lambda: ChatStore(path), opened, self._on_failed)

    def salvage(self) -> None:
        """Bring back what is readable from the damaged databases kept aside."""

        def salvaged(notices: list[RecoveryNotice]) -> None:
            self._notices_read(notices)
            self.refresh()

        def failed(error: object) -> None:  # say why, and offer the salvage again
            self._on_failed(error)
            self._notices_read(self._shown)

        self.run(salvage_all, salvaged, failed)

    def dismiss_notices(self) -> None:
        """Stop showing the notices on screen (one that arrived since stays)."""
        shown = list(self._shown)

        def dismiss(store: ChatStore) -> list[RecoveryNotice]:
            store.dismiss_notices(shown)
            return store.notices

        self.run(dismiss, self._notices_read)

    def _notices_read(self, notices: list[RecoveryNotice]) -> None:
        self._shown = list(notices)
        text: Msg | None = together([n.text() for n in notices]) if notices else None
        self.recovery_noticed.emit(text, any(not n.salvaged for n in notices))

    def refresh(self) -> None:
        self.run(lambda s: s.list_chats(), self._on_listed)

    def open_chat(self, chat_id: int) -> None:
        self.run(lambda s: (s.get_chat(chat_id), s.messages(chat_id)), self._on_opened)

    def create_chat(self, on_created: Callable[[Chat], None] | None = None, **fields: Any) -> None:
        def created(chat: Chat) -> None:
            if on_created is not None:
                on_created(chat)
            self.refresh()

        self.run(lambda s: s.create_chat(**fields), created)

    def start_chat(
        self,
        text: str,
        on_started: Callable[[Chat], None],
        on_error: Callable[[Any], None],
        **fields: Any,
    ) -> None:
        """A new chat and its first message in one write (a full disk leaves neither)."""

        def started(chat: Chat) -> None:
            on_started(chat)
            self.refresh()

        self.run(lambda s: start_chat(s, text, **fields), started, on_error)

    def show_version(self, chat_id: int, message_id: int) -> None:
        """Show this version of a message; the chat opens again as it now reads."""

        def show(store: ChatStore) -> tuple[Chat, list[StoredMessage]]:
            messages = store.show_version(chat_id, message_id)
            return store.get_chat(chat_id), messages

        self.run(show, self._on_opened)

    def reveal(self, chat_id: int, message_id: int) -> None:
        """Open a chat with this message shown (a search hit, maybe in another version)."""
        self.run(lambda s: (s.get_chat(chat_id), s.reveal(chat_id, message_id)), self._on_opened)

    def fork(self, chat_id: int, message_id: int, on_forked: Callable[[Chat], None]) -> None:
        """A new chat holding the conversation up to `message_id`."""

        def forked(chat: Chat) -> None:
            on_forked(chat)
            self.refresh()

        self.run(lambda s: s.fork(chat_id, message_id), forked)

    def update_chat(self, chat_id: int, **fields: Any) -> None:
        def updated(chat: Chat) -> None:
            self.chat_updated.emit(chat)
            self.refresh()

        self.run(lambda s: s.update_chat(chat_id, **fields), updated)

    def delete_chat(self, chat_id: int, title: str) -> None:
        """Hide the chat now; it is deleted for good when the undo window closes."""
        self.commit_deletes()
        self._doomed[chat_id] = title
        self._undo.start()
        self.chat_deleted.emit(chat_id, title)
        self.refresh()

    def undo_delete(self) -> None:
        self._undo.stop()
        self._doomed.clear()
        self.refresh()

    def commit_deletes(self) -> None:
        self._undo.stop()
        doomed, self._doomed = list(self._doomed), {}
        if doomed:
            self._deleting.update(doomed)
            self.run(lambda store: _delete_all(store, doomed), lambda _: self._deleting.clear())

    def hidden(self) -> set[int]:
        """Chats deleted with undo still possible, or being deleted: not shown, not exported."""
        return self._deleting.union(self._doomed)

    def search(self, query: str) -> None:
        self.run(lambda s: s.search(query), lambda hits: self.search_finished.emit(query, hits))

    def shutdown(self) -> None:
        """Finish queued writes (pending deletions included), then close the database."""
        self.commit_deletes()
        self._executor.shutdown()
        if self.store is not None:
            self.store.close()

    def run(
        self,
        job: Callable[[ChatStore], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Any], None] | None = None,
    ) -> bool:
        """Run `job(store)` on the store thread, in order with every other store operation.
        False when the store is not open (yet, or at all): before it opens, nothing is lost,
        since the first listing follows the opening anyway."""
        store = self.store
        if store is None:
            return False
        self._executor.call(lambda: job(store), on_done, on_error or self._on_failed)
        return True

    def _on_listed(self, chats: list[Chat]) -> None:
        hidden = self.hidden()
        self.chats_listed.emit([c for c in chats if c.id not in hidden])

    def _on_opened(self, loaded: tuple[Chat, list[StoredMessage]]) -> None:
        chat, messages = loaded
        self.chat_opened.emit(chat, messages)

    def _on_failed(self, error: object) -> None:
        self.failed.emit(_message(error))


def _message(error: object) -> Msg:
    """What to tell the user about an error from the store thread."""
    if isinstance(error, BaseException):
        return message_of(error)
    return error if isinstance(error, Msg) else Msg.plain(str(error))


def _delete_all(store: ChatStore, chat_ids: list[int]) -> None:
    for chat_id in chat_ids:
        store.delete_chat(chat_id)
