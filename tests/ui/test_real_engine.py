"""The real window with the real engine host and SmolLM2: ask, answer, store, reopen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.chats.store import ChatStore
from app.core.paths import default_paths
from app.core.settings import SamplingSettings, Settings, save_settings
from tests.ui.conftest import WindowFactory

TIMEOUT = 120_000


def test_ask_smollm2_in_the_window_and_find_the_chat_after_a_restart(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    greedy = Settings(sampling=SamplingSettings(temperature=0.0, max_tokens=64))
    save_settings(default_paths().settings_file, greedy)  # deterministic answers
    window = make_window(None)  # the real engine host
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=TIMEOUT)
    assert window.session.engine.loaded_id is not None
    assert "SmolLM2" in window.session.engine.loaded_id
    assert window.status.backend.text().startswith("Backend:")
    pieces: list[str] = []
    window.session.engine.tokens_received.connect(lambda _rid, text: pieces.append(text))
    with qtbot.waitSignal(window.session.engine.generation_finished, timeout=TIMEOUT) as done:
        window.composer.set_text("What is the capital of France?")
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    result = done.args[1]
    assert "Paris" in result.text
    assert "".join(pieces) == result.text  # every token reached the view, in batches
    assert len(pieces) < result.timings.completion_tokens  # ... batched, not one per token
    qtbot.waitUntil(lambda: "Paris" in window.view.toPlainText(), timeout=10_000)
    chat_id = window.session.chat.id  # type: ignore[union-attr]
    window.close()

    with ChatStore(default_paths().chats_db) as store:
        roles = [(m.role, m.status) for m in store.messages(chat_id)]
    assert roles == [("user", "complete"), ("assistant", "complete")]

    again = make_window(None)
    qtbot.waitUntil(lambda: again.session.chat is not None, timeout=TIMEOUT)
    assert again.session.chat.id == chat_id  # type: ignore[union-attr]
    assert "What is the capital of France?" in again.view.toPlainText()
    assert "Paris" in again.view.toPlainText()
