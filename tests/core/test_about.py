"""About's facts are the real versions of what is installed, without importing llama_cpp."""

from __future__ import annotations

import importlib.metadata
import platform
import re
import subprocess
import sys
from pathlib import Path

import app
from app.core.about import _llama_lib, about_facts, build_backend, llama_cpp_build


def test_versions_are_those_installed(tmp_path: Path) -> None:
    import llama_cpp

    facts = about_facts(tmp_path)
    assert facts.hearth == app.__version__ == importlib.metadata.version("hearth")
    assert facts.llama_cpp_python == llama_cpp.__version__
    assert facts.pyside == importlib.metadata.version("PySide6-Essentials")
    assert facts.python == platform.python_version()
    assert facts.data_folder == tmp_path
    # "b6045 (1b2c3d4)" from a git checkout, "0.5.0-dev (0c1e570)" from a source archive
    assert re.fullmatch(r"(b\d+|\d+\.\d+\.\d+[\w.-]*)( \([0-9a-f]{7}\))?", facts.llama_cpp)


def test_backend_is_the_engines_when_a_model_runs_else_the_builds(tmp_path: Path) -> None:
    built = build_backend(_llama_lib())
    assert built in ("CPU", "CUDA", "Metal", "ROCm", "Vulkan", "SYCL")
    assert str(about_facts(tmp_path).backend).startswith(f"{built} (what this build offers")
    loaded = about_facts(tmp_path, "CUDA", "SmolLM2-135M")
    assert str(loaded.backend) == "CUDA (running SmolLM2-135M)"


def test_a_build_without_its_files_says_nothing_rather_than_guess(tmp_path: Path) -> None:
    assert llama_cpp_build(tmp_path) == "" and llama_cpp_build(None) == ""
    assert build_backend(tmp_path / "missing") == "CPU"
    (tmp_path / "libggml-cuda.so").write_bytes(b"")
    assert build_backend(tmp_path) == "CUDA"


def test_gathering_the_facts_does_not_import_llama_cpp(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from app.core.about import about_facts; "
        f"about_facts(Path({str(tmp_path)!r})); print('llama_cpp' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
