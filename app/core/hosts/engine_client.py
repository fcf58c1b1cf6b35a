"""The engine, in a child process, behind the same API as the in-process `LlamaEngine`.

A crash inside llama.cpp (it calls abort() on bad input) kills only the child. The client then
raises `EngineCrashed` carrying the text streamed so far, forgets the dead process, and the next
request starts a fresh one and reloads the last model.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.core.engine.texts import CRASHED_ANSWERING, CRASHED_LOADING, STOPPED
from app.core.engine.types import (
    EngineInfo,
    GenerationRequest,
    LoadedModel,
    LoadProgress,
    LoadSpec,
    StreamEvent,
    TokenEvent,
    mark_cancelled,
)
from app.core.errors import EngineCrashed
from app.core.hosts.process_host import HostDied, ProcessHost

ENGINE_FACTORY = "app.core.engine.llama_engine:LlamaEngine"


class EngineClient:
    """Drop-in for `LlamaEngine`; `cancel` is safe from any thread."""

    def __init__(self, factory: str = ENGINE_FACTORY, log_path: Path | None = None) -> None:
        self._factory = factory
        self._log_path = log_path
        self._host: ProcessHost | None = None
        self._spec: LoadSpec | None = None
        self._current = 0
        self.starts = 0

    @property
    def pid(self) -> int | None:
        return self._host.pid if self._host is not None else None

    def start(self) -> float:
        """Start the child now (otherwise the first request does); returns seconds taken."""
        began = time.perf_counter()
        self._ensure_host().call("info")
        return time.perf_counter() - began

    def load(self, spec: LoadSpec) -> LoadedModel:
        host = self._ensure_host()
        try:
            loaded: LoadedModel = host.call("load", spec)
        except HostDied as died:
            self._discard()
            raise EngineCrashed(CRASHED_LOADING(str(died), file=spec.path.name)) from None
        self._spec = spec
        return loaded

    def load_steps(self, spec: LoadSpec) -> Iterator[LoadProgress | LoadedModel]:
        """`load`, with the child's progress on the way: `LoadProgress` items, then the
        `LoadedModel` (see `LlamaEngine.load_steps`)."""
        host = self._ensure_host()
        try:
            yield from host.stream("load_steps", spec)
        except HostDied as died:
            self._discard()
            raise EngineCrashed(CRASHED_LOADING(str(died), file=spec.path.name)) from None
        self._spec = spec

    def stream(self, request: GenerationRequest) -> Iterator[StreamEvent]:
        """Stream from the child; on a crash raise `EngineCrashed` with the partial text."""
        host = self._ready_host()
        self._current = request.request_id
        partial: list[str] = []
        try:
            for event in host.stream("stream", request):
                if isinstance(event, TokenEvent):
                    partial.append(event.text)
                yield event
        except HostDied as died:
            self._discard()
            raise EngineCrashed(CRASHED_ANSWERING(str(died)), "".join(partial)) from None

    def cancel(self, request_id: int | None = None) -> None:
        host = self._host
        if host is not None and host.cancel_cell is not None:
            mark_cancelled(host.cancel_cell, self._current if request_id is None else request_id)

    def unload(self) -> None:
        self._spec = None
        if self._host is not None and self._host.alive:
            self._call("unload")

    def info(self) -> EngineInfo:
        info: EngineInfo = self._call("info")
        return info

    def close(self) -> None:
        """End the child (call before the app exits); on the closed pipe it frees the model."""
        host, self._host = self._host, None
        if host is not None:
            host.stop()

    def _call(self, method: str) -> Any:
        try:
            return self._ensure_host().call(method)
        except HostDied as died:
            self._discard()
            raise EngineCrashed(STOPPED(str(died))) from None

    def _ready_host(self) -> ProcessHost:
        """A live host with the last model loaded (restarting after a crash)."""
        if self._host is not None and self._host.alive:
            return self._host
        host = self._ensure_host()
        if self._spec is not None:
            self.load(self._spec)
        return host

    def _ensure_host(self) -> ProcessHost:
        if self._host is None or not self._host.alive:
            self._discard()
            self._host = ProcessHost(self._factory, "hearth-engine", self._log_path)
            self._host.start()
            self.starts += 1
        return self._host

    def _discard(self) -> None:
        host, self._host = self._host, None
        if host is not None:
            host.stop(timeout=1.0)
