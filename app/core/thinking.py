"""A reasoning model's thinking, told apart from its answer as the reply streams in.

Reasoning models (Qwen3, DeepSeek-R1 distills, QwQ, Phi-4-reasoning, GLM-Z1) write their
thoughts between `<think>` and `</think>`, then the answer. Two forms arrive:

- the model writes `<think>` itself, first (leading blank space aside);
- the chat template has already opened `<think>` at the end of the prompt, so the model's first
  visible text is thinking (`started=True`; `opens_thinking` tells from the rendered prompt).

`ThinkingSplitter.feed` takes the text as it streams, in pieces of any size (a tag may be cut
between two tokens), and returns what each piece adds to the thinking and to the answer. A part
that could still be the start of a tag is held back until the next piece tells. `<think>` later
in an answer is the answer's own text (a model explaining the format), never a new thought.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OPEN, CLOSE = "<think>", "</think>"
State = Literal["before", "thinking", "answer"]


@dataclass(frozen=True)
class Split:
    """Text for the thinking block and text for the answer (deltas, or a whole reply)."""

    thinking: str = ""
    answer: str = ""

    def __add__(self, other: Split) -> Split:
        return Split(self.thinking + other.thinking, self.answer + other.answer)


class ThinkingSplitter:
    """Tells thinking from answer in one streamed reply; `state` says where it is."""

    def __init__(self, started: bool = False, open_tag: str = OPEN, close_tag: str = CLOSE):
        self.state: State = "thinking" if started else "before"
        self.thought = started  # the reply has a thinking part (open, or closed)
        self._open, self._close = open_tag, close_tag
        self._held = ""  # text that may be the start of a tag
        # blank characters still to drop where a part begins ("\n", or all): the blank line
        # after the template's own <think> too
        self._trim = "\n" if started else ""

    def feed(self, text: str) -> Split:
        """What `text` adds to the thinking and to the answer."""
        pending, self._held = self._held + text, ""
        out = Split()
        while pending:
            if self.state == "before":
                pending, out = self._before(pending, out)
                if self._held:
                    break
            elif self.state == "thinking":
                pending, out = self._thinking(self._trimmed(pending), out)
            else:
                return out + Split(answer=self._trimmed(pending))
        return out

    def _trimmed(self, text: str) -> str:
        """Drop the blank line after a tag, even when it comes in a later piece."""
        if not self._trim:
            return text
        kept = text.lstrip(self._trim) if self._trim != "all" else text.lstrip()
        if kept:
            self._trim = ""
        return kept

    def finish(self) -> Split:
        """The end of the reply: text held back is what it looked like (no tag came)."""
        held, self._held = self._held, ""
        if self.state == "thinking":
            return Split(thinking=held)  # cut off while thinking: the thoughts so far
        self.state = "answer"
        return Split(answer=held)

    def _before(self, pending: str, out: Split) -> tuple[str, Split]:
        stripped = pending.lstrip()
        if stripped.startswith(self._open):
            self.state, self.thought, self._trim = "thinking", True, "\n"
            return stripped[len(self._open) :], out
        if not stripped or self._open.startswith(stripped):
            self._held = pending  # blank so far, or a tag being written
            return "", out
        self.state = "answer"
        return pending, out

    def _thinking(self, pending: str, out: Split) -> tuple[str, Split]:
        at = pending.find(self._close)
        if at >= 0:
            self.state, self._trim = "answer", "all"
            return pending[at + len(self._close) :], out + Split(thinking=pending[:at])
        keep = _tag_start_at_end(pending, self._close)
        self._held = pending[len(pending) - keep :] if keep else ""
        return "", out + Split(thinking=pending[: len(pending) - keep])


def _tag_start_at_end(text: str, tag: str) -> int:
    """How many characters at the end of `text` could begin `tag` (0: none)."""
    for size in range(min(len(tag) - 1, len(text)), 0, -1):
        if tag.startswith(text[-size:]):
            return size
    return 0


def split_reply(text: str, started: bool = False) -> Split:
    """A whole reply told apart at once (a stored or imported answer)."""
    splitter = ThinkingSplitter(started)
    return splitter.feed(text) + splitter.finish()


def opens_thinking(prompt: str, open_tag: str = OPEN) -> bool:
    """Whether a rendered prompt ends inside an opened thinking block (the template wrote
    `<think>` for the model, as Qwen3's and DeepSeek-R1's do)."""
    tail = prompt.rstrip()
    return tail.endswith(open_tag)
