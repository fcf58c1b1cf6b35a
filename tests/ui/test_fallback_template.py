"""A model whose chat template is broken (or too slow) can still chat: the error banner offers a
fallback template, the pick is kept per model in the settings file, the model loads again with
it and answers; the header shows it and leads back to the model's own template."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.core.engine.llama_engine import LlamaEngine
from app.core.errors import TemplateError
from app.core.paths import default_paths
from app.core.prompts.texts import TEMPLATE_TOO_SLOW
from app.core.settings import SamplingSettings, Settings, load_settings, save_settings
from app.ui.main_window import MainWindow
from tests.core.prompts.test_stitched_templates import stitch
from tests.ui.conftest import WindowFactory, send
from tests.ui.fakes import FakeEngine

TIMEOUT = 120_000
BROKEN = "local/broken"  # the library id of the model with the broken template


def _broken_model(smollm2: Path) -> None:
    """The starter SmolLM2 with a chat template that does not parse, in the models folder."""
    folder = default_paths().models / "local"
    folder.mkdir(parents=True, exist_ok=True)
    stitch(smollm2, "{% for m in messages %}{{ m.content }}", folder / "broken.gguf")
    greedy = SamplingSettings(temperature=0.0, max_tokens=24)
    save_settings(default_paths().settings_file, Settings(default_model=BROKEN, sampling=greedy))


def _stored_fallbacks() -> dict[str, str]:
    raw = json.loads(default_paths().settings_file.read_text(encoding="utf-8"))
    return dict(raw.get("fallback_templates", {}))


def _ask(qtbot: QtBot, window: MainWindow, text: str) -> str:
    with qtbot.waitSignal(window.session.engine.generation_finished, timeout=TIMEOUT) as done:
        window.composer.set_text(text)
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    return str(done.args[1].text)


def test_a_broken_template_offers_a_fallback_that_answers_and_is_kept(
    qtbot: QtBot, make_window: WindowFactory, smollm2: Path
) -> None:
    _broken_model(smollm2)
    window = make_window(LlamaEngine())
    banner = window.banner
    qtbot.waitUntil(banner.fallback_button.isVisible, timeout=TIMEOUT)
    assert "chat template is broken" in banner.text()
    assert banner.model_id == BROKEN
    assert window.session.engine.loaded is None
    with qtbot.waitSignal(window.session.engine.model_loaded, timeout=TIMEOUT) as loaded:
        banner.fallback_menu.action_for("chatml").trigger()
    assert loaded.args[0].template == "fallback"
    assert not banner.isVisible()
    assert window.session.engine.loaded_id == BROKEN
    assert window.header.template_button.isVisible()
    assert "ChatML" in window.header.template_button.text()
    assert _ask(qtbot, window, "What is the capital of France?").strip()  # a real answer
    qtbot.waitUntil(lambda: _stored_fallbacks() == {BROKEN: "chatml"}, timeout=10_000)
    window.close()

    again = make_window(LlamaEngine())  # after a restart: straight to the fallback
    with qtbot.waitSignal(again.session.engine.model_loaded, timeout=TIMEOUT) as loaded:
        pass
    assert loaded.args[0].template == "fallback"
    assert again.session.engine.loaded_id == BROKEN
    assert not again.banner.isVisible()
    assert again.header.template_menu.action_for("chatml").isChecked()
    qtbot.waitUntil(lambda: again.session.chat is not None, timeout=TIMEOUT)
    assert _ask(qtbot, again, "Say hello.").strip()
    # Back to the model's own template: still broken, so the banner offers a fallback again.
    again.header.template_menu.action_for("").trigger()
    qtbot.waitUntil(again.banner.fallback_button.isVisible, timeout=TIMEOUT)
    assert again.banner.fallback_menu.action_for("").isChecked()
    assert not again.header.template_button.isVisible()
    qtbot.waitUntil(lambda: _stored_fallbacks() == {}, timeout=10_000)
    settings, problem = load_settings(default_paths().settings_file)
    assert problem is None and settings.fallback_templates == {}


def test_a_template_too_slow_at_an_answer_offers_a_fallback(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    fake = FakeEngine()
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15_000)
    model = window.session.engine.loaded_id
    assert model is not None and fake.loads[-1].fallback_template is None
    fake.stream_error = TemplateError(TEMPLATE_TOO_SLOW(seconds="1"))
    with qtbot.waitSignal(window.session.engine.generation_failed, timeout=15_000):
        window.composer.set_text("Hello")
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    assert "ran longer than 1 s" in window.banner.text()
    assert window.banner.fallback_button.isVisible()
    fake.stream_error = None
    with qtbot.waitSignal(window.session.engine.model_loaded, timeout=15_000):
        window.banner.fallback_menu.action_for("plain").trigger()
    assert fake.loads[-1].fallback_template == "plain"
    assert window.session.fallback_for(model) == "plain"
    send(qtbot, window, "Hello again")
    assert fake.requests[-1].messages[-1].content == "Hello again"


def test_a_fallback_picked_mid_answer_waits_for_the_answer(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    fake = FakeEngine()
    window = make_window(fake)
    session = window.session
    qtbot.waitUntil(lambda: session.engine.state == "ready", timeout=15_000)
    model = session.engine.loaded_id
    assert model is not None
    loads = len(fake.loads)
    fake.gate.clear()  # the answer waits for its tokens
    window.composer.set_text("Hello")
    qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.engine.state == "generating", timeout=15_000)
    session.set_fallback_template(model, "chatml")
    assert len(fake.loads) == loads and session.engine.state == "generating"  # not stopped
    with qtbot.waitSignal(session.engine.model_loaded, timeout=15_000):
        fake.gate.set()
    assert fake.loads[-1].fallback_template == "chatml"
    qtbot.waitUntil(lambda: bool(session.messages) and session.messages[-1].role == "assistant")
    assert session.messages[-1].status == "complete"  # the answer was written to its end


def test_any_other_message_comes_without_the_offer(qtbot: QtBot, window: MainWindow) -> None:
    window.session.error_raised.emit("The disk is full.")
    assert window.banner.isVisible() and not window.banner.fallback_button.isVisible()


def test_damaged_fallback_settings_are_left_out() -> None:
    raw = {"fallback_templates": {"a": "chatml", "b": "no-such", "c": 3, "": "plain"}}
    assert Settings.model_validate(raw).fallback_templates == {"a": "chatml"}
    assert Settings.model_validate({"fallback_templates": ["chatml"]}).fallback_templates == {}
    kept = Settings().with_fallback("a", "gemma").with_fallback("b", "plain")
    assert kept.with_fallback("a", None).fallback_templates == {"b": "plain"}


@pytest.mark.parametrize(("language", "theme"), [("en", "light"), ("zh_CN", "dark")])
def test_screenshots_of_the_offer_and_the_header(
    qtbot: QtBot, make_window: WindowFactory, language: str, theme: str
) -> None:
    """The banner with its offer, then the header with the fallback in use and the Think
    switch (saved to HEARTH_SHOTS when set)."""
    fake = FakeEngine(reply="Paris.", thinking_switch=True)
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15_000)
    settings = window.session.settings.model_copy(update={"language": language, "theme": theme})
    window.session.save_settings(settings)
    qtbot.waitUntil(lambda: window.appearance.language == language)
    send(qtbot, window, "法国的首都是哪里？" if language == "zh_CN" else "Capital of France?")
    fake.stream_error = TemplateError(TEMPLATE_TOO_SLOW(seconds="1"))
    with (
        qtbot.waitSignal(window.session.engine.generation_failed, timeout=15_000),
        qtbot.waitSignal(window.session.chat_changed, timeout=15_000),
    ):
        window.session.regenerate()
    qtbot.waitUntil(window.banner.fallback_button.isVisible)
    QApplication.processEvents()
    _shot(window, f"offer-{theme}-{language}")
    fake.stream_error = None
    with qtbot.waitSignal(window.session.engine.model_loaded, timeout=15_000):
        window.banner.fallback_menu.action_for("chatml").trigger()
    QApplication.processEvents()
    assert window.header.think_button.isVisible() and window.header.template_button.isVisible()
    _shot(window, f"header-{theme}-{language}")
    _shot(window.header, f"header-only-{theme}-{language}")
    with qtbot.waitSignal(window.session.chats.chat_updated, timeout=5000):
        qtbot.mouseClick(window.header.think_button, Qt.MouseButton.LeftButton)
    _shot(window.header, f"header-think-off-{theme}-{language}")


def _shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("HEARTH_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / f"{name}.png"))
