"""Download benchmark: Hearth's downloader vs a plain streaming GET of the same file, same run.

Serves the Gemma 3 270M starter file (253 MB) from the local test hub on 127.0.0.1 and fetches
it (1) with a bare httpx2 streaming GET that only writes to disk, (2) through Hearth's
`Downloader` (resume bookkeeping, sha256, fsync, progress), and (3) through Hearth again with
the connection dropped halfway, reporting the bytes fetched twice. Target: Hearth ≥ 0.9× plain.

Prints a table and writes bench/results/download.json. Run with `make bench`.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REPO = "bench/gemma-3-270m-GGUF"
FILE = "gemma-3-270m-Q4_K_M.gguf"
REPEATS = 3


def plain_get(url: str, out: Path) -> float:
    import httpx2

    began = time.perf_counter()
    with (
        httpx2.Client(timeout=30) as client,
        client.stream("GET", url) as response,
        out.open("wb") as handle,
    ):
        for block in response.iter_bytes(1024 * 1024):
            handle.write(block)
    return time.perf_counter() - began


def hearth_get(hub_url: str, models: Path, listing_files: tuple) -> tuple[float, int]:  # type: ignore[type-arg]
    from app.core.models.download import Downloader, DownloadJob
    from app.core.models.hub import HubClient

    client = HubClient(endpoint=hub_url)
    job = DownloadJob(REPO, "main", listing_files, models)
    began = time.perf_counter()
    events = list(Downloader(client.file_url, client.headers()).run(job, threading.Event()))
    return time.perf_counter() - began, events[-1].refetched


def main() -> int:
    from app.core.models.hub import HubClient
    from app.core.models.starters import gemma_path
    from tests.hub.server import HubFile, HubRepo, LocalHub

    work = Path(tempfile.mkdtemp(prefix="hearth-bench-dl-"))
    source = gemma_path(work / "source")
    assert source is not None, "run `make setup` first"
    size = source.stat().st_size
    # the timed runs use a hub in its own process, so the server does not share our GIL
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.hub.server", REPO, FILE, str(source)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    remote = server.stdout.readline().strip()
    try:
        files = HubClient(endpoint=remote).listing(REPO).choices[0].files
        url = HubClient(endpoint=remote).file_url(REPO, FILE, "main")
        plain, hearth = [], []
        for n in range(REPEATS):
            plain.append(plain_get(url, work / f"plain-{n}.gguf"))
            (work / f"plain-{n}.gguf").unlink()
            took, _ = hearth_get(remote, work / f"models-{n}", files)
            hearth.append(took)
            shutil.rmtree(work / f"models-{n}")
    finally:
        server.kill()
    hub = LocalHub()  # in-process, to count what the server sent around a dropped connection
    hub.add(HubRepo(REPO, [HubFile(FILE, source)]))
    hub.start()
    hub.faults.drop_after = size // 2
    hub.served.clear()
    _, refetched_flag = hearth_get(hub.url, work / "models-drop", files)
    served = sum(s.sent for s in hub.served if s.method == "GET")
    hub.stop()
    p, h = statistics.median(plain), statistics.median(hearth)
    results = {
        "file_mb": size / 1e6,
        "plain_get_mb_s": size / p / 1e6,
        "hearth_mb_s": size / h / 1e6,
        "ratio": p / h,
        "interrupted_bytes_served": served,
        "bytes_fetched_twice": served - size,
        "refetched_by_range_restart": refetched_flag,
    }
    print("\nHearth download benchmark (local hub on 127.0.0.1)")
    print(f"  file              {results['file_mb']:.0f} MB, median of {REPEATS}")
    print(f"  plain GET         {results['plain_get_mb_s']:.0f} MB/s")
    print(f"  Hearth            {results['hearth_mb_s']:.0f} MB/s   ratio {results['ratio']:.2f}")
    print(f"  dropped halfway   {results['bytes_fetched_twice']:,} bytes fetched twice")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "download.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
