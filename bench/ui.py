"""UI benchmark: window start, event-loop stalls, and streaming cost, each with its baseline.

1. Window start: process start → main window painted (`hearth-app --quit-after-paint`), vs a
   bare PySide6 process that paints an empty QMainWindow. Target ≤ 1.0 s. Also checks that no
   heavy library (llama_cpp, chromadb, torch, huggingface_hub) was imported before the paint.
2. Responsiveness: the lateness of a 5 ms timer while the real engine host loads a model and
   while a 1,000-token answer streams into the window, vs the same timer on an idle loop.
   Target max ≤ 50 ms.
3. Streaming cost: view time per token over tokens 3,900–4,000 vs 100–200 of one long Markdown
   answer, fed in the controller's batches. Target ratio ≤ 2. Measured twice: below earlier
   messages that fill the view (both windows scroll), and from an empty chat, where tokens
   100–200 still fit on screen and skip the viewport repaint that scrolling costs; there the
   1,000–1,100 window (already scrolling) shows whether the cost grows with the answer.

Prints a table and writes bench/results/ui.json. Run with `make bench`.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = (
    "import sys\nfrom PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\nw = QMainWindow(); w.resize(1100, 760); w.show(); w.repaint()\n"
    "print('painted', flush=True)\n"
)


def timed_start(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    began = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    took = time.perf_counter() - began
    proc.wait(timeout=60)
    return took, line.strip()


def window_start(repeats: int = 5) -> dict[str, object]:
    env = dict(os.environ, HEARTH_HOME=tempfile.mkdtemp(prefix="hearth-bench-"))
    app = [str(Path(sys.executable).parent / "hearth-app"), "--quit-after-paint"]
    timed_start(app, env)  # warm the file cache once
    hearth, bare, heavy = [], [], ""
    for _ in range(repeats):
        took, line = timed_start(app, env)
        hearth.append(took)
        heavy = line.partition("heavy=")[2]
        bare.append(timed_start([sys.executable, "-c", BARE], env)[0])
    h, b = statistics.median(hearth), statistics.median(bare)
    return {"hearth_s": h, "bare_qt_s": b, "ratio": h / b, "heavy_before_paint": heavy or "none"}


class Lateness:
    """A 5 ms timer that records how late each tick fires."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.samples: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, now - self._last - 0.005) * 1000)
        self._last = now

    def start(self) -> None:
        self.samples, self._last = [], time.perf_counter()
        self.timer.start()

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        ordered = sorted(self.samples)
        return {
            "max_ms": ordered[-1] if ordered else 0.0,
            "p99_ms": ordered[int(len(ordered) * 0.99)] if ordered else 0.0,
            "ticks": float(len(ordered)),
        }


def wait(app: object, condition: object, timeout: float) -> None:
    """Run the Qt event loop (as the app does) until `condition()` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    end = time.perf_counter() + timeout
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(
        lambda: loop.quit() if condition() or time.perf_counter() > end else None  # type: ignore[operator]
    )
    poll.start()
    loop.exec()
    poll.stop()
    if not condition():  # type: ignore[operator]
        raise TimeoutError("the window did not get there in time")


def responsiveness() -> dict[str, object]:
    os.environ["HEARTH_HOME"] = tempfile.mkdtemp(prefix="hearth-bench-")
    from app.core.settings import SamplingSettings
    from app.main import build_window

    app, window = build_window()
    window.show()
    probe = Lateness()
    probe.start()
    idle_end = time.perf_counter() + 2.0
    wait(app, lambda: time.perf_counter() > idle_end, 3.0)
    idle = probe.stop()
    session = window.session
    probe.start()
    session.start()
    wait(app, lambda: session.engine.state == "ready", 120)
    loading = probe.stop()
    gemma = next(e.id for e in session.entries if "gemma" in e.id.lower())
    session.settings = session.settings.model_copy(
        update={"sampling": SamplingSettings(temperature=0.8, max_tokens=1000, seed=2)}
    )
    probe.start()
    session.select_model(gemma)  # a base model: it writes the whole 1,000 tokens
    wait(app, lambda: session.engine.state == "ready" and session.completion_mode, 120)
    loading_gemma = probe.stop()
    results: list[object] = []
    session.engine.generation_finished.connect(lambda _rid, result: results.append(result))
    probe.start()
    session.send("The history of the lighthouse begins")
    wait(app, lambda: bool(results), 300)
    streaming = probe.stop()
    tokens = results[0].timings.completion_tokens  # type: ignore[attr-defined]
    window.close()
    return {
        "idle": idle,
        "load_smollm2": loading,
        "load_gemma": loading_gemma,
        "stream": {**streaming, "tokens": tokens},
    }


def streaming_cost(below_earlier_chat: bool) -> dict[str, float]:
    """Per-token view time, early vs late in one answer. With `below_earlier_chat`, the answer
    follows earlier messages that already fill the view, so both windows scroll; from an empty
    chat, tokens 100–200 still fit on screen and cost less because nothing scrolls yet."""
    from PySide6.QtWidgets import QApplication

    from app.core.chats.store import StoredMessage
    from app.ui.chat_view import ChatView
    from tests.ui.fakes import tokens

    app = QApplication.instance() or QApplication([])
    paragraph = (
        "The keeper climbed the **stairs** each night, checked the `lamp`, and wrote the "
        "weather in the log before the ships came in.\n\n"
    )
    code = "```python\nfor night in range(365):\n    light(lamp)\n```\n\n"
    pieces = tokens((paragraph * 3 + code) * 120)[:4000]
    assert len(pieces) == 4000
    earlier = [
        StoredMessage(n, 1, "user" if n % 2 else "assistant", paragraph * 4, "complete", 0.0)
        for n in range(1, 5)
    ]
    view = ChatView()
    view.resize(900, 700)
    view.show()
    view.show_chat(earlier if below_earlier_chat else [])
    view.begin_reply("…")
    per_token: list[float] = []
    batch = 4  # about what a 40 ms flush carries at ~100 tokens/s
    for start in range(0, len(pieces), batch):
        text = "".join(pieces[start : start + batch])
        began = time.perf_counter()
        view.append_text(text)
        app.processEvents()
        per_token += [(time.perf_counter() - began) / batch] * batch
    view.close()
    early = statistics.mean(per_token[100:200]) * 1e6
    scrolling = statistics.mean(per_token[1000:1100]) * 1e6
    late = statistics.mean(per_token[3900:4000]) * 1e6
    return {
        "us_per_token_100_200": early,
        "us_per_token_1000_1100": scrolling,
        "us_per_token_3900_4000": late,
        "ratio": late / early,
        "ratio_vs_1000_1100": late / scrolling,
    }


def main() -> int:
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    start = window_start()
    cost = {
        "below_earlier_chat": streaming_cost(below_earlier_chat=True),
        "empty_chat": streaming_cost(below_earlier_chat=False),
    }
    print("window start and streaming cost measured; now the event loop", flush=True)
    stalls = responsiveness()
    results = {"window_start": start, "streaming_cost": cost, "responsiveness": stalls}
    print("\nHearth UI benchmark")
    print(
        f"  window start      {start['hearth_s']:.3f} s  "
        f"(bare Qt window {start['bare_qt_s']:.3f} s, "
        f"ratio {start['ratio']:.2f}; heavy modules before paint: {start['heavy_before_paint']})"
    )
    for name in ("idle", "load_smollm2", "load_gemma", "stream"):
        row = stalls[name]
        print(
            f"  loop lateness {name:<13} max {row['max_ms']:6.1f} ms   p99 {row['p99_ms']:5.1f} ms"
        )  # type: ignore[index]
    print(f"  stream tokens     {stalls['stream']['tokens']}")  # type: ignore[index]
    for name, row in cost.items():
        print(
            f"  streaming cost    {row['us_per_token_100_200']:.0f} µs/token at 100–200, "
            f"{row['us_per_token_3900_4000']:.0f} µs/token at 3,900–4,000, "
            f"ratio {row['ratio']:.2f}; vs 1,000–1,100 {row['ratio_vs_1000_1100']:.2f} "
            f"({name.replace('_', ' ')})"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ui.json").write_text(json.dumps(results, indent=2))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
