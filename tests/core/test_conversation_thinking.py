"""A reasoning model's thinking through `Conversation`: streamed apart from the answer, stored
apart, handed back to later turns only the template's way, and the Think switch honoured.

A scripted engine (the engine's protocol, raw text in pieces cut anywhere) makes the stream
deterministic; the real engine runs the same path with a template that opens `<think>`."""

from __future__ import annotations

from collections.abc import Iterator
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
from app.core.errors import EngineCrashed
from app.core.settings import SamplingSettings
from tests.conftest import SMALL_CONTEXT
from tests.core.prompts.test_real_templates import TEMPLATES
from tests.core.prompts.test_stitched_templates import stitch

REPLY = "<think>\nThe user greets me.\nI greet back.\n</think>\n\nHello there!"


class ScriptedEngine:
    """Streams `reply` in pieces of `size` characters (tags cut between pieces)."""

    def __init__(self, reply: str, size: int = 3, opened: bool = False) -> None:
        self.reply, self.size, self.opened = reply, size, opened
        self.requests: list[GenerationRequest] = []
        self.crash_after: int | None = None

    def stream(self, request: GenerationRequest) -> Iterator[StreamEvent]:
        self.requests.append(request)
        yield TokenEvent(request.request_id, "", prompt_tokens=10, thinking_opened=self.opened)
        pieces = [self.reply[i : i + self.size] for i in range(0, len(self.reply), self.size)]
        for n, piece in enumerate(pieces, 1):
            if self.crash_after is not None and n > self.crash_after:
                raise EngineCrashed("the engine stopped", partial_text="".join(pieces[: n - 1]))
            yield TokenEvent(request.request_id, piece, prompt_tokens=10, produced=n)
        timings = Timings(10, 10, len(pieces), 10 + len(pieces), 4096, 0.1, 0.5)
        yield GenerationResult(request.request_id, self.reply, "stop", timings)

    def cancel(self, request_id: int | None = None) -> None:
        pass


def _chat(
    tmp_path: Path, engine: object, think: bool | None = None
) -> tuple[ChatStore, Conversation]:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = start_chat(store, "Hi!")
    setup = ChatSetup("reasoner", SamplingSettings(temperature=0.0), think=think)
    return store, Conversation(store, engine, chat.id, setup)  # type: ignore[arg-type]


def _collect(events: Iterator[StreamEvent]) -> tuple[str, str, GenerationResult]:
    thinking, answer, result = "", "", None
    for event in events:
        if isinstance(event, TokenEvent):
            thinking, answer = thinking + event.thinking, answer + event.text
        else:
            result = event
    assert result is not None
    return thinking, answer, result


@pytest.mark.parametrize("size", [1, 3, 7, 100])
def test_thinking_streams_and_is_stored_apart(tmp_path: Path, size: int) -> None:
    store, conversation = _chat(tmp_path, ScriptedEngine(REPLY, size))
    thinking, answer, result = _collect(conversation.answer())
    assert thinking == "The user greets me.\nI greet back.\n"
    assert answer == "Hello there!"
    assert result.text == "Hello there!" and result.reasoning == thinking.rstrip()
    reply = store.messages(conversation.chat_id)[-1]
    stored = (reply.content, reply.reasoning, reply.status)
    assert stored == ("Hello there!", thinking.rstrip(), "complete")
    assert reply.timings is not None
    assert 0 < reply.timings["thinking_tokens"] <= reply.timings["completion_tokens"]
    assert reply.timings["thinking_seconds"] >= 0


def test_thinking_opened_by_the_template(tmp_path: Path) -> None:
    raw = "Plan the greeting.</think>Hello!"
    store, conversation = _chat(tmp_path, ScriptedEngine(raw, opened=True))
    thinking, answer, _ = _collect(conversation.answer())
    assert (thinking, answer) == ("Plan the greeting.", "Hello!")
    assert store.messages(conversation.chat_id)[-1].reasoning == "Plan the greeting."


def test_a_reply_without_thinking_has_no_reasoning(tmp_path: Path) -> None:
    store, conversation = _chat(tmp_path, ScriptedEngine("Just <think> an answer."))
    thinking, answer, result = _collect(conversation.answer())
    assert (thinking, answer, result.reasoning) == ("", "Just <think> an answer.", None)
    reply = store.messages(conversation.chat_id)[-1]
    assert reply.reasoning is None and reply.timings is not None
    assert reply.timings["thinking_tokens"] == 0


def test_a_reply_cut_while_thinking_keeps_its_thoughts(tmp_path: Path) -> None:
    engine = ScriptedEngine("<think>\nStill pondering the question", size=4)
    store, conversation = _chat(tmp_path, engine)
    events = conversation.answer()
    for event in events:
        if isinstance(event, TokenEvent) and event.thinking:
            break
    events.close()  # the caller stops reading: the reply is kept, as stopped
    reply = store.messages(conversation.chat_id)[-1]
    assert reply.status == "cancelled" and reply.content == ""
    assert reply.reasoning and "Still pondering".startswith(reply.reasoning[:5])


def test_a_crash_keeps_the_thinking_and_the_answer_apart(tmp_path: Path) -> None:
    engine = ScriptedEngine(REPLY, size=5)
    engine.crash_after = 12
    store, conversation = _chat(tmp_path, engine)
    with pytest.raises(EngineCrashed):
        _collect(conversation.answer())
    reply = store.messages(conversation.chat_id)[-1]
    assert reply.status == "failed"
    assert reply.reasoning == "The user greets me.\nI greet back."
    assert "<think>" not in reply.content and "</think>" not in reply.content


def test_later_turns_carry_the_thinking_and_the_think_switch(tmp_path: Path) -> None:
    engine = ScriptedEngine(REPLY)
    _store, conversation = _chat(tmp_path, engine, think=False)
    _collect(conversation.answer())
    _collect(conversation.send("And now?"))
    later = engine.requests[-1]
    assert later.think is False
    earlier = [m for m in later.messages if m.role == "assistant"]
    assert earlier[0].content == "Hello there!"
    assert earlier[0].reasoning == "The user greets me.\nI greet back."


def test_a_continued_reply_is_answer_text_after_the_thinking(tmp_path: Path) -> None:
    engine = ScriptedEngine(REPLY)
    store, conversation = _chat(tmp_path, engine)
    _collect(conversation.answer())
    engine.reply = " <think>is shown as text</think>"
    _collect(conversation.continue_reply())
    reply = store.messages(conversation.chat_id)[-1]
    assert reply.content == "Hello there! <think>is shown as text</think>"
    assert reply.reasoning == "The user greets me.\nI greet back."
    assert engine.requests[-1].continue_last
    assert engine.requests[-1].messages[-1].reasoning == reply.reasoning


# -- the real engine --------------------------------------------------------------------------

OPENS_THINK = (
    "{% for m in messages %}<|im_start|>{{ m.role }}\n"
    "{% if m.reasoning_content %}<think>{{ m.reasoning_content }}</think>{% endif %}"
    "{{ m.content }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n<think>\n{% endif %}"
)


@pytest.fixture
def engine() -> Iterator[LlamaEngine]:
    engine = LlamaEngine()
    yield engine
    engine.close()


def test_the_real_engine_with_a_template_that_opens_think(
    smollm2: Path, tmp_path: Path, engine: LlamaEngine
) -> None:
    model = stitch(smollm2, OPENS_THINK, tmp_path / "thinker.gguf")
    loaded = engine.load(LoadSpec(model, context_length=SMALL_CONTEXT, seed=1))
    assert not loaded.thinking_switch
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = start_chat(store, "What is 2 + 2?")
    sampling = SamplingSettings(temperature=0.0, max_tokens=12)
    conversation = Conversation(store, engine, chat.id, ChatSetup("thinker", sampling))
    events = list(conversation.answer())
    assert isinstance(events[0], TokenEvent) and events[0].thinking_opened
    thinking = "".join(e.thinking for e in events if isinstance(e, TokenEvent))
    answer = "".join(e.text for e in events if isinstance(e, TokenEvent))
    reply = store.messages(chat.id)[-1]
    assert thinking.strip() and reply.reasoning == thinking.rstrip()
    assert reply.content == answer
    assert reply.timings is not None and reply.timings["thinking_tokens"] > 0
    assert not thinking.startswith("\n")  # the blank line after the template's <think>
    # A later turn hands an answer's thoughts back: this template reads reasoning_content.
    # (This small model does not close its thinking, so its reply has no answer to hand back.)
    store.add_message(chat.id, "assistant", "Four.", reasoning="Two and two.")
    store.add_message(chat.id, "user", "Thanks.")
    tokens, _ = engine.prompt_tokens(conversation._request(None))
    prompt = engine._llm.detokenize(tokens, special=True).decode("utf-8", "replace")
    assert "<|im_start|>assistant\n<think>Two and two.</think>Four.<|im_end|>" in prompt


def test_the_real_engine_passes_the_think_switch_to_qwen3(
    smollm2: Path, tmp_path: Path, engine: LlamaEngine
) -> None:
    source = (TEMPLATES / "Qwen-Qwen3-0.6B.jinja").read_text(encoding="utf-8")
    model = stitch(smollm2, source, tmp_path / "qwen3.gguf")
    assert engine.load(LoadSpec(model, context_length=SMALL_CONTEXT, seed=1)).thinking_switch
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = start_chat(store, "Hi")
    sampling = SamplingSettings(temperature=0.0, max_tokens=4)
    prompts = {}
    for think in (None, False):
        conversation = Conversation(store, engine, chat.id, ChatSetup("q", sampling, think=think))
        tokens, _ = engine.prompt_tokens(conversation._request(None))
        prompts[think] = engine._llm.detokenize(tokens, special=True).decode("utf-8", "replace")
    assert prompts[None].endswith("<|im_start|>assistant\n")
    assert prompts[False].endswith("<|im_start|>assistant\n<think>\n\n</think>\n\n")


def test_a_reply_cut_off_while_thinking_can_be_continued(tmp_path: Path) -> None:
    engine = ScriptedEngine("<think>\nFirst I add")
    store, conversation = _chat(tmp_path, engine)
    _collect(conversation.answer())
    assert store.messages(conversation.chat_id)[-1].content == ""
    engine.reply = " the numbers.</think>It is 4."
    thinking, answer, _ = _collect(conversation.continue_reply())
    assert (thinking, answer) == (" the numbers.", "It is 4.")
    reply = store.messages(conversation.chat_id)[-1]
    assert (reply.reasoning, reply.content) == ("First I add the numbers.", "It is 4.")
    carried = engine.requests[-1].messages[-1]
    assert engine.requests[-1].continue_last
    assert (carried.content, carried.reasoning) == ("<think>\nFirst I add", None)


def test_a_base_model_document_is_never_split(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = start_chat(store, "Tags look like")
    setup = ChatSetup("base", SamplingSettings(temperature=0.0), completion=True)
    engine = ScriptedEngine("<think> and </think>.")
    conversation = Conversation(store, engine, chat.id, setup)  # type: ignore[arg-type]
    thinking, answer, _ = _collect(conversation.answer())
    assert (thinking, answer) == ("", "<think> and </think>.")
    assert store.messages(chat.id)[-1].reasoning is None


def test_a_stop_inside_the_closing_tag_keeps_no_fragment(tmp_path: Path) -> None:
    engine = ScriptedEngine("<think>\nabc def</t", size=100)
    store, conversation = _chat(tmp_path, engine)
    events = conversation.answer()
    for event in events:
        if isinstance(event, TokenEvent) and event.thinking:
            break
    events.close()
    assert store.messages(conversation.chat_id)[-1].reasoning == "abc def"
