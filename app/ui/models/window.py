"""The Models window: Discover, Downloads and My models as tabs, joined to the controllers.

Every slot is a line or two: the pages show, the controllers work, the session keeps the
library and opens chats. Dropping .gguf files anywhere on the window imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.models.download import EMBEDDING, DownloadJob
from app.core.models.embeddings import EmbeddingListing
from app.core.models.library import LibraryEntry
from app.core.models.quants import QuantChoice
from app.core.text import Msg
from app.ui.models.discover import DiscoverPage
from app.ui.models.downloads import DownloadsPage
from app.ui.models.embeddings import EmbeddingsPage
from app.ui.models.library import LibraryPage
from app.ui.placement import place
from app.ui.status import ErrorBanner
from app.workers import i18n
from app.workers.models import ModelControllers
from app.workers.session import ChatSession

SIZE = QSize(1100, 700)  # what the window would like; `place` keeps it within the screen


class ModelsWindow(QWidget):
    """Find, download, import and remove models; start a chat with one."""

    def __init__(
        self, controllers: ModelControllers, session: ChatSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("modelsWindow")
        self.controllers = controllers
        self.session = session
        self.token_dialog: QInputDialog | None = None
        self._token_stored = False
        self._banner_text: Callable[[], str] | None = None  # said again on a language switch
        self._chat_after_refresh: Path | None = None
        self.discover = DiscoverPage(session.settings.engine.context_length)
        self.downloads = DownloadsPage()
        self.library = LibraryPage()
        self.embeddings = EmbeddingsPage()
        self.banner = ErrorBanner()
        self.tabs = QTabWidget()
        for page in (self.discover, self.downloads, self.library, self.embeddings):
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        self.setAcceptDrops(True)
        self.resize(SIZE)
        self._placed = False
        self._connect()
        QShortcut(QKeySequence.StandardKey.Close, self).activated.connect(self.close)
        self.retranslate()
        self.library.show_entries(session.entries)
        self.controllers.hub.detect_hardware()
        self.controllers.hub.check_token()
        self.controllers.downloads.restore()
        self.controllers.library.list_embedders()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Models · Hearth"))
        self.tabs.setTabText(0, self.tr("Discover"))
        self.tabs.setTabText(2, self.tr("My models"))
        self.tabs.setTabText(3, self.tr("Embedding models"))
        self._update_downloads_tab()
        for page in (self.discover, self.downloads, self.library, self.embeddings):
            page.retranslate()
        self._on_hub_token_checked(self._token_stored)
        if self.token_dialog is not None:
            self._token_dialog_texts(self.token_dialog)
        if self._banner_text is not None and not self.banner.isHidden():
            self.banner.show_message(self._banner_text())

    def show_error(self, message: Msg | str) -> None:
        """A core message in the banner, in the user's language (and again after a switch)."""
        self._show_banner(lambda: i18n.say(message))

    def _show_banner(self, make: Callable[[], str]) -> None:
        self._banner_text = make
        self.banner.show_message(make())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Opened the first time: centred on the main window, whole on its screen (later
        openings keep where the user put it)."""
        if not self._placed:
            self._placed = True
            place(self, self.parentWidget(), SIZE)
        super().showEvent(event)

    def search(self, query: str = "", sort: str = "downloads") -> None:
        self.discover.show_searching(query)
        self.controllers.hub.search(query, sort)

    # -- wiring ------------------------------------------------------------------------

    def _connect(self) -> None:
        hub, downloads, library = (
            self.controllers.hub,
            self.controllers.downloads,
            self.controllers.library,
        )
        d = self.discover
        d.search_requested.connect(self.search)
        d.repo_selected.connect(hub.open_repo)
        d.download_requested.connect(self._on_discover_download_requested)
        d.token_requested.connect(self.ask_token)
        hub.search_finished.connect(d.show_results)
        hub.search_failed.connect(lambda _q, message: d.show_search_failed(message))
        hub.listing_ready.connect(d.show_listing)
        hub.listing_failed.connect(d.show_listing_failed)
        hub.dims_ready.connect(d.show_dims)
        hub.hardware_ready.connect(d.set_hardware)
        hub.token_checked.connect(self._on_hub_token_checked)
        downloads.item_changed.connect(self._on_downloads_item_changed)
        downloads.item_removed.connect(self._on_downloads_item_removed)
        downloads.model_installed.connect(self._on_downloads_model_installed)
        self.downloads.action_requested.connect(self._on_download_action)
        self.library.chat_requested.connect(self._chat_with)
        self.library.import_requested.connect(library.import_files)
        self.library.remove_requested.connect(library.remove)
        self.library.open_folder_requested.connect(self._open_models_folder)
        library.changed.connect(self.session.refresh_library)
        library.failed.connect(self.show_error)
        library.imported.connect(self._on_library_imported)
        self.session.library_changed.connect(self._on_session_library_changed)
        e = self.embeddings
        e.search_requested.connect(hub.search_embedders)
        e.listing_requested.connect(hub.open_embedder)
        e.download_requested.connect(self._on_embeddings_download_requested)
        e.remove_requested.connect(self._on_embeddings_remove_requested)
        hub.embedders_found.connect(e.show_found)
        hub.embedders_failed.connect(lambda _q, message: e.show_search_failed(message))
        hub.embedder_listing_ready.connect(e.show_listing)
        hub.embedder_listing_failed.connect(e.show_listing_failed)
        library.embedders_listed.connect(e.show_installed)
        library.embedder_removed.connect(self._on_library_embedder_removed)
        if hub.hardware is not None:
            d.set_hardware(hub.hardware)
        for key in downloads.items:
            self._on_downloads_item_changed(key)

    # -- token -------------------------------------------------------------------------

    def ask_token(self) -> QInputDialog:
        dialog = QInputDialog(self)
        self._token_dialog_texts(dialog)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(self.controllers.hub.save_token)
        self.token_dialog = dialog
        dialog.open()
        return dialog

    def _token_dialog_texts(self, dialog: QInputDialog) -> None:
        dialog.setWindowTitle(self.tr("Hugging Face token"))
        dialog.setLabelText(
            self.tr(
                "Gated models need an access token from huggingface.co → Settings → Access "
                "Tokens (read access is enough).\nIt is stored in a file only you can read. "
                "Leave it empty to remove the stored token."
            )
        )

    def _on_hub_token_checked(self, stored: bool) -> None:
        self._token_stored = stored
        self.discover.token_button.setText(self.tr("Token ✓") if stored else self.tr("Token…"))

    # -- slots -------------------------------------------------------------------------

    def _on_discover_download_requested(self, choice: QuantChoice) -> None:
        listing = self.discover.listing  # the repo on show, whose quant was picked
        if listing is None:
            return
        models_dir = self.session.services.paths.models
        job = DownloadJob(listing.summary.repo_id, listing.revision, choice.files, models_dir)
        self.controllers.downloads.add(job)
        self.tabs.setCurrentWidget(self.downloads)

    def _on_embeddings_download_requested(self, listing: EmbeddingListing) -> None:
        models_dir = self.session.services.paths.models
        job = DownloadJob(listing.repo_id, listing.revision, listing.files, models_dir, EMBEDDING)
        self.controllers.downloads.add(job)
        self.tabs.setCurrentWidget(self.downloads)

    def _on_embeddings_remove_requested(self, name: str) -> None:
        if self.confirm_remove_embedder(name):
            self.controllers.library.remove_embedder(name)

    def confirm_remove_embedder(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Remove embedding model"),
            self.tr(
                "Remove {0} from this computer?\n\nCollections that use it cannot be searched "
                "or indexed until you download it again or choose another model for them in "
                "Documents."
            ).format(name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_library_embedder_removed(self, name: str) -> None:
        self.embeddings.show_removed(name)

    def _on_downloads_model_installed(self, key: str) -> None:
        item = self.controllers.downloads.items.get(key)
        if item is not None and item.job.kind == EMBEDDING:
            self.controllers.library.list_embedders()
        else:
            self.session.refresh_library()

    def _on_downloads_item_changed(self, key: str) -> None:
        item = self.controllers.downloads.items.get(key)
        if item is not None:
            self.downloads.show_item(item)
        self._update_downloads_tab()
        self._update_embeddings_downloading()

    def _on_downloads_item_removed(self, key: str) -> None:
        self.downloads.remove_item(key)
        self._update_downloads_tab()
        self._update_embeddings_downloading()

    def _update_embeddings_downloading(self) -> None:
        repos = {
            item.job.repo_id
            for item in self.controllers.downloads.items.values()
            if item.job.kind == EMBEDDING and item.state != "done"
        }
        if repos != self.embeddings.downloading:
            self.embeddings.set_downloading(repos)

    def _on_download_action(self, key: str, action: str) -> None:
        downloads = self.controllers.downloads
        if action == "chat":
            item = downloads.items.get(key)
            if item is not None and item.path is not None:
                self._chat_with_file(item.path)
            return
        {
            "pause": downloads.pause,
            "resume": downloads.resume,
            "cancel": downloads.cancel,
            "clear": downloads.clear,
        }[action](key)

    def _on_library_imported(self, name: str, target: str) -> None:
        self.tabs.setCurrentWidget(self.library)
        self.library.show_notice(lambda: self.tr("Imported {0} → {1}").format(name, target))

    def _on_session_library_changed(self, entries: list[LibraryEntry]) -> None:
        self.library.show_entries(entries)
        wanted, self._chat_after_refresh = self._chat_after_refresh, None
        if wanted is not None:
            self._chat_with_file(wanted, refresh=False)

    def _chat_with_file(self, path: Path, refresh: bool = True) -> None:
        """Start a chat with the model at `path`; read the library first if it is not there."""
        entry = next((e for e in self.session.entries if e.path == path), None)
        if entry is not None:
            self._chat_with(entry.id)
        elif refresh:
            self._chat_after_refresh = path
            self.session.refresh_library()
        else:
            self._show_banner(lambda: self.tr("{0} is not in the library.").format(path.name))

    def _chat_with(self, entry_id: str) -> None:
        self.session.chat_with(entry_id)
        parent = self.parentWidget()
        if parent is not None:
            parent.raise_()
            parent.activateWindow()

    def _open_models_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.services.paths.models)))

    def _update_downloads_tab(self) -> None:
        active = self.downloads.active_count()
        text = self.tr("Downloads ({0})").format(active) if active else self.tr("Downloads")
        self.tabs.setTabText(1, text)

    # -- drag and drop -----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _gguf_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _gguf_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.tabs.setCurrentWidget(self.library)
            n = len(paths)
            self.library.show_notice(lambda: self.tr("Importing {0} file(s)…").format(n))
            self.controllers.library.import_files(paths)


def _gguf_paths(urls: list[QUrl]) -> list[Path]:
    return [
        Path(u.toLocalFile())
        for u in urls
        if u.isLocalFile() and u.toLocalFile().lower().endswith(".gguf")
    ]
