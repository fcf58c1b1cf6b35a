"""The window over a damaged chat database: the notice stays until dismissed, salvage works."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.chats.store import ChatStore
from app.core.paths import default_paths
from tests.ui.conftest import WindowFactory
from tests.ui.fakes import FakeEngine


def _damaged_database(path: Path) -> None:
    with ChatStore(path) as store:
        for n in range(30):
            chat = store.create_chat(f"trip {n}")
            for i in range(4):
                store.add_message(chat.id, "user", f"day {i} " + "walk " * 60)
    conn = sqlite3.connect(path)
    (page,) = conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' LIMIT 1 OFFSET 3"
    ).fetchone()
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(os.urandom(4096))


def test_the_notice_stays_salvages_and_goes_only_when_dismissed(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    _damaged_database(default_paths().chats_db)
    window = make_window(FakeEngine())
    banner = window.recovery
    qtbot.waitUntil(banner.isVisible, timeout=10000)
    assert "could not be read" in banner.label.text() and banner.salvage_button.isVisible()
    if os.environ.get("HEARTH_SHOTS"):
        window.grab().save(os.path.join(os.environ["HEARTH_SHOTS"], "recovery-banner.png"))
    with qtbot.waitSignal(window.session.chats.chats_listed, timeout=20000):
        banner.salvage_button.click()
    qtbot.waitUntil(lambda: window.sidebar.tree.topLevelItemCount() > 0, timeout=10000)
    assert "30 chat(s)" in banner.label.text() and not banner.salvage_button.isVisible()
    window.close()

    again = make_window(FakeEngine())  # a restart: still there, nothing salvaged twice
    qtbot.waitUntil(again.recovery.isVisible, timeout=10000)
    assert not again.recovery.salvage_button.isVisible()
    with qtbot.waitSignal(again.session.chats.recovery_noticed, timeout=10000):
        again.recovery.dismiss_button.click()
    assert not again.recovery.isVisible()
    store = again.session.chats.store
    assert store is not None and store.notices == [] and len(store.list_chats()) == 30


def test_the_notice_follows_a_live_language_switch(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    default_paths().chats_db.parent.mkdir(parents=True, exist_ok=True)
    default_paths().chats_db.write_bytes(b"not a database " * 100)
    window = make_window(FakeEngine())
    banner = window.recovery
    qtbot.waitUntil(banner.isVisible, timeout=10000)
    assert "the file is not a database" in banner.label.text()
    settings = window.session.settings
    with qtbot.waitSignal(window.session.settings_changed):
        window.session.save_settings(settings.model_copy(update={"language": "zh_CN"}))
    qtbot.waitUntil(lambda: "无法读取对话数据库" in banner.label.text())
    assert "该文件不是数据库" in banner.label.text() and banner.salvage_button.text() == "抢救对话"
    window.session.save_settings(settings.model_copy(update={"language": "en"}))
    qtbot.waitUntil(lambda: "could not be read" in banner.label.text())
