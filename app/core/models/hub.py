"""Hugging Face search and repo listings through huggingface_hub; GGUF headers by HTTP Range.

This is the one module that imports `huggingface_hub`, lazily. Before that import it turns off
telemetry and the Xet transfer backend (Hearth downloads with its own resumable, verified
HTTP client; see `download.py`). The endpoint is `HF_ENDPOINT` when set (tests point it at a
local hub), read when a client is made, not when Python starts.

Errors come out as `HubUnavailable` (`HubBadResponse` for an answer that is not the Hub's
JSON), `HubAccessDenied` (`HubTokenRejected` for a 401) or `HubNotFound`, with a message for
the user (a phrase from `texts.py`, shown in the user's language). The token is never logged
or put in an error message.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.core.errors import (
    HearthError,
    HubAccessDenied,
    HubBadResponse,
    HubError,
    HubNotFound,
    HubTokenRejected,
    HubUnavailable,
    InvalidModelFile,
)
from app.core.models import texts
from app.core.models.embeddings import EmbeddingListing, embedding_files
from app.core.models.fit import ModelDims
from app.core.models.gguf_header import HeaderIncomplete, parse_header
from app.core.models.quants import QuantChoice, RemoteFile, group_choices
from app.core.text import Msg

log = logging.getLogger(__name__)
DEFAULT_ENDPOINT = "https://huggingface.co"
TOKEN_ADVICE = texts.TOKEN_ADVICE
SORTS = {"downloads": "downloads", "likes": "likes", "recent": "lastModified"}
HEADER_FIRST_FETCH = 2 * 1024 * 1024
HEADER_MAX_FETCH = 64 * 1024 * 1024
REACHABLE_FOR_S = 60.0
PROBE_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class RepoSummary:
    repo_id: str
    author: str
    downloads: int
    likes: int
    updated: datetime | None
    license: str
    gated: bool


@dataclass(frozen=True)
class RepoListing:
    summary: RepoSummary
    revision: str  # the commit the sizes and sha256 belong to
    choices: list[QuantChoice]


def endpoint_from_env() -> str:
    return os.environ.get("HF_ENDPOINT", DEFAULT_ENDPOINT).rstrip("/")


class HubClient:
    """Talks to one Hub endpoint with an optional token."""

    def __init__(
        self, endpoint: str | None = None, token: str | None = None, timeout: float = 20.0
    ) -> None:
        self.endpoint = (endpoint or endpoint_from_env()).rstrip("/")
        self.token = token or None
        self.timeout = timeout
        self._api: Any = None
        self._reached_at = -REACHABLE_FOR_S

    # -- search and listings -----------------------------------------------------------

    def search(
        self, query: str, sort: str = "downloads", limit: int = 50, library: str = "gguf"
    ) -> list[RepoSummary]:
        """Repos matching `query`, most downloaded (or liked, or recent) first: GGUF models,
        or sentence-transformers models with `library="sentence-transformers"`."""
        self._probe()
        with self._errors(query):
            found = self.api.list_models(
                search=query or None,
                filter=library,
                sort=SORTS.get(sort, "downloads"),
                limit=limit,
                full=True,
                cardData=True,
                token=self._token_arg,
            )
            return [_summary(info) for info in found]

    def listing(self, repo_id: str, revision: str | None = None) -> RepoListing:
        """Every GGUF in the repo as download choices, with sizes and sha256 from LFS."""
        self._probe()
        with self._errors(repo_id):  # reading the answer too: JSON of the wrong types
            info = self.api.model_info(
                repo_id, revision=revision, files_metadata=True, token=self._token_arg
            )
            summary, files = _summary(info), _remotes(info)
            return RepoListing(summary, _commit(info, revision), group_choices(files))

    def embedding_listing(self, repo_id: str, revision: str | None = None) -> EmbeddingListing:
        """The files of a sentence-transformers repo that Hearth would fetch, with sizes and
        checksums; `InvalidModelFile` when the repo is not a model Hearth can use."""
        self._probe()
        with self._errors(repo_id):  # reading the answer too: JSON of the wrong types
            info = self.api.model_info(
                repo_id, revision=revision, files_metadata=True, token=self._token_arg
            )
            summary = _summary(info)
            files = embedding_files(summary.repo_id, _remotes(info))
            return EmbeddingListing(
                summary.repo_id, _commit(info, revision), files, summary.license, summary.gated
            )

    # -- files -------------------------------------------------------------------------

    def file_url(self, repo_id: str, path: str, revision: str) -> str:
        from urllib.parse import quote

        return (
            f"{self.endpoint}/{repo_id}/resolve/{quote(revision, safe='')}/{quote(path, safe='/')}"
        )

    def headers(self) -> dict[str, str]:
        """Request headers for file downloads: Hearth's user agent and the token, if any."""
        headers = {"User-Agent": "Hearth (local LLM desktop app)"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def remote_dims(self, repo_id: str, path: str, revision: str, size: int) -> ModelDims:
        """Layers, KV heads and head size from the GGUF header, fetched with Range requests:
        a few MB at most, never the weights."""
        from app.core.models.model_info import dims_from_header

        fetched = b""
        want = min(size, HEADER_FIRST_FETCH)
        while True:
            fetched += self._range(repo_id, path, revision, len(fetched), want - 1)
            try:
                return dims_from_header(parse_header(fetched, size))
            except HeaderIncomplete as short:
                want = min(size, short.needed)
                if want > HEADER_MAX_FETCH or want <= len(fetched):
                    raise InvalidModelFile(texts.HEADER_TOO_LARGE(path=path)) from None

    def _range(self, repo_id: str, path: str, revision: str, start: int, end: int) -> bytes:
        from huggingface_hub import get_session

        url = self.file_url(repo_id, path, revision)
        headers = self.headers() | {"Range": f"bytes={start}-{end}"}
        with self._errors(repo_id):
            response = get_session().get(url, headers=headers, timeout=self.timeout)
            _raise_for_status(response)
        body = bytes(response.content)
        if response.status_code == 200:  # the server ignored Range: keep what was asked for
            body = body[start : end + 1]
        return body

    # -- plumbing ----------------------------------------------------------------------

    @property
    def api(self) -> Any:
        if self._api is None:
            os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
            os.environ.setdefault("HF_HUB_DISABLE_XET", "1")
            from huggingface_hub import HfApi

            self._api = HfApi(endpoint=self.endpoint, token=self._token_arg)
        return self._api

    def _probe(self) -> None:
        """Fail fast when the hub cannot be reached: huggingface_hub retries a refused
        connection with backoff for about 20 s, too long for a search box. Any answer at
        all counts as reachable; one is trusted for a minute."""
        now = time.monotonic()
        if now - self._reached_at < REACHABLE_FOR_S:
            return
        from huggingface_hub import get_session

        with self._errors("Hugging Face"):
            get_session().head(self.endpoint + "/", timeout=PROBE_TIMEOUT_S)
        self._reached_at = now

    @property
    def _token_arg(self) -> str | bool:
        return self.token if self.token else False  # False: never read a token from elsewhere

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        """Turn huggingface_hub and network errors into Hearth's, with advice."""
        from huggingface_hub import errors as hf_errors

        try:
            yield
        except HearthError:
            raise
        except hf_errors.GatedRepoError:
            raise HubAccessDenied(_gated_message(what, bool(self.token))) from None
        except (hf_errors.RepositoryNotFoundError, hf_errors.RevisionNotFoundError) as exc:
            raise HubNotFound(_not_found_message(what, _status(exc), bool(self.token))) from None
        except hf_errors.EntryNotFoundError:
            raise HubNotFound(texts.FILE_MISSING(repo=what)) from None
        except hf_errors.HfHubHTTPError as exc:
            raise http_error(_status(exc), bool(self.token)) from None
        except OSError as exc:  # connection refused, DNS, TLS
            raise HubUnavailable(_offline_message(exc)) from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            # JSONDecodeError is a ValueError: a web page (a Wi-Fi sign-in, a proxy) or JSON
            # of another shape where the Hub API's answer should be
            log.info("unexpected answer from %s: %r", self.endpoint, exc)
            raise HubBadResponse(bad_response_message(self.endpoint)) from None
        except Exception as exc:
            if type(exc).__module__.startswith(("httpx", "httpcore")):
                raise HubUnavailable(_offline_message(exc)) from None
            raise


# Reading the Hub's answer. huggingface_hub copies its JSON into ModelInfo without checking
# types, so every value used is checked here: a wrong one raises TypeError or ValueError, which
# `HubClient._errors` turns into HubBadResponse.


def _remotes(info: Any) -> list[RemoteFile]:
    siblings = info.siblings or []
    if not isinstance(siblings, list):
        raise TypeError(f"siblings: {siblings!r}")
    return [_remote(entry) for entry in siblings]


def _remote(entry: Any) -> RemoteFile:
    """A listed file: LFS files carry a sha256, small ones kept in git their blob id."""
    path = _text(getattr(entry, "rfilename", None), "rfilename")
    if not path:
        raise ValueError("a file without a name")
    size = _count(getattr(entry, "size", None), "size")
    lfs = getattr(entry, "lfs", None)
    if lfs:
        return RemoteFile(path, size, _text(lfs.sha256, "sha256") or None, None)
    return RemoteFile(path, size, None, _text(getattr(entry, "blob_id", None), "blob_id") or None)


def _commit(info: Any, revision: str | None) -> str:
    return _text(info.sha, "sha") or revision or "main"


def _text(value: Any, what: str) -> str:
    """A string from the answer; "" when it is missing."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"{what}: {value!r}")
    return value


def _count(value: Any, what: str) -> int:
    """A count or size from the answer (a whole number, not negative); 0 when missing."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what}: {value!r}")
    if value < 0:
        raise ValueError(f"{what}: {value!r}")
    return value


def _license(info: Any) -> str:
    """The card's license (a list of them joined), else the first `license:` tag."""
    card = info.card_data
    if card is not None and not hasattr(card, "get"):
        raise TypeError(f"cardData: {card!r}")
    named = card.get("license") if card is not None else None
    if isinstance(named, list):
        return ", ".join(_text(one, "license") for one in named)
    if named:
        return _text(named, "license")
    tags = info.tags or []
    if not isinstance(tags, list):
        raise TypeError(f"tags: {tags!r}")
    found = (tag for tag in tags if _text(tag, "tag").startswith("license:"))
    return next(found, "").removeprefix("license:")


def _raise_for_status(response: Any) -> None:
    from huggingface_hub import hf_raise_for_status

    hf_raise_for_status(response)


def _summary(info: Any) -> RepoSummary:
    repo_id = _text(info.id, "id")
    if not repo_id:
        raise ValueError("a repo without an id")
    updated = info.last_modified
    if updated is not None and not isinstance(updated, datetime):
        raise TypeError(f"lastModified: {updated!r}")
    return RepoSummary(
        repo_id=repo_id,
        author=_text(info.author, "author") or repo_id.split("/")[0],
        downloads=_count(info.downloads, "downloads"),
        likes=_count(info.likes, "likes"),
        updated=updated,
        license=_license(info),
        gated=bool(info.gated),
    )


def http_error(status: int, has_token: bool) -> HubError:
    """The error for an HTTP status from the hub that is not one of its named errors."""
    advice = TOKEN_ADVICE()
    if status == 401:
        if has_token:
            return HubTokenRejected(texts.TOKEN_REJECTED(advice=advice))
        return HubTokenRejected(texts.TOKEN_NEEDED(advice=advice))
    if status == 403:
        return HubAccessDenied(
            texts.TOKEN_NOT_ALLOWED(advice=advice)
            if has_token
            else texts.REFUSED_WITHOUT_TOKEN(advice=advice)
        )
    if status == 0:
        return HubUnavailable(texts.SERVER_NO_STATUS())
    if status == 429 or status >= 500:
        return HubUnavailable(texts.SERVER_ERROR(status=str(status)))
    return HubUnavailable(texts.REFUSED(status=str(status)))


def bad_response_message(endpoint: str) -> Msg:
    return texts.BAD_RESPONSE(endpoint=endpoint)


def _not_found_message(repo_id: str, status: int, has_token: bool) -> Msg:
    if status == 401 and not has_token:
        return texts.NO_PUBLIC_REPO(repo=repo_id)
    if status == 401:
        return texts.NO_READABLE_REPO(repo=repo_id)
    return texts.NO_REPO(repo=repo_id)


def _status(exc: Any) -> int:
    response = getattr(exc, "response", None)
    return int(getattr(response, "status_code", 0) or 0)


def _gated_message(repo_id: str, has_token: bool) -> Msg:
    if has_token:
        return texts.GATED_NO_ACCESS(repo=repo_id)
    return texts.GATED_NO_TOKEN(repo=repo_id)


def _offline_message(exc: BaseException) -> Msg:
    """The offline sentence; the library's name for what failed goes in the detail."""
    return texts.OFFLINE(detail=type(exc).__name__)
