"""`hearth chats import` of a file imported before: refused with a sentence that says how to
import it anyway (`--again`), and nothing added; with `--again`, a second marked copy.
Run through the CLI's own entry point on a real store in an isolated HEARTH_HOME."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import cli
from app.core.chats.export import write_export
from app.core.chats.import_mark import ImportedFrom
from app.core.chats.store import ChatStore
from app.core.chats.transfer import gather
from app.core.paths import default_paths


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    """A Hearth JSON export of one chat, made in a store of its own."""
    with ChatStore(tmp_path / "source.sqlite3") as store:
        chat = store.create_chat("灯塔 lighthouse", model="smol")
        store.add_message(chat.id, "user", "Say hello in Chinese")
        store.add_message(chat.id, "assistant", "你好！")
        return write_export(gather(store, None)[0], "json", tmp_path / "lighthouse.json")


def chats_here() -> list[str]:
    with ChatStore(default_paths().ensure().chats_db) as store:
        return [c.title for c in store.list_chats()]


def test_a_file_imported_before_needs_again(
    export_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["chats", "import", str(export_file)]) == 0
    assert "Imported 1 chat(s) from Hearth (lighthouse.json)." in capsys.readouterr().out

    assert cli.main(["chats", "import", str(export_file)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("lighthouse.json was imported on ")
    assert "1 chat from it is still here (“灯塔 lighthouse”)" in err
    assert err.rstrip().endswith("Nothing was imported; add --again to import it once more.")
    assert chats_here() == ["灯塔 lighthouse"]

    assert cli.main(["chats", "import", "--again", str(export_file)]) == 0
    assert "Imported 1 chat(s)" in capsys.readouterr().out
    assert chats_here() == ["灯塔 lighthouse", "灯塔 lighthouse"]
    with ChatStore(default_paths().chats_db) as store:
        marks = {ImportedFrom.of(c) is not None for c in store.list_chats()}
    assert marks == {True}


def test_a_file_that_is_no_export_names_the_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body>not chats</body></html>", encoding="utf-8")
    assert cli.main(["chats", "import", str(page)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hearth: This file is not a chat export Hearth can read")
    assert "Hearth JSON export (.json) or ChatGPT's conversations.json" in err
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps({"some": "thing"}), encoding="utf-8")
    assert cli.main(["chats", "import", str(notes)]) == 1
    assert "This file is JSON, but not a chat export" in capsys.readouterr().err
    assert chats_here() == []
