"""A stored chat driven through the real engine: every reply saved with its status."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from app.core.chats.store import ChatStore
from app.core.conversation import ChatSetup, Conversation, start_chat
from app.core.engine.llama_engine import LlamaEngine
from app.core.engine.types import (
    GenerationRequest,
    GenerationResult,
    LoadSpec,
    StreamEvent,
    Timings,
    TokenEvent,
)
from app.core.errors import HearthError
from app.core.paths import resources_dir
from app.core.prompts.library import PromptLibrary
from app.core.rag.context import DocumentsSetup
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


def test_regenerate_keeps_the_earlier_answer_as_a_version(
    smol_engine: LlamaEngine, tmp_path: Path
) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = store.create_chat()
    sampling = SamplingSettings(temperature=0.0, max_tokens=12)
    conversation = Conversation(store, smol_engine, chat.id, ChatSetup("smol", sampling))
    first = drain(conversation, "Name a colour.")
    again = finish(conversation.regenerate())
    messages = store.messages(chat.id)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[1].content == again.text == first.text  # greedy: the same answer again
    earlier, latest = messages[1].siblings
    assert latest == messages[1].id and earlier != latest  # version 2 of 2 is shown
    shown = store.show_version(chat.id, earlier)
    assert [m.id for m in shown] == [messages[0].id, earlier]
    assert len(store.all_messages(chat.id)) == 3


def test_edit_makes_a_new_version_and_keeps_the_old_conversation(
    smol_engine: LlamaEngine, tmp_path: Path
) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = store.create_chat()
    conversation = Conversation(store, smol_engine, chat.id, ChatSetup("smol", GREEDY))
    drain(conversation, "What is the capital of France?")
    drain(conversation, "And of Italy?")
    before = store.messages(chat.id)
    finish(conversation.edit(before[0].id, "What is the capital of Germany?"))
    messages = store.messages(chat.id)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[0].content == "What is the capital of Germany?"
    assert "Berlin" in messages[1].content
    assert messages[0].siblings == (before[0].id, messages[0].id)
    # the first version comes back whole, with what followed it
    old = store.show_version(chat.id, before[0].id)
    assert [m.content for m in old] == [m.content for m in before]
    # and the model was asked only about Germany: the edited turn replaced the first
    assert "Italy" not in messages[1].content


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
    assert len(store.all_messages(chat.id)) == 2  # continued in place: no new version
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


# -- every way a reply can end is stored (a fake engine: no model needed) -------------------


class _Engine:
    """Streams `tokens`, then raises `error` (or finishes when there is none)."""

    def __init__(self, tokens: list[str], error: BaseException | None = None) -> None:
        self.tokens, self.error = tokens, error

    def stream(self, request: GenerationRequest) -> Iterator[StreamEvent]:
        for text in self.tokens:
            yield TokenEvent(request.request_id, text)
        if self.error is not None:
            raise self.error
        timings = Timings(1, 1, len(self.tokens), 2, 256, 0.1, 0.1)
        yield GenerationResult(request.request_id, "".join(self.tokens), "stop", timings)

    def cancel(self, request_id: int | None = None) -> None:
        pass


def _conversation(tmp_path: Path, engine: _Engine) -> tuple[ChatStore, Conversation]:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = store.create_chat()
    return store, Conversation(store, engine, chat.id, ChatSetup("fake"))  # type: ignore[arg-type]


def test_an_unexpected_error_mid_reply_is_stored_as_failed_with_its_reason(
    tmp_path: Path,
) -> None:
    store, conversation = _conversation(tmp_path, _Engine(["Once ", "upon"], ValueError("boom")))
    with pytest.raises(ValueError, match="boom"):
        finish(conversation.send("Tell me a story"))
    user, reply = store.messages(conversation.chat_id)
    assert user.content == "Tell me a story"
    assert reply.status == "failed" and reply.content == "Once upon"
    assert reply.error is not None and "boom" in reply.error


def test_an_interrupt_mid_reply_keeps_the_partial_reply_as_cancelled(tmp_path: Path) -> None:
    store, conversation = _conversation(tmp_path, _Engine(["Once ", "upon"], KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        finish(conversation.send("Tell me a story"))
    reply = store.messages(conversation.chat_id)[-1]
    assert reply.status == "cancelled" and reply.content == "Once upon"


def test_a_reader_that_stops_early_leaves_the_partial_reply_as_cancelled(
    tmp_path: Path,
) -> None:
    store, conversation = _conversation(tmp_path, _Engine(["Once ", "upon ", "a time"]))
    events = conversation.send("Tell me a story")
    assert isinstance(next(events), TokenEvent)
    assert isinstance(next(events), TokenEvent)
    events.close()  # type: ignore[attr-defined]
    reply = store.messages(conversation.chat_id)[-1]
    assert reply.status == "cancelled" and reply.content == "Once upon "


def test_a_request_that_cannot_be_built_is_stored_as_failed(tmp_path: Path) -> None:
    class BrokenSearch:
        def search(self, *_args: object) -> list[object]:
            raise RuntimeError("the index is gone")

    store, conversation = _conversation(tmp_path, _Engine(["never"]))
    conversation.setup = ChatSetup(
        "fake",
        documents=DocumentsSetup(BrokenSearch(), ("notes",)),  # type: ignore[arg-type]
    )
    with pytest.raises(RuntimeError):
        finish(conversation.send("What do my notes say?"))
    user, reply = store.messages(conversation.chat_id)
    assert user.content == "What do my notes say?"
    assert reply.status == "failed" and reply.content == ""
    assert reply.error is not None and "the index is gone" in reply.error


def test_start_chat_stores_the_chat_with_its_first_message(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = start_chat(store, "  What is   a GGUF file? ", model="fake", prompt_id="concise")
    assert chat.title == "What is a GGUF file?" and chat.message_count == 1
    conversation = Conversation(store, _Engine(["A model file."]), chat.id, ChatSetup("fake"))  # type: ignore[arg-type]
    finish(conversation.answer())
    assert [(m.role, m.content) for m in store.messages(chat.id)] == [
        ("user", "  What is   a GGUF file? "),
        ("assistant", "A model file."),
    ]


def test_a_full_disk_leaves_no_empty_chat(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    start_chat(store, "kept")
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full now
    with pytest.raises(HearthError):
        start_chat(store, "x" * 200_000)
    assert [c.title for c in store.list_chats()] == ["kept"]
    assert store.integrity_ok()


def test_a_failed_reply_stores_its_error_as_a_message_id_shown_in_chinese(
    tmp_path: Path,
) -> None:
    from app.core.engine.texts import CRASHED_ANSWERING
    from app.core.errors import EngineCrashed
    from app.core.text import Msg
    from app.workers import i18n

    crash = EngineCrashed(CRASHED_ANSWERING("killed by SIGKILL"), "Once ")
    store, conversation = _conversation(tmp_path, _Engine(["Once "], crash))
    with pytest.raises(EngineCrashed):
        finish(conversation.send("Tell me a story"))
    reply = store.messages(conversation.chat_id)[-1]
    assert reply.status == "failed" and reply.content == "Once "
    assert reply.error is not None
    stored = json.loads(reply.error)  # the id and arguments, not English text
    assert stored["id"] == "engine.crashed-answering" and stored["detail"] == "killed by SIGKILL"
    i18n.use_language("zh_CN")
    try:
        shown = i18n.say(Msg.from_json(reply.error))
    finally:
        i18n.use_language("en")
    assert shown.startswith("引擎意外停止。") and "killed by SIGKILL" in shown


def test_conversation_errors_are_phrases(tmp_path: Path) -> None:
    from app.core.errors import HearthError

    _store, conversation = _conversation(tmp_path, _Engine([]))
    with pytest.raises(HearthError) as caught:
        conversation.regenerate()
    assert caught.value.msg.id == "engine.chat.no-message"
    with pytest.raises(HearthError) as caught:
        conversation.continue_reply()
    assert caught.value.msg.id == "prompts.no-reply"
