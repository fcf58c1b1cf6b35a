"""The figures a chat shows, from the timings stored with its answers (real model, real store)."""

from __future__ import annotations

import time
from pathlib import Path

from app.core.chats.store import ChatStore, StoredMessage
from app.core.conversation import ChatSetup, Conversation
from app.core.engine.llama_engine import LlamaEngine
from app.core.engine.types import (
    GenerationRequest,
    GenerationResult,
    LoadedModel,
    LoadProgress,
    LoadSpec,
    StreamEvent,
    TokenEvent,
)
from app.core.figures import answer_figures, chat_figures, details, speed
from app.core.messages import Message
from app.core.settings import SamplingSettings

SHORT = SamplingSettings(temperature=0.0, max_tokens=12)


def _answer(timings: object, **extra: object) -> StoredMessage:
    return StoredMessage(
        1,
        1,
        "assistant",
        "Hi",
        "complete",
        time.time(),
        timings=timings,
        **extra,  # type: ignore[arg-type]
    )


def _timings(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "prompt_tokens": 52,
        "prompt_tokens_evaluated": 12,
        "completion_tokens": 120,
        "context_used": 171,
        "context_length": 4096,
        "time_to_first_token_s": 0.41,
        "decode_seconds": 9.7,
    }
    return base | changes


def test_an_answers_details_read_from_its_stored_timings() -> None:
    message = _answer(_timings(), model="starter/gemma-3-270m.gguf", params={"temperature": 0.7})
    figures = answer_figures(message)
    assert figures is not None
    assert str(details(figures)) == (
        "12.3 tok/s · first token 0.41 s · 52 prompt (12 new) + 120 answer tokens · "
        "temperature 0.7 · gemma-3-270m.gguf"
    )
    assert str(speed(figures)) == "12.3 tok/s · first token 0.41 s"
    assert figures.context_used == 171 and figures.context_length == 4096


def test_a_first_token_from_the_cache_is_not_shown_as_zero() -> None:
    figures = answer_figures(_answer(_timings(time_to_first_token_s=0.004)))
    assert figures is not None and "first token 0.004 s" in str(details(figures))


def test_damaged_or_missing_timings_give_no_figures() -> None:
    assert answer_figures(_answer(None)) is None
    assert answer_figures(_answer(_timings(completion_tokens="many"))) is None
    assert answer_figures(_answer(_timings(decode_seconds=float("nan")))) is None
    assert answer_figures(_answer(_timings(prompt_tokens=-3))) is None
    user = StoredMessage(2, 1, "user", "Hi", "complete", time.time(), timings=_timings())
    assert answer_figures(user) is None
    assert chat_figures([]) is None


def test_the_latest_answer_with_timings_is_the_chats_figure() -> None:
    older = _answer(_timings(context_used=100))
    newer = _answer(_timings(context_used=300))
    failed = _answer(None)
    figures = chat_figures([older, newer, failed])
    assert figures is not None and figures.context_used == 300


def test_load_reports_progress_and_its_time_apart(gemma: Path) -> None:
    engine = LlamaEngine()
    try:
        steps = list(engine.load_steps(LoadSpec(gemma, context_length=1024, seed=1)))
        progress = [s.fraction for s in steps if isinstance(s, LoadProgress)]
        loaded = steps[-1]
        assert isinstance(loaded, LoadedModel) and loaded.load_seconds > 0
        assert len(progress) > 3 and progress == sorted(progress) and progress[-1] == 1.0
        assert progress[0] < 0.5  # llama.cpp's own callback, not just "done"
        # the warm-up left nothing behind: the first answer evaluates its whole prompt
        events = list(engine.stream(GenerationRequest(prompt="1, 2, 3,", sampling=SHORT)))
    finally:
        engine.unload()
    result = events[-1]
    assert isinstance(result, GenerationResult)
    assert result.timings.prompt_tokens_evaluated == result.timings.prompt_tokens
    assert result.timings.time_to_first_token_s > 0


def _events(engine: LlamaEngine, text: str) -> list[StreamEvent]:
    return list(engine.stream(GenerationRequest((Message("user", text),), sampling=SHORT)))


def test_tokens_are_counted_as_they_come(smol_engine: LlamaEngine) -> None:
    events = _events(smol_engine, "Count from one to ten.")
    tokens = [e for e in events if isinstance(e, TokenEvent)]
    result = events[-1]
    assert isinstance(result, GenerationResult)
    assert tokens[0].text == "" and tokens[0].prompt_tokens == result.timings.prompt_tokens
    produced = [e.produced for e in tokens[1:]]
    assert produced == sorted(produced) and produced[-1] == result.timings.completion_tokens
    assert tokens[-1].context_used == result.timings.prompt_tokens + produced[-1]


def test_stored_timings_give_the_same_figures_after_a_restart_and_continue_has_its_own(
    smol_engine: LlamaEngine, tmp_path: Path
) -> None:
    path = tmp_path / "chats.sqlite3"
    store = ChatStore(path)
    chat = store.create_chat()
    conversation = Conversation(store, smol_engine, chat.id, ChatSetup("starter/smol", SHORT))
    first = _finish(conversation.send("Tell me a long story about a lighthouse."))
    assert first.finish_reason == "length"
    cont = _finish(conversation.continue_reply())
    store.close()

    with ChatStore(path) as again:  # a restart: only what is stored
        messages = again.messages(chat.id)
    figures = chat_figures(messages)
    assert figures is not None
    t = cont.timings
    assert figures.context_used == t.context_used and figures.context_length == t.context_length
    assert figures.first_token_s == t.time_to_first_token_s > 0
    assert figures.completion_tokens == t.completion_tokens
    assert figures.prompt_tokens == t.prompt_tokens > first.timings.prompt_tokens
    assert figures.model == "smol"
    assert "first token 0.00 s" not in str(details(figures))


def _finish(events: object) -> GenerationResult:
    result = None
    for event in events:  # type: ignore[attr-defined]
        if isinstance(event, GenerationResult):
            result = event
    assert result is not None
    return result
