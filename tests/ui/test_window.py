"""The main window over a scripted engine: sending, stopping, regenerating, editing, errors."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from app.core.chats.store import ChatStore
from app.core.errors import EngineCrashed
from app.core.paths import default_paths
from app.ui.main_window import MainWindow
from app.ui.prompt_editor import TEMPLATE_ID
from tests.ui.conftest import WindowFactory, send
from tests.ui.fakes import REPLY, FakeEngine


def click(window: MainWindow, link: str) -> None:
    """Follow one of the chat's own links (Edit, Fork, the "‹ 2/3 ›" arrows)."""
    window.view.anchorClicked.emit(QUrl(f"hearth:{link}"))


def stored(window: MainWindow) -> list[tuple[str, str, str]]:
    store = window.session.chats.store
    assert store is not None and window.session.chat is not None
    return [(m.role, m.content, m.status) for m in store.messages(window.session.chat.id)]


def test_send_streams_the_answer_and_stores_it(qtbot: QtBot, window: MainWindow) -> None:
    send(qtbot, window, "Show me some code")
    assert stored(window) == [
        ("user", "Show me some code", "complete"),
        ("assistant", REPLY, "complete"),
    ]
    shown = window.view.toPlainText()
    assert "Show me some code" in shown and "print('hi')" in shown
    assert window.composer.text() == ""
    assert window.sidebar.tree.topLevelItem(0).child(0).text(0) == "Show me some code"
    assert "tok/s" in window.status.speed.text()


def test_stop_keeps_the_partial_answer_marked(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    fake.reply = " ".join(f"word{i}" for i in range(400))
    fake.delay = 0.005
    with qtbot.waitSignal(window.session.engine.tokens_received, timeout=10000):
        window.composer.set_text("Talk a lot")
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    assert window.composer.button.text() == "Stop"
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Escape)
    (_, _, _), (role, content, status) = stored(window)
    assert role == "assistant" and status == "cancelled"
    assert 0 < len(content) < len(fake.reply)
    assert "Stopped before the end." in window.view.toPlainText()
    assert window.composer.button.text() == "Send"


def test_regenerate_keeps_the_earlier_answer_one_click_away(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    send(qtbot, window, "Hello")
    fake.reply = "A second answer."
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        window.view.regenerate_requested.emit()
    assert stored(window) == [
        ("user", "Hello", "complete"),
        ("assistant", "A second answer.", "complete"),
    ]
    shown = window.view.toPlainText()
    assert "A second answer." in shown and REPLY not in shown and "‹ 2/2 ›" in shown
    earlier = window.session.messages[1].siblings[0]
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        click(window, f"version/{earlier}")
    shown = window.view.toPlainText()
    assert "print('hi')" in shown and "A second answer." not in shown and "‹ 1/2 ›" in shown
    assert stored(window)[-1] == ("assistant", REPLY, "complete")


def test_edit_in_place_makes_a_new_version(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    send(qtbot, window, "First question")
    send(qtbot, window, "Second question")
    first = window.session.messages[0]
    click(window, f"edit/{first.id}")
    editor = window.view.editor
    assert editor.isVisible() and editor.text.toPlainText() == "First question"
    assert editor.text.lineWrapMode() == editor.text.LineWrapMode.WidgetWidth
    assert editor.width() > window.view.viewport().width() * 0.8  # as wide as the message
    editor.text.setPlainText("A better first question")
    fake.reply = "Edited answer."
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        qtbot.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == [
        ("user", "A better first question", "complete"),
        ("assistant", "Edited answer.", "complete"),
    ]
    shown = window.view.toPlainText()
    assert "Second question" not in shown and "‹ 2/2 ›" in shown
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        click(window, f"version/{first.id}")
    assert "Second question" in window.view.toPlainText()


def test_escape_leaves_the_message_as_it_was(qtbot: QtBot, window: MainWindow) -> None:
    send(qtbot, window, "Keep me")
    first = window.session.messages[0]
    click(window, f"edit/{first.id}")
    window.view.editor.text.setPlainText("changed")
    qtbot.keyClick(window.view.editor.text, Qt.Key.Key_Escape)
    assert not window.view.editor.isVisible()
    assert stored(window)[0] == ("user", "Keep me", "complete")


def test_fork_opens_a_new_chat_up_to_that_message(qtbot: QtBot, window: MainWindow) -> None:
    send(qtbot, window, "First question")
    send(qtbot, window, "Second question")
    original = window.session.chat
    answer = window.session.messages[1]
    assert original is not None
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        click(window, f"fork/{answer.id}")
    assert window.session.chat is not None and window.session.chat.id != original.id
    assert [m.content for m in window.session.messages] == ["First question", REPLY]
    assert "Second question" not in window.view.toPlainText()


def test_continue_extends_a_stopped_answer(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    fake.reply = "one two"
    send(qtbot, window, "Count")
    fake.reply = " three"
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        window.view.continue_requested.emit()
    assert stored(window)[-1] == ("assistant", "one two three", "complete")
    assert fake.requests[-1].continue_last


def test_late_tokens_of_a_replaced_request_are_dropped(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    """A request that ignores Stop keeps producing tokens; none of them reaches the view."""
    engine = window.session.engine
    fake.ignore_cancel = True
    fake.gate.clear()
    fake.reply = "OLD " * 20
    received: list[tuple[int, str]] = []
    engine.tokens_received.connect(lambda rid, text: received.append((rid, text)))
    window.session.send("first")
    qtbot.waitUntil(lambda: len(fake.requests) == 1)
    fake.reply = "NEW answer"
    store = window.session.chats.store
    assert store is not None and window.session.chat is not None
    from app.core.conversation import Conversation

    newer = engine.send(
        Conversation(store, fake, window.session.chat.id, window.session.chat_setup()), "second"
    )
    fake.gate.set()
    qtbot.waitUntil(lambda: engine.active_request == 0, timeout=10000)
    assert received and {rid for rid, _ in received} == {newer}
    assert "OLD" not in "".join(text for _, text in received)


def test_engine_crash_is_shown_and_the_partial_answer_kept(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    fake.stream_error = EngineCrashed("The engine stopped unexpectedly (killed).", "Here is")
    fake.fail_after = 2
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        window.composer.set_text("Crash please")
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    assert window.banner.isVisible() and "stopped unexpectedly" in window.banner.text()
    assert stored(window)[-1] == ("assistant", "Here is", "failed")
    fake.stream_error = None
    send(qtbot, window, "Still working?")  # the app stays usable
    assert stored(window)[-1][2] == "complete"


def test_a_model_that_fails_to_load_keeps_the_typed_text(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    fake = FakeEngine()
    fake.load_error = EngineCrashed("The engine crashed while loading broken.gguf.")
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "failed", timeout=15000)
    assert "crashed while loading" in window.banner.text()
    window.composer.set_text("Please keep me")
    qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    assert window.composer.text() == "Please keep me"
    assert "No model is loaded" in window.banner.text()


def test_a_full_disk_returns_the_draft(qtbot: QtBot, window: MainWindow) -> None:
    send(qtbot, window, "Hello")
    store = window.session.chats.store
    assert store is not None
    store._conn.execute("PRAGMA max_page_count = 1")
    with qtbot.waitSignal(window.session.draft_returned, timeout=10000):
        window.composer.set_text("This will not fit " * 200)
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    assert window.composer.text().startswith("This will not fit")
    assert window.banner.isVisible()


def test_chats_are_listed_renamed_searched_and_deleted_with_undo(
    qtbot: QtBot, window: MainWindow
) -> None:
    send(qtbot, window, "Apples are red")
    chat_id = window.session.chat.id  # type: ignore[union-attr]
    window.session.rename_chat(chat_id, "Fruit")
    # a listing from the send may still be on its way: wait for the one with the new title
    qtbot.waitUntil(lambda: window.sidebar.tree.topLevelItem(0).child(0).text(0) == "Fruit")
    with qtbot.waitSignal(window.session.chats.search_finished):
        window.sidebar.search.setText("apples")
    assert "Fruit" in window.sidebar.tree.topLevelItem(0).child(0).text(0)
    window.sidebar.search.clear()
    qtbot.waitUntil(lambda: window.sidebar.tree.topLevelItemCount() == 1)
    tree = window.sidebar.tree
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    window.activateWindow()
    tree.setFocus()
    with qtbot.waitSignal(window.session.chats.chats_listed):
        qtbot.keyClick(tree, Qt.Key.Key_Delete)  # the Delete key, with Undo rather than a dialog
    assert window.sidebar.tree.topLevelItemCount() == 0 and window.sidebar.undo_bar.isVisible()
    with qtbot.waitSignal(window.session.chats.chats_listed):
        window.sidebar.undo_button.click()
    assert window.sidebar.tree.topLevelItem(0).child(0).text(0) == "Fruit"
    window.session.delete_chat(chat_id, "Fruit")
    window.session.chats.commit_deletes()
    with qtbot.waitSignal(window.session.chats.chats_listed):
        window.session.chats.refresh()
    assert window.sidebar.tree.topLevelItemCount() == 0


def test_a_search_hit_in_an_earlier_version_opens_that_version(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    send(qtbot, window, "Hello")
    fake.reply = "A second answer."
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        window.view.regenerate_requested.emit()
    assert "print('hi')" not in window.view.toPlainText()
    with qtbot.waitSignal(window.session.chats.search_finished):
        window.sidebar.search.setText("print('hi')")
    hit = window.sidebar.tree.topLevelItem(0).child(0)
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        window.sidebar.tree.itemClicked.emit(hit, 0)
    shown = window.view.toPlainText()
    assert "print('hi')" in shown and "A second answer." not in shown and "‹ 1/2 ›" in shown


def test_base_model_opens_the_completion_view(qtbot: QtBot, make_window: WindowFactory) -> None:
    fake = FakeEngine(reply=" 4, 5, 6", is_base=True)
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    assert window.header.base_badge.isVisibleTo(window)
    assert window.composer.button.text() == "Generate"
    send(qtbot, window, "1, 2, 3,")
    assert window.view.toPlainText().strip() == "1, 2, 3, 4, 5, 6"
    assert fake.requests[-1].prompt == "1, 2, 3,"
    fake.reply = " 4, 5, 7"
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        window.view.regenerate_requested.emit()
    assert window.view.toPlainText().splitlines() == ["1, 2, 3, 4, 5, 7", "‹ 2/2 ›"]
    earlier = window.session.messages[-1].siblings[0]
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        click(window, f"version/{earlier}")
    assert window.view.toPlainText().splitlines() == ["1, 2, 3, 4, 5, 6", "‹ 1/2 ›"]


def test_per_chat_sampling_and_prompt_reach_the_engine(
    qtbot: QtBot, window: MainWindow, fake: FakeEngine
) -> None:
    send(qtbot, window, "Hi")
    from app.core.settings import SamplingSettings

    with qtbot.waitSignal(window.session.chats.chat_updated):
        window.session.set_chat_sampling(SamplingSettings(temperature=0.2, max_tokens=77))
    with qtbot.waitSignal(window.session.chats.chat_updated):
        window.session.set_system_prompt("Answer like a pirate.")
    send(qtbot, window, "Again")
    request = fake.requests[-1]
    assert request.sampling.max_tokens == 77 and request.sampling.temperature == 0.2
    assert (
        request.messages[0].role == "system"
        and request.messages[0].content == "Answer like a pirate."
    )
    assert window.session.settings.sampling.max_tokens != 77  # the defaults are untouched


def test_settings_are_saved_through_the_core(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_settings()
    dialog.temperature.setValue(0.3)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    with qtbot.waitSignal(window.session.settings_changed):
        dialog.accept()
    from app.core.settings import load_settings

    qtbot.waitUntil(lambda: load_settings(default_paths().settings_file)[0].theme == "dark")
    saved, _ = load_settings(default_paths().settings_file)
    assert saved.sampling.temperature == 0.3
    assert window.appearance.dark and window.palette().window().color().lightness() < 100


def test_prompt_library_editor_saves_a_user_prompt(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.open_prompt_editor()
    editor.new_button.click()
    editor.name.setText("Pirate")
    editor.system.setPlainText("Talk like a pirate.")
    with qtbot.waitSignal(window.session.prompts_changed, timeout=10000):
        editor.save_button.click()
    assert any(t.id == "pirate" and not t.builtin for t in window.session.templates)
    assert window.header.prompt.findData("pirate") >= 0
    with qtbot.waitSignal(window.session.prompts_changed, timeout=10000):
        editor.delete_button.click()
    assert not any(t.id == "pirate" for t in window.session.templates)


def test_copies_of_prompts_with_chinese_names_never_overwrite_each_other(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.open_prompt_editor()
    for builtin in ("concise-zh", "summariser-zh", "concise-zh"):
        editor.list.setCurrentRow(
            next(
                i
                for i in range(editor.list.count())
                if editor.list.item(i).data(TEMPLATE_ID) == builtin
            )
        )
        editor.copy_button.click()
        editor.name.setText("我的副本")  # no Latin letters: the id cannot come from the name
        with qtbot.waitSignal(window.session.prompts_changed, timeout=10000):
            editor.save_button.click()
    own = sorted(t.id for t in window.session.templates if not t.builtin)
    assert own == ["concise-zh-copy", "concise-zh-copy-2", "summariser-zh-copy"]
    assert len(list(default_paths().prompts.glob("*.toml"))) == 3


def test_the_last_chat_reopens(qtbot: QtBot, make_window: WindowFactory) -> None:
    first = make_window(FakeEngine())
    qtbot.waitUntil(lambda: first.session.engine.state == "ready", timeout=15000)
    send(qtbot, first, "Remember me")
    chat_id = first.session.chat.id  # type: ignore[union-attr]
    first.close()
    second = make_window(FakeEngine())
    qtbot.waitUntil(lambda: second.session.chat is not None, timeout=15000)
    assert second.session.chat.id == chat_id  # type: ignore[union-attr]
    assert "Remember me" in second.view.toPlainText()
    with ChatStore(default_paths().chats_db) as store:
        assert len(store.messages(chat_id)) == 2


def test_the_version_shown_survives_a_restart(qtbot: QtBot, make_window: WindowFactory) -> None:
    fake = FakeEngine(reply="First answer.")
    first = make_window(fake)
    qtbot.waitUntil(lambda: first.session.engine.state == "ready", timeout=15000)
    send(qtbot, first, "Answer twice")
    fake.reply = "Second answer."
    with qtbot.waitSignal(first.session.chat_changed, timeout=10000):
        first.view.regenerate_requested.emit()
    earlier = first.session.messages[1].siblings[0]
    with qtbot.waitSignal(first.session.chat_changed, timeout=10000):
        click(first, f"version/{earlier}")
    first.close()
    second = make_window(FakeEngine())
    qtbot.waitUntil(lambda: second.session.chat is not None, timeout=15000)
    shown = second.view.toPlainText()
    assert "First answer." in shown and "Second answer." not in shown and "‹ 1/2 ›" in shown


def test_a_blocked_models_folder_is_explained_and_the_starter_still_answers(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    models = default_paths().models
    shutil.rmtree(models)
    models.write_text("a file where the models folder should be")
    window = make_window(FakeEngine())
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    assert window.banner.isVisibleTo(window)
    assert f"cannot use the folder {models}" in window.banner.text()
    send(qtbot, window, "Still there?")
    assert stored(window)[-1][0] == "assistant"


def test_a_first_message_that_cannot_be_stored_leaves_no_empty_chat(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.session.chats.store
    assert store is not None and window.session.chat is None
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    with qtbot.waitSignal(window.session.draft_returned, timeout=10000):
        window.composer.set_text("No room for this " * 400)
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    assert window.composer.text().startswith("No room for this")
    assert window.banner.isVisible() and "full" in window.banner.text()
    assert store.list_chats() == []
