"""Export and import of chats for the window, never on the GUI thread.

Reading the chats to export and adding imported ones run on the store thread, in order with
every other store operation. Rendering, drawing the PDF, writing the file and reading an import
file run on a thread of their own, so a large export holds up neither the window nor the saving
of an answer being written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from app.core.chats.export import ChatExport
from app.core.chats.importing import ImportResult
from app.core.chats.store import ChatStore
from app.core.chats.transfer import (
    ImportOutcome,
    PdfWriter,
    export_chats,
    gather,
    read_import_file,
    store_imports,
)
from app.core.errors import AlreadyImported, message_of
from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase
from app.workers.chats import ChatsController
from app.workers.executor import Executor

T = TypeVar("T")
NOT_OPEN = Phrase(
    "chats.transfer.not-open",
    QT_TRANSLATE_NOOP("Messages", "The chats are not open yet; try again in a moment."),
)


class ChatTransfer(QObject):
    """Signals:
    exported(object): an `ExportOutcome` (with the chats left out, if any, named).
    imported(object): an `ImportOutcome`; the chat list is refreshed too.
    already_imported(object, object): the `ImportResult` of a file imported before, and a
        `Msg` saying when; nothing was added. `import_again(result)` adds it all the same.
    failed(object): nothing was written or added; a `Msg` for the user.
    """

    exported = Signal(object)
    imported = Signal(object)
    already_imported = Signal(object, object)
    failed = Signal(object)

    def __init__(
        self, chats: ChatsController, pdf: PdfWriter | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._chats = chats
        self._pdf = pdf
        self._executor = Executor("hearth-transfer", self)

    def export(self, chat_ids: list[int] | None, fmt: str, path: Path) -> None:
        """Export these chats (None: every chat) as `fmt` to `path`."""

        def write(gathered: tuple[list[ChatExport], list[Msg]]) -> None:
            chats, problems = gathered
            self._executor.call(
                lambda: export_chats(chats, fmt, path, problems, self._pdf),
                self.exported.emit,
                self._on_failed,
            )

        hidden = self._chats.hidden()
        self._on_store(lambda store: gather(store, chat_ids, hidden), write)

    def import_file(self, path: Path) -> None:
        """Add the chats in a Hearth JSON export or ChatGPT's conversations.json; a file
        imported before is not added but told by `already_imported`."""

        def add(result: ImportResult) -> None:
            hidden = self._chats.hidden()
            self._on_store(
                lambda store: store_imports(store, result, hidden=hidden),
                self._on_stored,
                lambda error: self._on_refused(result, error),
            )

        self._executor.call(lambda: read_import_file(path), add, self._on_failed)

    def import_again(self, result: ImportResult) -> None:
        """Add the chats of a file imported before (the user said so)."""
        self._on_store(lambda store: store_imports(store, result, again=True), self._on_stored)

    def shutdown(self) -> None:
        """Finish an export being written (a file is never left half-done), then stop."""
        self._executor.shutdown()

    # -- internals ---------------------------------------------------------------------

    def _on_store(
        self,
        job: Callable[[ChatStore], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[object], None] | None = None,
    ) -> None:
        if not self._chats.run(job, on_done, on_failed or self._on_failed):
            self.failed.emit(NOT_OPEN())

    def _on_stored(self, outcome: ImportOutcome) -> None:
        self._chats.refresh()
        self.imported.emit(outcome)

    def _on_refused(self, result: ImportResult, error: object) -> None:
        if isinstance(error, AlreadyImported):
            self.already_imported.emit(result, error.msg)
        else:
            self._on_failed(error)

    def _on_failed(self, error: object) -> None:
        message = message_of(error) if isinstance(error, BaseException) else Msg.plain(str(error))
        self.failed.emit(message)
