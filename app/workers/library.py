"""Import and remove local models, off the GUI thread (copying a model takes seconds)."""

from __future__ import annotations

from contextlib import suppress
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core.errors import HearthError, message_of
from app.core.models.embeddings import folder_size, remove_embedder
from app.core.models.library import LibraryEntry
from app.core.models.manage import import_model, remove_model
from app.core.models.model_info import ModelInfo
from app.core.rag.embedder import installed_embedders, resolve_embedder
from app.core.text import Msg
from app.workers.executor import Executor


class LibraryController(QObject):
    """Changes to the models folder.

    Signals:
        imported(str, str): a model was imported: its name and where it now lives.
        removed(str): a model (its id) was deleted with its files.
        changed(): the models folder changed; the library should be read again.
        failed(object): an import or removal failed; the Msg says why and what to do (show it
            with `i18n.say`).
        embedders_listed(list): the embedding models on this computer, as (name, bytes).
        embedder_removed(str): a downloaded embedding model was deleted (its name).
    """

    imported = Signal(str, str)
    removed = Signal(str)
    changed = Signal()
    failed = Signal(object)
    embedders_listed = Signal(list)
    embedder_removed = Signal(str)

    def __init__(self, models_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.models_dir = models_dir
        self._executor = Executor("hearth-library", self)

    def import_files(self, paths: list[Path]) -> None:
        """Validate and copy each file; one bad file does not stop the others."""
        for path in paths:
            self._executor.call(
                partial(import_model, self.models_dir, path),
                self._on_imported,
                self._on_failed,
            )

    def remove(self, entry: LibraryEntry) -> None:
        self._executor.call(
            lambda: remove_model(self.models_dir, entry),
            lambda _files: self._on_removed(entry.id),
            self._on_failed,
        )

    def list_embedders(self) -> None:
        self._executor.call(
            lambda: embedder_sizes(self.models_dir), self.embedders_listed.emit, self._on_failed
        )

    def remove_embedder(self, name: str) -> None:
        def removed(_folder: object) -> None:
            self.embedder_removed.emit(name)
            self.list_embedders()

        def failed(error: object) -> None:
            self.failed.emit(_message(error))
            self.list_embedders()

        self._executor.call(partial(remove_embedder, self.models_dir, name), removed, failed)

    def shutdown(self) -> None:
        self._executor.shutdown()

    def _on_imported(self, result: tuple[Path, ModelInfo]) -> None:
        target, info = result
        self.imported.emit(info.name, str(target))
        self.changed.emit()

    def _on_removed(self, entry_id: str) -> None:
        self.removed.emit(entry_id)
        self.changed.emit()

    def _on_failed(self, error: object) -> None:
        self.failed.emit(_message(error))
        self.changed.emit()


def _message(error: object) -> Msg:
    return message_of(error) if isinstance(error, BaseException) else Msg.plain(str(error))


def embedder_sizes(models_dir: Path) -> list[tuple[str, int]]:
    """The embedding models on this computer, the built-in one first, with their size on disk."""
    found = []
    for name in installed_embedders(models_dir):
        with suppress(HearthError):  # the built-in model's package is missing: Documents says so
            found.append((name, folder_size(resolve_embedder(name, models_dir).folder)))
    return found
