"""Downloads from the local hub: verify, resume, retry, refuse, and the result answers."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from app.core.engine.llama_engine import LlamaEngine
from app.core.engine.types import GenerationRequest, LoadSpec
from app.core.errors import (
    ChecksumMismatch,
    DownloadError,
    DownloadStopped,
    HubAccessDenied,
    NotEnoughSpace,
    UnsafeFileName,
)
from app.core.messages import Message
from app.core.models import download as download_module
from app.core.models.download import Downloader, DownloadJob, read_manifest, safe_target
from app.core.models.hub import HubClient
from app.core.models.library import ModelLibrary
from app.core.models.manage import remove_model
from app.core.settings import SamplingSettings
from tests.conftest import run
from tests.hub.fixtures import GATED_REPO, HOSTILE_REPO, SMOL_REPO, SPLIT_REPO, SPLIT_STEM
from tests.hub.server import TOKEN, LocalHub

CHUNK = 256 * 1024


def job_for(
    repo: str, quant: str, models: Path, token: str | None = None
) -> tuple[Downloader, DownloadJob]:
    client = HubClient(token=token)
    listing = client.listing(repo)
    choice = next(c for c in listing.choices if c.quant == quant)
    downloader = Downloader(
        client.file_url, client.headers(), chunk=CHUNK, backoff_s=0.05, timeout_s=2
    )
    return downloader, DownloadJob(repo, listing.revision, choice.files, models)


def drain(downloader: Downloader, job: DownloadJob, stop: threading.Event | None = None) -> list:
    return list(downloader.run(job, stop or threading.Event()))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_download_verifies_enters_the_library_and_answers(
    hub: LocalHub, tmp_path: Path, hub_files: dict[str, Path]
) -> None:
    models = tmp_path / "models"
    downloader, job = job_for(SMOL_REPO, "Q4_0", models)
    events = drain(downloader, job)
    assert events[-1].state == "done" and events[-1].done == job.total
    assert any(e.state == "verifying" for e in events)
    target = (
        models / "hearth-test" / "SmolLM2-135M-Instruct-GGUF" / "smollm2-135m-instruct-q4_0.gguf"
    )
    assert sha256(target) == sha256(hub_files["smol_q4_0"])
    assert not list(models.rglob("*.part*"))
    manifest = read_manifest(models)
    entry = manifest["hearth-test/SmolLM2-135M-Instruct-GGUF/smollm2-135m-instruct-q4_0.gguf"]
    assert entry["repo"] == SMOL_REPO and entry["sha256"] == sha256(target)
    library = ModelLibrary(models)
    found = library.resolve("smollm2-135m-instruct-q4_0")
    assert found.usable and found.info.quantization == "Q4_0"  # type: ignore[union-attr]
    engine = LlamaEngine()
    engine.load(LoadSpec(found.path, context_length=512, gpu_layers=0))
    try:
        request = GenerationRequest(
            (Message("user", "What is the capital of France?"),),
            sampling=SamplingSettings(temperature=0.0, max_tokens=12),
        )
        text, result = run(engine, request)
    finally:
        engine.unload()
    assert text.strip() and result.timings.completion_tokens > 0


def greedy_answer(path: Path) -> str:
    engine = LlamaEngine()
    engine.load(LoadSpec(path, context_length=512, gpu_layers=0))
    try:
        request = GenerationRequest(
            (Message("user", "What is the capital of France?"),),
            sampling=SamplingSettings(temperature=0.0, max_tokens=12),
        )
        return run(engine, request)[0]
    finally:
        engine.unload()


def test_split_model_downloads_as_one_lists_once_and_answers(
    hub: LocalHub, tmp_path: Path, smollm2: Path
) -> None:
    models = tmp_path / "models"
    downloader, job = job_for(SPLIT_REPO, "Q4_1", models)
    assert len(job.files) == 3
    assert drain(downloader, job)[-1].state == "done"
    entries = ModelLibrary(models).entries()
    split = [e for e in entries if not e.starter]
    assert [e.path.name for e in split] == [f"{SPLIT_STEM}-00001-of-00003.gguf"]
    entry = split[0]
    assert entry.usable and entry.disk_bytes == job.total
    assert entry.info.parameters_label == "135M"  # type: ignore[union-attr]  # all three parts
    answers = [greedy_answer(path) for path in (entry.path, smollm2)]
    assert answers[0].strip() and answers[0] == answers[1]  # the very model, in three parts
    (entry.path.parent / f"{SPLIT_STEM}-00002-of-00003.gguf").unlink()
    broken = next(e for e in ModelLibrary(models).entries() if not e.starter)
    assert not broken.usable and "Part 2 of 3" in (broken.error or "")
    removed = remove_model(models, broken)
    assert len(removed) == 2 and not (models / "hearth-test").exists()


def test_dropped_connection_resumes_from_the_offset(hub: LocalHub, tmp_path: Path) -> None:
    downloader, job = job_for(SMOL_REPO, "Q4_0", tmp_path / "models")
    hub.faults.drop_after, hub.faults.drop_times = 3 * 1024 * 1024 + 123, 2
    events = drain(downloader, job)
    gets = hub.file_gets(job.files[0].path)
    assert len(gets) == 3
    resumed_at = int(gets[1].range.removeprefix("bytes=").rstrip("-"))  # type: ignore[union-attr]
    assert 0 <= gets[0].sent - resumed_at <= CHUNK  # at most the unfinished chunk again
    assert sum(g.sent for g in gets) - job.total <= CHUNK  # nothing re-fetched beyond a chunk
    assert any(e.state == "retrying" for e in events) and events[-1].state == "done"


def test_restart_mid_download_resumes_with_a_new_downloader(hub: LocalHub, tmp_path: Path) -> None:
    downloader, job = job_for(SMOL_REPO, "Q4_0", tmp_path / "models")
    stop = threading.Event()
    with pytest.raises(DownloadStopped):
        for event in downloader.run(job, stop):
            if event.done > job.total // 3:
                stop.set()  # the user pauses, or quits the app
    part = job.target(job.files[0]).with_name(job.files[0].path + ".part")
    kept = part.stat().st_size
    assert 0 < kept < job.total
    hub.served.clear()
    fresh, _ = job_for(SMOL_REPO, "Q4_0", tmp_path / "models")  # as after a restart
    events = drain(fresh, job)
    assert events[0].done >= kept and events[-1].state == "done"
    (resume,) = hub.file_gets(job.files[0].path)
    assert resume.range == f"bytes={kept}-" and resume.sent == job.total - kept


def test_server_ignoring_range_restarts_cleanly(hub: LocalHub, tmp_path: Path) -> None:
    downloader, job = job_for(SMOL_REPO, "Q4_0", tmp_path / "models")
    hub.faults.drop_after, hub.faults.ignore_range = 2 * 1024 * 1024, True
    events = drain(downloader, job)
    assert events[-1].state == "done" and events[-1].refetched == 2 * 1024 * 1024
    assert sha256(job.target(job.files[0])) == job.files[0].sha256


def test_flipped_byte_is_rejected_and_the_file_removed(hub: LocalHub, tmp_path: Path) -> None:
    downloader, job = job_for(SMOL_REPO, "Q4_0", tmp_path / "models")
    hub.faults.flip_byte_at = 5_000_000
    with pytest.raises(ChecksumMismatch, match=r"corrupted in transit.*deleted"):
        drain(downloader, job)
    assert not [p for p in (tmp_path / "models").rglob("*") if p.is_file()]


def test_server_errors_are_retried_with_backoff_then_reported(
    hub: LocalHub, tmp_path: Path
) -> None:
    downloader, job = job_for(SMOL_REPO, "Q4_0", tmp_path / "models")
    hub.faults.fail_times = 2
    assert drain(downloader, job)[-1].state == "done"
    downloader, job = job_for(SMOL_REPO, "Q4_1", tmp_path / "models")
    hub.faults.fail_times, downloader.retries = 50, 3
    with pytest.raises(DownloadError, match=r"after 3 retries.*503"):
        drain(downloader, job)
    assert not job.target(job.files[0]).exists()


def test_stalled_connection_times_out_and_resumes(hub: LocalHub, tmp_path: Path) -> None:
    downloader, job = job_for(SMOL_REPO, "Q4_0", tmp_path / "models")
    hub.faults.stall_s, hub.faults.stall_after = 4.0, 1024 * 1024
    events = drain(downloader, job)
    assert any("stalled" in str(e.message) for e in events) and events[-1].state == "done"


def test_not_enough_disk_space_stops_before_writing(
    hub: LocalHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloader, job = job_for(SMOL_REPO, "Q4_0", tmp_path / "models")
    real = download_module.shutil.disk_usage
    monkeypatch.setattr(
        download_module.shutil, "disk_usage", lambda p: real(p)._replace(free=50 * 1024 * 1024)
    )
    with pytest.raises(NotEnoughSpace, match=r"Only 52.4 MB free.*needs 158.8 MB"):
        drain(downloader, job)
    assert not [p for p in (tmp_path / "models").rglob("*") if p.is_file()]
    assert not hub.file_gets(job.files[0].path)


@pytest.mark.parametrize(
    "name",
    [
        "../../escape.gguf",
        "/etc/passwd.gguf",
        "a/../../b.gguf",
        "a\\..\\b.gguf",
        ".hidden.gguf",
        "notes.txt",
        "con:x.gguf",
        "",
    ],
)
def test_unsafe_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsafeFileName):
        safe_target(tmp_path, "owner/repo", name)
    with pytest.raises(UnsafeFileName):
        safe_target(tmp_path, "../owner", "ok.gguf")


def test_hostile_repo_file_names_are_never_written(hub: LocalHub, tmp_path: Path) -> None:
    client = HubClient()
    listing = client.listing(HOSTILE_REPO)
    assert listing.choices  # listed (the user sees them), but refused on download
    downloader = Downloader(client.file_url, client.headers())
    for choice in listing.choices:
        job = DownloadJob(HOSTILE_REPO, listing.revision, choice.files, tmp_path / "models")
        with pytest.raises(UnsafeFileName):
            drain(downloader, job)
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
    assert not hub.file_gets("escape-Q4_0.gguf")


def test_gated_repo_needs_the_token(hub: LocalHub, tmp_path: Path) -> None:
    downloader, job = job_for(GATED_REPO, "Q4_0", tmp_path / "models")
    with pytest.raises(HubAccessDenied, match="gated or private"):
        drain(downloader, job)
    downloader, job = job_for(GATED_REPO, "Q4_0", tmp_path / "models", token=TOKEN)
    assert drain(downloader, job)[-1].state == "done"
