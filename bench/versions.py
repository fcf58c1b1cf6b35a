"""Answer versions benchmark: opening a long chat with versions, against reading its rows.

A chat of 1,000 turns (2,000 messages) in which every fifth answer was regenerated twice and
every tenth question edited once: 2,500 messages, of which the conversation shown is 2,000.
Times, best of five, on the real SQLite store: (1) the baseline, the plain query that read a
chat before versions (`SELECT ... ORDER BY id` into StoredMessage rows); (2) `messages()`, the
path shown with each message's versions; (3) `show_version` of an early message (a write and a
new path); (4) `fork` at the middle. Prints the ratios and writes bench/results/versions.json.
Run with `make bench`.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.chats.store import ChatStore  # noqa: E402
from bench.timing import best  # noqa: E402

TURNS = 1_000
REPEATS = 5


def build(store: ChatStore) -> tuple[int, int]:
    """The chat described above; returns its id and the id of an early edited question."""
    chat = store.create_chat("Long chat")
    early = 0
    for turn in range(TURNS):
        question = store.add_message(chat.id, "user", f"Question {turn}: " + "words " * 20)
        if turn % 10 == 0:  # edited once: the new version is the one that goes on
            edited = store.add_message(chat.id, "user", f"Edited {turn}", after=question.parent_id)
            early = early or question.id
            question = edited
        store.add_message(chat.id, "assistant", f"Answer {turn}: " + "text " * 60)
        if turn % 5 == 0:  # regenerated twice
            for again in range(2):
                store.show_up_to(chat.id, question.id)
                store.add_message(chat.id, "assistant", f"Answer {turn}, take {again + 2}")
    return chat.id, early


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        store = ChatStore(Path(scratch) / "chats.sqlite3")
        chat_id, early = build(store)
        total = len(store.all_messages(chat_id))
        shown = len(store.messages(chat_id))
        latest = store.messages(chat_id)[0].siblings[-1]

        def plain_rows() -> object:
            return store._every(chat_id)  # the query a chat was read with before versions

        def switch_back_and_forth() -> object:
            store.show_version(chat_id, early)
            return store.show_version(chat_id, latest)

        middle = store.messages(chat_id)[shown // 2].id
        runs = {
            "rows by id (baseline)": plain_rows,
            "messages(): path + versions": lambda: store.messages(chat_id),
            "show_version, twice": switch_back_and_forth,
            "fork at the middle": lambda: store.fork(chat_id, middle),
        }
        results = {name: best(job, REPEATS) for name, job in runs.items()}
        store.close()
    base = results["rows by id (baseline)"]
    print(f"a chat of {total:,} messages, {shown:,} shown; best of {REPEATS}")
    for name, seconds in results.items():
        print(f"  {name:<30} {seconds * 1000:8.1f} ms  x{seconds / base:6.1f}")
    out = ROOT / "bench" / "results" / "versions.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"messages": total, "shown": shown, "seconds": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
