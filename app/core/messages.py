"""The message type shared by prompting, the engine and the chat store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["system", "user", "assistant"]
ROLES: tuple[Role, ...] = ("system", "user", "assistant")


@dataclass(frozen=True)
class Message:
    """One turn. `reasoning`: a reasoning model's thinking before this (assistant) answer,
    which reaches the template as `reasoning_content` only where the template reads it."""

    role: Role
    content: str
    reasoning: str | None = None
