"""The window's figures belong to the chat shown: the context meter, the speed, the details
under each answer and the prompt picker, across chat switches and a restart; and a model load
shows its progress while a message sent meanwhile waits for it."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.chats.store import ChatStore
from app.core.engine.llama_engine import LlamaEngine
from app.core.engine.types import LoadedModel, LoadSpec
from app.core.figures import chat_figures, details, speed
from app.core.paths import default_paths
from app.core.settings import SamplingSettings, Settings, save_settings
from app.ui.main_window import MainWindow
from app.workers import i18n
from tests.ui.conftest import WindowFactory, send
from tests.ui.fakes import FakeEngine

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def meter(window: MainWindow) -> tuple[int, int]:
    return window.status.context.value(), window.status.context.maximum()


def expect_stored_figures(window: MainWindow) -> None:
    """The meter, the speed and every answer's details are those of the stored timings."""
    figures = chat_figures(window.session.messages)
    assert figures is not None
    assert meter(window) == (figures.context_used, 4096)
    assert window.status.speed.text() == i18n.say(speed(figures))
    shown = window.view.toPlainText()
    for message in window.session.messages:
        if message.role == "assistant":
            assert message.timings is not None
            answer = chat_figures([message])
            assert answer is not None and i18n.say(details(answer)) in shown


def test_figures_follow_the_chat_shown_and_survive_a_restart(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    first = make_window(FakeEngine())
    qtbot.waitUntil(lambda: first.session.engine.state == "ready", timeout=15000)
    assert first.status.speed.text() == "" and meter(first)[0] == 0
    send(qtbot, first, "One question")
    send(qtbot, first, "A second one, longer")
    talk = first.session.chat
    assert talk is not None
    expect_stored_figures(first)
    busy = meter(first)

    with qtbot.waitSignal(first.session.chat_changed, timeout=10000):
        first.session.new_chat()
    assert meter(first)[0] == 0 and first.status.speed.text() == ""
    assert "tok/s" not in first.view.toPlainText()
    with qtbot.waitSignal(first.session.chat_changed, timeout=10000):
        first.session.open_chat(talk.id)
    assert meter(first) == busy
    expect_stored_figures(first)
    first.close()

    again = make_window(FakeEngine())  # a restart over the same data folder
    qtbot.waitUntil(lambda: again.session.chat is not None, timeout=15000)
    qtbot.waitUntil(lambda: again.session.engine.state == "ready", timeout=15000)
    if again.session.chat.id != talk.id:  # type: ignore[union-attr]
        with qtbot.waitSignal(again.session.chat_changed, timeout=10000):
            again.session.open_chat(talk.id)
    assert meter(again) == busy
    expect_stored_figures(again)


def test_the_meter_counts_while_an_answer_is_written(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    greedy = Settings(sampling=SamplingSettings(temperature=0.0, max_tokens=24))
    save_settings(default_paths().settings_file, greedy)
    window = make_window(LlamaEngine())  # the real starter model, in-process
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=120_000)
    counted: list[int] = []
    window.session.engine.context_counted.connect(lambda _rid, used: counted.append(used))
    send(qtbot, window, "Count from one to twenty.", timeout=120_000)
    figures = chat_figures(window.session.messages)
    assert figures is not None
    assert len(counted) >= 2 and counted == sorted(counted)
    assert counted[0] >= figures.prompt_tokens  # the prompt is counted before the answer
    assert meter(window)[0] == figures.context_used
    expect_stored_figures_real(window)


def expect_stored_figures_real(window: MainWindow) -> None:
    figures = chat_figures(window.session.messages)
    assert figures is not None and figures.first_token_s > 0
    assert i18n.say(details(figures)) in window.view.toPlainText()


def test_the_prompt_picker_shows_the_prompt_a_chat_uses(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    first = make_window(FakeEngine())
    qtbot.waitUntil(lambda: bool(first.session.templates), timeout=15000)
    qtbot.waitUntil(lambda: first.session.engine.state == "ready", timeout=15000)
    default = first.session.default_prompt_id()
    assert default and first.header.prompt.currentData() == default  # before any chat
    send(qtbot, first, "Hello")
    assert first.session.chat is not None and first.session.chat.prompt_id == default
    assert first.header.prompt.currentData() == default
    first.close()

    again = make_window(FakeEngine())
    qtbot.waitUntil(lambda: again.session.chat is not None, timeout=15000)
    qtbot.waitUntil(lambda: bool(again.session.templates), timeout=15000)
    assert again.header.prompt.currentData() == default


class SlowLoad(FakeEngine):
    """Loads only when the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.opened = threading.Event()

    def load(self, spec: LoadSpec) -> LoadedModel:
        self.opened.wait(30)
        return super().load(spec)


def test_a_message_sent_while_the_model_loads_waits_for_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    engine = SlowLoad()
    window = make_window(engine)
    qtbot.waitUntil(lambda: window.session.engine.state == "loading", timeout=15000)
    assert window.status.load_bar.isVisible()
    assert window.status.state.text().startswith("Loading ")
    assert window.status.state.text() != "Ready"
    assert window.composer.button.text() == "Send when loaded"
    window.composer.set_text("Are you there?")
    window.composer.send_requested.emit(window.composer.text())
    assert window.composer.text() == ""
    assert "Waiting for" in window.view.toPlainText()
    with qtbot.waitSignal(window.session.engine.generation_finished, timeout=15000):
        engine.opened.set()
    qtbot.waitUntil(lambda: len(window.session.messages) == 2, timeout=15000)
    assert window.session.messages[0].content == "Are you there?"
    assert not window.status.load_bar.isVisible() and window.status.state.text() == "Ready"
    assert window.composer.button.text() == "Send"


def test_a_waiting_message_comes_back_when_the_load_fails(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    engine = SlowLoad()
    engine.load_error = RuntimeError("the file is damaged")
    window = make_window(engine)
    qtbot.waitUntil(lambda: window.session.engine.state == "loading", timeout=15000)
    window.composer.send_requested.emit("Are you there?")
    with qtbot.waitSignal(window.session.draft_returned, timeout=15000):
        engine.opened.set()
    assert window.composer.text() == "Are you there?"
    assert "Waiting for" not in window.view.toPlainText()
    assert not window.status.load_bar.isVisible()


def test_the_real_load_shows_its_progress(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(LlamaEngine())
    seen: list[float] = []
    window.session.engine.load_progressed.connect(seen.append)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=120_000)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert window.status.load_bar.value() == 100 and not window.status.load_bar.isVisible()
    loaded = window.session.engine.loaded
    assert loaded is not None and "loaded in" in window.status.backend.text()


def test_screenshots_of_the_figures(qtbot: QtBot, make_window: WindowFactory) -> None:
    """The status bar and an answer's details, light English and dark Chinese."""
    for theme, lang in (("light", "en"), ("dark", "zh_CN")):
        window = make_window(FakeEngine(reply="Paris is the capital of France."))
        qtbot.waitUntil(lambda w=window: w.session.engine.state == "ready", timeout=15000)
        settings = window.session.settings.model_copy(update={"theme": theme, "language": lang})
        window.session.save_settings(settings)
        send(qtbot, window, "巴黎在哪里？" if lang == "zh_CN" else "Where is Paris?")
        figures = chat_figures(window.session.messages)
        assert figures is not None
        line = i18n.say(details(figures))
        assert line in window.view.toPlainText()
        assert ("词元" in line) == (lang == "zh_CN")
        speed_label = window.status.speed
        qtbot.waitUntil(lambda s=speed_label: s.width() >= s.sizeHint().width(), timeout=5000)
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SHOTS / f"figures-window-{theme}-{lang}.png"))
        assert window.status.grab().save(str(SHOTS / f"figures-status-{theme}-{lang}.png"))
        window.resize(800, 600)
        qtbot.waitUntil(lambda w=window: w.width() == 800, timeout=5000)
        assert window.status.grab().save(str(SHOTS / f"figures-status-800-{theme}-{lang}.png"))
        window.close()


def test_screenshots_of_a_load(qtbot: QtBot, make_window: WindowFactory) -> None:
    """A load under way, a message waiting for it: light English and dark Chinese."""
    for theme, lang in (("light", "en"), ("dark", "zh_CN")):
        save_settings(default_paths().settings_file, Settings(theme=theme, language=lang))
        engine = SlowLoad()
        window = make_window(engine)
        qtbot.waitUntil(lambda w=window: w.session.engine.state == "loading", timeout=15000)
        window.composer.send_requested.emit(
            "巴黎在哪里？" if lang == "zh_CN" else "Where is Paris?"
        )
        bar = window.status.load_bar
        qtbot.waitUntil(lambda b=bar: b.isVisible() and b.width() > 20, timeout=5000)
        qtbot.waitUntil(lambda w=window: w.header.prompt.count() > 1, timeout=5000)
        assert window.grab().save(str(SHOTS / f"figures-loading-{theme}-{lang}.png"))
        with qtbot.waitSignal(window.session.engine.generation_finished, timeout=15000):
            engine.opened.set()
        window.close()


def test_a_message_waiting_at_quit_is_stored(qtbot: QtBot, make_window: WindowFactory) -> None:
    engine = SlowLoad()
    window = make_window(engine)
    qtbot.waitUntil(lambda: window.session.engine.state == "loading", timeout=15000)
    window.composer.send_requested.emit("Keep me for later")
    window.close()  # quit while the model still loads
    engine.opened.set()
    with ChatStore(default_paths().chats_db) as store:
        (chat,) = store.list_chats()
        assert [(m.role, m.content) for m in store.messages(chat.id)] == [
            ("user", "Keep me for later")
        ]


def switching(qtbot: QtBot, make_window: WindowFactory) -> tuple[MainWindow, SlowLoad, str]:
    """A window with one answered chat, in the middle of switching to another model."""
    engine = SlowLoad()
    engine.opened.set()
    window = make_window(engine)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    send(qtbot, window, "First question")
    other = next(e.id for e in window.session.entries if e.id != window.session.engine.loaded_id)
    engine.opened.clear()
    window.session.select_model(other)
    qtbot.waitUntil(lambda: window.session.engine.state == "loading", timeout=15000)
    return window, engine, other


def test_a_message_sent_during_a_model_switch_is_answered_by_the_new_model(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window, engine, other = switching(qtbot, make_window)
    window.composer.send_requested.emit("Second question")
    assert "Waiting for" in window.view.toPlainText()
    with qtbot.waitSignal(window.session.engine.generation_finished, timeout=15000):
        engine.opened.set()
    qtbot.waitUntil(lambda: len(window.session.messages) == 4, timeout=15000)
    assert window.session.messages[2].content == "Second question"
    assert window.session.messages[3].model == other  # stored under the model that answered


def test_an_edit_that_cannot_be_sent_yet_stays_open(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window, engine, _ = switching(qtbot, make_window)
    first = window.session.messages[0]
    assert window.view.begin_edit(first.id)
    window.view.editor.text.setPlainText("A better question")
    window.view.editor.send.click()
    assert window.view.editor.isVisible()  # refused while loading: nothing typed is lost
    assert window.view.editor.text.toPlainText() == "A better question"
    assert "still loading" in window.banner.text()
    engine.opened.set()


def test_opening_another_chat_gives_a_waiting_message_back(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window, engine, _ = switching(qtbot, make_window)
    first_chat = window.session.chat
    assert first_chat is not None
    window.composer.send_requested.emit("Meant for the first chat")
    with qtbot.waitSignal(window.session.draft_returned, timeout=15000):
        window.session.new_chat()
    assert window.composer.text() == "Meant for the first chat"
    engine.opened.set()
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    with ChatStore(default_paths().chats_db) as store:
        assert [m.content for m in store.messages(first_chat.id)][-1] != "Meant for the first chat"
