"""Thinking benchmark: telling a reasoning model's thoughts from its answer as a reply streams.

Times, best of five, for one reply of 20,000 token-sized pieces (half thinking, half answer):
(1) the baseline, what the stream did before, joining the raw pieces; (2) `ReplyStream`, which
splits each event into thinking and answer, counts the thinking's tokens and seconds and builds
the stored reply. Prints the per-token cost, which must stay far below a token's decode time
(tens of milliseconds on CPU), and writes bench/results/thinking.json.

    python bench/thinking.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.engine.types import GenerationResult, Timings, TokenEvent  # noqa: E402
from app.core.reply_stream import ReplyStream  # noqa: E402
from bench.timing import best  # noqa: E402

PIECES = 20_000


def events() -> list[TokenEvent]:
    words = ["<think>", "\n"] + [" hmm"] * (PIECES // 2) + ["</", "think>", "\n\n"]
    words += [" yes"] * (PIECES - len(words))
    return [TokenEvent(1, w, 100, n) for n, w in enumerate(words, 1)]


def baseline(stream: list[TokenEvent]) -> str:
    return "".join(e.text for e in stream)


def split(stream: list[TokenEvent], raw: str) -> GenerationResult:
    reply = ReplyStream()
    for event in stream:
        reply.token(event)
    reply.finish()
    timings = Timings(100, 100, len(stream), 100 + len(stream), 32768, 0.1, 10.0)
    return reply.result(GenerationResult(1, raw, "stop", timings))


def main() -> None:
    stream = events()
    raw = baseline(stream)
    result = split(stream, raw)
    assert result.reasoning and result.text.startswith("yes")
    rows = {
        f"baseline: join {PIECES:,} raw pieces": best(lambda: baseline(stream)),
        f"ReplyStream: split {PIECES:,} pieces": best(lambda: split(stream, raw)),
    }
    base, hearth = rows.values()
    for name, seconds in rows.items():
        print(f"{name:40} {seconds * 1000:9.2f} ms  {seconds / PIECES * 1e6:7.2f} µs/token")
    print(f"ratio: {hearth / base:.1f}× the baseline")
    out = ROOT / "bench/results/thinking.json"
    out.write_text(json.dumps({"seconds": rows, "pieces": PIECES}, indent=2) + "\n")


if __name__ == "__main__":
    main()
