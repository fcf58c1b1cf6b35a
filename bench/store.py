"""Chat store benchmark: what telling damage from trouble costs, against plain SQLite, same run.

Builds chat databases of 1,000 and 10,000 messages (about 1.5 KB each) and times, best of five:
(1) a plain open (connect, WAL, synchronous=FULL, one query), (2) `ChatStore` opening (the
start lock, the header check, `quick_check`, the schema check) and listing the chats, and
(3) appending a message through each (one durable transaction on an open connection).
It also times a salvage of a database with one damaged page. Prints a table with the ratios
and writes bench/results/store.json. Run with `make bench`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.chats.salvage import salvage_all  # noqa: E402
from app.core.chats.store import ChatStore  # noqa: E402

REPEATS = 5
TEXT = "A sentence about travelling slowly through the hills. " * 28


def build(path: Path, messages: int) -> None:
    with ChatStore(path) as store:
        for n in range(messages // 10):
            chat = store.create_chat(f"chat {n}")
            rows = [store_row(chat.id, i) for i in range(10)]
            with store._write() as conn:
                conn.executemany(
                    "INSERT INTO messages (chat_id, role, content, created_at) VALUES (?,?,?,?)",
                    rows,
                )


def store_row(chat_id: int, i: int) -> tuple[int, str, str, float]:
    return (chat_id, "user" if i % 2 == 0 else "assistant", f"{i} {TEXT}", time.time())


def best(job: Callable[[], None]) -> float:
    times = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        job()
        times.append(time.perf_counter() - began)
    return min(times)


def plain_open(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("SELECT id, title FROM chats ORDER BY updated_at DESC").fetchall()
    conn.close()


def hearth_open(path: Path) -> None:
    with ChatStore(path) as store:
        store.list_chats()


def plain_append(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO messages (chat_id, role, content, created_at) VALUES (1, 'user', ?, 0)",
        (TEXT,),
    )
    conn.execute("COMMIT")


def hearth_append(store: ChatStore) -> None:
    store.add_message(1, "user", TEXT)


def damaged_salvage(folder: Path, messages: int) -> tuple[float, int]:
    path = folder / f"damaged-{messages}.sqlite3"
    build(path, messages)
    conn = sqlite3.connect(path)
    (page,) = conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' LIMIT 1 OFFSET 5"
    ).fetchone()
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(os.urandom(4096))
    began = time.perf_counter()
    with ChatStore(path) as store:
        (notice,) = salvage_all(store)
    return time.perf_counter() - began, int(notice.salvaged_messages or 0)


def main() -> None:
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for messages in (1_000, 10_000):
            path = folder / f"chats-{messages}.sqlite3"
            build(path, messages)
            row = {"messages": messages, "size_mb": path.stat().st_size / 1e6}
            row["plain_open_s"] = best(lambda: plain_open(path))  # noqa: B023
            row["hearth_open_s"] = best(lambda: hearth_open(path))  # noqa: B023
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("PRAGMA synchronous = FULL")
            row["plain_append_s"] = best(lambda: plain_append(conn))  # noqa: B023
            conn.close()
            with ChatStore(path) as store:
                row["hearth_append_s"] = best(lambda: hearth_append(store))
            row["salvage_s"], row["salvaged"] = damaged_salvage(folder, messages)
            results.append(row)
    print(
        f"{'messages':>9} {'MB':>6} {'plain open':>11} {'Hearth open':>12} {'ratio':>6} "
        f"{'plain add':>10} {'Hearth add':>11} {'ratio':>6} {'salvage':>8} {'kept':>6}"
    )
    for r in results:
        print(
            f"{r['messages']:>9,} {r['size_mb']:>6.1f} {r['plain_open_s'] * 1e3:>9.1f}ms "
            f"{r['hearth_open_s'] * 1e3:>10.1f}ms {r['hearth_open_s'] / r['plain_open_s']:>6.2f} "
            f"{r['plain_append_s'] * 1e3:>8.1f}ms {r['hearth_append_s'] * 1e3:>9.1f}ms "
            f"{r['hearth_append_s'] / r['plain_append_s']:>6.2f} {r['salvage_s']:>7.2f}s "
            f"{r['salvaged']:>6,}"
        )
    out = ROOT / "bench" / "results" / "store.json"
    out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
