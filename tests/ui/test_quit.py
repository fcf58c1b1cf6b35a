"""Quitting: nothing lost, no host left behind, and the hosts closed together.

The first test runs the app's real path: the engine host with the starter model answering and
the index host with a collection, closed mid-answer. The others pin down how: both hosts are
asked to stop at once (each one's close waits for the other's), and a worker still busy when
quitting stops waiting is left to finish its job."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import psutil
from pytestqt.qtbot import QtBot

from app.core.chats.store import ChatStore
from app.core.hosts.engine_client import EngineClient
from app.core.hosts.index_client import IndexClient
from app.core.paths import default_paths
from app.core.rag.reader import DirectReader
from app.core.rag.service import DocsService
from app.core.settings import SamplingSettings, Settings, load_settings, save_settings
from app.workers.documents import DocumentsController
from app.workers.executor import Executor
from tests.ui.conftest import WindowFactory
from tests.ui.fakes import FakeEngine

TIMEOUT_MS = 120_000  # the index host imports torch and loads the embedding model
QUESTION = "Write a very long story about a dragon who learns to bake bread, with many chapters."
MEETING_S = 60.0  # only a deadlock waits this long: the two closes never meet when sequential


def _hosts() -> list[psutil.Process]:
    """The hosts this process started, and theirs (not multiprocessing's resource tracker)."""
    children = psutil.Process().children(recursive=True)
    return [p for p in children if _running(p) and "spawn_main" in " ".join(p.cmdline())]


def _running(process: psutil.Process) -> bool:
    try:
        return bool(process.is_running() and process.status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False


def test_quitting_mid_answer_keeps_the_answer_and_leaves_no_host(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    greedy = Settings(sampling=SamplingSettings(temperature=0.0, max_tokens=2000))
    save_settings(default_paths().settings_file, greedy)
    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(3):
        (folder / f"note-{n}.txt").write_text(f"Note {n}: the keeper bakes bread at dawn. " * 30)
    window = make_window(None)  # the real engine host and the real index host
    session, documents = window.session, window.session.documents
    assert documents is not None
    qtbot.waitUntil(lambda: session.engine.state == "ready", timeout=TIMEOUT_MS)
    documents.create("Notes", [str(folder)])
    qtbot.waitUntil(
        lambda: bool(documents.collections) and documents.state == "idle", timeout=TIMEOUT_MS
    )
    engine, index = session.engine.engine, documents.client
    assert isinstance(engine, EngineClient) and isinstance(index, IndexClient)
    hosts = _hosts()
    assert {engine.pid, index.pid} <= {p.pid for p in hosts}

    pieces: list[str] = []
    session.engine.tokens_received.connect(lambda _rid, text: pieces.append(text))
    assert session.send(QUESTION)
    qtbot.waitUntil(lambda: len(pieces) >= 3, timeout=TIMEOUT_MS)
    assert session.chat is not None
    chat_id = session.chat.id
    window.close()  # while the answer streams

    qtbot.waitUntil(lambda: not any(_running(p) for p in hosts), timeout=TIMEOUT_MS)
    assert not _hosts()
    with ChatStore(default_paths().chats_db) as store:
        question, answer = store.messages(chat_id)
    assert (question.role, question.content, question.status) == ("user", QUESTION, "complete")
    assert (answer.role, answer.status) == ("assistant", "cancelled")
    assert answer.content.startswith("".join(pieces))  # all that was shown, and what came after
    assert load_settings(default_paths().settings_file)[0].last_chat == chat_id
    paths = default_paths()
    service = DocsService(paths.rag, paths.models, reader=DirectReader())
    try:
        (notes,) = service.collections()
        assert (notes.name, notes.files, notes.pending) == ("Notes", 3, 0)
    finally:
        service.close()


class _MeetingEngine(FakeEngine):
    """An engine whose close waits for the index's close to begin too."""

    def __init__(self, meeting: threading.Barrier) -> None:
        super().__init__()
        self.meeting = meeting
        self.met = False

    def close(self) -> None:
        self.meeting.wait()
        self.met = True


class _MeetingIndex:
    """Just enough of the index client: its close waits for the engine's close to begin."""

    def __init__(self, meeting: threading.Barrier) -> None:
        self.meeting = meeting
        self.met = False

    def close(self) -> None:
        self.meeting.wait()
        self.met = True

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the index was asked for {name} at quit")


def test_the_engine_and_index_hosts_are_closed_together(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """One after the other, the first close would wait for the second forever."""
    meeting = threading.Barrier(2, timeout=MEETING_S)
    engine, index = _MeetingEngine(meeting), _MeetingIndex(meeting)
    documents = DocumentsController(index, catalog_file=tmp_path / "none.sqlite3", watch=False)
    window = make_window(engine, documents)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    window.close()
    qtbot.waitUntil(lambda: engine.met and index.met, timeout=int(MEETING_S * 2000))
    assert not meeting.broken


def test_a_worker_still_busy_at_quit_finishes_its_job_on_its_own(qtbot: QtBot) -> None:
    executor = Executor("hearth-test")
    release, done = threading.Event(), threading.Event()

    def job() -> None:
        release.wait()
        done.set()

    executor.call(job)
    executor.close()
    assert not executor.wait(0)  # still busy: not waited for
    del executor  # the thread is kept alive until its job ends (Qt aborts otherwise)
    release.set()
    qtbot.waitUntil(done.is_set)
