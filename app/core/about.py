"""What Help → About tells: the versions Hearth runs on, the compute backend, the data folder.

Everything here is read from package metadata and the files of the llama.cpp build; nothing
heavy is imported (llama_cpp stays unloaded until a model is), so About opens at once. The
backend is the one the engine reports for the loaded model when there is one, else the one
the installed build offers. Qt's own version is the window's to give (core has no Qt).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import platform
import re
from dataclasses import dataclass
from pathlib import Path

import app
from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase

# Backend libraries a llama.cpp build may carry, as the engine names the backends.
_BACKEND_LIBRARIES = (
    ("ggml-cuda", "CUDA"),
    ("ggml-metal", "Metal"),
    ("ggml-hip", "ROCm"),
    ("ggml-vulkan", "Vulkan"),
    ("ggml-sycl", "SYCL"),
)
_BUILD = {
    "version": re.compile(r'set\(LLAMA_VERSION\s+"?([\w.+-]+)"?\)'),
    "commit": re.compile(r'set\(LLAMA_BUILD_COMMIT\s+"?([0-9a-fA-F]+)"?\)'),
    "number": re.compile(r'set\(LLAMA_BUILD_NUMBER\s+"?(\d+)"?\)'),
}
_LIBLLAMA = re.compile(r"^(?:lib)?llama\.(?:so\.|)(\d+\.\d+\.\d+)(?:\.dylib)?$")

BACKEND_LOADED = Phrase(
    "about.backend.loaded",
    QT_TRANSLATE_NOOP("Messages", "{backend} (running {model})"),
)
BACKEND_BUILD = Phrase(
    "about.backend.build",
    QT_TRANSLATE_NOOP("Messages", "{backend} (what this build offers; no model is loaded)"),
)


@dataclass(frozen=True)
class AboutFacts:
    """One row each in the About dialog. Versions are "" when not known; `backend` says
    whether a loaded model runs on it or the build offers it."""

    hearth: str
    llama_cpp_python: str
    llama_cpp: str
    pyside: str
    python: str
    system: str
    backend: Msg
    data_folder: Path


def about_facts(data_folder: Path, loaded_backend: str = "", loaded_model: str = "") -> AboutFacts:
    """The facts for this install; `loaded_backend` is what the engine reported for the model
    it runs (`LoadedModel.backend`), "" when none is loaded."""
    lib = _llama_lib()
    if loaded_backend:
        backend = BACKEND_LOADED(backend=loaded_backend, model=loaded_model)
    else:
        backend = BACKEND_BUILD(backend=build_backend(lib))
    return AboutFacts(
        hearth=app.__version__,
        llama_cpp_python=_version("llama_cpp_python"),
        llama_cpp=llama_cpp_build(lib),
        pyside=_version("PySide6-Essentials") or _version("PySide6"),
        python=platform.python_version(),
        system=f"{platform.system()} {platform.release()} ({platform.machine()})",
        backend=backend,
        data_folder=data_folder,
    )


def build_backend(lib: Path | None) -> str:
    """ "CUDA", "Metal", ...: the GPU backend whose library the build carries, else "CPU"."""
    names = [p.name.lower() for p in _files(lib)] if lib is not None else []
    for marker, backend in _BACKEND_LIBRARIES:
        if any(marker in name for name in names):
            return backend
    return "CPU"


def llama_cpp_build(lib: Path | None) -> str:
    """llama.cpp's build and commit ("b6045 (1b2c3d4)", or "0.5.0-dev (0c1e570)" for a build
    from a source archive), from the CMake file the build installs next to `lib`; else the
    version in libllama's file name; "" when neither is there."""
    if lib is None:
        return ""
    for folder in (lib, lib.parent.parent / "lib"):
        config = folder / "cmake" / "llama" / "llama-config.cmake"
        found = {k: _first_match(config, pattern) for k, pattern in _BUILD.items()}
        if any(found.values()):
            number = found["number"]
            build = f"b{number}" if number.isdigit() and int(number) > 1 else found["version"]
            commit = found["commit"][:7]
            return f"{build} ({commit})" if build and commit else build or commit
    versions = [m.group(1) for p in _files(lib) if (m := _LIBLLAMA.match(p.name)) is not None]
    return max(versions, key=len, default="")


def _files(folder: Path) -> list[Path]:
    return list(folder.iterdir()) if folder.is_dir() else []


def _first_match(path: Path, pattern: re.Pattern[str]) -> str:
    try:
        match = pattern.search(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return ""
    return match.group(1) if match else ""


def _llama_lib() -> Path | None:
    """llama_cpp/lib of the installed build, found without importing llama_cpp."""
    try:
        spec = importlib.util.find_spec("llama_cpp")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "lib"


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""
