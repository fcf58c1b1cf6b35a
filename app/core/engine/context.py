"""The context-window policy: what to leave out when a conversation outgrows the context.

Pinned messages (system prompt, few-shot examples) always stay, and so does the newest message.
The oldest turns after the pinned ones go first, a user message together with the replies that
follow it, so the model never sees an answer without its question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.core.engine.texts import MESSAGE_TOO_LONG
from app.core.errors import ContextOverflow
from app.core.messages import Message


def answer_reserve(context_length: int, max_tokens: int) -> int:
    """Room kept free for the answer: max_tokens, but never more than half the context."""
    return min(max_tokens, context_length // 2)


def fit_to_context(
    messages: Sequence[Message],
    pinned: int,
    tokenize: Callable[[Sequence[Message]], list[int]],
    budget: int,
) -> tuple[list[int], int]:
    """Tokens of the longest tail of the conversation that fits `budget`, and how many
    messages were left out. Raises `ContextOverflow` when even the newest message does not fit.
    """
    kept = list(messages)
    dropped = 0
    tokens = tokenize(kept)
    while len(tokens) > budget:
        if len(kept) - pinned <= 1:
            raise ContextOverflow(MESSAGE_TOO_LONG(tokens=len(tokens), budget=budget))
        del kept[pinned]
        dropped += 1
        while len(kept) - pinned > 1 and kept[pinned].role == "assistant":
            del kept[pinned]
            dropped += 1
        tokens = tokenize(kept)
    return tokens, dropped
