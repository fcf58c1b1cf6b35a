"""What the installed llama.cpp build is, and what it asks of the CPU.

A build with runtime-dispatched CPU variants (`GGML_BACKEND_DL`, packaging/engine.py
`--cpu variants`) carries one CPU library per instruction-set level and no backend at all until
ggml loads them, so `prepare_backends` must run before the first model load; the default
portable build links its one CPU backend and needs nothing. `build_report` says which
instruction sets the build requires, from `llama_print_system_info()` (compile-time features).
"""

from __future__ import annotations

import ctypes
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

# Instruction sets as llama.cpp's system info names them, oldest first.
X86_FEATURES = (
    "SSE3",
    "SSSE3",
    "AVX",
    "F16C",
    "FMA",
    "BMI2",
    "AVX2",
    "AVX_VNNI",
    "AVX512",
    "AVX512_VBMI",
    "AVX512_VNNI",
    "AVX512_BF16",
    "AMX_INT8",
)
ARM_FEATURES = ("NEON", "ARM_FMA", "FP16_VA", "DOTPROD", "MATMUL_INT8", "SVE", "SME")
# What the default build must never need: the CPUs of most users lack it, and AMX crashes.
WIDE_FEATURES = ("AVX512", "AVX512_VBMI", "AVX512_VNNI", "AVX512_BF16", "AMX_INT8")

_VARIANT = re.compile(r"^(?:lib)?ggml-cpu-(?P<name>[\w.]+?)\.(?:so|dylib|dll)$")
_loaded = False


@dataclass(frozen=True)
class BuildReport:
    """The instruction sets the running CPU backend was compiled for, and the variants on disk
    (empty for a single portable build)."""

    features: tuple[str, ...]
    variants: tuple[str, ...]

    @property
    def wide(self) -> tuple[str, ...]:
        return tuple(f for f in self.features if f in WIDE_FEATURES)

    def describe(self) -> str:
        needs = " ".join(self.features) or "the architecture's baseline"
        if not self.variants:
            return f"CPU build needs {needs}"
        return (
            f"{len(self.variants)} CPU variants ({', '.join(self.variants)}); "
            f"the one in use needs {needs}"
        )


def library_dir(llama_cpp: ModuleType) -> Path:
    return Path(str(llama_cpp.__file__)).resolve().parent / "lib"


def cpu_variants(lib_dir: Path) -> tuple[str, ...]:
    """`("haswell", "icelake", ...)` when the build dispatches CPU variants at run time."""
    names = (m["name"] for p in lib_dir.iterdir() if (m := _VARIANT.match(p.name)) is not None)
    return tuple(sorted(set(names)))


def prepare_backends(llama_cpp: ModuleType | None = None) -> None:
    """Load a dispatched build's backends from llama_cpp/lib (once); nothing for other builds."""
    global _loaded
    if _loaded:
        return
    lib_dir = library_dir(_module(llama_cpp))
    if cpu_variants(lib_dir):
        ggml = ctypes.CDLL(str(_ggml_library(lib_dir)))
        ggml.ggml_backend_load_all_from_path.argtypes = [ctypes.c_char_p]
        ggml.ggml_backend_load_all_from_path.restype = None
        ggml.ggml_backend_load_all_from_path(str(lib_dir).encode())
    _loaded = True


def _ggml_library(lib_dir: Path) -> Path:
    """The very file libllama links to (its soname), so ggml's backend registry is not loaded
    a second time from one of the wheel's identical copies."""
    if sys.platform == "win32":
        names = ["ggml.dll", "libggml.dll"]
    elif sys.platform == "darwin":
        names = ["libggml.0.dylib", "libggml.dylib", "libggml.so"]
    else:
        names = ["libggml.so.0", "libggml.so"]
    for name in names:
        if (lib_dir / name).exists():
            return lib_dir / name
    raise FileNotFoundError(f"no ggml library in {lib_dir}")


def parse_features(system_info: str) -> tuple[str, ...]:
    """The instruction sets marked `= 1` in the CPU part of `llama_print_system_info()`."""
    marked = {
        name.strip().upper()
        for name, value in re.findall(r"([A-Za-z0-9_]+)\s*=\s*(\d+)", system_info)
        if value != "0"
    }
    known = X86_FEATURES + ARM_FEATURES
    return tuple(f for f in known if f in marked)


def build_report(llama_cpp: ModuleType | None = None) -> BuildReport:
    module = _module(llama_cpp)
    prepare_backends(module)
    return BuildReport(parse_features(system_info(module)), cpu_variants(library_dir(module)))


def system_info(llama_cpp: ModuleType) -> str:
    """`llama_print_system_info()` as text."""
    raw = llama_cpp.llama_print_system_info()
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _module(llama_cpp: ModuleType | None) -> ModuleType:
    if llama_cpp is not None:
        return llama_cpp
    import llama_cpp as imported

    return imported
