"""Languages: every visible label follows the language chosen in settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.paths import resources_dir
from app.ui.main_window import MainWindow


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
