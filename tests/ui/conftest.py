"""Window fixtures: the real window over a fake or a real engine, in an isolated home."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.engine.types import Engine
from app.core.paths import default_paths
from app.main import build_window
from app.ui.main_window import MainWindow
from app.workers.documents import DocumentsController
from tests.ui.fakes import FakeEngine

WindowFactory = Callable[..., MainWindow]  # (engine=None, documents=None)


@pytest.fixture
def models_home(hearth_home: Path, gemma: Path) -> Path:
    """The starter Gemma, linked in so that each test does not assemble 253 MB again."""
    target = default_paths().models / "starter" / gemma.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(gemma)
    return hearth_home


@pytest.fixture
def make_window(qtbot: QtBot, models_home: Path) -> Iterator[WindowFactory]:
    """Build a started main window; every window made is closed (and shut down) at the end."""
    made: list[MainWindow] = []

    def make(
        engine: Engine | None = None, documents: DocumentsController | None = None
    ) -> MainWindow:
        _, window = build_window(engine, documents)
        qtbot.addWidget(window)
        window.show()
        window.session.start()
        made.append(window)
        return window

    yield make
    for window in made:
        if window.isVisible():
            window.close()


@pytest.fixture
def fake() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def window(make_window: WindowFactory, fake: FakeEngine, qtbot: QtBot) -> MainWindow:
    """The window over the fake engine, with the starter model loaded."""
    win = make_window(fake)
    qtbot.waitUntil(lambda: win.session.engine.state == "ready", timeout=15000)
    return win


def send(qtbot: QtBot, window: MainWindow, text: str, timeout: int = 15000) -> None:
    """Type `text`, press Enter, wait until the answer is stored and shown."""
    with (
        qtbot.waitSignal(window.session.chat_changed, timeout=timeout),
        qtbot.waitSignal(window.session.engine.generation_finished, timeout=timeout),
    ):
        window.composer.editor.setFocus()
        window.composer.editor.setPlainText(text)
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
