"""Every word the user reads is in their language: the whole window, read in zh_CN and in en.

The real window over a fake engine (and a real in-process documents service, the local hub and
a damaged chat database kept aside) is driven into every state a person meets: a chat with an
answer and its sources, a failed answer, a model that fails to load, the recovery notice, the
Models window with search results, a quant table, a paused download, the library and the
embedding models (with Hugging Face gone offline), the Documents window with skipped files,
the prompt library, Settings, a source passage, the token dialog, every menu and the dialogs
Hearth asks its questions with. Core errors are raised on purpose, through the fake engine and
the real core functions that raise them.

Then every string on screen is read: window titles, labels (HTML stripped), buttons, tooltips,
placeholders, combo box items, tabs, group boxes, menus and their actions, the header and the
cells of every item view, the chat as text, the status bar. In Chinese no Latin word may be
left that is not a name (model, file, format or product names, units, keyboard keys, the
library's own words in the detail parentheses core appends); in English no Chinese may be left
but the language picker's "简体中文" and the names of the Chinese prompts. Then the language is
switched live, with all of it open, and everything is read again in the other language.

The failure lists every offending string with the window and the widget (class#objectName) it
was read from, so the owner of each gap can find it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QStatusBar,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.errors import HearthError, message_of
from app.core.models.embeddings import SUGGESTED
from app.core.models.fit import GIB, Hardware
from app.core.models.model_info import read_model_info
from app.core.paths import default_paths
from app.core.rag.embedder import DEFAULT_EMBEDDER
from app.core.rag.extract import extract
from app.core.rag.reader import DirectReader
from app.core.rag.service import DocsService
from app.ui.main_window import MainWindow
from app.ui.models.discover import REPO_ROLE
from app.workers.documents import DocumentsController
from tests.core.rag.files import make_pdf
from tests.hub.fixtures import (
    EMBED_REPO,
    GATED_EMBED_REPO,
    GATED_REPO,
    GEMMA_REPO,
    HOSTILE_REPO,
    NO_TOKENIZER_REPO,
    SMOL_REPO,
    SPLIT_REPO,
)
from tests.hub.server import Faults, LocalHub
from tests.ui.conftest import WindowFactory, send
from tests.ui.fakes import FakeEngine

TIMEOUT = 30_000
OTHER = {"zh_CN": "en", "en": "zh_CN"}

# -- what may stay -------------------------------------------------------------------------

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
# Names and units that read the same in Chinese: products and formats, units, keys.
NAMES = {
    *("GGUF", "Hugging", "Face", "Hearth", "CPU", "GPU", "RAM", "PDF", "KV", "CUDA", "Metal"),
    *("Vulkan", "Word", "EPUB", "Markdown", "HTML", "JSON", "JSONL", "ChatGPT", "English"),
    *("MB", "GB", "kB", "KB", "TB"),
    *("ChatML", "Gemma", "Qwen", "SmolLM"),  # chat template formats and model families
    *("Ctrl", "Shift", "Alt", "Enter", "Esc", "Return", "Del"),
}
SHOWN_AS_IS_IN_ENGLISH = ("简体中文",)
# Names of things elsewhere that are only in English: Hugging Face's own pages, model families.
PLACES = ("Settings → Access Tokens", "qwen", "e5")
# A quantization (Q4_K_M, IQ2_XS, F16, BF16, MXFP4, TQ1_0), a file name (model.safetensors,
# *.gguf, llama.cpp), a web address, a path: names, never words to translate.
QUANT = re.compile(r"\b(?:I?Q\d(?:_[A-Z0-9]+)*|B?F16|F32|MXFP4(?:_MOE)?|TQ\d_\d)\b")
FILE_NAME = re.compile(r"(?:\*|[\w\-]*\w)?\.[A-Za-z][A-Za-z0-9]{0,11}\b")
ADDRESS = re.compile(r"\b(?:https?://\S+|[\w\-]+(?:\.[\w\-]+)*\.(?:co|com|org|io)\b(?:/\S*)?)")
PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][\w.\-~]+){2,}[/\\]?")
# The library's own message in the detail parentheses core appends (no Chinese inside).
DETAIL = re.compile(r"（[^（）\u4e00-\u9fff]*）")


@dataclass(frozen=True)
class Seen:
    where: str
    text: str


@dataclass
class Reader:
    """Collects every visible string, with where it was read."""

    seen: list[Seen] = field(default_factory=list)
    _known: set[Seen] = field(default_factory=set)
    skip_contents: set[int] = field(default_factory=set)  # views whose cells are the user's data

    def add(self, where: str, text: str | None) -> None:
        item = Seen(where, text or "")
        if item.text.strip() and item not in self._known:
            self._known.add(item)
            self.seen.append(item)

    def window(self, top: QWidget, name: str) -> None:
        """`top` and everything shown in it, each tab of each tab widget in turn."""
        self._visible(top, name)
        for tabs in top.findChildren(QTabWidget):
            if not tabs.isVisible() or tabs.window() is not top:
                continue
            current = tabs.currentIndex()
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                page = tabs.widget(index)
                if page is not None:
                    self._visible(page, name)
            tabs.setCurrentIndex(current)
        for menu in top.findChildren(QMenu):
            if _owner(menu) is top:
                self.menu(menu, f"{name} › {_who(menu)}")

    def menu(self, menu: QMenu, where: str) -> None:
        self.add(f"{where} (title)", _plain_mnemonic(menu.title()))
        self.actions(menu.actions(), where)

    def actions(self, actions: Iterable[QAction], where: str) -> None:
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            self.add(f"{where} › action", _plain_mnemonic(action.text()))
            sub = action.menu()
            if isinstance(sub, QMenu):
                self.menu(sub, f"{where} › {_plain_mnemonic(action.text())}")

    def _visible(self, root: QWidget, name: str) -> None:
        for widget in [root, *root.findChildren(QWidget)]:
            if widget.isVisible() and widget.window() is root.window():  # not its own windows
                self.widget(widget, f"{name} › {_who(widget)}")

    def widget(self, w: QWidget, where: str) -> None:
        if w.isWindow():
            self.add(f"{where} (title)", w.windowTitle())
        self.add(f"{where} (tooltip)", _plain(w.toolTip()))
        if isinstance(w, QLabel):
            self.add(where, _plain(w.text()))
        elif isinstance(w, QAbstractButton):
            self.add(where, _plain_mnemonic(w.text()))  # its menu is read with the others
        elif isinstance(w, QLineEdit):
            self.add(f"{where} (placeholder)", w.placeholderText())
        elif isinstance(w, QTextBrowser):
            self.add(where, w.toPlainText())
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            self.add(f"{where} (placeholder)", w.placeholderText())
        elif isinstance(w, QComboBox):
            for index in range(w.count()):
                self.add(f"{where} (item {index})", w.itemText(index))
                tip = w.itemData(index, Qt.ItemDataRole.ToolTipRole)
                self.add(f"{where} (item {index} tooltip)", tip if isinstance(tip, str) else "")
        elif isinstance(w, QAbstractSpinBox):
            self.add(where, w.text())
        elif isinstance(w, QProgressBar):
            if w.isTextVisible():
                self.add(where, w.text())
        elif isinstance(w, QGroupBox):
            self.add(f"{where} (title)", w.title())
        elif isinstance(w, QTabWidget):
            for index in range(w.count()):
                self.add(f"{where} (tab {index})", _plain_mnemonic(w.tabText(index)))
                self.add(f"{where} (tab {index} tooltip)", w.tabToolTip(index))
        elif isinstance(w, QStatusBar):
            self.add(f"{where} (message)", w.currentMessage())
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            self.view(w, where)
        if isinstance(w, QMainWindow):
            self.actions(w.menuBar().actions(), f"{where} › menu bar")

    def view(self, view: QAbstractItemView, where: str) -> None:
        model = view.model()
        if model is None:
            return
        columns = _columns(model, QModelIndex())
        header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
        shown = header() if header is not None else None
        if isinstance(shown, QHeaderView) and shown.isVisible():
            for column in range(columns):
                if shown.isSectionHidden(column):
                    continue
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(column, Qt.Orientation.Horizontal, role)
                    self.add(f"{where} (header {column})", value if isinstance(value, str) else "")
        if id(view) not in self.skip_contents:
            self._cells(view, model, QModelIndex(), where, 0)

    def _cells(
        self,
        view: QAbstractItemView,
        model: QAbstractItemModel,
        parent: QModelIndex,
        where: str,
        depth: int,
    ) -> None:
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(_columns(model, parent)):
                if isinstance(view, QTreeView) and view.isColumnHidden(column):
                    continue
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        self.add(f"{where} (row {row}, column {column})", value)
                if column == 0 and depth < 4 and _has_children(model, index):
                    self._cells(view, model, index, where, depth + 1)


def _who(widget: QWidget) -> str:
    """class#objectName, or the class inside the nearest parent that is Hearth's own or named."""
    me = _name(widget)
    if widget.objectName() and not widget.objectName().startswith("qt_"):
        return me
    parent = widget.parentWidget()
    while parent is not None and not _telling(parent):
        parent = parent.parentWidget()
    return f"{me} in {_name(parent)}" if parent is not None else me


def _telling(widget: QWidget) -> bool:
    name = widget.objectName()
    return type(widget).__module__.startswith("app.") or bool(name and not name.startswith("qt_"))


def _name(widget: QWidget) -> str:
    name = widget.objectName()
    return f"{type(widget).__name__}#{name}" if name else type(widget).__name__


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


def _has_children(model: QAbstractItemModel, index: QModelIndex) -> bool:
    try:
        return bool(model.hasChildren(index))
    except TypeError:  # a list model: no children
        return False


def _owner(menu: QMenu) -> QWidget | None:
    """The window a menu belongs to (menus are windows of their own)."""
    parent = menu.parentWidget()
    while isinstance(parent, QMenu):
        parent = parent.parentWidget()
    return parent.window() if parent is not None else None


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _plain_mnemonic(text: str) -> str:
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def leaks(seen: list[Seen], language: str, data: Iterable[str]) -> list[str]:
    """The strings with words in the wrong language, with where they were read."""
    names = sorted({d for d in data if d and len(d) > 1}, key=len, reverse=True)
    found: list[str] = []
    for item in seen:
        text = item.text
        for name in names:
            text = text.replace(name, " ")
        if language == "zh_CN":
            for pattern in (ADDRESS, PATH, FILE_NAME, QUANT, DETAIL):
                text = pattern.sub(" ", text)
            words = [w for w in LATIN_WORD.findall(text) if w not in NAMES]
            if words:
                found.append(f"{item.where}: {item.text!r}  [{', '.join(sorted(set(words)))}]")
        else:
            for name in SHOWN_AS_IS_IN_ENGLISH:
                text = text.replace(name, " ")
            if CJK.search(text):
                found.append(f"{item.where}: {item.text!r}")
    return sorted(set(found))


# -- the scene ---------------------------------------------------------------------------

QUESTION = {"zh_CN": "你好", "en": "Hello"}
REPLY = {  # a reasoning model's reply: the folded thinking block is read too
    "zh_CN": "<think>\n用户在打招呼。\n</think>\n\n"
    "你好！我能帮你做什么？\n\n- 写作\n- **总结**文档",
    "en": "<think>\nThe user greets me.\n</think>\n\nHello! How can I help?\n\n- Writing\n"
    "- **Summing up** documents",
}
# the documents are English, read by the built-in English embedding model
ASK = "What is the radio password for the Orla research station?"
ASK_DOCS = {"zh_CN": ASK, "en": ASK}
DOCS_REPLY = {"zh_CN": "密码是 BLUE-HERON-42 [1]。", "en": "The password is BLUE-HERON-42 [1]."}
FAILING = {"zh_CN": "再说一遍", "en": "Say it again"}
FAILING_REPLY = {"zh_CN": "我想想 ……", "en": "Let me think…"}  # its first word, then the error
DOCUMENT = "The radio password for the Orla research station is BLUE-HERON-42."


@dataclass
class Scene:
    window: MainWindow
    documents: DocumentsController
    service: DocsService
    folder: Path
    gate: threading.Event
    data: set[str]
    language: str


def build_scene(
    qtbot: QtBot,
    make_window: WindowFactory,
    hub: LocalHub,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> Scene:
    db = default_paths().chats_db  # a damaged chat database: the recovery notice shows
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"not a database " * 300)
    folder = tmp_path / "Handbook"
    folder.mkdir()
    (folder / "notes.md").write_text(f"# Station\n\n{DOCUMENT}\n")
    (folder / "empty.txt").write_text("")
    (folder / "photo.pdf").write_bytes(b"not really a pdf")
    make_pdf(folder / "station.pdf", ["Meals are served in the east hall."])
    service = DocsService(tmp_path / "rag", tmp_path / "models", DirectReader(), batch_chunks=4)
    documents = DocumentsController(service, watch=False)
    fake = FakeEngine(reply=REPLY[language])
    window = make_window(fake, documents)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=TIMEOUT)
    settings = window.session.settings.model_copy(update={"language": language, "theme": "dark"})
    window.session.save_settings(settings)
    qtbot.waitUntil(lambda: window.appearance.language == language)
    qtbot.waitUntil(window.recovery.isVisible, timeout=TIMEOUT)

    # Documents: a collection with two files that cannot be read (empty, a damaged PDF).
    docs = window.open_documents()
    assert docs is not None
    docs.ask_folder = lambda: str(folder)  # type: ignore[method-assign]
    docs.new_collection()
    qtbot.waitUntil(
        lambda: (
            documents.state == "idle"
            and bool(documents.collections)
            and bool(documents.collections[0].indexed_at)
        ),
        timeout=120_000,
    )
    qtbot.waitUntil(lambda: docs.panel.problems.topLevelItemCount() == 2, timeout=TIMEOUT)

    # A chat, then an answer from the documents with its sources.
    send(qtbot, window, QUESTION[language])
    (action,) = [a for a in window.header.docs_menu.actions() if a.isCheckable()]
    with qtbot.waitSignal(window.session.chats.chat_updated):
        action.setChecked(True)
    fake.reply = DOCS_REPLY[language]
    send(qtbot, window, ASK_DOCS[language])
    sources = window.session.messages[-1].sources
    assert sources

    # A failed answer: a core error (the reason a file is skipped) raised through the engine.
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    fake.reply = FAILING_REPLY[language]
    fake.stream_error = _raised(lambda: extract(empty, "text"))
    fake.fail_after = 1
    with qtbot.waitSignal(window.session.chat_changed, timeout=TIMEOUT):
        window.session.send(FAILING[language])
    fake.stream_error = None
    qtbot.waitUntil(lambda: window.session.messages[-1].status == "failed", timeout=TIMEOUT)

    # A second chat, not opened: the list has a chat with no title yet, and two to select.
    with qtbot.waitSignal(window.session.chats.chats_listed, timeout=TIMEOUT):
        window.session.chats.create_chat(model=window.session.engine.loaded_id)

    # Models: search results and a quant table, a paused download, the library, embeddings.
    window.models.hub.hardware = Hardware(16 * GIB)
    models = window.open_models()
    with qtbot.waitSignal(models.controllers.hub.search_finished, timeout=TIMEOUT):
        models.search("")
    results = models.discover.results_model
    row = next(
        r for r in range(results.rowCount()) if results.item(r, 0).data(REPO_ROLE) == SMOL_REPO
    )
    with qtbot.waitSignal(models.controllers.hub.dims_ready, timeout=TIMEOUT):
        models.discover.results.selectRow(row)
    gate = threading.Event()
    hub.faults = Faults(hold=gate, hold_after=2 * 1024 * 1024)
    models.discover.select_choice("Q4_0")
    choice = models.discover.selected_choice()
    assert choice is not None
    models.discover.download_requested.emit(choice)
    items = models.controllers.downloads.items
    qtbot.waitUntil(
        lambda: (
            bool(items) and all(i.state == "downloading" and i.done > 0 for i in items.values())
        ),
        timeout=TIMEOUT,
    )
    models.controllers.downloads.pause(next(iter(items)))
    gate.set()  # the hub lets the held bytes go: the download sees the pause and stops
    qtbot.waitUntil(lambda: all(i.state == "paused" for i in items.values()), timeout=TIMEOUT)
    page = models.embeddings
    models.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: bool(page.installed), timeout=TIMEOUT)
    with qtbot.waitSignal(models.controllers.hub.embedders_found, timeout=TIMEOUT):
        page.search_requested.emit("embeddings")
    with qtbot.waitSignal(models.controllers.hub.embedder_listing_ready, timeout=TIMEOUT):
        page.select(EMBED_REPO)
    # Hugging Face goes away: the embedding search says so.
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    models.controllers.hub._client = None  # the next request makes a client for that address
    with qtbot.waitSignal(models.controllers.hub.embedders_failed, timeout=TIMEOUT):
        page.search_requested.emit("multilingual")
    models.tabs.setCurrentWidget(models.library)
    qtbot.waitUntil(lambda: models.library.model.rowCount() >= 1, timeout=TIMEOUT)
    # A file that is not a model, in the Models window's banner.
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"not a model at all" * 10)
    models.banner.show_message(message_of(_raised(lambda: read_model_info(broken))))
    models.ask_token()

    # The prompt library on a few-shot template, Settings, a source passage.
    editor = window.open_prompt_editor()
    qtbot.waitUntil(lambda: editor.list.count() > 0)
    few_shot = next(i for i, t in enumerate(window.session.templates) if t.kind == "few-shot")
    editor.list.setCurrentRow(few_shot)
    window.open_settings()
    window.open_source(sources[0])

    # Last, a model that cannot be loaded: its reason in the main window's banner.
    fake.load_error = _raised(lambda: read_model_info(broken))
    entry = window.session.engine.loaded_id or window.session.entries[0].id
    with qtbot.waitSignal(window.session.engine.model_failed, timeout=TIMEOUT):
        window.session.select_model(entry)
    qtbot.waitUntil(window.banner.isVisible)

    data = _data(window, folder, tmp_path)
    return Scene(window, documents, service, folder, gate, data, language)


def _raised(action: Callable[[], object]) -> HearthError:
    try:
        action()
    except HearthError as error:
        return error
    raise AssertionError("expected a HearthError")


def _data(window: MainWindow, folder: Path, tmp_path: Path) -> set[str]:
    """What is the user's or the world's, not Hearth's words: names, paths, chat contents."""
    data = {str(tmp_path), str(default_paths().models), str(folder), folder.name}
    for entry in window.session.entries:
        data |= {entry.id, entry.path.name, entry.path.stem, str(entry.path)}
        if entry.info is not None:
            data |= {entry.info.name, entry.info.architecture, entry.info.quantization}
    repos = (SMOL_REPO, GEMMA_REPO, GATED_REPO, HOSTILE_REPO, SPLIT_REPO, EMBED_REPO)
    for repo in (*repos, NO_TOKENIZER_REPO, GATED_EMBED_REPO, *SUGGESTED, DEFAULT_EMBEDDER):
        data |= {repo, *repo.split("/")}
    data |= {"apache-2.0", "gemma", "sentence-transformers", "llama.cpp"}
    said = (*QUESTION.values(), *REPLY.values(), *ASK_DOCS.values(), *FAILING.values())
    for text in (*said, *FAILING_REPLY.values(), "我想想", "Let"):
        data |= {text, *text.splitlines(), *(line.lstrip("- ") for line in text.splitlines())}
    data |= {t.replace("**", "") for t in list(data)}
    data |= set(DOCS_REPLY.values()) | {DOCUMENT, f"# Station {DOCUMENT}", "Station", *PLACES}
    for collection in window.session.documents.collections if window.session.documents else []:
        data.add(collection.name)
    store = window.session.chats.store
    if store is not None:
        data |= {chat.title for chat in store.list_chats()}
    return data


def prompt_names(window: MainWindow) -> set[str]:
    """The Chinese prompts' names and descriptions: they stay Chinese in the English window."""
    return {
        text
        for t in window.session.templates
        if CJK.search(t.name)
        for text in (t.name, t.description)
    }


def answer_modal(qtbot: QtBot, reader: Reader, where: str, trigger: Callable[[], object]) -> None:
    """Run `trigger`, which opens a modal dialog of its own; read that dialog, then close it."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    done: list[bool] = []

    def grab(tries: int = 200) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or id(dialog) in before:
            if tries:
                QTimer.singleShot(5, lambda: grab(tries - 1))
            return
        if isinstance(dialog, QFileDialog):  # Qt's own dialog: only Hearth's words in it
            reader.add(f"{where} (title)", dialog.windowTitle())
            for name in dialog.nameFilters():
                reader.add(f"{where} (file type)", name)
        else:
            reader.window(dialog, where)
        done.append(True)
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    QTimer.singleShot(0, grab)
    trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)


def read_everything(qtbot: QtBot, scene: Scene) -> list[Seen]:
    window = scene.window
    reader = Reader()
    editor = window.prompt_editor
    if editor is not None:
        reader.skip_contents.add(id(editor.examples))  # the template's own examples
    QApplication.processEvents()
    reader.window(window, "Main window")
    for top in QApplication.topLevelWidgets():
        if top is not window and top.isVisible() and not isinstance(top, QMenu):
            reader.window(top, f"Window {_who(top)}")
    # menus made when asked for: the chat's context menu, with one chat and with two selected
    sidebar = window.sidebar
    items = sidebar._chat_items()
    assert items
    menu = sidebar.context_menu(items[0])
    reader.menu(menu, "Chat list › context menu")
    shiboken6.delete(menu)
    for item in items[:2]:
        item.setSelected(True)
    if len(items) > 1:
        menu = sidebar.context_menu(items[0])
        reader.menu(menu, "Chat list › context menu (two selected)")
        shiboken6.delete(menu)
    for item in items:
        item.setSelected(False)
    # the dialogs Hearth asks its questions with
    answer_modal(
        qtbot,
        reader,
        "Open link dialog",
        lambda: window.view.confirm_open(QUrl("https://example.com/page")),
    )
    first = window.session.messages[0]  # edited in place, in the message itself
    assert window.view.begin_edit(first.id)
    reader.window(window, "Main window (editing a message)")
    window.view.editor.cancel.click()
    about = window.help.show_about()
    facts = {k: label.text() for k, label in about.values.items() if k != "backend"}
    scene.data |= {*facts.values(), *(about.names[k].text() for k in facts if k != "system")}
    reader.window(about, "About dialog")  # versions, the system and the folder are the world's
    about.reject()
    shortcuts = window.help.show_shortcuts()
    reader.window(shortcuts, "Keyboard shortcuts dialog")
    shortcuts.close()
    answer_modal(qtbot, reader, "Import dialog", window.transfer.import_chats)
    answer_modal(qtbot, reader, "Export dialog", window.export_selected)
    if window.models_window is not None:
        models = window.models_window
        answer_modal(
            qtbot,
            reader,
            "Remove embedding model dialog",
            lambda: models.confirm_remove_embedder(EMBED_REPO),
        )
    if window.documents_window is not None:
        docs = window.documents_window
        answer_modal(
            qtbot,
            reader,
            "Remove collection dialog",
            lambda: docs.confirm_remove(scene.folder.name),
        )
    QApplication.processEvents()
    return reader.seen


def check(seen: list[Seen], language: str, scene: Scene, moment: str) -> list[str]:
    data = set(scene.data)
    if language == "en":
        data |= prompt_names(scene.window)
    return [f"[{moment}, {language}] {line}" for line in leaks(seen, language, data)]


def switch(qtbot: QtBot, scene: Scene, language: str) -> None:
    window = scene.window
    settings = window.session.settings.model_copy(update={"language": language})
    window.session.save_settings(settings)
    qtbot.waitUntil(lambda: window.appearance.language == language)
    for _ in range(3):  # LanguageChange is posted to every window, then sent to each widget
        QApplication.processEvents()


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # popups, offscreen
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_word_is_in_the_users_language_before_and_after_a_live_switch(
    qtbot: QtBot,
    make_window: WindowFactory,
    hub: LocalHub,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    scene = build_scene(qtbot, make_window, hub, tmp_path, monkeypatch, language)
    try:
        seen = read_everything(qtbot, scene)
        assert len(seen) > 300, "the scene did not open: too little was read"
        problems = check(seen, language, scene, "opened")
        other = OTHER[language]
        switch(qtbot, scene, other)
        scene.data |= _data(scene.window, scene.folder, tmp_path)
        after = read_everything(qtbot, scene)
        problems += check(after, other, scene, "after a live switch")
        everything = tmp_path / "every-word.txt"  # all that was read, to look through
        everything.write_text(
            "\n".join(f"{s.where}: {s.text!r}" for s in [*seen, *after]), encoding="utf-8"
        )
        assert not problems, (
            f"{len(problems)} strings in the wrong language (where: text [words]); all that "
            f"was read is in {everything}:\n" + "\n".join(problems)
        )
    finally:
        scene.gate.set()
        scene.documents.shutdown()
        scene.service.close()


def test_the_reader_finds_english_in_chinese_and_chinese_in_english() -> None:
    """The checks themselves: names, units and details pass; a stray word does not."""
    fine_zh = [
        Seen("a", "每秒 12.3 个词元 · 首个词元用时 0.05 秒"),
        Seen("b", "模型 smollm2-135m-instruct-q4_0.gguf 使用 Q4_K_M，需 1.2 GB 内存（GPU）"),
        Seen(
            "c", "PDF 文件已损坏或不是 PDF（Failed to load document (PDFium: Data format error)）"
        ),
        Seen("d", "输入消息（Enter 发送，Shift+Enter 换行）"),
        Seen("e", "在 huggingface.co 上搜索 Hugging Face 模型，例如 /tmp/x/models/a"),
    ]
    assert leaks(fine_zh, "zh_CN", []) == []
    stray = [Seen("speed", "12 tok/s · 首 token 0.1 秒"), Seen("meter", "10 / 20 tokens")]
    found = leaks(stray, "zh_CN", [])
    assert len(found) == 2 and "[tokens]" in found[0] and "[tok, token]" in found[1]
    assert leaks([Seen("chat", "你好 Hello")], "zh_CN", ["Hello"]) == []
    assert leaks([Seen("lang", "简体中文"), Seen("x", "Ready")], "en", []) == []
    assert leaks([Seen("x", "Ready，就绪")], "en", []) == ["x: 'Ready，就绪'"]
