"""`hearth docs` and `hearth ask --docs` end to end: real index host, real engine, the stored
reply carries the right source."""

from __future__ import annotations

import json
from pathlib import Path

from app.core.chats.store import ChatStore
from app.core.paths import default_paths
from tests.core.rag.files import make_pdf
from tests.test_cli import hearth


def test_ask_answers_from_a_document_and_stores_its_source(
    qapp, hearth_home: Path, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "handbook"
    folder.mkdir()
    (folder / "cooking.md").write_text("# Cooking\n\nBoil pasta for ten minutes in salted water.\n")
    make_pdf(
        folder / "station.pdf",
        [
            "Welcome to the Orla research station. Meals are served in the east hall.",
            "Station rules. The radio password for the Orla research station is BLUE-HERON-42. "
            "Keep it private.",
        ],
    )
    added = hearth("docs", "add", "Handbook", str(folder), home=hearth_home, timeout=300)
    assert added.returncode == 0, added.stderr
    assert "2 files" in added.stdout and "embedded" in added.stderr

    query = hearth(
        "docs", "query", "Handbook", "radio password", "--json", home=hearth_home, timeout=300
    )
    assert query.returncode == 0, query.stderr
    first = json.loads(query.stdout)[0]
    assert (first["file"], first["page"]) == ("station.pdf", 2)

    asked = hearth(
        "ask",
        "--docs",
        "Handbook",
        "--temperature",
        "0",
        "--max-tokens",
        "48",
        "What is the radio password for the Orla research station?",
        home=hearth_home,
        timeout=300,
    )
    assert asked.returncode == 0, asked.stderr
    assert "Sources:" in asked.stdout and "station.pdf, page 2" in asked.stdout
    monkeypatch.setenv("HEARTH_HOME", str(hearth_home))
    with ChatStore(default_paths().chats_db) as store:
        (chat,) = store.list_chats()
        reply = store.messages(chat.id)[-1]
    assert reply.role == "assistant" and reply.sources
    top = reply.sources[0]
    assert (top["file"], top["page"]) == ("station.pdf", 2)
    assert "BLUE-HERON-42" in top["text"]

    listed = hearth("docs", "list", home=hearth_home)
    assert "Handbook: 2 files" in listed.stdout
    removed = hearth("docs", "remove", "Handbook", home=hearth_home)
    assert removed.returncode == 0 and "untouched" in removed.stderr
    assert (folder / "cooking.md").exists()


def test_unknown_collection_is_a_clear_error(hearth_home: Path) -> None:
    done = hearth("docs", "query", "Nope", "anything", home=hearth_home, timeout=300)
    assert done.returncode == 1
    assert "There is no collection named “Nope”" in done.stderr
