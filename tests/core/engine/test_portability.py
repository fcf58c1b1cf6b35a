"""The installed engine is the build set-up made, and it runs on CPUs older than this one.

The default build must not need AVX-512 or AMX: most users' CPUs lack them, and the AMX path
crashed in decode on the Xeons this project is built on. These tests read the real installed
llama.cpp (`llama_print_system_info()`, its library folder and set-up's marker).
"""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

import llama_cpp
import pytest

from app.core.engine.runtime import (
    WIDE_FEATURES,
    BuildReport,
    build_report,
    cpu_variants,
    library_dir,
    parse_features,
)

MARKER = Path(sys.prefix) / "hearth-engine.json"
X86 = platform.machine().lower() in ("x86_64", "amd64")


def installed_build() -> dict[str, object]:
    assert MARKER.exists(), (
        "llama-cpp-python was not installed by packaging/engine.py (no hearth-engine.json in "
        "the virtual environment): run `make setup`"
    )
    return dict(json.loads(MARKER.read_text()))


def test_the_engine_was_built_with_explicit_cpu_flags() -> None:
    build = installed_build()
    flags = build["cmake_args"]
    assert isinstance(flags, list) and "-DGGML_NATIVE=OFF" in flags
    assert "-DGGML_NATIVE=ON" not in flags
    assert not any(f.startswith("-DGGML_AMX") and f.endswith("=ON") for f in flags)
    assert llama_cpp.__version__ == str(build["key"]).split("-")[0]


def test_the_default_build_needs_no_avx512_or_amx() -> None:
    report = build_report(llama_cpp)
    assert report.features, "llama_print_system_info() names no CPU features"
    if installed_build()["cpu"] == "portable":
        assert report.wide == (), f"the portable build needs {report.wide}"
        assert report.variants == ()
        if X86:
            assert {"AVX", "AVX2", "FMA", "F16C"} <= set(report.features)
    assert "AMX_INT8" not in report.features


def test_a_dispatched_build_ships_no_amx_variant() -> None:
    variants = cpu_variants(library_dir(llama_cpp))
    assert "sapphirerapids" not in variants  # the only x86 variant built with AMX
    if installed_build()["cpu"] == "variants":
        assert {"x64", "haswell"} <= set(variants)


def test_system_info_parsing_reads_the_marked_features() -> None:
    native = (
        "CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | BMI2 = 1 | "
        "AVX512 = 1 | AVX512_VBMI = 1 | AVX512_VNNI = 1 | AVX512_BF16 = 1 | AMX_INT8 = 1 | "
        "LLAMAFILE = 1 | OPENMP = 1 | REPACK = 1 |"
    )
    features = parse_features(native)
    assert features[:3] == ("SSE3", "SSSE3", "AVX")
    report = BuildReport(features, ())
    assert report.wide == WIDE_FEATURES
    assert "LLAMAFILE" not in features and "OPENMP" not in features
    assert parse_features("CPU : AVX512 = 0 | AVX2 = 1 |") == ("AVX2",)


@pytest.mark.parametrize(
    ("variants", "expected"),
    [((), "CPU build needs AVX AVX2"), (("haswell", "x64"), "2 CPU variants (haswell, x64)")],
)
def test_the_report_names_what_the_build_needs(variants: tuple[str, ...], expected: str) -> None:
    assert BuildReport(("AVX", "AVX2"), variants).describe().startswith(expected)


def test_variant_libraries_are_found_by_name(tmp_path: Path) -> None:
    for name in ("libggml-cpu-haswell.so", "libggml-cpu-x64.so", "libggml-base.so", "libllama.so"):
        (tmp_path / name).write_bytes(b"")
    assert cpu_variants(tmp_path) == ("haswell", "x64")
