"""Languages: every visible label follows the language chosen in settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.core.chats.store import StoredMessage
from app.core.paths import resources_dir
from app.core.text import Msg
from app.ui.main_window import MainWindow
from app.workers import i18n
from app.workers.session import CANNOT_USE, NO_MODEL, NOT_IN_LIBRARY
from tests.ui.conftest import send


def test_switching_to_chinese_changes_visible_labels(qtbot: QtBot, window: MainWindow) -> None:
    assert window.sidebar.new_button.text() == "New chat"
    settings = window.session.settings.model_copy(update={"language": "zh_CN"})
    with qtbot.waitSignal(window.session.settings_changed):
        window.session.save_settings(settings)
    qtbot.waitUntil(lambda: window.sidebar.new_button.text() == "新对话")
    assert window.composer.button.text() == "发送"
    assert window.header.settings_button.text() == "设置"
    assert window.status.state.text() == "就绪"
    back = settings.model_copy(update={"language": "en"})
    window.session.save_settings(back)
    qtbot.waitUntil(lambda: window.sidebar.new_button.text() == "New chat")


def test_compiled_translations_match_their_sources(tmp_path: Path) -> None:
    """The shipped .qm is what lrelease makes of the .ts, and nothing is left untranslated."""
    folder = resources_dir() / "translations"
    source = (folder / "hearth_zh_CN.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in source
    out = tmp_path / "check.qm"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pyside6-lrelease"),
            str(folder / "hearth_zh_CN.ts"),
            "-qm",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (folder / "hearth_zh_CN.qm").read_bytes()


def _switch(qtbot: QtBot, window: MainWindow, language: str) -> None:
    settings = window.session.settings.model_copy(update={"language": language})
    window.session.save_settings(settings)
    qtbot.waitUntil(lambda: window.appearance.language == language)
    QApplication.processEvents()  # LanguageChange is posted to each window


def test_the_banner_and_the_status_bar_say_again_what_they_show_after_a_switch(
    qtbot: QtBot, window: MainWindow
) -> None:
    send(qtbot, window, "Hello")
    window.banner.show_message(NO_MODEL())
    assert window.banner.text().startswith("No model is loaded yet.")
    assert "tok/s" in window.status.speed.text()
    try:
        _switch(qtbot, window, "zh_CN")
        qtbot.waitUntil(lambda: window.banner.text().startswith("尚未加载模型。"))
        speed = window.status.speed.text()
        assert speed.startswith("每秒 ") and "个词元" in speed and "tok" not in speed
        assert window.status.context.format().endswith(" 个词元")
        assert "tokens" not in window.status.context.text()
        assert window.view.toPlainText().count("复制") >= 2  # the chat is written again
        _switch(qtbot, window, "en")
        qtbot.waitUntil(lambda: window.banner.text().startswith("No model is loaded yet."))
        assert window.status.context.format().endswith(" tokens")
    finally:
        i18n.use_language("en")


def test_a_failed_answer_shows_its_stored_reason_in_the_language_in_use(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The reason is stored as a Msg (id and arguments); an older row is plain text."""
    stored = CANNOT_USE(model="tiny.gguf", reason=NOT_IN_LIBRARY()).to_json()
    assert '"id":"ui.session.cannot-use"' in stored and "tiny.gguf" in stored
    failed = [
        StoredMessage(1, 1, "user", "Hi", "complete", 0.0),
        StoredMessage(2, 1, "assistant", "Par", "failed", 0.0, error=stored),
        StoredMessage(3, 1, "assistant", "", "failed", 0.0, error="The engine stopped."),
    ]
    window.view.show_chat(failed)
    shown = window.view.toPlainText()
    assert "The answer failed: tiny.gguf cannot be used: it is not in the library" in shown
    assert "The answer failed: The engine stopped." in shown
    try:
        _switch(qtbot, window, "zh_CN")
        window.view.show_chat(failed)
        shown = window.view.toPlainText()
        assert "回答失败：无法使用 tiny.gguf：它不在模型库中" in shown
        assert "回答失败：The engine stopped." in shown  # an old row, shown as it is
    finally:
        _switch(qtbot, window, "en")
        i18n.use_language("en")


def test_the_session_hands_its_errors_over_as_messages(qtbot: QtBot, window: MainWindow) -> None:
    said: list[object] = []
    window.session.error_raised.connect(said.append)
    window.session._load("nowhere.gguf")
    (message,) = said
    assert isinstance(message, Msg) and message.id == "ui.session.cannot-use"
    assert window.banner.text() == "nowhere.gguf cannot be used: it is not in the library"
    i18n.use_language("zh_CN")
    try:
        assert i18n.say(message) == "无法使用 nowhere.gguf：它不在模型库中"
    finally:
        i18n.use_language("en")


def test_the_settings_dialog_translates_itself_while_open(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_settings()
    assert dialog.labels["top_p"].text() == "Top P"
    try:
        _switch(qtbot, window, "zh_CN")
        qtbot.waitUntil(lambda: dialog.windowTitle() == "设置")
        assert dialog.labels["max_tokens"].text() == "最大词元数"
        assert dialog.tabs.tabText(1) == "模型加载"
        assert dialog.fields["temperature"].toolTip().startswith("越高")
        assert dialog.theme.itemText(2) == "深色"
        assert [dialog.language.itemText(i) for i in (1, 2)] == ["English", "简体中文"]
        # each row keeps one label: a switch never leaves the old one behind
        labels = [w for w in dialog.findChildren(QLabel) if w.text() in ("Temperature", "温度")]
        assert [w.text() for w in labels] == ["温度"]
    finally:
        dialog.reject()
        _switch(qtbot, window, "en")
        i18n.use_language("en")
