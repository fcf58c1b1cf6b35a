"""The portable AVX2 engine build against the runtime-dispatched CPU variants, in one run.

Each build's wheel comes from the engine wheelhouse (packaging/engine.py); its `llama_cpp` is
unpacked into a temporary folder and run in a child process that puts it first on the path, so
both builds run the same Python, model, prompt and threads. A child measures prompt processing
and greedy decode (medians of REPEATS) and says which CPU features the build in use needs.

    python bench/cpu_builds.py            # part of bench/engine.py; also runs alone
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
BUILDS = ("portable", "variants")
PROMPT_WORDS = 300
DECODE_TOKENS = 128
REPEATS = 5
STORY = b"Once upon a time, in a small village by the sea, there lived"


@dataclass(frozen=True)
class BuildRun:
    build: str
    prompt_tokens_per_s: float
    decode_tokens_per_s: float
    decoded: str
    needs: str


def engine_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "hearth_engine_build", ROOT / "packaging/engine.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def wheel_for(build: str) -> Path | None:
    engine = engine_script()
    backend = os.environ.get("HEARTH_GPU") or "cpu"
    return engine.find_wheel(engine.wheelhouse_root() / engine.build_key(backend, build))


def run_build(build: str, wheel: Path, model: Path, threads: int) -> BuildRun:
    with tempfile.TemporaryDirectory(prefix=f"hearth-{build}-") as folder:
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(
                folder, [n for n in archive.namelist() if n.startswith("llama_cpp/")]
            )
        for library in Path(folder, "llama_cpp", "lib").iterdir():
            library.chmod(0o755)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([folder, str(ROOT)]))
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(model), str(threads)],
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
    if done.returncode != 0:
        raise RuntimeError(
            f"the {build} build failed (exit {done.returncode}): {done.stderr[-800:]}"
        )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return BuildRun(build, **figures)


def child(model: str, threads: int) -> None:
    """In the child: the unpacked build, prepared like Hearth prepares it, timed."""
    import statistics
    import time

    import llama_cpp

    from app.core.engine.runtime import build_report

    report = build_report(llama_cpp)  # loads a dispatched build's variants first
    llm = llama_cpp.Llama(
        model, n_ctx=2048, n_threads=threads, n_threads_batch=threads, n_gpu_layers=0, verbose=False
    )
    words = (
        "the quiet harbour town kept its lamps lit through the long winter night " * 40
    ).split()
    prompt = llm.tokenize(" ".join(words[:PROMPT_WORDS]).encode(), add_bos=True)
    prompt_rates, decode_rates, text = [], [], ""
    for _ in range(REPEATS):
        llm.reset()
        began = time.perf_counter()
        llm.eval(prompt)
        prompt_rates.append(len(prompt) / (time.perf_counter() - began))
        start = llm.tokenize(
            b"Once upon a time, in a small village by the sea, there lived", add_bos=True
        )
        out, first, last = [], 0.0, 0.0
        for token in llm.generate(start, temp=0.0, reset=True):
            now = time.perf_counter()
            first = first or now
            if llama_cpp.llama_vocab_is_eog(llm._model.vocab, token) or len(out) >= DECODE_TOKENS:
                break
            out.append(token)
            last = now
        decode_rates.append((len(out) - 1) / (last - first))
        text = llm.detokenize(out[:12]).decode(errors="replace")
    llm.close()
    figures = {
        "prompt_tokens_per_s": round(statistics.median(prompt_rates), 1),
        "decode_tokens_per_s": round(statistics.median(decode_rates), 1),
        "decoded": text,
        "needs": report.describe(),
    }
    print(json.dumps(figures))


def compare(model: Path, threads: int) -> dict[str, object]:
    """Both builds, or the reason one is missing; prints the lines of the comparison."""
    runs: dict[str, BuildRun] = {}
    figures: dict[str, object] = {}
    for build in BUILDS:
        wheel = wheel_for(build)
        if wheel is None:
            reason = (
                f"no {build} wheel: build it with `python packaging/engine.py wheel --cpu {build}`"
            )
            print(f"cpu      {build:9s} not measured ({reason})")
            figures[f"{build}_missing"] = reason
            continue
        run = run_build(build, wheel, model, threads)
        runs[build] = run
        print(
            f"cpu      {build:9s} prompt {run.prompt_tokens_per_s:7.1f} tok/s | decode "
            f"{run.decode_tokens_per_s:6.1f} tok/s | {run.needs} | {run.decoded!r}"
        )
        figures[build] = run.__dict__
    if len(runs) == 2:
        base, fast = runs["portable"], runs["variants"]
        prompt = fast.prompt_tokens_per_s / base.prompt_tokens_per_s
        decode = fast.decode_tokens_per_s / base.decode_tokens_per_s
        same = base.decoded == fast.decoded
        print(
            f"cpu      variants / portable: prompt {prompt:.3f} | decode {decode:.3f} | "
            f"same greedy text: {'yes' if same else 'no'}"
        )
        figures.update(prompt_ratio=round(prompt, 3), decode_ratio=round(decode, 3), same_text=same)
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], int(sys.argv[3]))
    else:
        sys.path.insert(0, str(ROOT))
        from app.core.engine.backend import default_threads
        from app.core.models.starters import smollm2_path

        found = smollm2_path()
        if found is None:
            raise SystemExit("the starter model is not installed: run `make setup`")
        compare(found, default_threads())
