"""The chat store: CRUD, search, recovery from a damaged file, durability under kill -9."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.chats.store import ChatStore
from app.core.errors import ChatNotFound, ChatStoreError

WRITER = Path(__file__).with_name("writer.py")


@pytest.fixture
def store(tmp_path: Path) -> ChatStore:
    return ChatStore(tmp_path / "chats.sqlite3")


def test_chats_and_messages_round_trip(store: ChatStore) -> None:
    chat = store.create_chat("First", model="smol", system_prompt="Be brief.", settings={"t": 1})
    store.add_message(chat.id, "user", "Hello")
    reply = store.add_message(
        chat.id,
        "assistant",
        "Hi!",
        "cancelled",
        model="smol",
        params={"temperature": 0.0},
        timings={"tokens_per_second": 50.0},
        prompt_tokens=12,
        completion_tokens=2,
        sources=[{"file": "a.pdf", "page": 3}],
    )
    messages = store.messages(chat.id)
    assert [m.content for m in messages] == ["Hello", "Hi!"]
    assert messages[1] == reply
    assert store.get_chat(chat.id).message_count == 2
    store.rename_chat(chat.id, "Renamed")
    assert store.list_chats()[0].title == "Renamed"
    assert store.get_chat(chat.id).settings == {"t": 1}


def test_delete_and_truncate(store: ChatStore) -> None:
    chat = store.create_chat()
    ids = [store.add_message(chat.id, "user", f"m{i}").id for i in range(4)]
    assert store.delete_messages_from(chat.id, ids[2]) == 2
    assert [m.content for m in store.messages(chat.id)] == ["m0", "m1"]
    store.delete_chat(chat.id)
    with pytest.raises(ChatNotFound):
        store.messages(chat.id)
    with pytest.raises(ChatNotFound):
        store.rename_chat(chat.id, "x")


def test_search_titles_and_messages_in_any_script(store: ChatStore) -> None:
    one = store.create_chat("Quantization notes")
    two = store.create_chat("旅行计划")
    store.add_message(one.id, "assistant", "Q4_K_M keeps quality at a small size.")
    store.add_message(two.id, "user", "我们下周去北京旅行。")
    assert {h.chat_id for h in store.search("quality")} == {one.id}
    assert {h.chat_id for h in store.search("北京")} == {two.id}  # two characters: LIKE path
    assert {h.chat_id for h in store.search("quant")} == {one.id}
    assert {h.chat_id for h in store.search('"%_')} == set()  # quoting and wildcards are literal
    hit = next(h for h in store.search("small size") if h.message_id)
    assert "[small size]" in hit.snippet
    store.delete_chat(one.id)
    assert store.search("quality") == []


def test_full_disk_is_a_clear_error_and_loses_nothing(store: ChatStore) -> None:
    chat = store.create_chat()
    saved = store.add_message(chat.id, "user", "kept")
    with store._lock:  # simulate a full disk: forbid the database from growing
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(ChatStoreError, match="full"):
        for _ in range(50):
            store.add_message(chat.id, "assistant", "x" * 20_000)
    assert store.messages(chat.id)[0] == saved
    assert store.integrity_ok()


def test_kill_9_never_loses_a_returned_write(tmp_path: Path) -> None:
    """A writer is killed at random moments, many times; every acknowledged message survives."""
    path = tmp_path / "chats.sqlite3"
    rng = random.Random(7)
    acknowledged: list[int] = []
    for _round in range(12):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(path)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        target = rng.randint(5, 60)
        for line in proc.stdout:
            acknowledged.append(int(line))
            target -= 1
            if target == 0:
                break
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        acknowledged += [int(x) for x in rest.split()]
    store = ChatStore(path)
    assert store.recovery is None and store.integrity_ok()
    present = {m.id for chat in store.list_chats() for m in store.messages(chat.id)}
    assert set(acknowledged) <= present
    assert len(acknowledged) > 12 * 5


def test_damaged_message_details_do_not_hide_the_chat(store: ChatStore) -> None:
    """A message whose stored sources (or a chat whose settings) no longer parse still opens and
    lists: the text is what matters; the damaged detail reads as absent."""
    chat = store.create_chat("Kept", settings={"sampling": {"temperature": 0.5}})
    store.add_message(chat.id, "user", "question")
    store.add_message(chat.id, "assistant", "answer", sources=[{"file": "a.txt"}])
    raw = sqlite3.connect(store.path)
    raw.execute("UPDATE messages SET sources_json = '[{\"file\": ' WHERE role = 'assistant'")
    raw.execute("UPDATE chats SET settings_json = 'not json' WHERE id = ?", (chat.id,))
    raw.commit()
    raw.close()
    messages = store.messages(chat.id)
    assert [m.content for m in messages] == ["question", "answer"]
    assert messages[1].sources is None
    assert [c.title for c in store.list_chats()] == ["Kept"]
    assert store.get_chat(chat.id).settings == {}


def test_stored_details_of_the_wrong_type_read_as_absent(store: ChatStore) -> None:
    """Whatever an old database holds, readers get the types they expect."""
    chat = store.create_chat("odd")
    message = store.add_message(chat.id, "assistant", "answer")
    with store._write() as conn:
        conn.execute(
            'UPDATE messages SET sources_json = \'[42, {"file": "a.txt"}]\', '
            "params_json = '42', timings_json = '\"fast\"' WHERE id = ?",
            (message.id,),
        )
    (read,) = store.messages(chat.id)
    assert read.sources == [{"file": "a.txt"}] and read.params is None and read.timings is None
    with store._write() as conn:
        conn.execute("UPDATE messages SET sources_json = '42' WHERE id = ?", (message.id,))
    assert store.messages(chat.id)[0].sources is None
