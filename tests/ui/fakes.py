"""A scripted engine at the engine boundary, for deterministic window and controller tests.

It honours the `Engine` protocol: request ids, cancel by id (the highest cancelled id wins),
and it can hold tokens back (`gate`), ignore cancel (to produce late tokens), fail to load, or
fail in the middle of an answer.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from types import SimpleNamespace

from app.core.engine.types import (
    EngineInfo,
    GenerationRequest,
    GenerationResult,
    LoadedModel,
    LoadSpec,
    StreamEvent,
    Timings,
    TokenEvent,
    mark_cancelled,
)

REPLY = "Here is code:\n\n```python\nprint('hi')\n```\n\nDone."


class FakeEngine:
    def __init__(
        self,
        reply: str = REPLY,
        is_base: bool = False,
        delay: float = 0.0,
        thinking_switch: bool = False,
        thinking_opened: bool = False,
    ) -> None:
        self.reply = reply
        self.thinking_opened = thinking_opened  # the template opened `<think>` (opening event)
        self.holds: dict[int, threading.Event] = {}  # before token N, wait for its event
        self.count_produced = False  # events carry `produced`, as the real engine's do
        self.thinking_switch = thinking_switch  # the template reads `enable_thinking` (Qwen3)
        self.is_base = is_base
        self.delay = delay
        self.gate = threading.Event()
        self.gate.set()
        self.load_error: Exception | None = None
        self.stream_error: Exception | None = None
        self.fail_after = 0
        self.ignore_cancel = False
        self.requests: list[GenerationRequest] = []
        self.loads: list[LoadSpec] = []
        self.closed = False
        self._cancel = SimpleNamespace(value=0)
        self._current = 0

    def load(self, spec: LoadSpec) -> LoadedModel:
        self.loads.append(spec)
        if self.load_error is not None:
            raise self.load_error
        return LoadedModel(
            path=spec.path,
            context_length=spec.context_length,
            backend="CPU",
            gpu_offload_supported=False,
            gpu_layers=0,
            threads=2,
            is_base=self.is_base,
            template="fallback" if spec.fallback_template else "none" if self.is_base else "gguf",
            load_seconds=0.01,
            thinking_switch=self.thinking_switch,
        )

    def stream(self, request: GenerationRequest) -> Iterator[StreamEvent]:
        self.requests.append(request)
        self._current = request.request_id
        pieces = tokens(self.reply)
        sent: list[str] = []
        reason = "stop"
        if self.thinking_opened:
            yield TokenEvent(request.request_id, "", prompt_tokens=10, thinking_opened=True)
        for index, piece in enumerate(pieces):
            self.gate.wait(10)
            if index in self.holds:  # a stream held mid-way
                self.holds[index].wait(10)
            if self._cancel.value >= request.request_id and not self.ignore_cancel:
                reason = "cancelled"
                break
            if self.stream_error is not None and index == self.fail_after:
                raise self.stream_error
            if self.delay:
                time.sleep(self.delay)
            sent.append(piece)
            yield TokenEvent(request.request_id, piece, produced=len(sent) * self.count_produced)
        text = "".join(sent)
        timings = Timings(10, 10, len(sent), 10 + len(sent), 4096, 0.05, 0.1)
        yield GenerationResult(request.request_id, text, reason, timings)  # type: ignore[arg-type]

    def cancel(self, request_id: int | None = None) -> None:
        mark_cancelled(self._cancel, self._current if request_id is None else request_id)

    def unload(self) -> None:
        pass

    def info(self) -> EngineInfo:
        return EngineInfo(None, False, "fake")

    def close(self) -> None:
        self.closed = True


def tokens(text: str) -> list[str]:
    """Split like a tokenizer would, roughly: words with their leading space, newlines."""
    out: list[str] = []
    word = ""
    for char in text:
        if char in " \n" and word:
            out.append(word)
            word = ""
        word += char
    if word:
        out.append(word)
    return out
