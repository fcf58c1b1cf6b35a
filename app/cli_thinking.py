"""A reasoning model's thinking in the terminal: on stderr, dimmed where stderr is a terminal,
so that stdout carries the answer alone (`hearth ask … > answer.txt` keeps only the answer).
`--hide-thinking` leaves the thoughts out and keeps the line that says how long they took.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from typing import TextIO

from app.cli_words import say
from app.core.engine.types import TokenEvent
from app.core.text import QT_TRANSLATE_NOOP, Decimal, Phrase

THINKING = Phrase("cli.thinking.started", QT_TRANSLATE_NOOP("Messages", "thinking…"))
THOUGHT = Phrase("cli.thinking.ended", QT_TRANSLATE_NOOP("Messages", "thought for {seconds} s"))

DIM, PLAIN = "\x1b[2m", "\x1b[0m"


class ThoughtPrinter:
    """Prints the thinking deltas of a streamed reply, framed by a line before and after."""

    def __init__(
        self, err: TextIO, show: bool = True, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._err, self._show, self._clock = err, show, clock
        self._dim = show and _is_terminal(err)
        self._began: float | None = None
        self._open = False

    def feed(self, event: TokenEvent) -> None:
        """Print the event's thinking; its first answer text ends the thinking."""
        if event.thinking:
            if self._began is None:
                self._began, self._open = self._clock(), True
                self._write(f"[hearth] {say(THINKING())}\n" + (DIM if self._dim else ""))
            if self._show:
                self._write(event.thinking)
        if event.text and self._open:
            self.end()

    def end(self) -> None:
        """Close the thinking (at the first answer text, or when the reply ends)."""
        if not self._open or self._began is None:
            return
        self._open = False
        seconds = Decimal(self._clock() - self._began, 1)
        tail = (PLAIN if self._dim else "") + ("\n" if self._show else "")
        self._write(f"{tail}[hearth] {say(THOUGHT(seconds=seconds))}\n")

    def _write(self, text: str) -> None:
        with suppress(OSError, ValueError):  # a closed terminal must not end the answer
            self._err.write(text)
            self._err.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False
