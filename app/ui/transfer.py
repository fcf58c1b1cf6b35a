"""Export and import from the window: the file dialogs, and telling the user how it went.

The work itself runs in `ChatTransfer` (workers); this module only asks where, and reports:
success in the status bar, chats left out or skipped (each named) and failures in the banner.
What it reports is a `Msg`, so the status bar and the banner write it again in a new language
on a live switch. A banner it put up goes away once a later export or import succeeds. A file
imported before is imported again only when the user says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

from app.core.chats.importing import ImportResult
from app.core.chats.transfer import ExportOutcome, ImportOutcome, suggested_name
from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase
from app.ui.pdf import write_pdf
from app.ui.status import ErrorBanner, StatusPanel
from app.workers import i18n
from app.workers.chats import ChatsController
from app.workers.transfer import ChatTransfer

STATUS_MS = 8000
MAX_LISTED = 5  # problems named one by one in the banner; the rest are counted

EXPORTING = Phrase("ui.transfer.exporting", QT_TRANSLATE_NOOP("Messages", "Exporting to {name}…"))
IMPORTING = Phrase("ui.transfer.importing", QT_TRANSLATE_NOOP("Messages", "Importing {name}…"))
EXPORTED = Phrase(
    "ui.transfer.exported",
    QT_TRANSLATE_NOOP("Messages", "Exported {n} chat to {path}"),
    QT_TRANSLATE_NOOP("Messages", "Exported {n} chats to {path}"),
)
IMPORTED = Phrase(
    "ui.transfer.imported",
    QT_TRANSLATE_NOOP("Messages", "Imported {n} chat from {source}"),
    QT_TRANSLATE_NOOP("Messages", "Imported {n} chats from {source}"),
)
NOT_EVERY_CHAT = Phrase(
    "ui.transfer.not-every-chat", QT_TRANSLATE_NOOP("Messages", "{done}, but not every chat:")
)
SOME_SKIPPED = Phrase(
    "ui.transfer.some-skipped", QT_TRANSLATE_NOOP("Messages", "{done}; some were skipped:")
)
LISTED = Phrase("ui.transfer.listed", QT_TRANSLATE_NOOP("Messages", "{text}\n• {item}"))
AND_MORE = Phrase("ui.transfer.and-more", QT_TRANSLATE_NOOP("Messages", "{text}\n…and {n} more."))
NOT_AGAIN = Phrase(
    "ui.transfer.not-again",
    QT_TRANSLATE_NOOP("Messages", "{file} was not imported again."),
)


class TransferUi(QObject):
    """Export and import for the main window. Signals: none (it reports to the status bar and
    the banner it is given)."""

    def __init__(
        self,
        chats: ChatsController,
        window: QWidget,
        status: QStatusBar,
        banner: ErrorBanner,
    ) -> None:
        super().__init__(window)
        self.transfer = ChatTransfer(chats, write_pdf, self)
        self._window = window
        self._status = status
        self._banner = banner
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.folder = Path(documents) if documents else Path.home()
        self.fmt = "md"
        self._shown: Msg | None = None  # what this put in the banner
        self.transfer.exported.connect(self._on_transfer_exported)
        self.transfer.imported.connect(self._on_transfer_imported)
        self.transfer.already_imported.connect(self._on_transfer_already_imported)
        self.transfer.failed.connect(self._on_transfer_failed)

    def formats(self) -> list[tuple[str, str]]:
        """(format, file-dialog filter), in the order the dialog lists them."""
        return [
            ("md", self.tr("Markdown (*.md)")),
            ("html", self.tr("Web page, opens in any browser (*.html)")),
            ("pdf", self.tr("PDF document (*.pdf)")),
            ("json", self.tr("Hearth JSON, can be imported again (*.json)")),
            ("jsonl", self.tr("Fine-tuning data, JSONL chat messages (*.jsonl)")),
        ]

    def export(self, chat_ids: list[int] | None, title: str) -> None:
        """Ask where to write, then export these chats (None: all). `title` names the file."""
        chosen = self.ask_export_path(title)
        if chosen is None:
            return
        path, fmt = chosen
        self.folder, self.fmt = path.parent, fmt
        self._note(EXPORTING(name=path.name), 0)
        self.transfer.export(chat_ids, fmt, path)

    def ask_export_path(self, title: str) -> tuple[Path, str] | None:
        formats = self.formats()
        filters = dict(formats)
        name = suggested_name(title, self.fmt)
        text, chosen_filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export chats"),
            str(self.folder / name),
            ";;".join(f for _, f in formats),
            filters[self.fmt],
        )
        if not text:
            return None
        fmt = next((k for k, f in formats if f == chosen_filter), None)
        path = Path(text)
        suffix = path.suffix.lower().lstrip(".")
        if suffix in filters:
            fmt = suffix  # a typed extension wins over the filter
        fmt = fmt or self.fmt
        if suffix != fmt:
            path = path.with_name(f"{path.name}.{fmt}")
        return path, fmt

    def import_chats(self) -> None:
        text, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import chats"),
            str(self.folder),
            self.tr("Chat exports: Hearth JSON or ChatGPT's conversations.json (*.json)")
            + ";;"
            + self.tr("All files (*)"),
        )
        if not text:
            return
        path = Path(text)
        self.folder = path.parent
        self._note(IMPORTING(name=path.name), 0)
        self.transfer.import_file(path)

    def shutdown(self) -> None:
        self.transfer.shutdown()

    # -- outcomes ----------------------------------------------------------------------

    def _on_transfer_exported(self, outcome: ExportOutcome) -> None:
        done = EXPORTED(n=outcome.exported, path=str(outcome.path))
        self._note(done, STATUS_MS)
        self._report(NOT_EVERY_CHAT(done=done), outcome.problems)

    def _on_transfer_imported(self, outcome: ImportOutcome) -> None:
        done = IMPORTED(n=len(outcome.added), source=outcome.source)
        self._note(done, STATUS_MS)
        self._report(SOME_SKIPPED(done=done), outcome.skipped)

    def _on_transfer_already_imported(self, result: ImportResult, message: Msg) -> None:
        self._status.clearMessage()
        if self.ask_import_again(message):
            self._note(IMPORTING(name=result.file), 0)
            self.transfer.import_again(result)
        else:  # the user's answer settles this import: an older failure is out of date
            self._note(NOT_AGAIN(file=result.file), STATUS_MS)
            self._clear_shown()

    def ask_import_again(self, message: Msg) -> bool:
        """Whether to import a file again: `message` says when it was imported before."""
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import this file again?"))
        box.setText(i18n.say(message))
        again = box.addButton(self.tr("Import again"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is again

    def _on_transfer_failed(self, message: Msg | str) -> None:
        self._status.clearMessage()
        self._show(message if isinstance(message, Msg) else Msg.plain(message))

    def _report(self, head: Msg, problems: list[Msg]) -> None:
        """The chats left out or skipped, in the banner; with none, an earlier failure this
        put there is gone (its cause is)."""
        if problems:
            self._show(listing(head, problems))
        else:
            self._clear_shown()

    def _clear_shown(self) -> None:
        """Hide the banner when it still shows what this put there (not a later message)."""
        if self._shown is not None and self._banner.message is self._shown:
            self._banner.hide()
        self._shown = None

    def _show(self, message: Msg) -> None:
        self._shown = message
        self._banner.show_message(message)

    def _note(self, message: Msg, timeout_ms: int) -> None:
        if isinstance(self._status, StatusPanel):
            self._status.show_note(message, timeout_ms)  # written again on a language switch
        else:
            self._status.showMessage(i18n.say(message), timeout_ms)


def listing(head: Msg, problems: list[Msg]) -> Msg:
    """`head`, then the first problems one to a line, and how many more there are."""
    message = head
    for problem in problems[:MAX_LISTED]:
        message = LISTED(text=message, item=problem)
    if len(problems) > MAX_LISTED:
        message = AND_MORE(text=message, n=len(problems) - MAX_LISTED)
    return message
