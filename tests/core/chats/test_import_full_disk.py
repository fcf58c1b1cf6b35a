"""An import onto a full disk stops at the first chat that does not fit and says how many wait."""

from __future__ import annotations

import json
from pathlib import Path

from app.core.chats.store import ChatStore
from app.core.chats.transfer import read_import_file, store_imports


def test_a_full_disk_stops_the_import_with_one_line(tmp_path: Path) -> None:
    chats = [
        {
            "title": f"trip {n}",
            "created_at": 1_700_000_000 + n,
            "messages": [{"role": "user", "content": "x" * 5000, "created_at": 1_700_000_000}],
        }
        for n in range(40)
    ]
    source = tmp_path / "export.json"
    source.write_text(json.dumps({"format": "hearth.chats", "version": 1, "chats": chats}))
    with ChatStore(tmp_path / "chats.sqlite3") as store:
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages + 12}")  # room for a few
        outcome = store_imports(store, read_import_file(source))
        assert 0 < len(outcome.added) < 40 and len(store.list_chats()) == len(outcome.added)
    (line,) = map(str, outcome.skipped)
    assert (
        line.startswith(f"{40 - len(outcome.added)} chat(s) could not be added") and "full" in line
    )
