"""Hugging Face search and repo listings, driven from the GUI thread, run on the hub thread.

Every request carries an id; an answer that arrives after a newer request of the same kind
(the user typed another query, or opened another repo) is dropped. The hub client, and with
it huggingface_hub, is made on the hub thread the first time it is needed, with the token
the user stored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core.errors import message_of
from app.core.models import texts
from app.core.models.fit import Hardware, ModelDims, detect_hardware
from app.core.models.hub import HubClient, RepoListing
from app.core.models.token import load_token, save_token
from app.core.text import Msg
from app.workers.executor import Executor


class HubController(QObject):
    """Search, list a repo's quantizations, read their shapes, store the token.

    Signals:
        search_finished(str, list): a query and its `RepoSummary`s.
        search_failed(str, object): a query and why it failed (offline, refused, ...): a Msg.
        listing_ready(object): a `RepoListing`.
        listing_failed(str, object): a repo id and why its files could not be listed (a Msg).
        dims_ready(str, object): a repo id and the `ModelDims` of its models (None: unknown).
        hardware_ready(object): this machine's `Hardware`.
        token_checked(bool): whether a token is stored (after `check_token` or `save_token`).
        embedders_found(str, list): a query and the sentence-transformers `RepoSummary`s.
        embedders_failed(str, object): a query and why that search failed (a Msg).
        embedder_listing_ready(object): an `EmbeddingListing`.
        embedder_listing_failed(str, object): a repo id and why it cannot be downloaded (a Msg).

    Every Msg is shown with `i18n.say`, so it follows the user's language.
    """

    search_finished = Signal(str, list)
    search_failed = Signal(str, object)
    listing_ready = Signal(object)
    listing_failed = Signal(str, object)
    dims_ready = Signal(str, object)
    hardware_ready = Signal(object)
    token_checked = Signal(bool)
    embedders_found = Signal(str, list)
    embedders_failed = Signal(str, object)
    embedder_listing_ready = Signal(object)
    embedder_listing_failed = Signal(str, object)

    def __init__(self, config_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config_dir = config_dir
        self.hardware: Hardware | None = None
        self._executor = Executor("hearth-hub", self)
        self._client: HubClient | None = None  # touched on the hub thread only
        self._search_id = 0
        self._listing_id = 0
        self._embedder_search_id = 0

    def detect_hardware(self) -> None:
        if self.hardware is None:
            self._executor.call(detect_hardware, self._on_hardware_detected)

    def search(self, query: str, sort: str = "downloads") -> None:
        self._search_id += 1
        wanted = self._search_id

        def done(found: list[object]) -> None:
            if wanted == self._search_id:
                self.search_finished.emit(query, found)

        def failed(error: object) -> None:
            if wanted == self._search_id:
                self.search_failed.emit(query, _message(error))

        self._executor.call(lambda: self._hub().search(query, sort), done, failed)

    def open_repo(self, repo_id: str) -> None:
        """List the repo's files, then read the header of its first model for the fit."""
        self._listing_id += 1
        wanted = self._listing_id

        def listed(listing: RepoListing) -> None:
            if wanted == self._listing_id:
                self.listing_ready.emit(listing)
                self._read_dims(listing, wanted)

        def failed(error: object) -> None:
            if wanted == self._listing_id:
                self.listing_failed.emit(repo_id, _message(error))

        self._executor.call(lambda: self._hub().listing(repo_id), listed, failed)

    def search_embedders(self, query: str) -> None:
        """Sentence-transformers repos matching `query`, most downloaded first."""
        self._embedder_search_id += 1
        wanted = self._embedder_search_id

        def done(found: list[object]) -> None:
            if wanted == self._embedder_search_id:
                self.embedders_found.emit(query, found)

        def failed(error: object) -> None:
            if wanted == self._embedder_search_id:
                self.embedders_failed.emit(query, _message(error))

        self._executor.call(
            lambda: self._hub().search(query, library="sentence-transformers"), done, failed
        )

    def open_embedder(self, repo_id: str) -> None:
        """The files an embedding model's download would fetch. Every answer is emitted (the
        page keeps them by repo, to show sizes)."""
        self._executor.call(
            lambda: self._hub().embedding_listing(repo_id),
            self.embedder_listing_ready.emit,
            lambda error: self.embedder_listing_failed.emit(repo_id, _message(error)),
        )

    def save_token(self, token: str) -> None:
        def save() -> bool:
            save_token(self.config_dir, token)
            self._client = None  # the next request uses the new token
            return bool(token.strip())

        self._executor.call(save, self.token_checked.emit, self._on_token_failed)

    def check_token(self) -> None:
        self._executor.call(
            lambda: load_token(self.config_dir) is not None, self.token_checked.emit
        )

    def shutdown(self) -> None:
        self._listing_id += 1
        self._search_id += 1
        self._embedder_search_id += 1
        self._executor.shutdown()

    # -- internals ---------------------------------------------------------------------

    def _hub(self) -> HubClient:
        if self._client is None:
            self._client = HubClient(token=load_token(self.config_dir))
        return self._client

    def _read_dims(self, listing: RepoListing, wanted: int) -> None:
        models = [c for c in listing.choices if not c.is_projector]
        repo_id = listing.summary.repo_id
        if not models:
            self.dims_ready.emit(repo_id, None)
            return
        first = models[0].first

        def read() -> ModelDims:
            return self._hub().remote_dims(repo_id, first.path, listing.revision, first.size)

        def done(dims: ModelDims | None) -> None:
            if wanted == self._listing_id:
                self.dims_ready.emit(repo_id, dims)

        self._executor.call(read, done, lambda _error: done(None))

    def _on_hardware_detected(self, hardware: Hardware) -> None:
        self.hardware = hardware
        self.hardware_ready.emit(hardware)

    def _on_token_failed(self, error: object) -> None:
        self.search_failed.emit("", texts.TOKEN_NOT_SAVED(reason=_message(error)))


def _message(error: object) -> Msg:
    """What to show for a failed job: the Msg of the exception."""
    return message_of(error) if isinstance(error, BaseException) else Msg.plain(str(error))
