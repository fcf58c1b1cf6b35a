"""Download benchmark: Hearth's downloader vs a plain streaming GET of the same file, same run.

Serves the Gemma 3 270M starter file (253 MB) from the local test hub on 127.0.0.1 and fetches
it (1) with a bare httpx2 streaming GET that only writes to disk, (2) through Hearth's
`Downloader` (resume bookkeeping, sha256, fsync, progress), (3) through the Models window's
`DownloadsController` (a download thread reporting to the Qt event loop), while a 5 ms timer
measures how late the event loop runs, against the same timer idle, and (4) through Hearth
again with the connection dropped halfway, reporting the bytes fetched twice.
Target: Hearth ≥ 0.9× plain; loop lateness while downloading ≤ 50 ms.

Prints a table and writes bench/results/download.json. Run with `make bench`.
"""

from __future__ import annotations

import json
import os
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
REPEATS = 5


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


def through_controller(
    hub_url: str,
    models: Path,
    listing_files: tuple,  # type: ignore[type-arg]
) -> tuple[float, dict[str, float]]:
    """The same download as the window runs it: seconds, and the event loop's lateness."""
    from PySide6.QtCore import QCoreApplication

    from app.core.models.download import DownloadJob
    from app.core.models.hub import HubClient
    from app.workers.downloads import DownloadsController
    from bench.ui import Lateness, wait

    app = QCoreApplication.instance() or QCoreApplication([])
    controller = DownloadsController(models, lambda: HubClient(endpoint=hub_url))
    probe = Lateness()
    probe.start()
    began = time.perf_counter()
    key = controller.add(DownloadJob(REPO, "main", listing_files, models))
    wait(app, lambda: controller.items[key].state in ("done", "failed"), 300)
    took = time.perf_counter() - began
    lateness = probe.stop()
    assert controller.items[key].state == "done", controller.items[key].message
    controller.shutdown()
    return took, lateness


def idle_lateness() -> dict[str, float]:
    """The 5 ms timer on an idle loop, the baseline for the lateness while downloading."""
    from PySide6.QtCore import QCoreApplication

    from app.main import GIL_SWITCH_S
    from bench.ui import Lateness, wait

    app = QCoreApplication.instance() or QCoreApplication([])
    sys.setswitchinterval(GIL_SWITCH_S)  # as the app runs (app/main.py)
    probe = Lateness()
    probe.start()
    idle_end = time.perf_counter() + 2.0
    wait(app, lambda: time.perf_counter() > idle_end, 5)
    return probe.stop()


def main() -> None:
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
        idle = idle_lateness()
        plain, hearth, windowed, busy = [], [], [], {"max_ms": 0.0}
        for n in range(REPEATS):  # interleaved, so that each round shares the machine's mood
            plain.append(plain_get(url, work / f"plain-{n}.gguf"))
            (work / f"plain-{n}.gguf").unlink()
            took, _ = hearth_get(remote, work / f"models-{n}", files)
            hearth.append(took)
            shutil.rmtree(work / f"models-{n}")
            took, lateness = through_controller(remote, work / f"models-ctl-{n}", files)
            windowed.append(took)
            busy = max(busy, lateness, key=lambda r: r["max_ms"])
            shutil.rmtree(work / f"models-ctl-{n}")
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
    w = statistics.median(windowed)
    results = {
        "file_mb": size / 1e6,
        "plain_get_mb_s": size / p / 1e6,
        "hearth_mb_s": size / h / 1e6,
        "ratio": p / h,
        "window_controller_mb_s": size / w / 1e6,
        "window_ratio": p / w,
        "loop_lateness_idle": idle,
        "loop_lateness_downloading": busy,
        "interrupted_bytes_served": served,
        "bytes_fetched_twice": served - size,
        "refetched_by_range_restart": refetched_flag,
    }
    print("\nHearth download benchmark (local hub on 127.0.0.1)")
    print(f"  file              {results['file_mb']:.0f} MB, median of {REPEATS}")
    print(f"  plain GET         {results['plain_get_mb_s']:.0f} MB/s")
    print(f"  Hearth            {results['hearth_mb_s']:.0f} MB/s   ratio {results['ratio']:.2f}")
    print(
        f"  via the window    {results['window_controller_mb_s']:.0f} MB/s   "
        f"ratio {results['window_ratio']:.2f}"
    )
    print(
        f"  loop lateness     idle max {idle['max_ms']:.1f} ms (p99 {idle['p99_ms']:.1f}), "
        f"downloading max {busy['max_ms']:.1f} ms (p99 {busy['p99_ms']:.1f})"
    )
    print(f"  dropped halfway   {results['bytes_fetched_twice']:,} bytes fetched twice")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "download.json").write_text(json.dumps(results, indent=2))
    sys.stdout.flush()
    os._exit(0)  # PySide6 may crash in interpreter teardown after a clean run (DESIGN.md)


if __name__ == "__main__":
    main()
