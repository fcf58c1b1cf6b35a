"""The window's excepthook turns a bug into one line in the banner (the trace in logs/), and a
desktop logout stores the answer being written."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.paths import default_paths
from app.main import install_crash_reporter, save_on_session_end
from app.ui.main_window import MainWindow
from tests.ui.conftest import send
from tests.ui.fakes import FakeEngine

STOP = (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None))


@pytest.fixture
def logs(monkeypatch: pytest.MonkeyPatch) -> Path:
    # restored after the test: the hooks installed below replace these
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    return default_paths().logs


def _fail() -> None:
    raise ValueError("a bug in a slot")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_one_line_in_the_banner_and_the_app_runs_on(
    qtbot: QtBot, window: MainWindow, logs: Path
) -> None:
    reporter = install_crash_reporter(window, logs)
    QTimer.singleShot(0, _fail)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    line = window.banner.text()
    assert line == reporter.last_line
    assert "Something went wrong: ValueError: a bug in a slot." in line
    assert "\n" not in line and "Traceback" not in line
    traces = list(logs.glob("window-crash-*.log"))
    assert len(traces) == 1 and str(traces[0]) in line
    trace = traces[0].read_text(encoding="utf-8")
    assert "Traceback" in trace and "_fail" in trace
    send(qtbot, window, "Still there?")  # the window still answers


def test_an_exception_on_a_worker_thread_reaches_the_banner(
    qtbot: QtBot, window: MainWindow, logs: Path
) -> None:
    install_crash_reporter(window, logs)
    worker = threading.Thread(target=_fail)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "a bug in a slot" in window.banner.text(), timeout=5000)


def test_a_logout_stores_the_answer_being_written(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    fake.reply = " ".join(f"word{i}" for i in range(400))
    fake.delay = 0.005
    with qtbot.waitSignal(window.session.engine.tokens_received, timeout=10000):
        window.composer.set_text("Talk a lot")
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    window.commit_data()  # what commitDataRequest calls
    assert not window.session.busy
    store = window.session.chats.store
    assert store is not None and window.session.chat is not None
    reply = store.messages(window.session.chat.id)[-1]
    assert reply.role == "assistant" and reply.status == "cancelled"
    assert 0 < len(reply.content) < len(fake.reply)
    assert window.isVisible()  # a cancelled logout leaves the window usable


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_closes_the_window_like_the_close_button(
    qtbot: QtBot, window: MainWindow, number: int
) -> None:
    """SIGTERM (a logout) and Ctrl-C in the terminal close the window, with no traceback."""
    previous = {n: signal.getsignal(n) for n in STOP if n is not None}
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        save_on_session_end(app, window)
        assert all(signal.getsignal(n) is not previous[n] for n in previous)
        os.kill(os.getpid(), number)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
