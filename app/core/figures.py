"""The figures a chat shows, read back from the timings stored with each answer.

The context meter, the speed in the status bar and the small line under each answer all come
from here, so they belong to the chat shown and read the same after a restart. Stored timings
may come from an old database or an import, so every value is checked before it is used; an
answer without usable timings (an import, a failure) simply has no figures.

Model load time is never part of these: the engine reports it apart (`LoadedModel`), and an
answer's first-token time starts when its request does, after the load.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.chats.store import StoredMessage
from app.core.engine.types import Timings
from app.core.text import DOTS, QT_TRANSLATE_NOOP, Decimal, Msg, Phrase, together

SPEED = Phrase(
    "figures.speed", QT_TRANSLATE_NOOP("Messages", "{rate} tok/s · first token {seconds} s")
)
FIRST_TOKEN = Phrase(
    "figures.first-token", QT_TRANSLATE_NOOP("Messages", "first token {seconds} s")
)
TOKENS = Phrase(
    "figures.tokens",
    QT_TRANSLATE_NOOP("Messages", "{prompt} prompt + {answer} answer tokens"),
)
TOKENS_REUSED = Phrase(
    "figures.tokens-reused",
    QT_TRANSLATE_NOOP("Messages", "{prompt} prompt ({new} new) + {answer} answer tokens"),
)
THINKING = Phrase(
    "figures.thinking",
    QT_TRANSLATE_NOOP("Messages", "thinking {tokens} tokens in {seconds} s"),
)
TEMPERATURE = Phrase("figures.temperature", QT_TRANSLATE_NOOP("Messages", "temperature {t}"))
LOAD_TIME = Phrase("figures.load-time", QT_TRANSLATE_NOOP("Messages", "loaded in {s} s"))


@dataclass(frozen=True)
class AnswerFigures:
    """How one answer was written, as stored with it."""

    tokens_per_second: float
    first_token_s: float
    prompt_tokens: int
    prompt_evaluated: int
    completion_tokens: int
    context_used: int
    context_length: int
    model: str = ""
    temperature: float | None = None
    thinking_tokens: int = 0  # of completion_tokens, those a reasoning model spent thinking
    thinking_seconds: float = 0.0


def answer_figures(message: StoredMessage) -> AnswerFigures | None:
    """The figures of an assistant message, None when it has no usable timings."""
    timings = message.timings
    if message.role != "assistant" or not isinstance(timings, Mapping):
        return None
    counts = [_count(timings.get(k)) for k in _COUNTS]
    seconds = [_number(timings.get(k)) for k in ("time_to_first_token_s", "decode_seconds")]
    if None in counts or None in seconds:
        return None
    prompt, evaluated, produced, used, size = (int(c or 0) for c in counts)
    first, decode = (float(s or 0.0) for s in seconds)
    thought = min(_count(timings.get("thinking_tokens")) or 0, produced)
    thinking_s = _number(timings.get("thinking_seconds")) or 0.0
    measured = Timings(prompt, evaluated, produced, used, size, first, decode, thought, thinking_s)
    params = message.params if isinstance(message.params, Mapping) else {}
    temperature = _number(params.get("temperature"))
    return timings_figures(measured, _model_name(message.model), temperature)


def timings_figures(
    timings: Timings, model: str = "", temperature: float | None = None
) -> AnswerFigures:
    """The figures of an answer from the engine's timings (a live result, or stored ones)."""
    return AnswerFigures(
        tokens_per_second=timings.tokens_per_second,
        first_token_s=timings.time_to_first_token_s,
        prompt_tokens=timings.prompt_tokens,
        prompt_evaluated=min(timings.prompt_tokens_evaluated, timings.prompt_tokens),
        completion_tokens=timings.completion_tokens,
        context_used=timings.context_used,
        context_length=timings.context_length,
        model=model,
        temperature=temperature,
        thinking_tokens=timings.thinking_tokens,
        thinking_seconds=timings.thinking_seconds,
    )


_COUNTS = (
    "prompt_tokens",
    "prompt_tokens_evaluated",
    "completion_tokens",
    "context_used",
    "context_length",
)


def chat_figures(messages: Sequence[StoredMessage]) -> AnswerFigures | None:
    """The figures of the chat's latest answer that has them (None for an empty chat)."""
    for message in reversed(messages):
        figures = answer_figures(message)
        if figures is not None:
            return figures
    return None


def speed(figures: AnswerFigures) -> Msg:
    """ "12.3 tok/s · first token 0.41 s", for the status bar. Two decimals for the first
    token; three below a tenth, so a first token read from the cache does not read 0.00."""
    places = 3 if figures.first_token_s < 0.1 else 2
    return SPEED(
        rate=Decimal(figures.tokens_per_second, 1),
        seconds=Decimal(figures.first_token_s, places),
    )


def details(figures: AnswerFigures) -> Msg:
    """The line under an answer: speed, first token, tokens (thinking ones too: tokens/s
    counts every token produced), the thinking, sampling and model."""
    parts = [speed(figures) if figures.completion_tokens >= 2 else _first(figures)]
    parts.append(_tokens(figures))
    if figures.thinking_tokens:
        seconds = Decimal(figures.thinking_seconds, 1 if figures.thinking_seconds < 10 else 0)
        parts.append(THINKING(tokens=figures.thinking_tokens, seconds=seconds))
    if figures.temperature is not None:
        parts.append(TEMPERATURE(t=Decimal(figures.temperature, 1)))
    if figures.model:
        parts.append(Msg.plain(figures.model))
    return together(parts, DOTS)


def load_time(seconds: float) -> Msg:
    return LOAD_TIME(s=Decimal(seconds, 1))


def _first(figures: AnswerFigures) -> Msg:
    """The first-token time alone (an answer of one token has no speed)."""
    places = 3 if figures.first_token_s < 0.1 else 2
    return FIRST_TOKEN(seconds=Decimal(figures.first_token_s, places))


def _tokens(figures: AnswerFigures) -> Msg:
    prompt, answer = figures.prompt_tokens, figures.completion_tokens
    if figures.prompt_evaluated < prompt:
        return TOKENS_REUSED(prompt=prompt, new=figures.prompt_evaluated, answer=answer)
    return TOKENS(prompt=prompt, answer=answer)


def _model_name(model: Any) -> str:
    """The model's file name without folders (the library id is "folder/file.gguf")."""
    if not isinstance(model, str):
        return ""
    return model.replace("\\", "/").split("/")[-1]


def _count(value: Any) -> int | None:
    """A stored count: a whole number of zero or more (else None)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _number(value: Any) -> float | None:
    """A stored duration or setting: a finite number of zero or more (else None)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None
