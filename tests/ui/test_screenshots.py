"""Screenshots of the real window (light/dark, English/Chinese, code, base model, dialogs).

They are written to `screenshots/` (git-ignored) for people to look at; the test checks that
each one was painted with real content (not a blank image).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core.errors import EngineCrashed, HearthError
from app.core.models.fit import GIB, Hardware
from app.core.models.model_info import read_model_info
from app.core.rag.reader import DirectReader
from app.core.rag.service import DocsService
from app.ui.main_window import MainWindow
from app.workers.documents import DocumentsController
from tests.core.rag.corpus import write_filler
from tests.core.rag.files import make_pdf
from tests.hub.fixtures import EMBED_REPO, SMOL_REPO
from tests.hub.server import Faults, LocalHub
from tests.ui.conftest import WindowFactory, send
from tests.ui.fakes import FakeEngine, tokens

OUT = Path(__file__).resolve().parents[2] / "screenshots"
CODE_REPLY = (
    "Here is a function that adds two numbers:\n\n```python\ndef add(a: int, b: int) -> int:\n"
    '    """Return the sum."""\n    return a + b\n```\n\n| input | output |\n|---|---|\n'
    "| 1, 2 | 3 |\n\n- It is **pure**\n- It has `type hints`\n"
)
SOURCES_REPLY = (
    "The radio password for the Orla research station is **BLUE-HERON-42** [1]. The station "
    "rules ask you to keep it private."
)
ZH_REPLY = (
    "当然可以。下面是一个**简单**的例子：\n\n```python\nprint('你好，世界')\n```\n\n希望有帮助！"
)


def save(widget: QWidget, name: str) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20, f"{name} looks blank"
    return path


def chat_window(
    qtbot: QtBot, make_window: WindowFactory, reply: str, theme: str, lang: str
) -> MainWindow:
    window = make_window(FakeEngine(reply=reply))
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    settings = window.session.settings.model_copy(update={"theme": theme, "language": lang})
    window.session.save_settings(settings)
    return window


@pytest.mark.parametrize(
    ("theme", "lang"), [("light", "en"), ("dark", "en"), ("light", "zh_CN"), ("dark", "zh_CN")]
)
def test_main_window(qtbot: QtBot, make_window: WindowFactory, theme: str, lang: str) -> None:
    reply = ZH_REPLY if lang == "zh_CN" else CODE_REPLY
    window = chat_window(qtbot, make_window, reply, theme, lang)
    question = (
        "写一个打印问候语的 Python 例子"
        if lang == "zh_CN"
        else "Write a Python function that adds two numbers"
    )
    send(qtbot, window, question)
    save(window, f"main-{theme}-{lang}")
    window.resize(800, 600)  # a laptop's half screen
    qtbot.waitUntil(lambda: window.width() == 800)
    save(window, f"main-{theme}-{lang}-800")


def test_base_model_completion_view(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(
        FakeEngine(reply=" the fox jumped over the lazy dog and ran into the woods.", is_base=True)
    )
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    send(qtbot, window, "Once upon a time, in a quiet village,")
    save(window, "base-model-completion")


@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "zh_CN")])
def test_dialogs(qtbot: QtBot, make_window: WindowFactory, theme: str, lang: str) -> None:
    """The prompt library on a few-shot template, every Settings tab, the inline system prompt."""
    reply = ZH_REPLY if lang == "zh_CN" else CODE_REPLY
    window = chat_window(qtbot, make_window, reply, theme, lang)
    send(qtbot, window, "你好" if lang == "zh_CN" else "Hello")
    editor = window.open_prompt_editor()
    qtbot.waitUntil(lambda: editor.list.count() > 0)
    templates = window.session.templates
    editor.list.setCurrentRow(next(i for i, t in enumerate(templates) if t.kind == "few-shot"))
    save(editor, f"prompt-editor-{theme}-{lang}")
    settings = window.open_settings()
    for index, tab in enumerate(("sampling", "loading", "appearance")):
        settings.tabs.setCurrentIndex(index)
        save(settings, f"settings-{tab}-{theme}-{lang}")
    settings.reject()
    window.header.edit_system.setChecked(True)
    save(window, f"system-prompt-inline-{theme}-{lang}")


@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "zh_CN")])
def test_errors(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, theme: str, lang: str
) -> None:
    """A failed answer (a core error raised through the engine) and a model that cannot be
    loaded, in the error banner."""
    fake = FakeEngine(reply="我想想 …… 好的" if lang == "zh_CN" else "Let me think… fine")
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    settings = window.session.settings.model_copy(update={"theme": theme, "language": lang})
    window.session.save_settings(settings)
    send(qtbot, window, "你好" if lang == "zh_CN" else "Hello")
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"not a model at all" * 10)
    try:
        read_model_info(broken)
    except HearthError as error:
        fake.stream_error = EngineCrashed(error.msg, "")
        fake.load_error = error
    fake.fail_after = 1
    with qtbot.waitSignal(window.session.chat_changed, timeout=15000):
        window.session.send("再说一遍" if lang == "zh_CN" else "Again")
    qtbot.waitUntil(lambda: window.session.messages[-1].status == "failed", timeout=15000)
    save(window, f"answer-failed-{theme}-{lang}")
    with qtbot.waitSignal(window.session.engine.state_changed, timeout=15000):
        window.session.select_model(window.session.entries[-1].id)
    qtbot.waitUntil(lambda: window.session.engine.state == "failed", timeout=15000)
    save(window, f"model-failed-{theme}-{lang}")


@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "zh_CN")])
def test_models_window(
    qtbot: QtBot, make_window: WindowFactory, hub: LocalHub, theme: str, lang: str
) -> None:
    """Search results with the quant table and its verdicts, downloads under way, the library."""
    window = chat_window(qtbot, make_window, CODE_REPLY, theme, lang)
    window.models.hub.hardware = Hardware(16 * GIB)
    models = window.open_models()
    with qtbot.waitSignal(models.controllers.hub.search_finished, timeout=20000):
        models.search("")
    results = models.discover.results_model
    row = next(r for r in range(results.rowCount()) if results.item(r, 0).toolTip() == SMOL_REPO)
    with qtbot.waitSignal(models.controllers.hub.dims_ready, timeout=20000):
        models.discover.results.selectRow(row)
    save(models, f"models-discover-{theme}-{lang}")

    gate = threading.Event()
    hub.faults = Faults(hold=gate, hold_after=40 * 1024 * 1024)
    try:
        models.discover.download_requested.emit(models.discover.best)
        models.discover.select_choice("Q4_0")
        models.discover.download_requested.emit(models.discover.selected_choice())
        items = models.controllers.downloads.items
        qtbot.waitUntil(
            lambda: all(i.state == "downloading" and i.done > 30 * 2**20 for i in items.values()),
            timeout=20000,
        )
        models.controllers.downloads.pause(list(items)[1])
        save(models, f"models-downloads-{theme}-{lang}")
    finally:
        gate.set()
    qtbot.waitUntil(
        lambda: all(i.state in ("done", "paused") for i in items.values()), timeout=20000
    )
    models.tabs.setCurrentWidget(models.library)
    qtbot.waitUntil(lambda: models.library.model.rowCount() >= 3, timeout=20000)
    save(models, f"models-library-{theme}-{lang}")

    page = models.embeddings
    models.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: bool(page.installed), timeout=20000)
    with qtbot.waitSignal(models.controllers.hub.embedders_found, timeout=20000):
        page.search_requested.emit("embeddings")
    with qtbot.waitSignal(models.controllers.hub.embedder_listing_ready, timeout=20000):
        page.select(EMBED_REPO)
    save(models, f"models-embeddings-{theme}-{lang}")


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # popups, offscreen
@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "zh_CN")])
def test_export_menus(qtbot: QtBot, make_window: WindowFactory, theme: str, lang: str) -> None:
    """The File menu, and the sidebar's menu for two selected chats (Export 2 chats…)."""
    window = chat_window(qtbot, make_window, CODE_REPLY, theme, lang)
    for text in ("First question", "Second question"):
        window.session.new_chat()
        qtbot.waitUntil(lambda: window.session.chat is not None and not window.session.messages)
        send(qtbot, window, text)
    items = window.sidebar._chat_items()
    assert len(items) == 2
    for item in items:
        item.setSelected(True)
    file_menu = window.actions_by_name["file"].menu()
    file_menu.popup(window.mapToGlobal(window.rect().topLeft()))
    qtbot.waitExposed(file_menu)
    save(file_menu, f"menu-file-{theme}-{lang}")
    file_menu.hide()
    menu = window.sidebar.context_menu(items[0])
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    save(menu, f"menu-chat-{theme}-{lang}")
    menu.hide()


@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "zh_CN")])
def test_documents(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, theme: str, lang: str
) -> None:
    """The Documents window paused mid-index and when done; an answer with its sources; the
    passage a source shows."""
    folder = tmp_path / "Handbook"
    write_filler(folder, 10)
    (folder / "empty.txt").write_text("")
    (folder / "photo.pdf").write_bytes(b"not really a pdf")
    make_pdf(
        folder / "station.pdf",
        [
            "Welcome to the Orla research station. Meals are served in the east hall.",
            "Station rules. The radio password for the Orla research station is BLUE-HERON-42. "
            "Keep it private.",
        ],
    )
    service = DocsService(tmp_path / "rag", tmp_path / "models", DirectReader(), batch_chunks=4)
    documents = DocumentsController(service, watch=False)
    window = make_window(FakeEngine(reply=SOURCES_REPLY), documents)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    settings = window.session.settings.model_copy(update={"theme": theme, "language": lang})
    window.session.save_settings(settings)
    docs = window.open_documents()
    assert docs is not None
    docs.ask_folder = lambda: str(folder)  # type: ignore[method-assign]
    docs.new_collection()
    qtbot.waitUntil(
        lambda: documents.progress is not None and documents.progress.files_done >= 3,
        timeout=60000,
    )
    documents.pause()
    qtbot.waitUntil(lambda: not documents._in_flight, timeout=30000)
    save(docs, f"documents-paused-{theme}-{lang}")
    documents.resume()
    qtbot.waitUntil(
        lambda: documents.state == "idle" and bool(documents.collections[0].indexed_at),
        timeout=120000,
    )
    qtbot.waitUntil(lambda: docs.panel.problems.topLevelItemCount() == 2)
    save(docs, f"documents-{theme}-{lang}")
    docs.close()

    send(qtbot, window, "Hello")
    (action,) = [a for a in window.header.docs_menu.actions() if a.isCheckable()]
    with qtbot.waitSignal(window.session.chats.chat_updated):
        action.setChecked(True)
    send(qtbot, window, "What is the radio password for the Orla research station?")
    assert window.session.messages[-1].sources
    save(window, f"answer-with-sources-{theme}-{lang}")
    source = window.open_source(window.session.messages[-1].sources[0])
    save(source, f"source-{theme}-{lang}")
    source.close()
    documents.shutdown()
    service.close()


@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "zh_CN")])
def test_recovery_banner(qtbot: QtBot, make_window: WindowFactory, theme: str, lang: str) -> None:
    from app.core.paths import default_paths

    default_paths().chats_db.parent.mkdir(parents=True, exist_ok=True)
    default_paths().chats_db.write_bytes(b"not a database " * 300)
    window = chat_window(qtbot, make_window, CODE_REPLY, theme, lang)
    qtbot.waitUntil(window.recovery.isVisible, timeout=10000)
    wanted = "抢救对话" if lang == "zh_CN" else "Salvage chats"
    qtbot.waitUntil(lambda: window.recovery.salvage_button.text() == wanted, timeout=10000)
    save(window, f"recovery-{theme}-{lang}")


@pytest.mark.parametrize(
    ("theme", "lang", "width"), [("light", "en", 800), ("dark", "zh_CN", 1400)]
)
def test_answer_versions_and_editing_in_place(
    qtbot: QtBot, make_window: WindowFactory, theme: str, lang: str, width: int
) -> None:
    reply = ZH_REPLY if lang == "zh_CN" else CODE_REPLY
    window = chat_window(qtbot, make_window, reply, theme, lang)
    window.resize(width, 640)
    question = "写一个打印问候语的 Python 例子" if lang == "zh_CN" else "Write a Python example"
    send(qtbot, window, question)
    engine = window.session.engine
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        window.view.regenerate_requested.emit()
    assert "2/2" in window.view.toPlainText()
    save(window, f"versions-{theme}-{lang}-{width}")
    first = window.session.messages[0]
    assert window.view.begin_edit(first.id) and engine is window.session.engine
    save(window, f"edit-in-place-{theme}-{lang}-{width}")
    window.view.editor.cancel.click()


THINKING_REPLIES = {
    "en": "<think>\nThe user wants a Python function that adds two numbers.\nI should show typed "
    "code, then a small table of examples.\n</think>\n\n" + CODE_REPLY,
    "zh_CN": "<think>\n用户想要一个打印问候语的 Python 例子。\n我应该给出简短的代码，再说明一下。\n"
    "</think>\n\n" + ZH_REPLY,
}


@pytest.mark.parametrize(("theme", "lang"), [("light", "en"), ("dark", "zh_CN")])
def test_thinking_block(qtbot: QtBot, make_window: WindowFactory, theme: str, lang: str) -> None:
    """A reasoning model's thoughts streaming in the "Thinking… N s" block, then folded to
    "Thought for N s" above the stored answer, then opened by a click."""
    reply = THINKING_REPLIES[lang]
    fake = FakeEngine(reply=reply)
    fake.count_produced = True  # the details count the thinking's tokens
    pieces = tokens(reply)
    answer_at = next(i for i, piece in enumerate(pieces) if "</think>" in piece)
    fake.holds[answer_at] = threading.Event()  # still thinking: the block counts
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    settings = window.session.settings.model_copy(update={"theme": theme, "language": lang})
    window.session.save_settings(settings)
    question = "写一个打印问候语的 Python 例子" if lang == "zh_CN" else "Add two numbers"
    window.composer.set_text(question)
    qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
    counting = "思考中… 1 秒" if lang == "zh_CN" else "Thinking… 1 s"
    qtbot.waitUntil(lambda: counting in window.view.toPlainText(), timeout=10000)
    save(window, f"thinking-streaming-{theme}-{lang}")
    with qtbot.waitSignal(window.session.chat_changed, timeout=10000):
        fake.holds[answer_at].set()
    save(window, f"thinking-collapsed-{theme}-{lang}")
    window.view.anchorClicked.emit(QUrl(f"hearth:thinking/{window.session.messages[-1].id}"))
    save(window, f"thinking-opened-{theme}-{lang}")
