"""The engine, driven from the GUI thread: loads and generations run on the engine thread.

Every generation gets a request id before it starts, so Stop works even before the first token,
and events of a request that was stopped or replaced are dropped. Tokens are not forwarded one
by one: they collect in a buffer that a short timer flushes into the view (a reasoning model's
thinking in a buffer of its own, flushed first).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any, Literal

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.conversation import Conversation
from app.core.engine.types import (
    Engine,
    GenerationResult,
    LoadedModel,
    LoadProgress,
    LoadSpec,
    StreamEvent,
    TokenEvent,
    next_request_id,
)
from app.core.errors import message_of
from app.core.text import Msg
from app.workers.executor import Executor

State = Literal["idle", "starting", "loading", "ready", "generating", "failed"]
FLUSH_MS = 40
ANSWER_WAIT_S = 5.0  # a stopped answer ends at its next token; past this the host is stuck


class EngineController(QObject):
    """Owns the engine and its thread.

    Signals:
        state_changed(str): idle, starting, loading, ready, generating or failed.
        model_loading(str): the model id being loaded.
        load_progressed(float): how far that load has come, 0.0 to 1.0 (engines that tell).
        model_loaded(object): the `LoadedModel`.
        model_failed(object): why a load failed, a `Msg` (show it with `i18n.say`).
        generation_started(int): a request id.
        prompt_processed(int): the first token of that request arrived.
        thinking_received(int, str): a batch of a reasoning model's thinking for that request
            (in a flush, before the answer's text, so the order holds).
        tokens_received(int, str): a batch of text for that request.
        context_counted(int, int): the context that request fills so far (prompt + answer).
        generation_finished(int, object): the `GenerationResult` (the reply is stored).
        generation_failed(int, object): why it failed, a `Msg` (any partial reply is stored).
    """

    state_changed = Signal(str)
    model_loading = Signal(str)
    load_progressed = Signal(float)
    model_loaded = Signal(object)
    model_failed = Signal(object)
    generation_started = Signal(int)
    prompt_processed = Signal(int)
    thinking_received = Signal(int, str)
    tokens_received = Signal(int, str)
    context_counted = Signal(int, int)
    generation_finished = Signal(int, object)
    generation_failed = Signal(int, object)

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.loaded: LoadedModel | None = None
        self.loaded_id: str | None = None
        self.failed_id: str | None = None  # the model whose load failed last
        self.state: State = "idle"
        self._executor = Executor("hearth-engine", self)
        self._active = 0
        self._loads = 0
        self._first_seen = False
        self._result: GenerationResult | None = None
        self._pending: list[str] = []
        self._thinking: list[str] = []
        self._closing: threading.Event | None = None
        self._used = 0
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(FLUSH_MS)
        self._flush.timeout.connect(self._on_flush_timeout)

    @property
    def active_request(self) -> int:
        """The request being generated, 0 when none."""
        return self._active

    # -- loading -----------------------------------------------------------------------

    def start_host(self) -> None:
        """Start the engine host now, so that the first load does not pay for it."""
        start: Callable[[], Any] | None = getattr(self.engine, "start", None)
        if start is not None:
            self._loads += 1
            self._set_state("starting")
            self._executor.call(start, self._on_host_started, self._on_load_failed)

    def load(self, model_id: str, spec: LoadSpec) -> None:
        self.stop()
        self._loads += 1
        self._set_state("loading")
        self.model_loading.emit(model_id)

        def loaded(model: LoadedModel) -> None:
            self._loads -= 1
            self.loaded, self.loaded_id = model, model_id
            self._settle()
            self.model_loaded.emit(model)

        steps: Callable[[LoadSpec], Iterator[object]] | None = getattr(
            self.engine, "load_steps", None
        )

        def failed(error: object) -> None:
            self.failed_id = model_id
            self._on_load_failed(error)

        if steps is None:
            self._executor.call(lambda: self.engine.load(spec), loaded, failed)
            return

        def step(item: object) -> None:
            if isinstance(item, LoadProgress):
                self.load_progressed.emit(item.fraction)
            elif isinstance(item, LoadedModel):
                loaded(item)

        self._executor.stream(lambda: steps(spec), step, None, failed)

    # -- generating --------------------------------------------------------------------

    def send(self, conversation: Conversation, text: str) -> int:
        return self._generate(lambda rid: conversation.send(text, rid))

    def answer(self, conversation: Conversation) -> int:
        """Answer the user message already stored last (a chat started with its question)."""
        return self._generate(conversation.answer)

    def regenerate(self, conversation: Conversation) -> int:
        return self._generate(conversation.regenerate)

    def edit(self, conversation: Conversation, message_id: int, text: str) -> int:
        return self._generate(lambda rid: conversation.edit(message_id, text, rid))

    def continue_reply(self, conversation: Conversation) -> int:
        return self._generate(conversation.continue_reply)

    def stop(self) -> None:
        """Stop the running generation at its next token (safe at any moment)."""
        if self._active:
            self.engine.cancel(self._active)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop what runs, close the engine (and its host), wait for the engine thread."""
        self.close()
        return self.wait(timeout_ms)

    def close(self) -> None:
        """Stop the answer (it is stored as stopped), then close the engine and end the engine
        thread, without waiting: see `wait_answer` and `wait`. Safe to call twice."""
        if self._closing is not None:
            return
        answering = self._active != 0
        self.stop()
        self._active = 0
        self._closing = threading.Event()
        if not answering:
            self._closing.set()  # nothing to store (a load in flight is not waited for)
        else:
            self._executor.call(self._closing.set)  # runs once the stopped answer is stored
        close: Callable[[], Any] | None = getattr(self.engine, "close", None)
        if close is not None:
            self._executor.call(close)  # on the engine thread: hosts closed together end together
        self._executor.close()

    def wait_answer(self, timeout_s: float = ANSWER_WAIT_S) -> bool:
        """After `close`: wait until the answer stopped by it is stored (at once if none)."""
        return self._closing is None or self._closing.wait(timeout_s)

    def wait(self, timeout_ms: int) -> bool:
        """After `close`: wait for the engine thread (and so the host) to end."""
        return self._executor.wait(timeout_ms)

    def _generate(self, start: Callable[[int], Iterator[StreamEvent]]) -> int:
        self.stop()
        rid = next_request_id()
        self._active, self._first_seen, self._result = rid, False, None
        self._used = 0
        self._pending.clear()
        self._thinking.clear()
        self._set_state("generating")
        self.generation_started.emit(rid)
        self._executor.stream(
            lambda: start(rid),
            lambda event: self._on_event(rid, event),
            lambda _: self._on_done(rid),
            lambda error: self._on_failed(rid, error),
        )
        return rid

    def _on_event(self, rid: int, event: object) -> None:
        if rid != self._active:
            return  # a late event of a stopped or replaced request
        if isinstance(event, TokenEvent):
            self._used = max(self._used, event.context_used)
            if (event.text or event.thinking) and not self._first_seen:
                self._first_seen = True
                self.prompt_processed.emit(rid)
            if event.thinking:
                self._thinking.append(event.thinking)
            if event.text:
                self._pending.append(event.text)
            if not self._flush.isActive():
                self._flush.start()
        elif isinstance(event, GenerationResult):
            self._result = event

    def _on_flush_timeout(self) -> None:
        if self._used and self._active:
            self.context_counted.emit(self._active, self._used)
        if self._thinking and self._active:
            thought = "".join(self._thinking)
            self._thinking.clear()
            self.thinking_received.emit(self._active, thought)
        if self._pending and self._active:
            text = "".join(self._pending)
            self._pending.clear()
            self.tokens_received.emit(self._active, text)

    def _on_done(self, rid: int) -> None:
        if self._end(rid) and self._result is not None:
            self.generation_finished.emit(rid, self._result)

    def _on_failed(self, rid: int, error: object) -> None:
        if self._end(rid):
            self.generation_failed.emit(rid, _message(error))

    def _end(self, rid: int) -> bool:
        """Flush what is buffered and settle; False for a request that was replaced."""
        if rid != self._active:
            return False
        self._flush.stop()
        self._on_flush_timeout()
        self._active = 0
        self._settle()
        return True

    def _on_host_started(self, _seconds: object) -> None:
        self._loads -= 1
        self._settle()

    def _on_load_failed(self, error: object) -> None:
        self._loads -= 1
        self.loaded, self.loaded_id = None, None
        self._set_state("failed" if self._loads == 0 else "loading")
        self.model_failed.emit(_message(error))

    def _settle(self) -> None:
        if self._loads > 0:
            self._set_state("loading")
        elif self._active:
            self._set_state("generating")
        else:
            self._set_state("ready" if self.loaded is not None else "idle")

    def _set_state(self, state: State) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)


def _message(error: object) -> Msg:
    """What to tell the user about a failed job, in no language yet."""
    if isinstance(error, Msg):
        return error
    if isinstance(error, BaseException):
        return message_of(error)
    return Msg.plain(str(error))
