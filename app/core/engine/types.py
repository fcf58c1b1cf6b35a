"""What goes into and comes out of an engine (in-process or behind the engine host).

Everything here is a frozen dataclass of plain values, so it crosses the process pipe as-is.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from app.core.errors import InvalidSetting
from app.core.messages import Message
from app.core.settings import (
    CONTEXT_LENGTH_NAME,
    GPU_LAYERS_NAME,
    MAX_CONTEXT_LENGTH,
    MAX_THREADS,
    MIN_CONTEXT_LENGTH,
    SEED_NAME,
    THREADS_NAME,
    SamplingSettings,
)

_request_ids = itertools.count(1)

FinishReason = Literal["stop", "length", "context_full", "cancelled"]


def next_request_id() -> int:
    return next(_request_ids)


def mark_cancelled(cell: Any, request_id: int) -> None:
    """Cancel `request_id` and every earlier request: the cell holds the highest cancelled id
    (a plain attribute in-process, a shared-memory value across the engine host's pipe)."""
    cell.value = max(int(cell.value), request_id)


@dataclass(frozen=True)
class LoadSpec:
    """How to load a model. `gpu_layers=-1` offloads all layers when a GPU backend exists."""

    path: Path
    context_length: int = 4096
    threads: int | None = None
    gpu_layers: int = -1
    seed: int | None = None
    fallback_template: str | None = None

    def __post_init__(self) -> None:
        """Refuse what llama.cpp would accept and then fail on (a context of 10 tokens loads,
        then every answer breaks), before anything is loaded or stored."""
        if not MIN_CONTEXT_LENGTH <= self.context_length <= MAX_CONTEXT_LENGTH:
            raise InvalidSetting(
                CONTEXT_LENGTH_NAME(), self.context_length, MIN_CONTEXT_LENGTH, MAX_CONTEXT_LENGTH
            )
        if self.threads is not None and not 1 <= self.threads <= MAX_THREADS:
            raise InvalidSetting(THREADS_NAME(), self.threads, 1, MAX_THREADS)
        if self.gpu_layers < -1:
            raise InvalidSetting(GPU_LAYERS_NAME(), self.gpu_layers, -1)
        if self.seed is not None and not 0 <= self.seed < 2**32:
            raise InvalidSetting(SEED_NAME(), self.seed, 0, 2**32 - 1)


@dataclass(frozen=True)
class LoadedModel:
    """What the engine reports after a load: the model and the backend actually in use."""

    path: Path
    context_length: int
    backend: str
    gpu_offload_supported: bool
    gpu_layers: int
    threads: int
    is_base: bool
    template: Literal["gguf", "fallback", "none"]
    load_seconds: float  # reading the file and a first warm-up pass: never in an answer's time
    thinking_switch: bool = False  # the template reads `enable_thinking` (Qwen3): a Think switch


@dataclass(frozen=True)
class GenerationRequest:
    """A chat (`messages`) or, for base models, a plain completion (`prompt`).

    The first `pinned` messages (system prompt, few-shot examples) are never dropped when the
    conversation outgrows the context. With `continue_last`, the last message is an assistant
    reply that was cut off, and the model carries on writing it instead of starting a new one.
    """

    messages: tuple[Message, ...] = ()
    prompt: str | None = None
    sampling: SamplingSettings = field(default_factory=SamplingSettings)
    pinned: int = 0
    continue_last: bool = False
    request_id: int = field(default_factory=next_request_id)
    think: bool | None = None  # `enable_thinking` for templates that read it (None: on)

    @property
    def is_completion(self) -> bool:
        return self.prompt is not None


@dataclass(frozen=True)
class Timings:
    prompt_tokens: int
    prompt_tokens_evaluated: int
    completion_tokens: int
    context_used: int
    context_length: int
    time_to_first_token_s: float
    decode_seconds: float
    thinking_tokens: int = 0  # of completion_tokens, those spent thinking (set by Conversation)
    thinking_seconds: float = 0.0  # from the first token to the end of the thinking

    @property
    def reused_tokens(self) -> int:
        """Prompt tokens served from the KV cache instead of being evaluated again."""
        return self.prompt_tokens - self.prompt_tokens_evaluated

    @property
    def tokens_per_second(self) -> float:
        if self.completion_tokens < 2 or self.decode_seconds <= 0:
            return 0.0
        return (self.completion_tokens - 1) / self.decode_seconds


@dataclass(frozen=True)
class TokenEvent:
    """Text of the answer as it comes. `prompt_tokens` is the size of the prompt (known before
    the first token: a stream opens with an empty event carrying it) and `produced` the answer
    tokens so far, so the context meter can count while the answer is written.

    From the engine, `text` is the model's raw text and the opening event's `thinking_opened`
    says the template opened `<think>` at the end of the prompt. `Conversation` splits it: its
    events carry the answer in `text` and the thinking in `thinking` (deltas both)."""

    request_id: int
    text: str
    prompt_tokens: int = 0
    produced: int = 0
    thinking: str = ""
    thinking_opened: bool = False

    @property
    def context_used(self) -> int:
        return self.prompt_tokens + self.produced


@dataclass(frozen=True)
class LoadProgress:
    """How far a model load has come, 0.0 to 1.0 (`Engine.load_steps` yields these)."""

    fraction: float


@dataclass(frozen=True)
class GenerationResult:
    """The end of a stream. `dropped_messages` > 0 means old turns were left out to fit.
    After `Conversation`, `text` is the answer alone and `reasoning` the thinking (None: the
    reply had none)."""

    request_id: int
    text: str
    finish_reason: FinishReason
    timings: Timings
    dropped_messages: int = 0
    reasoning: str | None = None


StreamEvent = TokenEvent | GenerationResult


@dataclass(frozen=True)
class EngineInfo:
    loaded: LoadedModel | None
    gpu_offload_supported: bool
    system_info: str


class Engine(Protocol):
    """The API shared by the in-process engine and the engine-host client."""

    def load(self, spec: LoadSpec) -> LoadedModel: ...

    # An engine may also offer `load_steps(spec)`: `LoadProgress` items, then the `LoadedModel`.

    def stream(self, request: GenerationRequest) -> Iterator[StreamEvent]: ...

    def cancel(self, request_id: int | None = None) -> None: ...

    def unload(self) -> None: ...

    def info(self) -> EngineInfo: ...
