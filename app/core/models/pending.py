"""Downloads that are not finished, remembered across restarts.

`<models>/downloads.json` lists each unfinished job (repo, revision, files with sizes and
sha256, and whether the user paused it). The `.part` files hold the bytes; this file holds
what is needed to resume them, so an app restart mid-download picks up where it stopped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.fileio import atomic_write_text
from app.core.models import texts
from app.core.models.download import EMBEDDING, GGUF, DownloadJob, bytes_on_disk
from app.core.models.quants import QuantChoice, RemoteFile, parse_name
from app.core.text import Msg

FILE_NAME = "downloads.json"
VERSION = 1


@dataclass(frozen=True)
class PendingDownload:
    """An unfinished job and how far it got."""

    job: DownloadJob
    done: int  # bytes already on disk

    @property
    def label(self) -> Msg:
        return job_label(self.job)


def job_label(job: DownloadJob) -> Msg:
    """ "owner/repo · Q4_K_M" (or "owner/repo · embedding model"): what the downloads list
    shows, to show with `i18n.say`."""
    if job.kind == EMBEDDING:
        return texts.EMBEDDING_LABEL(repo=job.repo_id)
    first = job.files[0]
    choice = QuantChoice(parse_name(first.path).quant, job.files)
    return Msg.plain(f"{job.repo_id} · {choice.label}")


def save_pending(models_dir: Path, jobs: list[DownloadJob]) -> None:
    entries = [
        {
            "repo": job.repo_id,
            "revision": job.revision,
            "kind": job.kind,
            "files": [
                {"path": f.path, "size": f.size, "sha256": f.sha256, "blob_id": f.blob_id}
                for f in job.files
            ],
        }
        for job in jobs
    ]
    if not entries and not (models_dir / FILE_NAME).exists():
        return
    atomic_write_text(
        models_dir / FILE_NAME, json.dumps({"version": VERSION, "downloads": entries}, indent=1)
    )


def load_pending(models_dir: Path) -> list[PendingDownload]:
    """The saved jobs (a damaged or unknown file gives none: the `.part` files stay)."""
    try:
        data = json.loads((models_dir / FILE_NAME).read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            return []
        jobs = [_job(models_dir, entry) for entry in data.get("downloads", [])]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return []
    return [PendingDownload(job, bytes_on_disk(job)) for job in jobs]


def _job(models_dir: Path, entry: dict[str, Any]) -> DownloadJob:
    files = tuple(
        RemoteFile(str(f["path"]), int(f["size"]), f.get("sha256") or None, f.get("blob_id"))
        for f in entry["files"]
    )
    if not files:
        raise ValueError("a download without files")
    kind = str(entry.get("kind", GGUF))
    if kind not in (GGUF, EMBEDDING):
        raise ValueError(f"an unknown kind of download: {kind}")
    return DownloadJob(str(entry["repo"]), str(entry["revision"]), files, models_dir, kind)
