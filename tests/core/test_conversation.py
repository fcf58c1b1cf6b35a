"""A stored chat driven through the real engine: every reply saved with its status."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from app.core.chats.store import ChatStore
from app.core.conversation import ChatSetup, Conversation
from app.core.engine.llama_engine import LlamaEngine
from app.core.engine.types import GenerationResult, LoadSpec, StreamEvent, TokenEvent
from app.core.errors import HearthError
from app.core.paths import resources_dir
from app.core.prompts.library import PromptLibrary
from app.core.settings import SamplingSettings

GREEDY = SamplingSettings(temperature=0.0, max_tokens=40)


def drain(conversation: Conversation, text: str) -> GenerationResult:
    return finish(conversation.send(text))


def test_chat_with_a_few_shot_template_is_stored(smol_engine: LlamaEngine, tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    template = PromptLibrary(resources_dir() / "prompts", tmp_path).get("step-by-step")
    chat = store.create_chat(prompt_id=template.id)
    conversation = Conversation(store, smol_engine, chat.id, ChatSetup("smol", GREEDY, template))
    first = drain(conversation, "What is 2 + 3?")
    second = drain(conversation, "And 4 + 4?")
    messages = store.messages(chat.id)
    assert [m.role for m in messages] == ["user", "assistant"] * 2
    assert messages[1].content == first.text and messages[3].content == second.text
    assert messages[3].status == "complete" and messages[3].model == "smol"
    assert messages[3].timings is not None and messages[3].timings["completion_tokens"] > 0
    assert messages[3].params == GREEDY.model_dump(mode="json")
    assert store.get_chat(chat.id).title == "What is 2 + 3?"
    # Few-shot examples are pinned messages, not stored ones, and the KV cache is reused.
    assert second.timings.reused_tokens > first.timings.prompt_tokens


def test_cancelled_reply_is_stored_as_cancelled(smol_engine: LlamaEngine, tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = store.create_chat()
    long = SamplingSettings(temperature=0.0, max_tokens=300)
    conversation = Conversation(store, smol_engine, chat.id, ChatSetup("smol", long))
    for n, event in enumerate(conversation.send("Tell me a long story.")):
        if isinstance(event, TokenEvent) and n == 3:
            conversation.cancel()
    reply = store.messages(chat.id)[-1]
    assert reply.status == "cancelled" and reply.content
    assert reply.timings is not None and reply.timings["finish_reason"] == "cancelled"


def test_base_model_chat_is_a_growing_document(gemma: Path, tmp_path: Path) -> None:
    engine = LlamaEngine()
    engine.load(LoadSpec(gemma, context_length=1024))
    try:
        store = ChatStore(tmp_path / "chats.sqlite3")
        chat = store.create_chat()
        setup = ChatSetup("gemma", SamplingSettings(temperature=0.0, max_tokens=8), completion=True)
        conversation = Conversation(store, engine, chat.id, setup)
        first = drain(conversation, "1, 2, 3,")
        assert first.text.startswith(" 4, 5")
        second = drain(conversation, " 10, 11,")
        assert second.text.startswith(" 12")
        assert second.timings.reused_tokens > 0
    finally:
        engine.unload()


def finish(events: Iterable[StreamEvent]) -> GenerationResult:
    """Drain a stream; its final result."""
    results = [e for e in events if isinstance(e, GenerationResult)]
    return results[-1]


def test_regenerate_replaces_the_last_answer(smol_engine: LlamaEngine, tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = store.create_chat()
    sampling = SamplingSettings(temperature=0.0, max_tokens=12)
    conversation = Conversation(store, smol_engine, chat.id, ChatSetup("smol", sampling))
    first = drain(conversation, "Name a colour.")
    again = finish(conversation.regenerate())
    messages = store.messages(chat.id)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[1].content == again.text == first.text  # greedy: the same answer again


def test_edit_drops_what_followed_and_answers_the_new_text(
    smol_engine: LlamaEngine, tmp_path: Path
) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = store.create_chat()
    conversation = Conversation(store, smol_engine, chat.id, ChatSetup("smol", GREEDY))
    drain(conversation, "What is the capital of France?")
    drain(conversation, "And of Italy?")
    first_user = store.messages(chat.id)[0]
    finish(conversation.edit(first_user.id, "What is the capital of Germany?"))
    messages = store.messages(chat.id)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[0].content == "What is the capital of Germany?"
    assert "Berlin" in messages[1].content


def test_continue_carries_on_a_cut_off_reply(smol_engine: LlamaEngine, tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = store.create_chat()
    short = SamplingSettings(temperature=0.0, max_tokens=6)
    conversation = Conversation(store, smol_engine, chat.id, ChatSetup("smol", short))
    cut = drain(conversation, "Count from 1 to 20, separated by commas.")
    assert cut.finish_reason == "length"
    more = finish(conversation.continue_reply())
    messages = store.messages(chat.id)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert more.text.startswith(cut.text) and len(more.text) > len(cut.text)
    assert messages[1].content == more.text
    # The model carried on inside the same turn: no new reply markup in the text.
    assert "<|im_start|>" not in more.text and "assistant" not in more.text[len(cut.text) :]


def test_nothing_to_regenerate_or_continue_is_a_clear_error(
    smol_engine: LlamaEngine, tmp_path: Path
) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    conversation = Conversation(store, smol_engine, store.create_chat().id, ChatSetup("smol"))
    with pytest.raises(HearthError, match="no message to answer"):
        conversation.regenerate()
    with pytest.raises(HearthError, match="no reply to continue"):
        conversation.continue_reply()
