"""A reasoning model's thinking, stored apart from its answer, exported and read back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app.core.chats import schema
from app.core.chats.export import render, to_json
from app.core.chats.import_limits import DEFAULT_LIMITS, Budget
from app.core.chats.importing import read_document
from app.core.chats.store import ChatStore
from app.core.chats.transfer import gather, store_imports

THOUGHT = "The user asks for 2 + 2. That is 4."
ANSWER = "2 + 2 = 4."


def thinking_chat(store: ChatStore) -> int:
    chat = store.create_chat("Sums")
    store.add_message(chat.id, "user", "What is 2 + 2?")
    store.add_message(chat.id, "assistant", ANSWER, reasoning=THOUGHT)
    return chat.id


def test_the_thinking_is_stored_apart_and_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    with ChatStore(path) as store:
        chat_id = thinking_chat(store)
    with ChatStore(path) as again:
        question, answer = again.messages(chat_id)
        assert answer.content == ANSWER and answer.reasoning == THOUGHT
        assert question.reasoning is None


def test_a_version_2_database_keeps_its_messages_without_thinking(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    conn = sqlite3.connect(path)
    for version in (0, 1):
        conn.executescript(schema.MIGRATIONS[version])
    conn.execute("INSERT INTO chats (id, title, created_at, updated_at) VALUES (1, 'Old', 1, 1)")
    conn.execute(
        "INSERT INTO messages (chat_id, role, content, created_at) VALUES (1, 'user', 'hi', 1)"
    )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with ChatStore(path) as store:
        (message,) = store.messages(1)
        assert message.content == "hi" and message.reasoning is None


def test_every_export_says_what_it_does_with_the_thinking(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    exports, _ = gather(store, [thinking_chat(store)])
    markdown = render(exports, "md")
    assert "<details><summary>Thinking</summary>" in markdown and THOUGHT in markdown
    assert markdown.index(THOUGHT) < markdown.index(ANSWER)
    page = render(exports, "html")
    assert '<details class="thinking"><summary>Thinking</summary>' in page and THOUGHT in page
    training = json.loads(render(exports, "jsonl").splitlines()[0])
    assert training["messages"][-1] == {"role": "assistant", "content": ANSWER}  # answer alone
    document = json.loads(to_json(exports))
    assert document["chats"][0]["messages"][1]["reasoning"] == THOUGHT
    fresh = ChatStore(tmp_path / "fresh.sqlite3")
    read = read_document(document, DEFAULT_LIMITS, Budget(DEFAULT_LIMITS.seconds))
    copy = store_imports(fresh, read).added[0].id
    assert fresh.messages(copy)[1].reasoning == THOUGHT
