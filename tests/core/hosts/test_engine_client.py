"""The engine in a child process: same answers, cancel, and surviving a killed child."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.chats.store import ChatStore
from app.core.conversation import ChatSetup, Conversation
from app.core.engine.llama_engine import LlamaEngine
from app.core.engine.types import GenerationRequest, LoadedModel, LoadProgress, LoadSpec, TokenEvent
from app.core.errors import EngineCrashed, InvalidModelFile
from app.core.hosts.engine_client import EngineClient
from app.core.messages import Message
from app.core.settings import SamplingSettings
from tests.conftest import SMALL_CONTEXT, run

GREEDY = SamplingSettings(temperature=0.0, max_tokens=32)
LONG = SamplingSettings(temperature=0.0, max_tokens=300)


@pytest.fixture
def client(smollm2: Path, tmp_path: Path) -> Iterator[EngineClient]:
    engine = EngineClient(log_path=tmp_path / "engine.log")
    engine.load(LoadSpec(smollm2, context_length=SMALL_CONTEXT, seed=1))
    yield engine
    engine.close()


def ask(text: str, sampling: SamplingSettings = GREEDY) -> GenerationRequest:
    return GenerationRequest((Message("user", text),), sampling=sampling)


def test_host_answers_like_the_in_process_engine(
    client: EngineClient, smol_engine: LlamaEngine
) -> None:
    hosted, result = run(client, ask("What is the capital of France?"))
    local, _ = run(smol_engine, ask("What is the capital of France?"))
    assert hosted == local and hosted
    assert client.info().loaded is not None
    assert result.timings.completion_tokens > 0


def test_cancel_reaches_the_child(client: EngineClient) -> None:
    request = ask("Write a long story about a cat.", LONG)
    result = None
    for n, event in enumerate(client.stream(request)):
        if n == 2:
            client.cancel()
        if not isinstance(event, TokenEvent):
            result = event
    assert result is not None and result.finish_reason == "cancelled"
    assert result.timings.completion_tokens <= 8


def test_errors_cross_the_pipe_typed(client: EngineClient, tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\xff" * 100)
    with pytest.raises(InvalidModelFile):
        client.load(LoadSpec(bad))


def test_child_ignores_ctrl_c(client: EngineClient) -> None:
    assert client.pid is not None
    os.kill(client.pid, signal.SIGINT)
    text, _ = run(client, ask("Hi"))
    assert text


def test_killed_child_keeps_the_partial_reply_and_the_next_request_works(
    client: EngineClient, tmp_path: Path
) -> None:
    store = ChatStore(tmp_path / "chats.sqlite3")
    chat = store.create_chat()
    conversation = Conversation(store, client, chat.id, ChatSetup("smollm2", LONG))
    streamed = []
    with pytest.raises(EngineCrashed) as crash:
        for event in conversation.send("Write a long story about a cat."):
            if isinstance(event, TokenEvent):
                streamed.append(event.text)
                if len(streamed) == 5:
                    assert client.pid is not None
                    os.kill(client.pid, signal.SIGKILL)
    assert "SIGKILL" in str(crash.value)
    assert crash.value.partial_text.startswith("".join(streamed))
    stored = store.messages(chat.id)
    assert [m.role for m in stored] == ["user", "assistant"]
    assert stored[1].status == "failed" and stored[1].content == crash.value.partial_text
    assert stored[1].error and "SIGKILL" in stored[1].error

    events = list(conversation.send("Say hello."))  # a fresh host, the model reloaded
    assert client.starts == 2
    assert store.messages(chat.id)[-1].status == "complete"
    assert any(isinstance(e, TokenEvent) for e in events)
    store.close()


def test_abandoned_stream_discards_the_child(client: EngineClient) -> None:
    first_pid = client.pid
    for _ in client.stream(ask("Count to fifty.", LONG)):
        break
    text, _ = run(client, ask("Hi"))
    assert text and client.pid != first_pid


def test_a_load_in_the_child_reports_its_progress(smollm2: Path, tmp_path: Path) -> None:
    engine = EngineClient(log_path=tmp_path / "engine.log")
    try:
        steps = list(engine.load_steps(LoadSpec(smollm2, context_length=SMALL_CONTEXT, seed=1)))
        fractions = [s.fraction for s in steps if isinstance(s, LoadProgress)]
        assert isinstance(steps[-1], LoadedModel) and steps[-1].load_seconds > 0
        assert len(fractions) > 3 and fractions == sorted(fractions) and fractions[-1] == 1.0
        text, _ = run(engine, ask("What is the capital of France?"))
        assert text  # the model loaded in steps answers like one loaded at once
    finally:
        engine.close()
