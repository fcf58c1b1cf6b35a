"""Versions of messages in the real store: kept, switched, forked, migrated, exported and back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app.core.chats import schema
from app.core.chats.export import read_export, to_json
from app.core.chats.import_limits import DEFAULT_LIMITS, Budget
from app.core.chats.importing import ImportResult, read_document
from app.core.chats.recovery import RecoveryNotice
from app.core.chats.salvage import salvage_one
from app.core.chats.store import ChatStore
from app.core.chats.transfer import gather, store_imports
from app.core.text import Msg


def read(document: object) -> ImportResult:
    return read_document(document, DEFAULT_LIMITS, Budget(DEFAULT_LIMITS.seconds))


def branching_chat(store: ChatStore) -> tuple[int, dict[str, int]]:
    """Q1 → A1 (then A1b, regenerated) ; Q1 edited into Q2 → A2 → Q3 → A3."""
    chat = store.create_chat("Capitals")
    ids = {"q1": store.add_message(chat.id, "user", "Capital of France?").id}
    ids["a1"] = store.add_message(chat.id, "assistant", "Paris.").id
    store.show_up_to(chat.id, ids["q1"])
    ids["a1b"] = store.add_message(chat.id, "assistant", "It is Paris.").id
    ids["q2"] = store.add_message(chat.id, "user", "Capital of Italy?", after=None).id
    ids["a2"] = store.add_message(chat.id, "assistant", "Rome.").id
    ids["q3"] = store.add_message(chat.id, "user", "And Spain?").id
    ids["a3"] = store.add_message(chat.id, "assistant", "Madrid.").id
    return chat.id, ids


def texts(store: ChatStore, chat_id: int) -> list[str]:
    return [m.content for m in store.messages(chat_id)]


def test_every_version_is_kept_and_one_path_is_shown(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat_id, ids = branching_chat(store)
    shown = store.messages(chat_id)
    assert [m.content for m in shown] == ["Capital of Italy?", "Rome.", "And Spain?", "Madrid."]
    assert shown[0].siblings == (ids["q1"], ids["q2"])  # "‹ 2/2 ›" under the question
    assert all(m.siblings == (m.id,) for m in shown[1:])
    assert len(store.all_messages(chat_id)) == 7
    # back to the first question: its newest answer comes back with it
    back = store.show_version(chat_id, ids["q1"])
    assert [m.content for m in back] == ["Capital of France?", "It is Paris."]
    answer = store.messages(chat_id)[1]
    assert answer.siblings == (ids["a1"], ids["a1b"])
    assert [m.content for m in store.show_version(chat_id, ids["a1"])] == [
        "Capital of France?",
        "Paris.",
    ]
    # and forward again, to the whole later conversation
    assert texts(store, chat_id) == ["Capital of France?", "Paris."]
    store.show_version(chat_id, ids["q2"])
    assert texts(store, chat_id)[-1] == "Madrid."


def test_versions_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    with ChatStore(path) as store:
        chat_id, ids = branching_chat(store)
        store.show_version(chat_id, ids["a1"])
        before = [(m.id, m.content, m.siblings) for m in store.messages(chat_id)]
    with ChatStore(path) as again:
        assert [(m.id, m.content, m.siblings) for m in again.messages(chat_id)] == before
        # a new message follows the version shown
        again.add_message(chat_id, "user", "Thanks!")
        assert texts(again, chat_id) == ["Capital of France?", "Paris.", "Thanks!"]


def test_a_fork_copies_the_conversation_up_to_a_message(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat_id, ids = branching_chat(store)
    fork = store.fork(chat_id, ids["a2"])
    assert fork.id != chat_id and fork.title == "Capitals"
    assert fork.settings["forked_from"] == {"chat": chat_id, "message": ids["a2"]}
    assert texts(store, fork.id) == ["Capital of Italy?", "Rome."]
    assert len(store.all_messages(fork.id)) == 2  # only the versions shown
    assert len(store.all_messages(chat_id)) == 7  # the original is untouched


def test_deleting_a_message_takes_what_followed_from_it(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat_id, ids = branching_chat(store)
    assert store.delete_messages_from(chat_id, ids["q2"]) == 4
    assert texts(store, chat_id) == ["Capital of France?", "It is Paris."]
    assert store.search("Madrid") == []  # gone from the search index too


def test_a_version_1_database_becomes_one_line_of_messages(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(schema.MIGRATIONS[0])
    conn.execute("INSERT INTO chats (id, title, created_at, updated_at) VALUES (1, 'Old', 1, 1)")
    for n, role in enumerate(["user", "assistant", "user", "assistant"], start=1):
        conn.execute(
            "INSERT INTO messages (chat_id, role, content, created_at) VALUES (1, ?, ?, ?)",
            (role, f"m{n}", n),
        )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = ChatStore(path)
    messages = store.messages(1)
    assert [m.content for m in messages] == ["m1", "m2", "m3", "m4"]
    assert [m.parent_id for m in messages] == [None, *[m.id for m in messages[:-1]]]
    assert store.get_chat(1).current_id == messages[-1].id
    store.add_message(1, "user", "m5")  # the next message follows the last one
    assert [m.content for m in store.messages(1)][-2:] == ["m4", "m5"]


def test_hearth_json_carries_every_version_and_reads_back_the_same(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat_id, ids = branching_chat(store)
    store.show_version(chat_id, ids["a1"])
    exports, problems = gather(store, [chat_id])
    assert not problems
    document = json.loads(to_json(exports))
    chat = document["chats"][0]
    assert [m["content"] for m in chat["messages"]] == ["Capital of France?", "Paris."]
    assert len(chat["other_versions"]) == 5
    fresh = ChatStore(tmp_path / "fresh.sqlite3")
    outcome = store_imports(fresh, read(document))
    copy = outcome.added[0].id
    assert texts(fresh, copy) == ["Capital of France?", "Paris."]
    shape = [(m.content, len(m.siblings)) for m in fresh.messages(copy)]
    assert shape == [("Capital of France?", 2), ("Paris.", 2)]
    original = read_export(store, chat_id)
    again = read_export(fresh, copy)
    assert sorted(m.content for m in again.every) == sorted(m.content for m in original.every)
    later = fresh.show_version(copy, fresh.messages(copy)[0].siblings[1])
    assert [m.content for m in later] == ["Capital of Italy?", "Rome.", "And Spain?", "Madrid."]


def test_a_file_with_broken_version_links_reads_as_the_line_shown(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat_id, _ = branching_chat(store)
    document = json.loads(to_json(gather(store, [chat_id])[0]))
    document["chats"][0]["other_versions"][0]["parent"] = 9999  # names no message
    document["chats"][0]["messages"].append(
        {"role": "user", "content": "Added by hand", "created_at": 5}
    )
    fresh = ChatStore(tmp_path / "fresh.sqlite3")
    outcome = store_imports(fresh, read(document))
    copy = outcome.added[0].id
    assert texts(fresh, copy) == [*texts(store, chat_id), "Added by hand"]  # in the file's order
    assert len(fresh.all_messages(copy)) == 5
    assert any("3 other versions were left out" in str(note) for note in outcome.skipped)


def test_a_fork_is_not_marked_as_imported_or_salvaged(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat_id, ids = branching_chat(store)
    marks = {"imported": {"file": "a.json"}, "salvaged_from": "x", "salvaged_id": "chat 1"}
    store.update_chat(chat_id, settings={"few_shot": "t", **marks})
    fork = store.fork(chat_id, ids["a3"])
    assert set(fork.settings) == {"few_shot", "forked_from"}


def test_a_salvage_brings_versions_back(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    with ChatStore(kept / "chats.sqlite3") as old:
        chat_id, ids = branching_chat(old)
        old.show_version(chat_id, ids["a1"])
        shown = texts(old, chat_id)
    store = ChatStore(tmp_path / "chats.sqlite3")
    notice = RecoveryNotice(kept=str(kept), reason=Msg.plain("test"), at=0.0)
    salvage_one(store, notice)
    (chat,) = store.list_chats()
    assert texts(store, chat.id) == shown
    assert len(store.all_messages(chat.id)) == 7


def test_a_search_hit_in_another_version_is_revealed(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat_id, ids = branching_chat(store)
    (hit,) = [h for h in store.search("Paris.") if h.message_id == ids["a1"]]
    assert hit.chat_id == chat_id and "Paris." not in texts(store, chat_id)
    assert [m.content for m in store.reveal(chat_id, ids["a1"])][-1] == "Paris."
    before = texts(store, chat_id)
    assert [m.content for m in store.reveal(chat_id, ids["q1"])] == before  # already shown
    assert [m.content for m in store.reveal(chat_id, 9999)] == before  # gone: as it was
