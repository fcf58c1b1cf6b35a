"""The model manager's controllers, made together by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from app.core.models.hub import HubClient
from app.core.models.token import load_token
from app.workers.downloads import DownloadsController
from app.workers.hub import HubController
from app.workers.library import LibraryController


@dataclass
class ModelControllers:
    """Hugging Face search, the downloads list, and import/remove of local models."""

    hub: HubController
    downloads: DownloadsController
    library: LibraryController

    @classmethod
    def build(
        cls, models_dir: Path, config_dir: Path, parent: QObject | None = None
    ) -> ModelControllers:
        def client() -> HubClient:  # called on a download thread
            return HubClient(token=load_token(config_dir))

        return cls(
            HubController(config_dir, parent),
            DownloadsController(models_dir, client, parent),
            LibraryController(models_dir, parent),
        )

    def shutdown(self) -> None:
        self.downloads.shutdown()
        self.hub.shutdown()
        self.library.shutdown()
