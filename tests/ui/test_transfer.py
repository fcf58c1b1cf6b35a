"""Export and import from the window: the sidebar's context menu, the File menu, off the GUI
thread, a partial failure that names the chat, a file that is not an export, the mark an
imported chat shows, and the question before a file is imported twice.

The file dialogs and the question box are the only things replaced (they would wait for a
person); the store, the rendering, Qt's PDF writer and the import are the real ones.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from app.core.chats.store import ChatStore
from app.core.paths import default_paths
from app.core.text import Msg
from app.ui.import_mark import IMPORTED
from app.ui.main_window import MainWindow
from app.ui.sidebar import CHAT_ID
from tests.ui.conftest import WindowFactory
from tests.ui.fakes import FakeEngine

TIMEOUT = 20_000
TITLES = ("灯塔 lighthouse", "<b>Bold</b> & co", "Groceries")


@pytest.fixture
def window(make_window: WindowFactory, fake: FakeEngine, qtbot: QtBot) -> MainWindow:
    """The window over three stored chats (Chinese, markup in a title, a plain one)."""
    with ChatStore(default_paths().chats_db) as store:
        for n, title in enumerate(TITLES):
            chat = store.create_chat(title, model="smol")
            store.add_message(chat.id, "user", f"question {n} about {title}")
            store.add_message(chat.id, "assistant", f"answer {n}: 你好 ```x = {n}```")
    win = make_window(fake)
    qtbot.waitUntil(lambda: len(chat_rows(win)) == len(TITLES), timeout=TIMEOUT)
    return win


def chat_rows(window: MainWindow) -> dict[str, QTreeWidgetItem]:
    sidebar = window.sidebar
    return {sidebar._title(i): i for i in sidebar._chat_items() if i.data(0, CHAT_ID)}


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, filter_prefix: str) -> list[str]:
    """Answer the save dialog with `path` and the filter starting with `filter_prefix`."""
    offered: list[str] = []

    def dialog(_parent: object, _title: str, start: str, filters: str, _sel: str) -> tuple:
        offered.append(start)
        chosen = next(f for f in filters.split(";;") if f.startswith(filter_prefix))
        return str(path), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return offered


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def test_export_a_selection_as_pdf_from_the_context_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = chat_rows(window)
    rows[TITLES[0]].setSelected(True)
    rows[TITLES[2]].setSelected(True)
    menu = window.sidebar.context_menu(rows[TITLES[2]])
    labels = [a.text() for a in menu.actions()]
    assert labels == ["Rename", "Export 2 chats…", "", "Delete"]
    offered = save_as(monkeypatch, tmp_path / "picked", "PDF")
    threads: list[str] = []
    real_pdf = window.transfer.transfer._pdf
    assert real_pdf is not None

    def recording_pdf(html: str, path: Path, title: str) -> Path:
        threads.append(threading.current_thread().name)
        return real_pdf(html, path, title)

    monkeypatch.setattr(window.transfer.transfer, "_pdf", recording_pdf)
    with qtbot.waitSignal(window.transfer.transfer.exported, timeout=TIMEOUT) as done:
        menu.actions()[1].trigger()
    outcome = done.args[0]
    assert outcome.path == tmp_path / "picked.pdf" and outcome.exported == 2
    assert Path(offered[0]).name == "Hearth chats.md"  # Markdown until the user picks another
    assert threads and threads[0] != threading.main_thread().name  # drawn off the GUI thread
    text = pdf_text(tmp_path / "picked.pdf")
    assert "灯塔 lighthouse" in text and "Groceries" in text and "你好" in text
    assert "Bold" not in text  # only the two selected chats
    assert "Exported 2 chats to" in window.status.currentMessage()
    assert not window.banner.isVisible()
    assert window.transfer.fmt == "pdf"  # the next export offers PDF first


def test_export_all_as_json_then_import_it_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_as(monkeypatch, tmp_path / "all.json", "Hearth JSON")
    with qtbot.waitSignal(window.transfer.transfer.exported, timeout=TIMEOUT):
        window.actions_by_name["export_all"].trigger()
    document = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert [c["title"] for c in document["chats"]] == list(TITLES)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(tmp_path / "all.json"), ""))
    with qtbot.waitSignal(window.transfer.transfer.imported, timeout=TIMEOUT) as done:
        window.actions_by_name["import"].trigger()
    assert [c.title for c in done.args[0].added] == list(TITLES)
    qtbot.waitUntil(lambda: len(window.sidebar._chat_items()) == 2 * len(TITLES))
    assert window.status.currentMessage() == "Imported 3 chats from Hearth"
    with ChatStore(default_paths().chats_db) as store:
        chats = store.list_chats()
        by_title: dict[str, list[list[tuple[str, str]]]] = {}
        for chat in chats:
            messages = [(m.role, m.content) for m in store.messages(chat.id)]
            by_title.setdefault(chat.title, []).append(messages)
    assert all(len(v) == 2 and v[0] == v[1] for v in by_title.values())  # identical copies


def test_export_all_leaves_out_a_chat_deleted_a_moment_ago(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleted with Undo still offered: gone from the list, so gone from "Export all" too."""
    groceries = int(chat_rows(window)["Groceries"].data(0, CHAT_ID))
    window.sidebar.delete_requested.emit(groceries, "Groceries")
    assert window.sidebar.undo_bar.isVisibleTo(window.sidebar)
    save_as(monkeypatch, tmp_path / "all.json", "Hearth JSON")
    with qtbot.waitSignal(window.transfer.transfer.exported, timeout=TIMEOUT):
        window.actions_by_name["export_all"].trigger()
    document = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert [c["title"] for c in document["chats"]] == list(TITLES[:2])


def test_a_chat_gone_meanwhile_is_named_and_the_rest_exported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = chat_rows(window)
    for title in TITLES[1:]:
        rows[title].setSelected(True)
    gone = int(rows[TITLES[1]].data(0, CHAT_ID))
    raw = sqlite3.connect(default_paths().chats_db)  # removed behind the window's back
    raw.execute("DELETE FROM chats WHERE id = ?", (gone,))
    raw.commit()
    raw.close()
    save_as(monkeypatch, tmp_path / "two.html", "Web page")
    with qtbot.waitSignal(window.transfer.transfer.exported, timeout=TIMEOUT):
        window.actions_by_name["export"].trigger()
    page = (tmp_path / "two.html").read_text(encoding="utf-8")
    assert "Groceries" in page and "lighthouse" not in page
    assert window.banner.isVisible()
    banner = window.banner.text()
    assert "Exported 1 chat to" in banner and f"Chat {gone} no longer exists" in banner


def test_a_file_that_is_not_an_export_is_refused_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_: (str(tmp_path / "settings.json"), "")
    )
    with qtbot.waitSignal(window.transfer.transfer.failed, timeout=TIMEOUT):
        window.actions_by_name["import"].trigger()
    assert "not a chat export Hearth can read" in window.banner.text()
    assert len(chat_rows(window)) == len(TITLES)
    save_as(monkeypatch, tmp_path / "settings.json" / "x.md", "Markdown")  # under a file
    window.sidebar.set_current(int(chat_rows(window)["Groceries"].data(0, CHAT_ID)))
    with qtbot.waitSignal(window.transfer.transfer.failed, timeout=TIMEOUT):
        window.actions_by_name["export"].trigger()
    assert "could not be written" in window.banner.text()


def test_an_import_error_goes_once_a_later_import_succeeds_and_follows_a_switch(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body>not an export</body></html>", encoding="utf-8")
    chosen = {"path": page}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(chosen["path"]), ""))
    with qtbot.waitSignal(window.transfer.transfer.failed, timeout=TIMEOUT):
        window.actions_by_name["import"].trigger()
    assert window.banner.isVisible()
    shown = window.banner.text()
    assert shown.startswith("This file is not a chat export Hearth can read (it is not JSON).")
    assert "Hearth imports a Hearth JSON export (.json) or ChatGPT's conversations.json" in shown
    assert shown.endswith("(line 1: Expecting value)")  # json's own words come last
    settings = window.session.settings
    with qtbot.waitSignal(window.session.settings_changed):
        window.session.save_settings(settings.model_copy(update={"language": "zh_CN"}))
    qtbot.waitUntil(lambda: "不是 Hearth 能读取的对话导出文件" in window.banner.text())
    window.session.save_settings(settings.model_copy(update={"language": "en"}))
    qtbot.waitUntil(lambda: "it is not JSON" in window.banner.text())

    good = tmp_path / "good.json"
    save_as(monkeypatch, good, "Hearth JSON")
    with qtbot.waitSignal(window.transfer.transfer.exported, timeout=TIMEOUT):
        window.actions_by_name["export_all"].trigger()
    assert not window.banner.isVisible()  # an export that went well clears the old error
    with qtbot.waitSignal(window.transfer.transfer.failed, timeout=TIMEOUT):
        window.actions_by_name["import"].trigger()
    assert window.banner.isVisible()
    chosen["path"] = good
    with qtbot.waitSignal(window.transfer.transfer.imported, timeout=TIMEOUT):
        window.actions_by_name["import"].trigger()
    assert not window.banner.isVisible()
    assert window.status.currentMessage() == "Imported 3 chats from Hearth"


def test_an_untitled_chat_reads_new_chat_in_the_users_language(
    qtbot: QtBot, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.session.chats.chats_listed, timeout=TIMEOUT):
        window.session.new_chat()
    qtbot.waitUntil(lambda: "New chat" in chat_rows(window), timeout=TIMEOUT)
    store = window.session.chats.store
    assert store is not None and [c.title for c in store.list_chats()].count("") == 1
    settings = window.session.settings
    with qtbot.waitSignal(window.session.settings_changed):
        window.session.save_settings(settings.model_copy(update={"language": "zh_CN"}))
    qtbot.waitUntil(lambda: "新对话" in chat_rows(window), timeout=TIMEOUT)
    assert set(TITLES) < set(chat_rows(window))  # the titles people gave are as they were
    window.session.save_settings(settings.model_copy(update={"language": "en"}))
    qtbot.waitUntil(lambda: "New chat" in chat_rows(window), timeout=TIMEOUT)


def answer_dialog(monkeypatch: pytest.MonkeyPatch, again: bool) -> list[str]:
    """Answer the "import again?" box with its "Import again" button (`again`) or Cancel;
    returns the texts each box showed, its title and buttons first."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        cancel = box.button(QMessageBox.StandardButton.Cancel)
        (button,) = [b for b in box.buttons() if b is not cancel]
        asked.append(f"{box.windowTitle()} [{button.text()}] {box.text()}")
        assert box.defaultButton() is cancel and box.escapeButton() is cancel
        (button if again else cancel).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_importing_the_same_file_twice_asks_first_and_marks_the_chats(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.json"
    save_as(monkeypatch, good, "Hearth JSON")
    with qtbot.waitSignal(window.transfer.transfer.exported, timeout=TIMEOUT):
        window.actions_by_name["export_all"].trigger()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(good), ""))
    asked = answer_dialog(monkeypatch, again=False)
    with qtbot.waitSignal(window.transfer.transfer.imported, timeout=TIMEOUT):
        window.actions_by_name["import"].trigger()
    assert asked == []  # a file never imported goes in without a question
    qtbot.waitUntil(lambda: len(window.sidebar._chat_items()) == 2 * len(TITLES))
    marked = [i for i in window.sidebar._chat_items() if i.data(0, IMPORTED) is not None]
    assert sorted(window.sidebar._title(i) for i in marked) == sorted(TITLES)
    assert all(not i.icon(0).isNull() for i in marked)
    assert all("Imported from good.json (Hearth JSON) on " in i.toolTip(0) for i in marked)
    unmarked = [i for i in window.sidebar._chat_items() if i.data(0, IMPORTED) is None]
    assert all(i.icon(0).isNull() and "Imported" not in i.toolTip(0) for i in unmarked)

    page = tmp_path / "page.html"
    page.write_text("<html></html>", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(page), ""))
    with qtbot.waitSignal(window.transfer.transfer.failed, timeout=TIMEOUT):
        window.actions_by_name["import"].trigger()
    assert window.banner.isVisible()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(good), ""))
    with qtbot.waitSignal(window.transfer.transfer.already_imported, timeout=TIMEOUT):
        window.actions_by_name["import"].trigger()
    assert len(asked) == 1
    assert asked[0].startswith("Import this file again? [Import again] good.json was imported on ")
    assert "3 chats from it are still here" in asked[0]
    assert window.status.currentMessage() == "good.json was not imported again."
    assert not window.banner.isVisible()  # answered: the older failure is out of date
    with ChatStore(default_paths().chats_db) as store:
        assert len(store.list_chats()) == 2 * len(TITLES)

    window.banner.show_message(Msg.plain("Something else went wrong."))  # not the import's
    answer_dialog(monkeypatch, again=True)
    with qtbot.waitSignal(window.transfer.transfer.imported, timeout=TIMEOUT) as done:
        window.actions_by_name["import"].trigger()
    assert [c.title for c in done.args[0].added] == list(TITLES)
    assert window.banner.isVisible() and window.banner.text() == "Something else went wrong."
    qtbot.waitUntil(lambda: len(window.sidebar._chat_items()) == 3 * len(TITLES))
    assert window.status.currentMessage() == "Imported 3 chats from Hearth"


def test_the_mark_and_the_question_follow_a_language_switch(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.json"
    save_as(monkeypatch, good, "Hearth JSON")
    with qtbot.waitSignal(window.transfer.transfer.exported, timeout=TIMEOUT):
        window.actions_by_name["export_all"].trigger()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(good), ""))
    with qtbot.waitSignal(window.transfer.transfer.imported, timeout=TIMEOUT):
        window.actions_by_name["import"].trigger()
    settings = window.session.settings
    with qtbot.waitSignal(window.session.settings_changed):
        window.session.save_settings(settings.model_copy(update={"language": "zh_CN"}))

    def marked_tips() -> list[str]:
        items = window.sidebar._chat_items()
        return [i.toolTip(0) for i in items if i.data(0, IMPORTED) is not None]

    qtbot.waitUntil(
        lambda: len(marked_tips()) == 3 and all("从 good.json" in t for t in marked_tips())
    )
    asked = answer_dialog(monkeypatch, again=False)
    with qtbot.waitSignal(window.transfer.transfer.already_imported, timeout=TIMEOUT):
        window.actions_by_name["import"].trigger()
    assert asked[0].startswith("再次导入此文件？ [再次导入] good.json 已于 ")
    assert "再次导入会为每个对话再添加一份副本" in asked[0]
