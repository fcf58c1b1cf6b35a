"""Resumable, verified downloads of GGUF files from a Hub endpoint into the models folder.

A core long job: `Downloader.run(job, stop)` is a generator of `DownloadProgress`. Each file goes
to `<models>/<owner>/<repo>/<path>.part`, next to a small `.part.json` that records which file
version it holds. Nothing enters the library until every part of the model has been fetched and
its sha256 matches what the hub reports; then the `.part` is renamed and the manifest updated.

- Resume: a `.part` of the same file version continues from its size with a Range request (after
  a dropped connection, a pause, or an app restart). A server that ignores Range is handled.
- Retries: connection errors, stalls (read timeout) and 429/5xx answers are retried with
  exponential backoff; each retry resumes from the bytes already on disk.
- Safety: repo file names are checked so nothing is written outside the models folder; free disk
  space is checked first; TLS verification stays on (the client's default).
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.core.errors import (
    ChecksumMismatch,
    DownloadError,
    DownloadStopped,
    HubAccessDenied,
    HubNotFound,
    NotEnoughSpace,
    UnsafeFileName,
)
from app.core.fileio import NO_ROOM_ERRNOS, atomic_write_text
from app.core.models import texts
from app.core.models.embeddings import EMBEDDINGS, WANTED_SUFFIXES
from app.core.models.quants import RemoteFile
from app.core.text import Msg, Size

CHUNK = 1024 * 1024
GGUF = "gguf"
EMBEDDING = "embedding"
PAUSED = texts.PAUSED
SPACE_MARGIN = 64 * 1024 * 1024
_DISK_FILLED = texts.DISK_FILLED
RETRYABLE_STATUS = {408, 429, 500, 502, 503, 504}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# Held while a download creates its folder and .part file, and while a cancel prunes empty
# folders, so one download's cancel never removes the folder another is just starting in.
_FOLDERS = threading.Lock()
_manifest_lock = threading.Lock()


@dataclass(frozen=True)
class DownloadJob:
    """One model to fetch: a single GGUF or all parts of a split one, at one revision."""

    repo_id: str
    revision: str
    files: tuple[RemoteFile, ...]
    models_dir: Path
    kind: str = GGUF  # or EMBEDDING: a sentence-transformers model for documents

    @property
    def total(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def installed_path(self) -> Path:
        """What the download puts in place: the (first) GGUF file, or the embedding model's
        folder."""
        if self.kind == EMBEDDING:
            return self.models_dir / EMBEDDINGS / self.repo_id
        return self.target(self.files[0])

    def target(self, remote: RemoteFile) -> Path:
        return safe_target(self.models_dir, self.repo_id, remote.path, self.kind)


@dataclass(frozen=True)
class DownloadProgress:
    file: str
    done: int  # bytes of the whole job on disk
    total: int
    speed: float  # bytes per second, smoothed
    state: str  # "downloading", "retrying", "verifying", "done"
    message: Msg | None = None  # while retrying: why
    refetched: int = 0  # bytes fetched a second time (a server that ignored Range)

    @property
    def eta_s(self) -> float | None:
        return (self.total - self.done) / self.speed if self.speed > 0 else None


def safe_target(models_dir: Path, repo_id: str, path: str, kind: str = GGUF) -> Path:
    """`<models>/<owner>/<repo>/<path>` (an embedding model's files:
    `<models>/embeddings/<owner>/<repo>/<path>`), or `UnsafeFileName` for anything that could
    escape the folder or is not a file of the kind expected."""
    owner, _, name = repo_id.partition("/")
    pieces = path.split("/")
    if not (_NAME.match(owner) and _NAME.match(name)):
        raise UnsafeFileName(texts.BAD_REPO_NAME(repo=repo_id))
    for piece in pieces:
        if not piece or piece in (".", "..") or piece.startswith(".") or "\\" in piece:
            raise UnsafeFileName(texts.UNSAFE_NAME(path=path))
        if any(ord(c) < 32 or c in ':*?"<>|' for c in piece):
            raise UnsafeFileName(texts.UNSAFE_NAME(path=path))
    if kind == EMBEDDING:
        if not path.lower().endswith(WANTED_SUFFIXES):
            raise UnsafeFileName(texts.NOT_EMBEDDING_FILE(path=path))
        models_dir = models_dir / EMBEDDINGS
    elif not path.lower().endswith(".gguf"):
        raise UnsafeFileName(texts.NOT_GGUF_FILE(path=path))
    root = models_dir.resolve()
    target = root.joinpath(owner, name, *pieces)
    if not target.resolve().is_relative_to(root):
        raise UnsafeFileName(texts.OUTSIDE_FOLDER(path=path))
    return target


class Downloader:
    """Fetches `DownloadJob`s over HTTP with resume, retries and sha256 verification."""

    def __init__(
        self,
        url_for: Callable[[str, str, str], str],
        headers: dict[str, str],
        *,
        chunk: int = CHUNK,
        retries: int = 5,
        backoff_s: float = 1.0,
        timeout_s: float = 30.0,
    ) -> None:
        self.url_for = url_for  # (repo_id, path, revision) → URL
        self.headers = headers
        self.chunk = chunk
        self.retries = retries
        self.backoff_s = backoff_s
        self.timeout_s = timeout_s

    def run(self, job: DownloadJob, stop: threading.Event) -> Iterator[DownloadProgress]:
        """Download every file of `job`; raises `DownloadStopped` when `stop` is set (the
        `.part` files stay for a resume), and other `DownloadError`s with advice."""
        import httpx2

        targets = [job.target(f) for f in job.files]
        have = _check_space(job)
        meter = _Meter(job.total, have)
        timeout = httpx2.Timeout(self.timeout_s, connect=min(self.timeout_s, 15.0))
        with httpx2.Client(timeout=timeout, follow_redirects=True) as client:
            for remote, target in zip(job.files, targets, strict=True):
                if target.exists() and target.stat().st_size == remote.size:
                    continue  # installed by an earlier, interrupted run of this job
                yield from self._fetch(client, job, remote, target, meter, stop)
        for remote, target in zip(job.files, targets, strict=True):
            if _part(target).exists():
                _part(target).replace(target)
            _meta(target).unlink(missing_ok=True)
            record_in_manifest(job, remote, target)
        yield meter.progress(job.files[-1].path, "done")

    # -- one file ----------------------------------------------------------------------

    def _fetch(
        self,
        client: Any,
        job: DownloadJob,
        remote: RemoteFile,
        target: Path,
        meter: _Meter,
        stop: threading.Event,
    ) -> Iterator[DownloadProgress]:
        _check_space(job)  # again per file: something else may have filled the disk since
        try:
            with _FOLDERS:
                target.parent.mkdir(parents=True, exist_ok=True)
                _prepare_part(_part(target), remote, job)
        except OSError as exc:
            if exc.errno in NO_ROOM_ERRNOS:
                raise NotEnoughSpace(_DISK_FILLED()) from None
            raise
        part = _PartFile(_part(target))
        url = self.url_for(job.repo_id, remote.path, job.revision)
        transfer = _Transfer(client, url, part, remote, meter, stop)
        try:
            yield from self._fetch_with_retries(transfer)
        except OSError as exc:  # the final flush or fsync of a chunk found the disk full
            if exc.errno not in NO_ROOM_ERRNOS:
                raise
            part.path.unlink(missing_ok=True)
            _meta_for_part(part.path).unlink(missing_ok=True)
            raise NotEnoughSpace(_DISK_FILLED()) from None
        finally:
            part.close()  # also on pause, error or an abandoned generator
        yield meter.progress(remote.path, "verifying")
        _verify(part, remote)

    def _fetch_with_retries(self, t: _Transfer) -> Iterator[DownloadProgress]:
        failures = 0
        remote, meter, stop = t.remote, t.meter, t.stop
        while t.part.size < remote.size:
            if stop.is_set():
                raise DownloadStopped(PAUSED())
            try:
                for _ in self._stream(t):
                    failures = 0
                    yield meter.progress(remote.path, "downloading")
            except _Retryable as exc:
                failures += 1
                if failures > self.retries:
                    raise DownloadError(
                        texts.GAVE_UP(path=remote.path, retries=self.retries, reason=exc.msg)
                    ) from None
                yield meter.progress(remote.path, "retrying", texts.RETRYING(reason=exc.msg))
                if stop.wait(self.backoff_s * 2 ** (failures - 1)):
                    raise DownloadStopped(PAUSED()) from None

    def _stream(self, t: _Transfer) -> Iterator[None]:
        """One GET from the bytes already on disk; yields once per written chunk."""
        import httpx2

        part, meter = t.part, t.meter
        offset = part.size
        headers = self.headers | ({"Range": f"bytes={offset}-"} if offset else {})
        try:
            with t.client.stream("GET", t.url, headers=headers) as response:
                _check_status(response, t.remote)
                if offset and response.status_code == 200:  # Range ignored: start over
                    meter.refetched += offset
                    meter.done -= offset
                    part.reset()
                pending = bytearray()
                with part.path.open("ab") as out:
                    # pieces gather into `chunk`-sized writes; whatever has arrived when the
                    # connection drops (or the user pauses) is still written, so none of it
                    # is fetched twice
                    try:
                        for block in response.iter_bytes():
                            pending += block
                            if len(pending) >= self.chunk:
                                self._flush(part, out, pending, meter)
                                yield
                                if t.stop.is_set():
                                    return
                    finally:
                        self._flush(part, out, pending, meter)
                    out.flush()
                    os.fsync(out.fileno())
        except httpx2.TransportError as exc:  # dropped, refused, timed out
            raise _Retryable(_describe(exc)) from None

    @staticmethod
    def _flush(part: _PartFile, out: Any, pending: bytearray, meter: _Meter) -> None:
        if pending:
            block = bytes(pending)
            pending.clear()  # first: a failed write must not be tried again by a `finally`
            part.append(out, block)
            meter.add(len(block))


class _Retryable(Exception):
    """A failure worth another try; `msg` says what it was."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(str(msg))
        self.msg = msg


@dataclass(frozen=True)
class _Transfer:
    """Everything one file's fetch needs, passed down as one."""

    client: Any
    url: str
    part: _PartFile
    remote: RemoteFile
    meter: _Meter
    stop: threading.Event


class _Hasher:
    """sha256 on a helper thread, so hashing a chunk overlaps receiving the next one (hashlib
    releases the GIL on large buffers). The queue is bounded: memory stays at a few chunks."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
        self._thread = threading.Thread(target=self._work, name="hearth-sha256", daemon=True)
        self._thread.start()

    def update(self, block: bytes) -> None:
        self._queue.put(block)

    def hexdigest(self) -> str:
        self._queue.put(None)
        self._thread.join()
        return self._digest.hexdigest()

    def _work(self) -> None:
        while (block := self._queue.get()) is not None:
            self._digest.update(block)


class _PartFile:
    """A `.part` file and the running sha256 of what it holds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._hex: str | None = None
        self.digest = _Hasher()
        with path.open("rb") as handle:
            while block := handle.read(CHUNK):
                self.digest.update(block)

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def reset(self) -> None:
        self.path.write_bytes(b"")
        self.digest.hexdigest()  # let the old helper thread finish
        self.digest = _Hasher()

    def append(self, out: Any, block: bytes) -> None:
        try:
            out.write(block)
        except OSError as exc:
            out.close()
            self.path.unlink(missing_ok=True)
            _meta_for_part(self.path).unlink(missing_ok=True)
            if exc.errno in NO_ROOM_ERRNOS:
                raise NotEnoughSpace(_DISK_FILLED()) from None
            raise DownloadError(texts.WRITE_FAILED(detail=exc.strerror or str(exc))) from None
        self.digest.update(block)

    def close(self) -> str:
        """Finish hashing (stops the helper thread); safe to call more than once."""
        if self._hex is None:
            self._hex = self.digest.hexdigest()
        return self._hex


class _Meter:
    """Bytes done across the job, and a smoothed speed."""

    def __init__(self, total: int, done: int) -> None:
        self.total, self.done, self.refetched = total, done, 0
        self.speed = 0.0
        self._mark, self._mark_done = time.monotonic(), done

    def add(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._mark >= 0.5:
            rate = (self.done - self._mark_done) / (now - self._mark)
            self.speed = rate if self.speed == 0 else 0.7 * self.speed + 0.3 * rate
            self._mark, self._mark_done = now, self.done

    def progress(self, file: str, state: str, message: Msg | None = None) -> DownloadProgress:
        return DownloadProgress(
            file, self.done, self.total, self.speed, state, message, self.refetched
        )


def _check_status(response: Any, remote: RemoteFile) -> None:
    status = response.status_code
    if status in (200, 206):
        return
    if status in RETRYABLE_STATUS:
        raise _Retryable(texts.SERVER_ANSWERED(status=str(status)))
    if status in (401, 403):
        raise HubAccessDenied(texts.DOWNLOAD_DENIED(path=remote.path, status=str(status)))
    if status == 404:
        raise HubNotFound(texts.FILE_GONE(path=remote.path))
    raise DownloadError(texts.FILE_STATUS(path=remote.path, status=str(status)))


def _verify(part: _PartFile, remote: RemoteFile) -> None:
    size = part.size
    if size != remote.size:
        part.path.unlink(missing_ok=True)
        raise DownloadError(texts.ARRIVED_SHORT(path=remote.path, got=size, total=remote.size))
    if not remote.sha256 and remote.blob_id:
        _verify_blob(part, remote)
    if remote.sha256 and part.close() != remote.sha256:
        part.path.unlink(missing_ok=True)
        _meta_for_part(part.path).unlink(missing_ok=True)
        raise ChecksumMismatch(texts.CORRUPTED_SHA(path=remote.path))


def _verify_blob(part: _PartFile, remote: RemoteFile) -> None:
    """A small file kept in git itself (a config, a vocabulary) has no sha256 on the hub, but
    its git blob id is the sha1 of a short header and the content."""
    part.close()
    digest = hashlib.sha1(f"blob {remote.size}\0".encode(), usedforsecurity=False)
    with part.path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    if digest.hexdigest() != remote.blob_id:
        part.path.unlink(missing_ok=True)
        _meta_for_part(part.path).unlink(missing_ok=True)
        raise ChecksumMismatch(texts.CORRUPTED_BLOB(path=remote.path))


def bytes_on_disk(job: DownloadJob) -> int:
    """What a resume would not fetch again: finished files and `.part` files of the job."""
    return sum(_part_size(job.target(f), f) for f in job.files)


def _check_space(job: DownloadJob) -> int:
    """Raise `NotEnoughSpace` unless the rest of the job fits; return the bytes already here."""
    have = bytes_on_disk(job)
    needed = job.total - have + SPACE_MARGIN
    folder = job.models_dir
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise NotEnoughSpace(
            texts.LOW_SPACE(free=Size(free), folder=str(folder), needed=Size(needed))
        )
    return have


def _prepare_part(part: Path, remote: RemoteFile, job: DownloadJob) -> None:
    """Keep a `.part` only if it holds this very file version; otherwise start afresh."""
    meta = _meta_for_part(part)
    wanted = {
        "repo": job.repo_id,
        "path": remote.path,
        "size": remote.size,
        "sha256": remote.sha256 or remote.blob_id,
    }
    try:
        same = json.loads(meta.read_text()) == wanted
    except (OSError, ValueError):
        same = False
    if not same or not part.exists() or part.stat().st_size > remote.size:
        part.write_bytes(b"")
        atomic_write_text(meta, json.dumps(wanted))


def _part_size(target: Path, remote: RemoteFile) -> int:
    if target.exists() and target.stat().st_size == remote.size:
        return remote.size
    part = _part(target)
    return min(part.stat().st_size, remote.size) if part.exists() else 0


def _part(target: Path) -> Path:
    return target.with_name(target.name + ".part")


def _meta(target: Path) -> Path:
    return _meta_for_part(_part(target))


def _meta_for_part(part: Path) -> Path:
    return part.with_name(part.name + ".json")


def _describe(exc: BaseException) -> Msg:
    name = type(exc).__name__
    known = {
        "ReadTimeout": texts.STALLED,
        "ConnectError": texts.NO_CONNECT,
        "RemoteProtocolError": texts.DROPPED,
        "ReadError": texts.DROPPED,
    }.get(name)
    return known() if known is not None else texts.NETWORK_ERROR(name=name)


# -- manifest --------------------------------------------------------------------------


def record_in_manifest(job: DownloadJob, remote: RemoteFile, target: Path) -> None:
    """`<models>/manifest.json`: where each downloaded file came from, and its sha256."""
    key = target.resolve().relative_to(job.models_dir.resolve()).as_posix()
    entry = asdict(remote) | {
        "repo": job.repo_id,
        "revision": job.revision,
        "downloaded_at": time.time(),
    }
    _update_manifest(job.models_dir, lambda entries: entries | {key: entry})


def forget_in_manifest(models_dir: Path, files: list[Path]) -> None:
    """Drop removed files from the manifest."""
    root = models_dir.resolve()
    keys = {p.resolve().relative_to(root).as_posix() for p in files}
    _update_manifest(
        models_dir, lambda entries: {k: v for k, v in entries.items() if k not in keys}
    )


def _update_manifest(models_dir: Path, change: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """Read, change and atomically rewrite the manifest, one writer at a time."""
    with _manifest_lock:
        entries = read_manifest(models_dir)
        changed = change(entries)
        if changed != entries:
            atomic_write_text(
                models_dir / "manifest.json",
                json.dumps({"version": 1, "files": changed}, indent=1),
            )


def read_manifest(models_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((models_dir / "manifest.json").read_text())
        return dict(data.get("files", {}))
    except (OSError, ValueError, AttributeError):
        return {}


def remove_partial(job: DownloadJob) -> None:
    """Cancel: delete the `.part` files of a job that will not be resumed, and the folders
    that held nothing else."""
    targets = [job.target(remote) for remote in job.files]
    for target in targets:
        _part(target).unlink(missing_ok=True)
        _meta(target).unlink(missing_ok=True)
    prune_empty_folders(job.models_dir, [t.parent for t in targets])


def prune_empty_folders(models_dir: Path, folders: list[Path]) -> None:
    """Remove each folder, and its parents, while empty and inside the models folder. A folder
    that is gone already, or that another download has just filled, simply stops the climb."""
    root = models_dir.resolve()
    with _FOLDERS:
        for folder in set(folders):
            folder = folder.resolve()
            while folder != root and folder.is_relative_to(root):
                try:
                    folder.rmdir()  # only succeeds when empty
                except OSError:
                    break
                folder = folder.parent
