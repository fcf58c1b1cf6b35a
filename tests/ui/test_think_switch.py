"""The per-chat Think switch: offered for templates that read `enable_thinking` (Qwen3), kept in
the chat's settings in the real chat store, folded into the "⋯" menu when the window is
narrow, and passed to the engine with the next answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.chats.options import ChatOptions
from app.core.chats.store import ChatStore
from app.core.paths import default_paths
from app.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, send
from tests.ui.fakes import FakeEngine


@pytest.fixture
def fake() -> FakeEngine:
    return FakeEngine(reply="The answer.", thinking_switch=True)


def _stored_think(chat_id: int) -> bool | None:
    """The chat's Think switch as the chat store on disk holds it."""
    with ChatStore(default_paths().chats_db) as store:
        return ChatOptions.from_settings(store.get_chat(chat_id).settings).think


def _resize(qtbot: QtBot, window: MainWindow, size: QSize) -> None:
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    QApplication.processEvents()  # the layouts' requests, then the folds they cause
    QApplication.processEvents()


def _click_think(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.session.chats.chat_updated, timeout=5000):
        qtbot.mouseClick(window.header.think_button, Qt.MouseButton.LeftButton)


def test_no_think_switch_for_a_template_without_one(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(FakeEngine())
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    assert not window.header.think_button.isVisible()
    _resize(qtbot, window, QSize(window.minimumSizeHint().width(), 600))
    texts = [a.text() for a in window.header.more_menu.actions()]
    assert window.header.think_button.text() not in texts  # not folded either: there is none


def test_the_switch_is_on_by_default_and_off_is_kept_with_the_chat(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    think = window.header.think_button
    assert think.isVisible() and think.isEnabled()
    assert think.isChecked()  # None: the template's default, thinking on for Qwen3
    assert "think" in think.toolTip().lower()
    send(qtbot, window, "Hello")
    chat_id = window.session.chat.id  # type: ignore[union-attr]
    assert fake.requests[-1].think is None  # untouched: the template decides
    _click_think(qtbot, window)
    assert not think.isChecked()
    assert _stored_think(chat_id) is False
    send(qtbot, window, "And now?")
    assert fake.requests[-1].think is False  # enable_thinking=false for this answer
    window.session.new_chat()  # another chat starts with the default again ...
    qtbot.waitUntil(lambda: window.session.chat.id != chat_id)  # type: ignore[union-attr]
    assert think.isChecked()
    window.session.open_chat(chat_id)  # ... and this one keeps its own
    qtbot.waitUntil(lambda: window.session.chat.id == chat_id)  # type: ignore[union-attr]
    assert not think.isChecked()
    _click_think(qtbot, window)
    assert _stored_think(chat_id) is True


def test_think_off_before_the_first_message_goes_with_the_new_chat(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    assert window.session.chat is None
    qtbot.mouseClick(window.header.think_button, Qt.MouseButton.LeftButton)
    assert not window.header.think_button.isChecked()
    send(qtbot, window, "Hello")
    assert _stored_think(window.session.chat.id) is False  # type: ignore[union-attr]
    assert fake.requests[-1].think is False
    assert not window.header.think_button.isChecked()


def test_a_narrow_header_folds_the_switch_into_the_more_menu(
    qtbot: QtBot, window: MainWindow
) -> None:
    send(qtbot, window, "Hello")
    chat_id = window.session.chat.id  # type: ignore[union-attr]
    header = window.header
    _resize(qtbot, window, QSize(window.minimumSizeHint().width(), 600))
    assert not header.think_button.isVisible()
    (action,) = [a for a in header.more_menu.actions() if a.text() == header.think_button.text()]
    assert action.isCheckable() and action.isChecked()
    with qtbot.waitSignal(window.session.chats.chat_updated, timeout=5000):
        action.trigger()
    assert _stored_think(chat_id) is False
    (action,) = [a for a in header.more_menu.actions() if a.text() == header.think_button.text()]
    assert not action.isChecked()
    _resize(qtbot, window, QSize(1400, 800))
    assert header.think_button.isVisible() and not header.think_button.isChecked()
