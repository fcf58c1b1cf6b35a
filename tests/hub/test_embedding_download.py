"""Embedding models from the local hub: the right files, verified, usable by the documents
feature, resumable after a restart, and removable."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.core.errors import (
    ChecksumMismatch,
    HearthError,
    HubAccessDenied,
    InvalidModelFile,
    UnsafeFileName,
)
from app.core.models.download import (
    EMBEDDING,
    Downloader,
    DownloadJob,
    read_manifest,
    safe_target,
)
from app.core.models.embeddings import installed_size, remove_embedder
from app.core.models.hub import HubClient
from app.core.models.pending import job_label, load_pending, save_pending
from app.core.rag.embedder import (
    DEFAULT_EMBEDDER,
    Embedder,
    installed_embedders,
    resolve_embedder,
)
from tests.hub.fixtures import EMBED_REPO, GATED_EMBED_REPO, NO_TOKENIZER_REPO
from tests.hub.server import TOKEN, LocalHub


def embedding_job(models: Path) -> tuple[Downloader, DownloadJob]:
    client = HubClient()
    listing = client.embedding_listing(EMBED_REPO)
    downloader = Downloader(client.file_url, client.headers(), backoff_s=0.05, timeout_s=2)
    return downloader, DownloadJob(EMBED_REPO, listing.revision, listing.files, models, EMBEDDING)


def test_search_finds_embedding_models_apart_from_gguf(hub: LocalHub) -> None:
    client = HubClient()
    embedders = [r.repo_id for r in client.search("", library="sentence-transformers")]
    assert EMBED_REPO in embedders and NO_TOKENIZER_REPO in embedders
    assert not any(r.endswith("GGUF") for r in embedders)
    assert EMBED_REPO not in [r.repo_id for r in client.search("")]


def test_listing_takes_configs_tokenizer_and_one_set_of_weights(hub: LocalHub) -> None:
    listing = HubClient().embedding_listing(EMBED_REPO)
    paths = [f.path for f in listing.files]
    assert paths[0] == "model.safetensors" and paths[-1] == "config.json"
    assert {"tokenizer.json", "vocab.txt", "modules.json", "1_Pooling/config.json"} <= set(paths)
    # not the .bin copy of the weights, the ONNX/OpenVINO exports, the README or .gitattributes
    assert not [p for p in paths if p.endswith((".bin", ".onnx", ".xml", ".md", "attributes"))]
    weights = listing.files[0]
    assert weights.sha256 and not weights.blob_id  # LFS: checked by sha256
    assert all(f.blob_id and not f.sha256 for f in listing.files[1:])  # git: by blob id
    assert listing.size == sum(f.size for f in listing.files) > 90_000_000


def test_a_repo_without_a_tokenizer_is_refused_with_the_reason(hub: LocalHub) -> None:
    with pytest.raises(InvalidModelFile, match=r"no tokenizer\.json"):
        HubClient().embedding_listing(NO_TOKENIZER_REPO)


def test_a_gated_model_is_marked_and_needs_the_token(hub: LocalHub, tmp_path: Path) -> None:
    listing = HubClient().embedding_listing(GATED_EMBED_REPO)
    assert listing.gated and not HubClient().embedding_listing(EMBED_REPO).gated
    job = DownloadJob(GATED_EMBED_REPO, listing.revision, listing.files, tmp_path, EMBEDDING)
    client = HubClient()
    with pytest.raises(HubAccessDenied, match="gated or private"):
        list(Downloader(client.file_url, client.headers()).run(job, threading.Event()))
    client = HubClient(token=TOKEN)
    done = list(Downloader(client.file_url, client.headers()).run(job, threading.Event()))
    assert done[-1].state == "done" and GATED_EMBED_REPO in installed_embedders(tmp_path)


def test_download_installs_a_model_the_documents_feature_uses(
    hub: LocalHub, tmp_path: Path
) -> None:
    models = tmp_path / "models"
    downloader, job = embedding_job(models)
    events = list(downloader.run(job, threading.Event()))
    assert events[-1].state == "done" and events[-1].done == job.total
    folder = models / "embeddings" / EMBED_REPO
    assert job.installed_path == folder and not list(folder.rglob("*.part*"))
    assert {g.path.split("/")[-1] for g in hub.served if g.method == "GET"} == {
        f.path.split("/")[-1] for f in job.files
    }  # nothing else was fetched
    assert installed_embedders(models) == [DEFAULT_EMBEDDER, EMBED_REPO]
    assert installed_size(models, EMBED_REPO) == job.total
    assert f"embeddings/{EMBED_REPO}/model.safetensors" in read_manifest(models)
    # the same weights as the built-in model: the same vectors
    downloaded = Embedder(resolve_embedder(EMBED_REPO, models))
    built_in = Embedder(resolve_embedder(DEFAULT_EMBEDDER, models))
    text = "The night train leaves from platform 4."
    pairs = zip(downloaded.embed_query(text), built_in.embed_query(text), strict=True)
    assert max(abs(a - b) for a, b in pairs) < 1e-5


def test_a_corrupted_small_file_is_caught_by_its_blob_id(hub: LocalHub, tmp_path: Path) -> None:
    models = tmp_path / "models"
    hub.faults.only_path = "tokenizer.json"
    hub.faults.flip_byte_at = 1000
    downloader, job = embedding_job(models)
    with pytest.raises(ChecksumMismatch, match=r"tokenizer\.json was corrupted"):
        list(downloader.run(job, threading.Event()))
    assert installed_embedders(models) == [DEFAULT_EMBEDDER]  # nothing half-installed
    hub.faults.flip_byte_at = None
    assert list(downloader.run(job, threading.Event()))[-1].state == "done"
    assert installed_embedders(models) == [DEFAULT_EMBEDDER, EMBED_REPO]


def test_a_paused_download_is_remembered_and_resumes(hub: LocalHub, tmp_path: Path) -> None:
    models = tmp_path / "models"
    downloader, job = embedding_job(models)
    stop = threading.Event()
    for progress in downloader.run(job, stop):
        if progress.done > 20_000_000:
            stop.set()
            break
    save_pending(models, [job])
    (pending,) = load_pending(models)
    assert pending.job == job and pending.job.kind == EMBEDDING
    assert str(pending.label) == str(job_label(job)) == f"{EMBED_REPO} · embedding model"
    assert 20_000_000 <= pending.done < job.total
    hub.served.clear()
    assert list(downloader.run(pending.job, threading.Event()))[-1].state == "done"
    (weights,) = hub.file_gets("model.safetensors")
    assert weights.range is not None and weights.sent == job.total - pending.done - sum(
        f.size for f in job.files[1:]
    )  # only the rest of the weights came again


def test_remove_deletes_the_folder_and_forgets_it(hub: LocalHub, tmp_path: Path) -> None:
    models = tmp_path / "models"
    downloader, job = embedding_job(models)
    list(downloader.run(job, threading.Event()))
    remove_embedder(models, EMBED_REPO)
    assert installed_embedders(models) == [DEFAULT_EMBEDDER]
    assert not (models / "embeddings" / "hearth-test").exists()
    assert not [k for k in read_manifest(models) if k.startswith("embeddings/")]
    for name in (EMBED_REPO, "../models", "embeddings", "a/b/c", DEFAULT_EMBEDDER):
        with pytest.raises(HearthError):
            remove_embedder(models, name)
    assert models.is_dir()


@pytest.mark.parametrize(
    "name", ["../../escape.json", "run.sh", "model.py", "onnx/../../x.json", ".hidden.json"]
)
def test_unsafe_embedding_file_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsafeFileName):
        safe_target(tmp_path, "owner/repo", name, EMBEDDING)
    good = safe_target(tmp_path, "owner/repo", "1_Pooling/config.json", EMBEDDING)
    assert good == tmp_path.resolve() / "embeddings/owner/repo/1_Pooling/config.json"
