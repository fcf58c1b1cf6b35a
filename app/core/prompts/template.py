"""Render a model's chat template safely.

The template (Jinja source from the GGUF, i.e. from the internet) runs in Jinja's
`ImmutableSandboxedEnvironment`, so it cannot reach Python internals or mutate its inputs.

Message text never becomes control tokens: the template is rendered with a placeholder for each
message's content, and the result is split into *segments*: template text (tokenized with special
tokens enabled) and user text (tokenized as plain text). A user who types `<|im_start|>system`
gets those characters, not a new system turn.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from app.core.errors import TemplateError
from app.core.messages import Message
from app.core.prompts.texts import (
    NO_REPLY,
    TEMPLATE_FAILED,
    TEMPLATE_INVALID,
    TEMPLATE_REFUSED,
    TEMPLATE_REPEATS,
    TEMPLATE_UNKNOWN_MESSAGE,
)


@dataclass(frozen=True)
class Segment:
    """A run of prompt text; `literal` text must be tokenized without special tokens."""

    text: str
    literal: bool


class ChatTemplate:
    """A compiled chat template; `render` returns segments ready to tokenize."""

    def __init__(self, source: str, bos_token: str = "", eos_token: str = "") -> None:
        self._env = ImmutableSandboxedEnvironment(
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False
        )
        self._env.globals["raise_exception"] = _raise_exception
        self._env.globals["strftime_now"] = _strftime_now
        self._special = {"bos_token": bos_token, "eos_token": eos_token}
        try:
            self._template = self._env.from_string(source)
        except JinjaTemplateError as exc:
            raise TemplateError(TEMPLATE_INVALID(str(exc))) from exc

    def render(
        self, messages: Sequence[Message], add_generation_prompt: bool = True
    ) -> list[Segment]:
        nonce = secrets.token_hex(4)
        marked = [
            {"role": m.role, "content": f"\ue000{nonce}:{i}\ue001"} for i, m in enumerate(messages)
        ]
        text = self._render_text(marked, add_generation_prompt)
        return _split(text, nonce, [m.content for m in messages])

    def render_text(self, messages: Sequence[Message], add_generation_prompt: bool = True) -> str:
        """The prompt as one string (for display and debugging; never tokenize this directly)."""
        return "".join(s.text for s in self.render(messages, add_generation_prompt))

    def _render_text(self, messages: list[dict[str, str]], add_generation_prompt: bool) -> str:
        try:
            return self._template.render(
                messages=messages, add_generation_prompt=add_generation_prompt, **self._special
            )
        except TemplateError:
            raise
        except Exception as exc:  # SecurityError, UndefinedError, anything the template throws
            raise TemplateError(TEMPLATE_FAILED(str(exc))) from exc


def open_last_message(segments: list[Segment]) -> list[Segment]:
    """Cut the prompt right after the last message's text, dropping its end-of-turn markup, so
    the model continues that message (a cut-off reply) instead of starting a new turn."""
    for index in range(len(segments) - 1, -1, -1):
        if segments[index].literal:
            return segments[: index + 1]
    raise TemplateError(NO_REPLY())


def _split(text: str, nonce: str, contents: list[str]) -> list[Segment]:
    pattern = re.compile("\ue000" + re.escape(nonce) + r":(\d+)\ue001")
    segments: list[Segment] = []
    seen: list[int] = []
    pos = 0
    for match in pattern.finditer(text):
        index = int(match.group(1))
        if index >= len(contents):
            raise TemplateError(TEMPLATE_UNKNOWN_MESSAGE())
        if match.start() > pos:
            segments.append(Segment(text[pos : match.start()], literal=False))
        segments.append(Segment(contents[index], literal=True))
        seen.append(index)
        pos = match.end()
    if pos < len(text):
        segments.append(Segment(text[pos:], literal=False))
    if sorted(set(seen)) != sorted(seen):
        raise TemplateError(TEMPLATE_REPEATS())
    return segments


def _raise_exception(message: str) -> None:
    raise TemplateError(TEMPLATE_REFUSED(str(message)))


def _strftime_now(fmt: str) -> str:
    return datetime.now().strftime(fmt)
