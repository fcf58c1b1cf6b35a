"""The details under a reasoning model's answer: its thinking tokens and seconds, and a speed
that counts every token produced, thinking included."""

from __future__ import annotations

import time

from app.core.chats.store import StoredMessage
from app.core.figures import answer_figures, details


def _answer(timings: dict[str, object]) -> StoredMessage:
    return StoredMessage(
        1, 1, "assistant", "4", "complete", time.time(), timings=timings, reasoning="2 + 2 = 4"
    )


def _timings(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "prompt_tokens": 20,
        "prompt_tokens_evaluated": 20,
        "completion_tokens": 251,
        "context_used": 271,
        "context_length": 4096,
        "time_to_first_token_s": 0.5,
        "decode_seconds": 10.0,
    }
    return base | changes


def test_details_show_the_thinking_tokens_and_seconds() -> None:
    figures = answer_figures(_answer(_timings(thinking_tokens=212, thinking_seconds=8.46)))
    assert figures is not None
    assert (figures.thinking_tokens, figures.thinking_seconds) == (212, 8.46)
    line = details(figures).render()
    assert "25.0 tok/s" in line  # (251 - 1) / 10 s: the thinking tokens count in the speed
    assert "20 prompt + 251 answer tokens · thinking 212 tokens in 8.5 s" in line
    long = answer_figures(_answer(_timings(thinking_tokens=212, thinking_seconds=12.4)))
    assert long is not None and "thinking 212 tokens in 12 s" in details(long).render()


def test_no_thinking_no_thinking_figures() -> None:
    for timings in (_timings(), _timings(thinking_tokens=0), _timings(thinking_tokens="x")):
        figures = answer_figures(_answer(timings))
        assert figures is not None and "thinking" not in details(figures).render()


def test_stored_thinking_counts_are_checked() -> None:
    figures = answer_figures(_answer(_timings(thinking_tokens=9999, thinking_seconds=-1)))
    assert figures is not None
    assert (figures.thinking_tokens, figures.thinking_seconds) == (251, 0.0)
