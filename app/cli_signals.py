"""Signals for the CLI: Ctrl-C, SIGTERM and SIGHUP stop an answer the same way (the partial reply
is stored as cancelled), end other commands through their `finally` blocks, and are held while
a host process starts so that it does not die with the terminal.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from app.core.conversation import Conversation
from app.core.engine.types import next_request_id

EXIT_CANCELLED = 130

# Signals that end the command like Ctrl-C does (SIGHUP: the terminal was closed).
STOP_SIGNALS = tuple(
    s for s in (getattr(signal, n, None) for n in ("SIGTERM", "SIGHUP")) if s is not None
)


@contextmanager
def signals_blocked() -> Iterator[None]:
    """Hold SIGTERM/SIGHUP while a child process starts (they are delivered afterwards)."""
    if not STOP_SIGNALS or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    # multiprocessing starts its resource tracker with the first child, and unblocks SIGTERM
    # afterwards: start it first, so that it does not undo the block below.
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


@contextmanager
def exit_on_stop_signals() -> Iterator[None]:
    """SIGTERM/SIGHUP end the command with 128 + the signal's number, through the `finally`
    blocks that close the engine and index hosts (a database write is one transaction, so an
    interrupted one leaves nothing half-written). While an answer streams, `stop_on_signals`
    takes over. Further stop signals are ignored while the command winds down."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        for s in STOP_SIGNALS:
            signal.signal(s, signal.SIG_IGN)
        raise SystemExit(128 + signum)

    previous = {s: signal.signal(s, stop) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's final flush does not complain either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def signal_exit(signum: int) -> int:
    return EXIT_CANCELLED if signum == signal.SIGINT else 128 + signum


@dataclass
class Stop:
    """Which signal stopped the answer, if one did."""

    signum: int | None = None


class Streaming:
    """The answer that the stop signals cancel. Its request id is chosen before the question
    is stored, so a signal that comes while the question is stored, documents are searched or
    the prompt is evaluated cancels this very request (the engine checks between batches)."""

    def __init__(self) -> None:
        self.conversation: Conversation | None = None
        self.request_id = next_request_id()
        self.stopped = False

    def on(self, conversation: Conversation) -> Conversation:
        self.conversation = conversation
        if self.stopped:
            conversation.cancel(self.request_id)
        return conversation

    def cancel(self) -> None:
        self.stopped = True
        if self.conversation is not None:
            self.conversation.cancel(self.request_id)


@contextmanager
def stop_on_signals(stopped: Stop) -> Iterator[Streaming]:
    """While a question is stored and answered, Ctrl-C, SIGTERM and SIGHUP cancel the answer
    instead of killing the program: the engine ends the stream at its next token and the
    partial reply is stored as cancelled. `stopped` records the signal."""
    streaming = Streaming()

    def stop(signum: int, _frame: FrameType | None) -> None:
        if stopped.signum is None or stopped.signum == signal.SIGINT:
            stopped.signum = signum
        streaming.cancel()

    wanted = (signal.SIGINT, *STOP_SIGNALS)
    previous = {s: signal.signal(s, stop) for s in wanted}
    try:
        yield streaming
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
