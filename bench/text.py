"""Message ids benchmark: what speaking a core message costs, against an f-string, same run.

A skip-reason list of 10,000 files is the largest batch of messages the window shows at once.
Times, best of five: (1) the baseline, an English f-string per file; (2) `str(msg)`, the English
rendering of a real skip reason (two sizes); (3) `i18n.say(msg)` in Chinese (a QTranslator
lookup and QLocale formatting); (4) the catalog's round trip, `to_json` and `from_json`, per
row. Prints a table with the ratios and writes bench/results/text.json. Run with `make bench`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.rag.texts import TOO_LARGE  # noqa: E402
from app.core.text import Msg, Size  # noqa: E402
from app.workers import i18n  # noqa: E402
from bench.timing import best  # noqa: E402

ROWS = 10_000
REPEATS = 5


def main() -> int:
    names = [f"report-{n}.pdf" for n in range(ROWS)]
    msgs = [
        TOO_LARGE(size=Size(n * 1_000_003), limit=Size(200_000_000)) for n, name in enumerate(names)
    ]
    stored = [msg.to_json() for msg in msgs]
    i18n.use_language("zh_CN")
    runs = {
        "f-string (baseline)": lambda: [
            f"The file is {n / 1e6:.1f} MB; files over 200.0 MB are not indexed."
            for n, name in enumerate(names)
        ],
        "str(msg), English": lambda: [str(msg) for msg in msgs],
        "i18n.say(msg), Chinese": lambda: [i18n.say(msg) for msg in msgs],
        "to_json + from_json": lambda: [Msg.from_json(msg.to_json()) for msg in msgs],
        "from_json + say": lambda: [i18n.say(Msg.from_json(row)) for row in stored],
    }
    results = {name: best(job, REPEATS) for name, job in runs.items()}
    base = results["f-string (baseline)"]
    print(f"{ROWS:,} messages, best of {REPEATS}")
    for name, seconds in results.items():
        per = seconds / ROWS * 1e6
        print(
            f"  {name:<26} {seconds * 1000:8.1f} ms  {per:6.2f} µs/message  x{seconds / base:6.1f}"
        )
    out = ROOT / "bench" / "results" / "text.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"rows": ROWS, "seconds": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
