"""Errors a person understands (issue 20, item 9): a file Hearth cannot import says which files
it does import; imported chats carry where they came from; the same file twice is refused
until the user says "again"; titles made from a first message end at a word.

Everything runs on a real SQLite store and real files written by Hearth's own export.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.chats.export import ChatExport, write_export
from app.core.chats.import_mark import KEY, ImportedFrom, earlier_imports
from app.core.chats.store import ChatStore
from app.core.chats.titles import TITLE_LENGTH, title_from
from app.core.chats.transfer import (
    check_new,
    gather,
    read_import_file,
    store_imports,
    suggested_name,
)
from app.core.conversation import chat_title, start_chat
from app.core.errors import AlreadyImported, ChatImportError
from app.workers import i18n

FORMATS_NAMED = ("Hearth JSON export (.json)", "ChatGPT's conversations.json")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ChatStore]:
    with ChatStore(tmp_path / "chats.sqlite3") as s:
        for title in ("Trip to Lisbon", "灯塔 lighthouse"):
            chat = s.create_chat(title, model="smol")
            s.add_message(chat.id, "user", f"about {title}")
            s.add_message(chat.id, "assistant", "a fine answer")
        yield s


@pytest.fixture
def export_file(store: ChatStore, tmp_path: Path) -> Path:
    """Hearth's own JSON export of the store's two chats."""
    chats, _ = gather(store, None)
    return write_export(chats, "json", tmp_path / "chats.json")


def fresh(tmp_path: Path, name: str = "other.sqlite3") -> ChatStore:
    return ChatStore(tmp_path / name)


# -- a file that is not an export names the files that are ---------------------------------


def test_an_html_file_names_the_formats_hearth_imports_with_jsons_words_after(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><body>hi</body></html>", encoding="utf-8")
    with pytest.raises(ChatImportError) as caught:
        read_import_file(page)
    text = str(caught.value.msg)
    assert text.startswith("This file is not a chat export Hearth can read (it is not JSON).")
    assert all(name in text for name in FORMATS_NAMED)
    assert text.endswith("nothing was imported. (line 1: Expecting value)")  # json's, after


def test_json_that_is_no_export_names_the_formats_too(tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text('{"theme": "dark"}', encoding="utf-8")
    with pytest.raises(ChatImportError) as caught:
        read_import_file(settings)
    text = str(caught.value.msg)
    assert text.startswith("This file is JSON, but not a chat export Hearth can read.")
    assert all(name in text for name in FORMATS_NAMED) and "(" not in text.split(";")[-1]


@pytest.mark.parametrize("count", [1, 2])
def test_hearths_own_jsonl_export_is_named_as_such(
    store: ChatStore, tmp_path: Path, count: int
) -> None:
    """One line or several: JSONL is told apart from a file that is not JSON at all."""
    chats, _ = gather(store, None)
    path = write_export(chats[:count], "jsonl", tmp_path / "train.jsonl")
    assert len(path.read_text(encoding="utf-8").splitlines()) == count
    with pytest.raises(ChatImportError) as caught:
        read_import_file(path)
    assert caught.value.msg.id == "chats.import.jsonl"
    assert "Hearth writes but does not read back" in str(caught.value.msg)
    assert all(name in str(caught.value.msg) for name in FORMATS_NAMED)


def test_the_refusal_reads_in_chinese(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html></html>", encoding="utf-8")
    with pytest.raises(ChatImportError) as caught:
        read_import_file(page)
    i18n.use_language("zh_CN")
    shown = i18n.say(caught.value.msg)
    assert shown.startswith("该文件不是 Hearth 能读取的对话导出文件")
    assert "conversations.json" in shown and "Expecting value" in shown


# -- imported chats are marked -------------------------------------------------------------


def test_imported_chats_carry_file_format_sha256_and_time_across_a_reopen(
    export_file: Path, tmp_path: Path
) -> None:
    before = time.time()
    with fresh(tmp_path) as other:
        outcome = store_imports(other, read_import_file(export_file))
    after = time.time()
    assert len(outcome.added) == 2
    digest = hashlib.sha256(export_file.read_bytes()).hexdigest()
    with fresh(tmp_path) as other:  # read back from disk
        chats = other.list_chats()
        assert len(chats) == 2
        for chat in chats:
            record = chat.settings[KEY]
            assert record["file"] == "chats.json" and record["format"] == "hearth"
            assert record["sha256"] == digest and before <= record["at"] <= after
            assert ImportedFrom.of(chat) == ImportedFrom(
                "chats.json", "hearth", digest, record["at"]
            )
        assert {c.title for c in chats} == {"Trip to Lisbon", "灯塔 lighthouse"}


def test_a_chatgpt_import_is_marked_as_chatgpt(tmp_path: Path) -> None:
    node = {
        "parent": None,
        "children": [],
        "message": {"author": {"role": "user"}, "content": {"parts": ["hello"]}},
    }
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps([{"title": "Hi", "mapping": {"a": node}}]), encoding="utf-8")
    with fresh(tmp_path) as other:
        (chat,) = store_imports(other, read_import_file(path)).added
        origin = ImportedFrom.of(chat)
    assert origin is not None and origin.format == "chatgpt"
    assert origin.format_name == "ChatGPT conversations.json" and origin.file == path.name


def test_a_chat_made_here_or_with_a_hand_edited_mark_is_not_marked(store: ChatStore) -> None:
    made = store.list_chats()[0]
    assert ImportedFrom.of(made) is None
    for bad in ({"file": 3}, "yes", {"file": "a", "format": "hearth", "sha256": "x", "at": "now"}):
        edited = store.update_chat(made.id, settings={KEY: bad})
        assert ImportedFrom.of(edited) is None


def test_exported_again_the_mark_travels_and_a_new_import_replaces_it(
    export_file: Path, tmp_path: Path
) -> None:
    with fresh(tmp_path) as other:
        store_imports(other, read_import_file(export_file))
        chats, _ = gather(other, None)
        second = write_export(chats, "json", tmp_path / "second.json")
        assert all(c.chat.settings[KEY]["file"] == "chats.json" for c in chats)
    with fresh(tmp_path, "third.sqlite3") as third:
        added = store_imports(third, read_import_file(second)).added
    assert {ImportedFrom.of(c).file for c in added if ImportedFrom.of(c)} == {"second.json"}


# -- the same file twice ---------------------------------------------------------------------


def test_the_same_file_twice_is_refused_and_nothing_is_added(
    export_file: Path, tmp_path: Path
) -> None:
    with fresh(tmp_path) as other:
        store_imports(other, read_import_file(export_file))
        with pytest.raises(AlreadyImported) as caught:
            store_imports(other, read_import_file(export_file))
        assert len(other.list_chats()) == 2
    text = str(caught.value.msg)
    assert text.startswith("chats.json was imported on ")
    assert "2 chats from it are still here" in text and "second copy of each" in text


def test_again_adds_a_second_marked_copy(export_file: Path, tmp_path: Path) -> None:
    with fresh(tmp_path) as other:
        store_imports(other, read_import_file(export_file))
        outcome = store_imports(other, read_import_file(export_file), again=True)
        assert len(outcome.added) == 2 and len(other.list_chats()) == 4
        digest = hashlib.sha256(export_file.read_bytes()).hexdigest()
        assert len(earlier_imports(other.list_chats(), digest)) == 4


def test_the_same_bytes_under_another_name_are_the_same_file(
    export_file: Path, tmp_path: Path
) -> None:
    renamed = tmp_path / "backup-copy.json"
    renamed.write_bytes(export_file.read_bytes())
    with fresh(tmp_path) as other:
        store_imports(other, read_import_file(export_file))
        with pytest.raises(AlreadyImported, match=r"^backup-copy\.json was imported on"):
            check_new(other, read_import_file(renamed))


def test_a_changed_file_or_deleted_earlier_chats_import_without_asking(
    export_file: Path, tmp_path: Path
) -> None:
    with fresh(tmp_path) as other:
        first = store_imports(other, read_import_file(export_file)).added
        changed = tmp_path / "changed.json"
        changed.write_bytes(export_file.read_bytes() + b"\n")  # one byte more: another file
        check_new(other, read_import_file(changed))
        hidden = {first[0].id, first[1].id}  # deleted a moment ago, undo still offered
        check_new(other, read_import_file(export_file), hidden)
        other.delete_chat(first[0].id)
        with pytest.raises(AlreadyImported, match="1 chat from it is still here"):
            check_new(other, read_import_file(export_file))
        other.delete_chat(first[1].id)
        assert len(store_imports(other, read_import_file(export_file)).added) == 2


def test_the_refusal_reads_in_chinese_with_the_title(export_file: Path, tmp_path: Path) -> None:
    with fresh(tmp_path) as other:
        store_imports(other, read_import_file(export_file))
        with pytest.raises(AlreadyImported) as caught:
            check_new(other, read_import_file(export_file))
    i18n.use_language("zh_CN")
    shown = i18n.say(caught.value.msg)
    assert shown.startswith("chats.json 已于 ") and "2 个对话仍在列表中" in shown
    assert "Trip to Lisbon" in shown or "灯塔 lighthouse" in shown


# -- titles end at a word --------------------------------------------------------------------

LONG = "How do I make a sourdough starter from scratch when my kitchen is quite cold in winter?"


def test_a_long_first_message_is_cut_at_a_word_with_an_ellipsis(tmp_path: Path) -> None:
    with ChatStore(tmp_path / "t.sqlite3") as store:
        chat = start_chat(store, LONG)
        title = store.get_chat(chat.id).title
    assert title == "How do I make a sourdough starter from scratch when my…"
    assert len(title) <= TITLE_LENGTH and LONG.startswith(title[:-1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What is a GGUF file?", "What is a GGUF file?"),
        ("  spread\n over\tlines  ", "spread over lines"),
        ("word " * 11 + "end", "word " * 11 + "end"),  # 58 characters: kept whole
        (
            "Explain, in detail, the differences between TCP and UDP protocols: reliability",
            "Explain, in detail, the differences between TCP and UDP…",  # no hanging comma
        ),
        ("x" * 100, "x" * (TITLE_LENGTH - 1) + "…"),  # one long word: cut inside it
        ("", ""),
    ],
)
def test_titles(text: str, expected: str) -> None:
    assert chat_title(text) == expected == title_from(text)


def test_chinese_without_spaces_is_cut_between_characters() -> None:
    text = "请帮我写一封给房东的信" * 8
    title = title_from(text)
    assert len(title) == TITLE_LENGTH and title.endswith("…") and text.startswith(title[:-1])


def test_a_cut_never_splits_a_word_even_at_the_limit() -> None:
    for n in range(40, 80):
        text = " ".join(f"w{i:02d}" for i in range(n))  # words of 3 letters
        title = title_from(text)
        assert len(title) <= TITLE_LENGTH
        words = title.rstrip("…").split(" ")
        assert all(len(w) == 3 for w in words), title


def test_an_imported_export_round_trips_titles(tmp_path: Path) -> None:
    """Titles already cut stay as they are through an export and an import."""
    with ChatStore(tmp_path / "a.sqlite3") as store:
        start_chat(store, LONG)
        chats: list[ChatExport] = gather(store, None)[0]
        path = write_export(chats, "json", tmp_path / "a.json")
    with fresh(tmp_path) as other:
        (chat,) = store_imports(other, read_import_file(path)).added
    assert chat.title == title_from(LONG)


def test_an_export_file_name_ends_at_a_word_too() -> None:
    assert suggested_name(LONG, "md") == "How do I make a sourdough starter from scratch when my.md"
    assert suggested_name("<b>?</b>", "pdf") == "b b.pdf"
    assert suggested_name("", "pdf") == "Hearth chat.pdf"
