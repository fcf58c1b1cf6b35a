"""`hearth chat --resume ID` answers with the chat's own options, as the window does: its
sampling, system prompt, prompt, few-shot template and documents (real processes, real model,
real index)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from app.core.chats.store import Chat, ChatStore, StoredMessage
from app.core.paths import default_paths
from tests.test_cli import HEARTH, hearth

SMOL = "SmolLM2-135M-Instruct.Q4_1"
STORY = "Write a long story about the sea."


def _store() -> ChatStore:
    return ChatStore(default_paths().chats_db)


def _chat(
    system: str | None, prompt_id: str | None, settings: dict[str, Any], model: str = SMOL
) -> int:
    """A stored chat with one exchange, as the window would have left it."""
    with _store() as store:
        chat = Chat(0, "stored", 1.0, 1.0, model, system, prompt_id, settings)
        messages = [
            StoredMessage(0, 0, "user", "Hi", "complete", 1.0),
            StoredMessage(0, 0, "assistant", "Hello!", "complete", 2.0),
        ]
        return store.import_chat(chat, messages).id


def _resume(chat_id: int, home: Path, text: str, *flags: str) -> StoredMessage:
    """Resume the chat, say `text`, end with Ctrl-D: the reply it stored."""
    env = {**os.environ, "HEARTH_HOME": str(home)}
    done = subprocess.run(
        [*HEARTH, "chat", "--resume", str(chat_id), *flags],
        input=text + "\n",
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert f"chat {chat_id} with {SMOL}" in done.stderr and "Traceback" not in done.stderr
    with _store() as store:
        reply = store.messages(chat_id)[-1]
    assert reply.role == "assistant" and reply.status == "complete", reply
    return reply


def test_resume_honours_the_chats_sampling_prompt_and_few_shot(hearth_home: Path) -> None:
    own = {"temperature": 0.0, "max_tokens": 3, "top_k": 7}
    mark = {"file": "c.json", "format": "chatgpt", "sha256": "ab", "at": 1.0}
    pirate = (
        "You are a pirate. Answer every question in the voice of an old pirate captain who "
        "has sailed the seven seas for fifty years, lost a leg to a shark off Madagascar, "
        "buried gold on three islands and trusts nobody, least of all the navy."
    )
    full = _chat(pirate, "concise", {"sampling": own, "few_shot": "translator", "imported": mark})
    no_few_shot = _chat(pirate, "concise", {"sampling": own})
    own_prompt = _chat(None, "concise", {"sampling": own})
    no_prompt = _chat(None, None, {"sampling": own})

    replies = {c: _resume(c, hearth_home, STORY) for c in (full, no_few_shot, own_prompt)}
    replies[no_prompt] = _resume(no_prompt, hearth_home, STORY, "--max-tokens", "2")

    for chat_id, reply in replies.items():  # the chat's sampling, not the global defaults
        params = reply.params or {}
        assert (params["temperature"], params["top_k"]) == (0.0, 7), chat_id
        assert params["max_tokens"] == (2 if chat_id == no_prompt else 3)
        assert 0 < (reply.completion_tokens or 0) <= params["max_tokens"]
    tokens = {c: r.prompt_tokens or 0 for c, r in replies.items()}
    # the few-shot template's examples are in the prompt, and the chat's own system prompt
    # (longer than the "concise" prompt's, which stands in for it); then the prompt's own
    assert tokens[full] > tokens[no_few_shot] > tokens[own_prompt] > tokens[no_prompt] > 0
    with _store() as store:
        chat = store.get_chat(full)
    assert chat.settings["imported"] == mark and chat.settings["few_shot"] == "translator"


@pytest.fixture
def handbook(hearth_home: Path, tmp_path: Path) -> str:
    folder = tmp_path / "handbook"
    folder.mkdir()
    (folder / "station.md").write_text(
        "# Station rules\n\nThe radio password for the Orla research station is BLUE-HERON-42.\n"
    )
    added = hearth("docs", "add", "Handbook", str(folder), home=hearth_home, timeout=300)
    assert added.returncode == 0, added.stderr
    return "Handbook"


def test_resume_answers_from_the_chats_documents_after_a_rename(
    hearth_home: Path, handbook: str
) -> None:
    asked = hearth(
        "ask",
        "--docs",
        handbook,
        "--temperature",
        "0",
        "--max-tokens",
        "4",
        "What is the radio password for the Orla research station?",
        home=hearth_home,
        timeout=300,
    )
    assert asked.returncode == 0, asked.stderr
    with _store() as store:
        (chat,) = store.list_chats()
    assert chat.settings["documents"][0]["name"] == handbook  # `ask --docs` keeps its choice
    renamed = hearth("docs", "rename", handbook, "Station", home=hearth_home, timeout=300)
    assert renamed.returncode == 0, renamed.stderr

    reply = _resume(chat.id, hearth_home, "And the password again?", "--max-tokens", "4")
    assert reply.sources, "the resumed chat did not search its documents"
    assert reply.sources[0]["collection"] == "Station"  # found by id under its new name
    assert "BLUE-HERON-42" in reply.sources[0]["text"]
