"""A host whose service cannot be built: the parent gets the child's own reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.core.errors import IndexUnavailable
from app.core.hosts.engine_client import EngineClient
from app.core.hosts.index_client import IndexClient
from app.core.hosts.process_host import HostDied, ProcessHost

REASON = "Another Hearth is using the documents index right now (test)."


def locked_service(cancel_cell: Any = None) -> Any:
    raise IndexUnavailable(REASON)


def broken_service(cancel_cell: Any = None) -> Any:
    raise RuntimeError("a bug, not a reason")


class Journal:
    """Writes down, when it is closed, that it was."""

    def __init__(self, cancel_cell: Any = None) -> None:
        self.path: Path | None = None

    def keep(self, path: str) -> None:
        self.path = Path(path)

    def close(self) -> None:
        if self.path is not None:
            self.path.write_text("closed")


class Echo:
    def __init__(self, cancel_cell: Any = None) -> None:
        pass

    def echo(self, value: Any) -> Any:
        return value


def test_a_known_error_at_start_up_reaches_the_caller_as_itself() -> None:
    host = ProcessHost(f"{__name__}:locked_service")
    host.start()
    try:
        with pytest.raises(IndexUnavailable, match="Another Hearth"):
            host.call("collections")
        assert not host.alive
    finally:
        host.stop()


def test_the_index_client_shows_the_reason_not_stopped_unexpectedly() -> None:
    client = IndexClient(factory=f"{__name__}:locked_service")
    try:
        for _ in range(2):  # and again: a fresh host, the same true reason
            with pytest.raises(IndexUnavailable) as caught:
                client.collections()
            assert str(caught.value) == REASON
            assert "stopped unexpectedly" not in str(caught.value)
    finally:
        client.close()


def test_the_engine_client_shows_the_reason_too() -> None:
    client = EngineClient(factory=f"{__name__}:locked_service")
    try:
        with pytest.raises(IndexUnavailable, match="Another Hearth"):
            client.info()
    finally:
        client.close()


def test_an_unexpected_error_at_start_up_is_still_a_dead_host() -> None:
    host = ProcessHost(f"{__name__}:broken_service")
    host.start()
    try:
        with pytest.raises(HostDied, match="exited with code 1"):
            host.call("collections")
    finally:
        host.stop()


def test_a_healthy_host_is_unchanged() -> None:
    host = ProcessHost(f"{__name__}:Echo")
    host.start()
    try:
        assert host.call("echo", 42) == 42
    finally:
        host.stop()


def test_a_host_closes_its_service_then_ends_cleanly(tmp_path: Path) -> None:
    """The child skips the interpreter's teardown, not its service's close."""
    host = ProcessHost(f"{__name__}:Journal")
    host.start()
    process = host._process
    host.call("keep", str(tmp_path / "journal.txt"))
    host.stop()
    assert (tmp_path / "journal.txt").read_text() == "closed"
    assert process.exitcode == 0
