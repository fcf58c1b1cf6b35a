"""packaging/engine.py: the wheelhouse key follows the flags, the wheel is reused, and the
set-up smoke check stops on a crashed engine with what to do."""

from __future__ import annotations

import stat
import sys
import zipfile
from pathlib import Path

import pytest

from bench.cpu_builds import engine_script

ROOT = Path(__file__).resolve().parents[2]


engine = engine_script()  # packaging/engine.py, loaded by path (it is not a package)


def test_every_build_names_its_cpu_flags_and_never_asks_for_native() -> None:
    for backend in engine.BACKENDS:
        flags = engine.cmake_args(backend, "portable")
        assert "-DGGML_NATIVE=OFF" in flags and "-DGGML_NATIVE=ON" not in flags
    portable = engine.cmake_args("cpu", "portable")
    if engine.platform.machine().lower() in ("x86_64", "amd64"):
        assert "-DGGML_AVX2=ON" in portable
        for wide in ("AVX512", "AVX512_VNNI", "AMX_INT8", "AMX_TILE"):
            assert f"-DGGML_{wide}=OFF" in portable


def test_the_key_changes_with_backend_flags_and_cpu_build(monkeypatch: pytest.MonkeyPatch) -> None:
    cpu = engine.build_key("cpu", "portable")
    assert cpu.startswith(f"{engine.VERSION}-cpu-portable-") and cpu == engine.build_key(
        "cpu", "portable"
    )
    assert engine.build_key("vulkan", "portable") != cpu
    monkeypatch.setenv("HEARTH_CUDA_ARCHITECTURES", "86")
    cuda_86 = engine.build_key("cuda", "portable")
    assert "-DCMAKE_CUDA_ARCHITECTURES=86" in engine.cmake_args("cuda", "portable")
    monkeypatch.setenv("HEARTH_CUDA_ARCHITECTURES", "89")
    assert engine.build_key("cuda", "portable") != cuda_86
    monkeypatch.setattr(engine, "X86_PORTABLE", [*engine.X86_PORTABLE, "-DGGML_LLAMAFILE=OFF"])
    monkeypatch.setattr(engine, "COMMON", [*engine.COMMON, "-DGGML_OPENMP=OFF"])
    assert engine.build_key("cpu", "portable") != cpu


def test_a_wheel_in_the_wheelhouse_is_reused_without_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEARTH_WHEELHOUSE", str(tmp_path))
    folder = tmp_path / engine.build_key("cpu", "portable")
    folder.mkdir()
    wheel = folder / f"llama_cpp_python-{engine.VERSION}-cp311-cp311-linux_x86_64.whl"
    wheel.write_bytes(b"PK")

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("the wheelhouse holds this key: nothing may be compiled")

    monkeypatch.setattr(engine.subprocess, "run", no_build)
    assert engine.ensure_wheel("cpu", "portable") == wheel


def test_dropped_variants_leave_the_wheel_and_its_record(tmp_path: Path) -> None:
    wheel = tmp_path / "llama_cpp_python-0.3.36-cp311-cp311-linux_x86_64.whl"
    with zipfile.ZipFile(wheel, "w") as out:
        out.writestr("llama_cpp/lib/libggml-cpu-haswell.so", b"h")
        out.writestr("llama_cpp/lib/libggml-cpu-sapphirerapids.so", b"amx")
        record = "llama_cpp/lib/libggml-cpu-haswell.so,sha256=a,1\n"
        record += "llama_cpp/lib/libggml-cpu-sapphirerapids.so,sha256=b,3\n"
        out.writestr("llama_cpp_python-0.3.36.dist-info/RECORD", record)
    engine._drop_members(wheel, engine.DROPPED_VARIANTS)
    with zipfile.ZipFile(wheel) as kept:
        assert kept.namelist() == [
            "llama_cpp/lib/libggml-cpu-haswell.so",
            "llama_cpp_python-0.3.36.dist-info/RECORD",
        ]
        assert (
            "sapphirerapids" not in kept.read("llama_cpp_python-0.3.36.dist-info/RECORD").decode()
        )


def test_the_smoke_check_decodes_with_the_installed_engine(
    capsys: pytest.CaptureFixture[str],
) -> None:
    engine.check(sys.executable)
    out = capsys.readouterr().out
    assert "decoded:" in out and "build: CPU" in out


def test_a_crashing_engine_stops_set_up_with_how_to_rebuild(tmp_path: Path) -> None:
    crashing = tmp_path / "python"  # stands in for an interpreter whose llama.cpp segfaults
    crashing.write_text("#!/bin/sh\necho 'llama_model_load: amx repack' >&2\nkill -SEGV $$\n")
    crashing.chmod(crashing.stat().st_mode | stat.S_IXUSR)
    with pytest.raises(engine.EngineError) as failure:
        engine.check(str(crashing))
    message = str(failure.value)
    assert "signal 11 (SIGSEGV)" in message and "amx repack" in message
    assert "make engine-clean setup" in message


def test_the_command_line_refuses_an_unknown_backend(capsys: pytest.CaptureFixture[str]) -> None:
    assert engine.main(["info", "--backend", "rocm"]) == 1
    assert "choose cpu, cuda, metal, vulkan" in capsys.readouterr().err
    assert engine.main(["info", "--backend", "none"]) == 0
