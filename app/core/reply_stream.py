"""One reply as it streams from the engine: a reasoning model's thinking told apart from its
answer, the thinking's tokens and seconds counted, and what came so far kept for a reply that
is cut off.

The engine streams the model's raw text. Its opening event says whether the chat template
opened `<think>` at the end of the prompt (`TokenEvent.thinking_opened`), in which case the
first text is thinking; otherwise a reply that starts with `<think>` thinks first. A continued
reply (one carried on after Stop or max tokens) is answer text throughout.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from app.core.chats.store import StoredMessage
from app.core.engine.types import GenerationResult, TokenEvent
from app.core.thinking import Split, ThinkingSplitter, split_reply


class ReplyStream:
    """Turns the engine's raw events into answer and thinking events, and its result into the
    reply that is stored (`text`: the answer alone, `reasoning`: the thinking)."""

    def __init__(
        self,
        prefix: StoredMessage | None = None,
        clock: Callable[[], float] = time.monotonic,
        splits: bool = True,
    ) -> None:
        self._prefix = Split(
            (prefix.reasoning or "") if prefix else "", prefix.content if prefix else ""
        )
        # A continued reply is answer text throughout, unless it was cut off while thinking;
        # plain completions (a base model's document) are never split.
        mid_thought = prefix is not None and not prefix.content and bool(prefix.reasoning)
        self._splits = splits and (prefix is None or mid_thought)
        self._started = mid_thought  # thinking from the first text (or the template opened it)
        self._splitter = ThinkingSplitter(started=mid_thought)
        self._came: tuple[list[str], list[str]] = ([], [])  # thinking, answer pieces
        self._clock = clock
        self._first: float | None = None  # when the first text came
        self._thought: tuple[int, float] | None = None  # tokens and seconds, once it ended
        self._last = TokenEvent(0, "")

    def token(self, event: TokenEvent) -> TokenEvent:
        """The event with its text told apart: `text` the answer, `thinking` the thoughts."""
        if event.thinking_opened and self._splits and not any(self._came):
            self._splitter, self._started = ThinkingSplitter(started=True), True
        if event.text and self._first is None:
            self._first = self._clock()
        split = self._splitter.feed(event.text) if self._splits else Split(answer=event.text)
        self._note(split, event.produced)
        self._last = event
        return dataclasses.replace(event, text=split.answer, thinking=split.thinking)

    def finish(self) -> TokenEvent | None:
        """Text held back at the end (it might have begun a tag), as one last event."""
        split = self._splitter.finish() if self._splits else Split()
        self._note(split, self._last.produced)
        if not split.answer and not split.thinking:
            return None
        return dataclasses.replace(self._last, text=split.answer, thinking=split.thinking)

    def result(self, result: GenerationResult) -> GenerationResult:
        """The stored reply: the engine's full text told apart the way the stream was, after
        the text of the answer it continues, with the thinking's tokens and seconds."""
        if self._splits:
            split = split_reply(result.text, started=self._started)
        else:
            split = Split(answer=result.text)
        whole = self._prefix + split
        tokens, seconds = self._thinking_figures(result.timings.completion_tokens)
        timings = dataclasses.replace(
            result.timings, thinking_tokens=tokens, thinking_seconds=seconds
        )
        return dataclasses.replace(
            result, text=whole.answer, reasoning=_tidy(whole.thinking), timings=timings
        )

    def partial(self, raw: str | None = None) -> Split:
        """What came of a reply that was cut off (`raw`: the engine's partial text, when a
        crash report carries it), after the text of the answer it continues."""
        if raw:
            came = split_reply(raw, started=self._started) if self._splits else Split(answer=raw)
        else:
            tail = self._splitter.finish() if self._splits else Split()
            # a thinking tail held back can only be the start of `</think>`: not a thought
            came = Split("".join(self._came[0]), "".join(self._came[1]) + tail.answer)
        whole = self._prefix + came
        return Split(_tidy(whole.thinking) or "", whole.answer)

    def _note(self, split: Split, produced: int) -> None:
        if split.thinking:
            self._came[0].append(split.thinking)
        if split.answer:
            self._came[1].append(split.answer)
        thinking_over = self._splitter.state == "answer" and self._splitter.thought
        if self._thought is None and thinking_over and self._first is not None:
            self._thought = (produced, self._clock() - self._first)

    def _thinking_figures(self, produced: int) -> tuple[int, float]:
        """Tokens and seconds spent thinking (a reply cut off while thinking: all of it)."""
        if self._thought is not None:
            return self._thought
        if self._splits and self._splitter.thought and self._first is not None:
            return produced, self._clock() - self._first
        return 0, 0.0


def _tidy(thinking: str) -> str | None:
    """The thoughts as stored: without the line break before `</think>` (None: none)."""
    return thinking.rstrip() or None
