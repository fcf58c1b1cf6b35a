"""Export and import from the window: the file dialogs, and telling the user how it went.

The work itself runs in `ChatTransfer` (workers); this module only asks where, and reports:
success in the status bar, chats left out or skipped (each named) and failures in the banner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from app.core.chats.transfer import ExportOutcome, ImportOutcome, suggested_name
from app.ui.pdf import write_pdf
from app.ui.status import ErrorBanner
from app.workers.chats import ChatsController
from app.workers.transfer import ChatTransfer

STATUS_MS = 8000
MAX_LISTED = 5  # problems named one by one in the banner; the rest are counted


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
        self.transfer.exported.connect(self._on_transfer_exported)
        self.transfer.imported.connect(self._on_transfer_imported)
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
        self._status.showMessage(self.tr("Exporting to {0}…").format(path.name))
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
        self._status.showMessage(self.tr("Importing {0}…").format(path.name))
        self.transfer.import_file(path)

    def shutdown(self) -> None:
        self.transfer.shutdown()

    # -- outcomes ----------------------------------------------------------------------

    def _on_transfer_exported(self, outcome: ExportOutcome) -> None:
        if outcome.exported == 1:
            done = self.tr("Exported 1 chat to {0}").format(outcome.path)
        else:
            done = self.tr("Exported {0} chats to {1}").format(outcome.exported, outcome.path)
        self._status.showMessage(done, STATUS_MS)
        if outcome.problems:
            self._banner.show_message(
                self.tr("{0}, but not every chat:").format(done) + self._listing(outcome.problems)
            )

    def _on_transfer_imported(self, outcome: ImportOutcome) -> None:
        count = len(outcome.added)
        if count == 1:
            done = self.tr("Imported 1 chat from {0}").format(outcome.source)
        else:
            done = self.tr("Imported {0} chats from {1}").format(count, outcome.source)
        self._status.showMessage(done, STATUS_MS)
        if outcome.skipped:
            self._banner.show_message(
                self.tr("{0}; some were skipped:").format(done) + self._listing(outcome.skipped)
            )

    def _on_transfer_failed(self, message: str) -> None:
        self._status.clearMessage()
        self._banner.show_message(message)

    def _listing(self, problems: list[str]) -> str:
        lines = [f"\n• {p}" for p in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            lines.append("\n" + self.tr("…and {0} more.").format(len(problems) - MAX_LISTED))
        return "".join(lines)
