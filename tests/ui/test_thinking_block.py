"""A reasoning model's thinking in the chat: the live block while it streams, folded once the
answer starts, opened and folded by a click; stored thinking apart from the answer.

The view is driven directly first (the block's own behaviour), then the real window over a
scripted engine with `<think>…</think>` replies, through the real Session, Conversation and
ChatStore (both forms: the model writes `<think>`, or the template opened it).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.core.chats.store import ChatStore, StoredMessage
from app.core.conversation import ChatSetup, Conversation, start_chat
from app.core.engine.llama_engine import LlamaEngine
from app.core.engine.types import LoadSpec
from app.core.messages import Role
from app.core.settings import SamplingSettings
from app.ui.chat_view import ChatView
from app.ui.main_window import MainWindow
from app.workers.engine import EngineController
from tests.conftest import SMALL_CONTEXT
from tests.core.prompts.test_stitched_templates import stitch
from tests.ui.conftest import WindowFactory, send
from tests.ui.fakes import FakeEngine, tokens

THOUGHTS = "The user asks for a sum.\nTwo plus two is four."


def click(view: ChatView, link: str) -> None:
    view.anchorClicked.emit(QUrl(f"hearth:{link}"))


def message(
    mid: int, role: Role, content: str, reasoning: str | None = None, chat_id: int = 1, **more: Any
) -> StoredMessage:
    status = more.pop("status", "complete")
    return StoredMessage(mid, chat_id, role, content, status, 0.0, reasoning=reasoning, **more)


def make_view(qtbot: QtBot) -> ChatView:
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    return view


def chat(answer: str = "It is **4**.", **more: Any) -> list[StoredMessage]:
    timings = more.pop("timings", {"thinking_seconds": 12.4})
    return [
        message(1, "user", "What is 2 + 2?"),
        message(2, "assistant", answer, THOUGHTS, timings=timings, **more),
    ]


# -- the live block ------------------------------------------------------------------------


def test_thinking_streams_in_a_block_that_counts_the_seconds(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_chat([message(1, "user", "What is 2 + 2?")])
    view.begin_reply("Reading your message…")
    view.append_thinking("The user asks ")
    view.append_thinking("for a sum.\nTwo plus two")
    shown = view.toPlainText()
    assert "Reading your message…" not in shown
    assert "▾ Thinking… 0 s" in shown
    assert "The user asks for a sum.\nTwo plus two" in shown
    qtbot.waitUntil(lambda: "▾ Thinking… 1 s" in view.toPlainText(), timeout=5000)
    view.append_thinking(" is four.")
    assert view.toPlainText().endswith(
        "▾ Thinking… 1 s\nThe user asks for a sum.\nTwo plus two is four.\n"
    )


def test_the_block_folds_when_the_answer_starts_and_opens_on_a_click(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.begin_reply("Reading your message…")
    view.append_thinking(THOUGHTS)
    view.append_text("It is ")
    view.append_text("**4**.\n\n```python\nprint(2 + 2)\n```\n\nMore")
    shown = view.toPlainText()
    assert "▸ Thought for a moment" in shown and "Thinking…" not in shown
    assert "Two plus two" not in shown
    assert "It is 4." in shown and "print(2 + 2)" in shown
    click(view, "thinking/live")
    shown = view.toPlainText()
    assert "▾ Thought for a moment\nThe user asks for a sum.\nTwo plus two is four.\n" in shown
    assert shown.count("It is 4.") == 1 and shown.count("print(2 + 2)") == 1
    view.append_text(" text.")  # the answer goes on streaming below the opened block
    assert view.toPlainText().rstrip().endswith("More text.")
    click(view, "thinking/live")
    shown = view.toPlainText()
    assert "Two plus two" not in shown and "▸ Thought for a moment" in shown
    assert shown.rstrip().endswith("More text.")


def test_the_live_block_stops_counting_when_the_answer_starts(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.begin_reply("…")
    view.append_thinking("hmm")
    view.append_text("Yes.")
    assert not view.live._timer.isActive()
    view.live.tick()  # a late tick changes nothing
    assert "▸ Thought for a moment" in view.toPlainText()


def test_no_thinking_no_block(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.begin_reply("…")
    view.append_thinking("\n")  # an empty <think></think> (the Think switch off)
    view.append_text("Plain answer.")
    assert "Thought" not in view.toPlainText() and "Plain answer." in view.toPlainText()
    view.show_chat([message(1, "user", "Hi"), message(2, "assistant", "Hello", "\n")])
    assert "Thought" not in view.toPlainText()


def test_an_opened_live_block_stays_open_once_stored(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_chat(chat()[:1])
    view.begin_reply("…")
    view.append_thinking(THOUGHTS)
    view.append_text("It is 4.")
    click(view, "thinking/live")
    view.show_chat(chat())  # the answer is stored: the chat is shown again
    assert "▾ Thought for 12 s" in view.toPlainText()
    assert "Two plus two is four." in view.toPlainText()


def test_a_continued_answer_keeps_its_thoughts_above_it(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    stopped = chat(answer="It is", status="cancelled")
    view.show_chat(stopped[:1])
    view.begin_reply("…", "It is", continued=stopped[1])
    assert view.toPlainText().rstrip().endswith("▸ Thought for 12 s\nIt is")
    view.append_text(" 4.")
    assert view.toPlainText().rstrip().endswith("▸ Thought for 12 s\nIt is 4.")
    click(view, "thinking/live")
    assert view.toPlainText().rstrip().endswith("Two plus two is four.\nIt is 4.")


# -- stored thinking ---------------------------------------------------------------------


def test_stored_thinking_is_folded_and_opens_per_message(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_chat(chat())
    shown = view.toPlainText()
    assert "▸ Thought for 12 s" in shown and "Two plus two" not in shown and "It is 4." in shown
    click(view, "thinking/2")
    shown = view.toPlainText()
    assert "▾ Thought for 12 s\nThe user asks for a sum.\nTwo plus two is four." in shown
    assert shown.count("It is 4.") == 1 and shown.count("What is 2 + 2?") == 1
    view.show_chat(chat())  # the same chat again (after an answer elsewhere): still open
    assert "Two plus two is four." in view.toPlainText()
    click(view, "thinking/2")
    assert "Two plus two" not in view.toPlainText()
    click(view, "thinking/2")
    view.show_chat([message(1, "user", "Hi", chat_id=7)])  # another chat: forgotten
    view.show_chat(chat())
    assert "Two plus two" not in view.toPlainText()


def blocks(view: ChatView) -> list[tuple[str, float, float, float]]:
    out, block = [], view.document().begin()
    while block.isValid():
        f = block.blockFormat()
        out.append((block.text(), f.topMargin(), f.bottomMargin(), f.leftMargin()))
        block = block.next()
    return out


def test_a_block_opened_in_place_is_laid_out_as_when_shown_open(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_chat(chat())
    click(view, "thinking/2")  # the message is written again in place
    opened = blocks(view)
    view.show_chat(chat())  # the whole chat, with the block open
    assert blocks(view) == opened
    click(view, "thinking/2")
    folded = blocks(view)
    view.show_chat(chat())
    assert blocks(view) == folded


def test_without_a_stored_time_the_block_says_thoughts(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_chat(chat(timings={}))
    assert "▸ Thoughts" in view.toPlainText()


def test_a_reply_cut_off_while_thinking_shows_its_thoughts_and_status(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_chat(chat(answer="", status="cancelled"))
    shown = view.toPlainText()
    assert "▾ Thought for 12 s" in shown and "Two plus two is four." in shown
    assert "Stopped before the end." in shown
    click(view, "thinking/2")
    assert "Two plus two" not in view.toPlainText()


def test_copy_copies_the_answer_alone(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_chat(chat())
    click(view, "thinking/2")
    with qtbot.waitSignal(view.copied):
        click(view, "copy/2")
    assert QGuiApplication.clipboard().text() == "It is **4**."


def test_opening_a_stored_block_while_an_answer_streams_keeps_the_stream(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_chat([*chat(), message(3, "user", "And 3 + 3?")])
    view.begin_reply("…")
    view.append_thinking("Three and three.")
    click(view, "thinking/2")
    view.append_thinking(" Six.")
    view.append_text("It is ")
    view.append_text("6.")
    shown = view.toPlainText()
    assert "Two plus two is four." in shown
    assert shown.rstrip().endswith("▸ Thought for a moment\nIt is 6.")
    click(view, "thinking/live")
    assert view.toPlainText().rstrip().endswith("Three and three. Six.\nIt is 6.")


# -- the window, over a scripted engine --------------------------------------------------------

REPLY = "<think>\nThe user greets me.\nI should greet back.\n</think>\n\nHello there, friend!"


def thinker(reply: str = REPLY, **options: Any) -> FakeEngine:
    fake = FakeEngine(reply=reply, **options)
    fake.count_produced = True  # so the thinking's tokens are counted
    return fake


def hold(fake: FakeEngine, word: str) -> threading.Event:
    """Hold the stream before the first token that holds `word`; set the event to go on."""
    index = next(i for i, piece in enumerate(tokens(fake.reply)) if word in piece)
    fake.holds[index] = threading.Event()
    return fake.holds[index]


def last_reply(window: MainWindow) -> StoredMessage:
    store, chat = window.session.chats.store, window.session.chat
    assert store is not None and chat is not None
    return store.messages(chat.id)[-1]


def start(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.composer.set_text(text)
    qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)


def test_the_window_shows_thinking_apart_and_stores_it_apart(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    fake = thinker()
    thinking, answering = hold(fake, "greet"), hold(fake, "friend")
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    engine, view = window.session.engine, window.view
    order: list[str] = []
    engine.thinking_received.connect(lambda _rid, _text: order.append("thinking"))
    engine.tokens_received.connect(lambda _rid, _text: order.append("answer"))
    engine.prompt_processed.connect(lambda _rid: order.append("first"))
    start(qtbot, window, "Hello")
    qtbot.waitUntil(lambda: "▾ Thinking… 0 s\nThe user" in view.toPlainText(), timeout=10000)
    assert window.status._state_key == "generating"  # the first thought is the first token
    qtbot.waitUntil(lambda: "▾ Thinking… 1 s" in view.toPlainText(), timeout=10000)
    thinking.set()
    qtbot.waitUntil(lambda: "Hello there," in view.toPlainText(), timeout=10000)
    shown = view.toPlainText()
    assert "▸ Thought for" in shown and "I should greet back." not in shown
    assert "Thinking…" not in shown
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        answering.set()
    reply = last_reply(window)
    assert reply.content == "Hello there, friend!"
    assert (reply.reasoning or "").strip() == "The user greets me.\nI should greet back."
    assert reply.timings is not None and reply.timings["thinking_tokens"] > 0
    assert order[0] == "first" and order.index("thinking") < order.index("answer")
    assert "answer" not in order[: order.index("thinking")]
    shown = view.toPlainText()
    assert "▸ Thought for" in shown and "I should greet back." not in shown
    assert "Hello there, friend!" in shown and "<think>" not in shown
    assert "thinking" in shown.split("Hello there, friend!")[1]  # in the details line
    click(view, f"thinking/{reply.id}")
    assert "▾ Thought for" in view.toPlainText()
    assert "The user greets me.\nI should greet back." in view.toPlainText()
    click(view, f"thinking/{reply.id}")
    assert "I should greet back." not in view.toPlainText()


def test_copy_and_regenerate_work_on_the_answer_alone(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    fake = thinker()
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    send(qtbot, window, "Hello")
    first = last_reply(window)
    with qtbot.waitSignal(window.view.copied):
        click(window.view, f"copy/{first.id}")
    assert QGuiApplication.clipboard().text() == "Hello there, friend!"
    fake.reply = "<think>\nSay it another way.\n</think>\n\nHi again!"
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        window.view.regenerate_requested.emit()
    again = last_reply(window)
    assert again.id != first.id and again.content == "Hi again!"
    assert (again.reasoning or "").strip() == "Say it another way."
    assert "‹ 2/2 ›" in window.view.toPlainText() and "<think>" not in window.view.toPlainText()
    assert "Hi again!" in window.view.toPlainText()
    prompt = fake.requests[-1].messages
    assert all("<think>" not in m.content for m in prompt)


def test_thinking_opened_by_the_template(qtbot: QtBot, make_window: WindowFactory) -> None:
    reply = "The user wants a word.\n</think>\n\nWord."
    window = make_window(thinker(reply, thinking_opened=True))
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    send(qtbot, window, "Say a word")
    stored = last_reply(window)
    assert (stored.content, (stored.reasoning or "").strip()) == ("Word.", "The user wants a word.")
    shown = window.view.toPlainText()
    assert "▸ Thought for" in shown and "Word." in shown and "The user wants" not in shown


def test_a_reply_stopped_while_thinking_shows_its_thoughts(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    fake = thinker()
    held = hold(fake, "greet")
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    start(qtbot, window, "Hello")
    qtbot.waitUntil(lambda: "The user" in window.view.toPlainText(), timeout=10000)
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Escape)
        held.set()
    stored = last_reply(window)
    assert stored.status == "cancelled" and stored.content == ""
    assert stored.reasoning is not None and stored.reasoning.startswith("The user")
    shown = window.view.toPlainText()
    assert "▾ Thought for" in shown and "The user" in shown
    assert "Stopped before the end." in shown


def test_continue_keeps_the_thoughts_of_the_answer_it_carries_on(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    fake = thinker()
    held = hold(fake, "friend")
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    start(qtbot, window, "Hello")
    qtbot.waitUntil(lambda: "Hello there," in window.view.toPlainText(), timeout=10000)
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Escape)
        held.set()
    assert last_reply(window).content == "Hello there,"
    fake.reply, fake.holds = " my friend.", {}
    going_on = hold(fake, "friend")
    window.view.continue_requested.emit()
    qtbot.waitUntil(lambda: "my" in window.view.toPlainText(), timeout=10000)
    assert "▸ Thought for" in window.view.toPlainText()  # while the answer goes on
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        going_on.set()
    reply = last_reply(window)
    assert reply.content == "Hello there, my friend."
    assert (reply.reasoning or "").strip() == "The user greets me.\nI should greet back."
    assert "▸ Thought for" in window.view.toPlainText()


# -- the real engine ---------------------------------------------------------------------------

OPENS_THINK = (
    "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n<think>\n{% endif %}"
)


def test_the_real_engine_streams_thinking_into_the_block(
    qtbot: QtBot, smollm2: Path, tmp_path: Path
) -> None:
    """SmolLM2 under a template that opens `<think>`: its words reach the view as thinking
    (it never closes it, so the reply is all thoughts, shown open under the stored reply)."""
    model = stitch(smollm2, OPENS_THINK, tmp_path / "thinker.gguf")
    controller = EngineController(LlamaEngine())
    view = make_view(qtbot)
    thoughts: list[str] = []
    controller.thinking_received.connect(lambda _rid, text: thoughts.append(text))
    controller.thinking_received.connect(lambda _rid, text: view.append_thinking(text))
    controller.tokens_received.connect(lambda _rid, text: view.append_text(text))
    try:
        with qtbot.waitSignal(controller.model_loaded, timeout=120_000):
            controller.load("thinker", LoadSpec(model, context_length=SMALL_CONTEXT, seed=1))
        with ChatStore(tmp_path / "chats.sqlite3") as store:
            chat = start_chat(store, "What is 2 + 2?")
            sampling = SamplingSettings(temperature=0.0, max_tokens=16)
            conversation = Conversation(store, controller.engine, chat.id, ChatSetup("t", sampling))
            view.show_chat(store.messages(chat.id))
            with qtbot.waitSignal(controller.prompt_processed, timeout=120_000):
                view.begin_reply("…")
                controller.answer(conversation)
            with qtbot.waitSignal(controller.generation_finished, timeout=120_000):
                pass
            assert "▾ Thinking…" in view.toPlainText()
            reply = store.messages(chat.id)[-1]
            assert reply.content == "" and reply.reasoning == "".join(thoughts) != ""
            view.show_chat(store.messages(chat.id))
    finally:
        assert controller.shutdown()
    shown = view.toPlainText()
    assert "▾ Thought for" in shown and reply.reasoning.strip() in shown
    assert "thinking" in shown.split(reply.reasoning.strip())[1]  # and in the details
