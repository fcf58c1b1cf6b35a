"""Long code lines stay inside their block in the chat view: the view never scrolls sideways.

The view is one QTextDocument, which cannot scroll one block on its own, so code wraps
(white-space: pre-wrap) at a space, or anywhere in a long unbroken token.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.core.chats.store import StoredMessage
from app.ui.chat_view import ChatView
from tests.ui.test_pdf import long_code_lines

REPLY = "Here it is:\n\n```python\n" + "\n".join(long_code_lines()) + "\n```\n\nDone."


@pytest.fixture
def view(qtbot: QtBot) -> ChatView:
    shown = ChatView()
    qtbot.addWidget(shown)
    shown.resize(800, 600)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_a_stored_answer_with_300_character_code_lines_does_not_scroll_sideways(
    view: ChatView,
) -> None:
    view.show_chat(
        [
            StoredMessage(1, 1, "user", "Show me long code", "complete", 0.0),
            StoredMessage(2, 1, "assistant", REPLY, "complete", 0.0, model="smol"),
        ]
    )
    assert view.horizontalScrollBar().maximum() == 0
    assert view.document().size().width() <= view.viewport().width()
    assert long_code_lines()[-1] in view.toPlainText()  # wrapped, not cut


def test_a_streaming_answer_with_long_code_does_not_scroll_sideways(view: ChatView) -> None:
    view.show_chat([StoredMessage(1, 1, "user", "Show me long code", "complete", 0.0)])
    view.begin_reply("…")
    for piece in REPLY.split(" "):
        view.append_text(piece + " ")
        assert view.horizontalScrollBar().maximum() == 0
    assert view.document().size().width() <= view.viewport().width()
