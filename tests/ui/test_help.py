"""Help in the real window: the shortcut list read from its live actions, About with the real
versions and the data folder, every setting and header button explained in a tooltip (in
English and, after a live switch, in Chinese), and the Documents window's language hint with
its link to the Embedding models tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QUrl, qVersion
from PySide6.QtGui import QHelpEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.about import about_facts
from app.core.paths import default_paths
from app.core.rag.reader import DirectReader
from app.core.rag.service import DocsService
from app.ui.help import AboutDialog, ShortcutsDialog
from app.ui.main_window import MainWindow
from app.ui.settings_dialog import SettingsDialog
from app.workers.documents import DocumentsController
from tests.core.rag.test_languages import CHINESE
from tests.ui.conftest import WindowFactory
from tests.ui.fakes import FakeEngine

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def _keys(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def _switch(window: MainWindow, theme: str, lang: str) -> None:
    settings = window.session.settings.model_copy(update={"theme": theme, "language": lang})
    window.session.save_settings(settings)


def _opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    opened: list[QUrl] = []
    monkeypatch.setattr(
        "app.ui.help.QDesktopServices.openUrl", lambda url: opened.append(url) or True
    )
    return opened


def test_shortcuts_list_the_windows_live_keys(qtbot: QtBot, window: MainWindow) -> None:
    """Every menu key and window shortcut is listed as the window has it, a key added later
    included, and the list follows a language switch."""
    help_menu = window.actions_by_name["help"].menu()
    assert [a.text() for a in help_menu.actions() if a.text()] == [
        "&Keyboard shortcuts",
        "Open &data folder",
        "&About Hearth",
    ]
    window.actions_by_name["shortcuts"].trigger()
    dialog = window.help.shortcuts
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    rows = dict(dialog.rows())
    assert rows["    New chat"] == QKeySequence(QKeySequence.StandardKey.New).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert rows["    Export selected chats…"] == _keys("Ctrl+Shift+E")
    assert rows["    Models…"] == _keys("Ctrl+Shift+M")
    assert rows["    Keyboard shortcuts"] == _keys("Ctrl+/")
    assert rows["    Stop the answer being written"] == _keys("Esc")
    assert rows["    Search all chats"] == _keys("Ctrl+F")
    assert "    Prompt library…" not in rows  # it has no key
    assert [r for r in rows if not r.startswith(" ")] == [
        "File",
        "Tools",
        "Help",
        "Anywhere in the window",
        "Message box",
    ]
    window.actions_by_name["prompts"].setShortcut(QKeySequence("Ctrl+Shift+P"))
    window.actions_by_name["shortcuts"].trigger()
    assert dict(dialog.rows())["    Prompt library…"] == _keys("Ctrl+Shift+P")
    _shot(dialog, "shortcuts-light-en")

    _switch(window, "dark", "zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "键盘快捷键")
    qtbot.waitUntil(lambda: "    新建对话" in dict(dialog.rows()))
    _shot(dialog, "shortcuts-dark-zh")


def test_about_shows_the_real_versions_and_opens_the_data_folder(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = _opened(monkeypatch)
    window.actions_by_name["about"].trigger()
    (dialog,) = [d for d in window.findChildren(AboutDialog) if d.isVisible()]
    data = default_paths().data
    facts = about_facts(data)
    values = {k: label.text() for k, label in dialog.values.items()}
    assert values["hearth"] == facts.hearth and values["llama_cpp"] == facts.llama_cpp
    assert values["llama_cpp_python"] == facts.llama_cpp_python
    assert values["qt"] == qVersion() and values["pyside"] == facts.pyside
    assert values["python"] == facts.python and dialog.values["data"].toolTip() == str(data)
    loaded = window.session.engine.loaded
    assert loaded is not None and values["backend"].startswith(f"{loaded.backend} (running ")
    dialog.open_button.click()
    window.actions_by_name["data_folder"].trigger()
    assert [url.toLocalFile() for url in opened] == [str(data)] * 2
    dialog.copy()
    copied = QApplication.clipboard().text()
    assert f"llama-cpp-python: {facts.llama_cpp_python}" in copied and str(data) in copied
    _shot(dialog, "about-light-en")

    _switch(window, "dark", "zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "关于 Hearth")
    assert dialog.names["data"].text() == "数据文件夹"
    _shot(dialog, "about-dark-zh")


def _inputs(widget: QWidget) -> list[QWidget]:
    kinds = (QAbstractSpinBox, QLineEdit, QComboBox, QCheckBox)
    return [w for w in widget.findChildren(QWidget) if isinstance(w, kinds)]


def test_every_setting_and_header_button_has_a_tooltip(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    spin_lines = {b.lineEdit() for b in dialog.findChildren(QAbstractSpinBox)}
    fields = [w for w in _inputs(dialog) if w not in spin_lines]
    assert len(fields) >= len(dialog.fields) + 1  # every field, and "this chat only"
    english = {w.objectName() or repr(w): w.toolTip() for w in fields}
    assert all(english.values()), [w for w in fields if not w.toolTip()]
    assert dialog.temperature.toolTip().startswith("Higher is more varied")
    dialog.show()
    hovered = dialog.temperature.lineEdit()  # what the pointer is over, inside the spin box
    assert hovered is not None
    centre = hovered.rect().center()
    hover = QHelpEvent(QEvent.Type.ToolTip, centre, hovered.mapToGlobal(centre))
    QApplication.sendEvent(hovered, hover)
    qtbot.waitUntil(lambda: QToolTip.text() == dialog.temperature.toolTip())
    buttons = [*window.header.findChildren(QAbstractButton), window.composer.button]
    combos = [window.header.model, window.header.prompt, window.header.shots]
    assert all(w.toolTip() for w in [*buttons, *combos]), [
        w.text() for w in buttons if not w.toolTip()
    ]

    _switch(window, "light", "zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() != "Settings")
    for widget in fields:
        assert widget.toolTip() and widget.toolTip() != english[widget.objectName() or repr(widget)]
    assert all(w.toolTip() for w in [*buttons, *combos])
    assert window.composer.button.toolTip() == "把消息发给模型（Enter）"
    dialog.reject()


@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "zh_CN")])
def test_chinese_documents_under_the_english_model_show_the_hint(
    qtbot: QtBot,
    make_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    theme: str,
    lang: str,
) -> None:
    """A real index of a Chinese file with the built-in English model: the panel shows the
    hint, the model picker says which model reads what, and the hint's link opens Models on
    the Embedding models tab."""
    folder = tmp_path / "茶园"
    folder.mkdir()
    (folder / "tea.md").write_text(CHINESE, encoding="utf-8")
    service = DocsService(tmp_path / "rag", tmp_path / "models", DirectReader())
    documents = DocumentsController(service, watch=False)
    window = make_window(FakeEngine(), documents)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    _switch(window, theme, lang)
    docs = window.open_documents()
    assert docs is not None
    docs.ask_folder = lambda: str(folder)  # type: ignore[method-assign]
    docs.new_collection()
    qtbot.waitUntil(
        lambda: (
            documents.state == "idle"
            and bool(documents.collections)
            and documents.collections[0].indexed_at is not None
        ),
        timeout=120000,
    )
    qtbot.waitUntil(lambda: docs.panel.hint.isVisible())
    words = "中文、日文或韩文" if lang == "zh_CN" else "Chinese, Japanese or Korean"
    assert words in docs.panel.hint.text() and "all-MiniLM-L6-v2" in docs.panel.hint.text()
    _shot(docs, f"documents-hint-{theme}-{lang}")
    offered: list[list[str]] = []

    def pick(_p: object, _t: str, _l: str, labels: list[str], *_: object) -> tuple[str, bool]:
        offered.append(list(labels))
        return labels[1], True

    monkeypatch.setattr("app.ui.documents.window.QInputDialog.getItem", pick)
    e5 = "intfloat/multilingual-e5-small"
    assert docs.ask_embedder("all-MiniLM-L6-v2", ["all-MiniLM-L6-v2", e5]) == e5
    assert offered == [
        ["all-MiniLM-L6-v2（只读英文）", f"{e5}（读多种语言，包括中文）"]
        if lang == "zh_CN"
        else ["all-MiniLM-L6-v2 (reads English)", f"{e5} (reads many languages, Chinese included)"]
    ]
    docs.panel.hint.linkActivated.emit("embedding-models")
    models = window.models_window
    assert models is not None and models.isVisible()
    assert models.tabs.currentWidget() is models.embeddings
    models.close()
    docs.close()
    documents.shutdown()
    service.close()
