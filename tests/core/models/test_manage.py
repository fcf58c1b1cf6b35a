"""Importing a local GGUF: a real copy, and a copy that cannot finish leaves nothing behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import InvalidModelFile
from app.core.models.manage import import_model

CHILD = """
import resource, signal, sys
from pathlib import Path
from app.core.errors import HearthError
from app.core.models.manage import import_model
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 2**20, 8 * 2**20))
try:
    import_model(Path(sys.argv[1]), Path(sys.argv[2]))
except HearthError as exc:
    print("error:", exc)
"""


def test_import_copies_a_real_model(tmp_path: Path, smollm2: Path) -> None:
    target, info = import_model(tmp_path / "models", smollm2)
    assert target.read_bytes()[:4] == b"GGUF" and target.stat().st_size == smollm2.stat().st_size
    assert info.architecture == "llama"
    again, _ = import_model(tmp_path / "models", smollm2)
    assert again != target and again.exists()  # a name already taken gets a suffix


def test_import_of_a_non_model_says_so(tmp_path: Path) -> None:
    fake = tmp_path / "notes.gguf"
    fake.write_text("hello")
    with pytest.raises(InvalidModelFile):
        import_model(tmp_path / "models", fake)
    assert not (tmp_path / "models" / "imported").exists() or not any(
        (tmp_path / "models" / "imported").iterdir()
    )


def test_a_copy_that_hits_a_full_disk_leaves_no_partial_file(tmp_path: Path, smollm2: Path) -> None:
    models = tmp_path / "models"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(models), str(smollm2)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert "error:" in done.stdout and "disk" in done.stdout.lower()
    assert list((models / "imported").iterdir()) == []
