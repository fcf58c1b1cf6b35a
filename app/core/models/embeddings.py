"""Embedding models from Hugging Face: which files of a sentence-transformers repo to fetch,
where they go, the models Hearth suggests, and removing one. Pure functions and file work; the
hub client lists repos and the downloader fetches the files.

A sentence-transformers repo holds the model for several runtimes (PyTorch, ONNX, OpenVINO,
TensorFlow, Flax) plus the module folders sentence-transformers reads (`1_Pooling/`, `2_Dense/`,
...). Hearth runs PyTorch, so it takes the configs, the tokenizer and one set of weights
(safetensors when there are, else `pytorch_model.bin`) from the repo root and module folders,
and nothing else: a multilingual model is a few hundred MB instead of a few GB.

Downloaded models live in `<models>/embeddings/<owner>/<repo>/`, where the documents feature
finds them (`app.core.rag.embedder.installed_embedders`).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from app.core.errors import HearthError, InvalidModelFile
from app.core.models import texts
from app.core.models.quants import RemoteFile
from app.core.text import Msg

EMBEDDINGS = "embeddings"
# What Hearth fetches: configs, tokenizer files and weights.
WANTED_SUFFIXES = (".json", ".txt", ".model", ".safetensors", ".bin")
_MODULE_FOLDER = re.compile(r"^\d+_[A-Za-z]+$")  # 1_Pooling, 2_Dense, 2_Normalize
_NEVER = {"training_args.bin", "optimizer.bin", "scheduler.bin"}


# The models Hearth suggests for text other than English (their prefixes are known to
# `app.core.rag.embedder`): small multilingual, small Chinese, large multilingual.
SUGGESTED = ("intfloat/multilingual-e5-small", "BAAI/bge-small-zh-v1.5", "BAAI/bge-m3")


@dataclass(frozen=True)
class EmbeddingListing:
    """The files Hearth would fetch for one embedding model, at one revision."""

    repo_id: str
    revision: str
    files: tuple[RemoteFile, ...]
    license: str = ""
    gated: bool = False

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)


def embedding_files(repo_id: str, files: list[RemoteFile]) -> tuple[RemoteFile, ...]:
    """The files of a sentence-transformers repo that Hearth needs, weights first and
    `config.json` last (a model counts as installed once that file is in place).

    Raises `InvalidModelFile` when the repo lacks what Hearth needs to load and chunk with it."""
    by_folder: dict[str, list[RemoteFile]] = {}
    for remote in files:
        pure = PurePosixPath(remote.path)
        folder = str(pure.parent) if len(pure.parts) > 1 else ""
        if len(pure.parts) > 2 or (folder and not _MODULE_FOLDER.match(folder)):
            continue  # onnx/, openvino/, and anything nested deeper
        if pure.suffix.lower() in WANTED_SUFFIXES and pure.name not in _NEVER:
            by_folder.setdefault(folder, []).append(remote)
    chosen: list[RemoteFile] = []
    for members in by_folder.values():
        has_safetensors = any(m.path.endswith(".safetensors") for m in members)
        chosen += [
            m for m in members if not (has_safetensors and m.path.endswith(".bin"))
        ]  # one set of weights: safetensors wins over pytorch_model.bin
    names = {r.path for r in chosen}
    weights = [r for r in chosen if r.path.endswith((".safetensors", ".bin")) and "/" not in r.path]
    missing = [n for n in ("config.json", "tokenizer.json") if n not in names]
    if missing or not weights:
        lacking = ", ".join(missing)
        if weights:
            what = Msg.plain(lacking)
        else:
            what = texts.FILES_AND_WEIGHTS(files=lacking) if lacking else texts.WEIGHTS()
        raise InvalidModelFile(texts.NOT_AN_EMBEDDER(repo=repo_id, what=what))
    return tuple(sorted(chosen, key=_order))


def _order(remote: RemoteFile) -> tuple[int, str]:
    if remote.path == "config.json":
        return 2, remote.path
    if remote.path.endswith((".safetensors", ".bin")):
        return 0, remote.path
    return 1, remote.path


def embedder_folder(models_dir: Path, repo_id: str) -> Path:
    return models_dir / EMBEDDINGS / repo_id


def installed_size(models_dir: Path, name: str) -> int:
    """Bytes on disk of a downloaded embedding model ("owner/repo"); 0 when it is not there."""
    return folder_size(embedder_folder(models_dir, name))


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder` (0 when it does not exist)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


def remove_embedder(models_dir: Path, name: str) -> Path:
    """Delete a downloaded embedding model's folder (never anything outside
    `<models>/embeddings`), forget its files in the manifest, and prune its empty owner folder."""
    from app.core.models.download import forget_in_manifest, prune_empty_folders

    root = (models_dir / EMBEDDINGS).resolve()
    folder = embedder_folder(models_dir, name)
    if name.count("/") != 1 or not folder.resolve().is_relative_to(root) or folder == root:
        raise HearthError(texts.NOT_DOWNLOADED_EMBEDDER(name=name))
    if not folder.is_dir():
        raise HearthError(texts.EMBEDDER_GONE(name=name))
    files = [p for p in folder.rglob("*") if p.is_file()]
    shutil.rmtree(folder)
    forget_in_manifest(models_dir, files)
    prune_empty_folders(models_dir, [folder.parent])
    return folder
