"""The conversation view: Markdown, code, links, CJK; nothing remote is ever fetched."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.core.chats.store import StoredMessage
from app.ui.chat_view import ChatView
from app.ui.markdown import MarkdownRenderer, split_finished


class _Counter(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Counter.hits = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def answer(text: str, mid: int = 2) -> StoredMessage:
    return StoredMessage(mid, 1, "assistant", text, "complete", 0.0, model="smol")


def test_remote_images_in_model_output_are_never_fetched(qtbot: QtBot, server: str) -> None:
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    hostile = (
        f"![tracker]({server}/md.png)\n\n<img src='{server}/raw.png'>\n\n"
        f'<a href="{server}/x"><img src="{server}/linked.png"></a>\n\n[site]({server}/page)'
    )
    view.show_chat([answer(hostile)])
    view.begin_reply("…")
    view.append_text(f"streamed ![again]({server}/stream.png)\n\n")
    qtbot.wait(300)
    view.grab()  # paint it, as a user would see it
    assert _Counter.hits == []
    assert not any(r.startswith("http") for r in view.refused_resources)
    assert "<img" not in view.toHtml()
    assert "[image: tracker]" in view.toPlainText()
    assert "<img src=" in view.toPlainText()  # raw HTML shown as text


def test_links_open_only_after_the_user_agrees(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = ChatView()
    qtbot.addWidget(view)
    asked: list[str] = []
    opened: list[str] = []
    monkeypatch.setattr(view, "confirm_open", lambda url: asked.append(url.toString()) or False)
    monkeypatch.setattr(
        "app.ui.chat_view.QDesktopServices.openUrl", lambda url: opened.append(url.toString())
    )
    view.anchorClicked.emit(QUrl("https://example.org/page"))
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert asked == ["https://example.org/page"] and opened == []
    monkeypatch.setattr(view, "confirm_open", lambda url: True)
    view.anchorClicked.emit(QUrl("https://example.org/page"))
    assert opened == ["https://example.org/page"]


def test_code_blocks_are_highlighted_and_copied(qtbot: QtBot) -> None:
    view = ChatView()
    qtbot.addWidget(view)
    copied: list[str] = []
    view.copied.connect(copied.append)
    view.show_chat(
        [answer("Try:\n\n```python\ndef add(a, b):\n    return a + b\n```\n\n中文：你好")]
    )
    assert "def add(a, b):" in view.toPlainText() and "中文：你好" in view.toPlainText()
    assert "color:" in view.toHtml()  # Pygments colours survived into the document
    view.anchorClicked.emit(QUrl("hearth:copy-code/0"))
    assert QGuiApplication.clipboard().text() == "def add(a, b):\n    return a + b\n"
    view.anchorClicked.emit(QUrl("hearth:copy/2"))
    assert QGuiApplication.clipboard().text().startswith("Try:")
    assert len(copied) == 2


def test_streaming_renders_finished_blocks_once(qtbot: QtBot) -> None:
    view = ChatView()
    qtbot.addWidget(view)
    renders: list[str] = []
    original = view.renderer.render
    view.renderer.render = lambda text, register=None: (
        renders.append(text) or original(text, register)
    )  # type: ignore[method-assign]
    view.show_chat([])
    view.begin_reply("…")
    text = "".join(f"Paragraph {i} has some words.\n\n" for i in range(30))
    for start in range(0, len(text), 7):
        view.append_text(text[start : start + 7])
    assert "Paragraph 29 has some words." in view.toPlainText()
    # Never the whole answer again: only a finished paragraph or the open one is rendered.
    assert max(len(r) for r in renders) <= len("Paragraph 29 has some words.\n\n")
    assert len(renders) > 30


def test_split_finished_respects_code_fences() -> None:
    text = "Intro\n\n```python\nx = 1\n\ny = 2\n```\nAfter\n\nOpen para"
    boundary = split_finished(text)
    assert text[:boundary].endswith("After\n\n")
    assert split_finished("Intro\n\n```\nopen fence\n\nstill open\n") == len("Intro\n\n")
    assert split_finished("no newline yet") == 0


def test_markdown_raw_html_is_escaped() -> None:
    html = MarkdownRenderer().render("<script>alert(1)</script> **bold**")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<strong>bold</strong>" in html
