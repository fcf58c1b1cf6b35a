"""The window fits a small screen: at 800 × 600, in English and in Chinese, no widget reaches
past the window's edge and no text is clipped (text that does not fit is cut with "…" and
shown whole in a tooltip); picking a collection, switching chats or the language never resizes
the window or the sidebar; the Models window opens centred and whole on a 1,024 × 768 screen.

Set HEARTH_SHOTS to a folder to save screenshots of what the tests look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QProgressBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.rag.types import CollectionStatus
from app.ui import placement
from app.ui.elide import ElidedButton, ElidedLabel, is_elided
from app.ui.main_window import MainWindow
from app.ui.placement import FRAME, fit_rect
from tests.ui.conftest import send

SMALL = QSize(800, 600)
SCREEN = QRect(0, 0, 1024, 768)
LONG_NAME = "Quarterly financial reports and board minutes 2019–2024"


def _shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("HEARTH_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / f"{name}.png"))


def _switch(qtbot: QtBot, window: MainWindow, language: str, theme: str = "light") -> None:
    settings = window.session.settings.model_copy(update={"language": language, "theme": theme})
    window.session.save_settings(settings)
    qtbot.waitUntil(lambda: window.appearance.language == language)
    QApplication.processEvents()  # LanguageChange is posted to each window


def _settle(qtbot: QtBot, window: QWidget, size: QSize) -> None:
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= size.width()
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    QApplication.processEvents()  # the layouts' requests, then the folds they cause
    QApplication.processEvents()


def _shown(window: QWidget) -> list[QWidget]:
    """The visible widgets of `window`, leaving out what scrolls inside a scroll area."""
    widgets = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.window() is not window:
            continue
        parent, scrolled = widget.parentWidget(), False
        while parent is not None and parent is not window:
            scrolled = scrolled or isinstance(parent, QAbstractScrollArea)
            parent = parent.parentWidget()
        if not scrolled:
            widgets.append(widget)
    return widgets


def _outside(window: QWidget) -> list[str]:
    """Widgets (by class, name and text) that reach past the window's edge."""
    found = []
    for widget in _shown(window):
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if not window.rect().contains(rect):
            found.append(f"{_name(widget)} at {rect.getRect()}")
    return found


def _clipped(window: QWidget) -> list[str]:
    """Labels and buttons whose text is wider than they are and not cut with "…"."""
    found = []
    for widget in _shown(window):
        text, room = _text_and_room(widget)
        if not text or isinstance(widget, (ElidedLabel, ElidedButton)):
            continue
        width = max(widget.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
        if width > room:
            found.append(f"{_name(widget)}: {width} px of text in {room} px")
    return found


def _text_and_room(widget: QWidget) -> tuple[str, int]:
    if isinstance(widget, QLabel) and not widget.wordWrap():
        text = widget.text()
        if widget.textFormat() != widget.textFormat().PlainText and "<" in text:
            document = QTextDocument()
            document.setHtml(text)
            text = document.toPlainText()
        return text, widget.contentsRect().width()
    if isinstance(widget, QProgressBar) and widget.isTextVisible():
        return widget.text(), widget.width() - 4
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&"), widget.width()
    return "", 0


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    said = text() if callable(text) else ""
    return f"{type(widget).__name__}#{widget.objectName()} {said!r}"


@pytest.mark.parametrize(("language", "theme"), [("en", "light"), ("zh_CN", "dark")])
def test_main_window_fits_800_by_600(
    qtbot: QtBot, window: MainWindow, language: str, theme: str
) -> None:
    _switch(qtbot, window, language, theme)
    send(qtbot, window, "你好" if language == "zh_CN" else "Hello")
    window.header.set_collections([_collection(1, LONG_NAME)])
    window.header.show_documents([1])
    assert window.minimumSizeHint().width() <= SMALL.width()
    assert window.minimumSizeHint().height() <= SMALL.height()
    _settle(qtbot, window, SMALL)
    _shot(window, f"main-800-{theme}-{language}")
    assert _outside(window) == []
    assert _clipped(window) == []
    assert window.header.more_button.isVisible()  # what did not fit is in the "⋯" menu
    (library,) = [
        a
        for a in window.header.more_menu.actions()
        if a.text() == window.header.library_button.text()
    ]
    library.trigger()  # a folded button still does what it did
    assert window.prompt_editor is not None and window.prompt_editor.isVisible()
    window.prompt_editor.close()
    assert is_elided(window.header.docs_button)  # the long collection name, cut
    window.header.set_loading(True)  # the first row's widest: loading a base model
    window.header.set_base(True)
    QApplication.processEvents()
    _shot(window, f"main-800-base-loading-{theme}-{language}")
    assert _outside(window) == [] and _clipped(window) == []
    window.header.set_loading(False)
    window.header.set_base(False)
    _settle(qtbot, window, window.minimumSizeHint().expandedTo(SMALL.boundedTo(QSize(0, 600))))
    _shot(window, f"main-narrowest-{theme}-{language}")
    assert _outside(window) == []
    assert _clipped(window) == []
    _settle(qtbot, window, QSize(1400, 900))
    _shot(window, f"main-1400-{theme}-{language}")
    assert not window.header.more_button.isVisible()  # everything fits at full width
    assert _outside(window) == [] and _clipped(window) == []


def test_nothing_resizes_the_window_by_itself(qtbot: QtBot, window: MainWindow) -> None:
    send(qtbot, window, "Hello")
    first = window.session.chat
    window.session.new_chat()
    send(qtbot, window, "A much longer question, so that this chat gets a much longer title")
    _settle(qtbot, window, SMALL)
    sizes = (window.width(), window.sidebar.width())
    window.header.set_collections([_collection(1, LONG_NAME), _collection(2, "mydocs")])
    action = next(a for a in window.header.docs_menu.actions() if a.data() == 1)
    with qtbot.waitSignal(window.session.chats.chat_updated):
        action.setChecked(True)
    QApplication.processEvents()
    assert (window.width(), window.sidebar.width()) == sizes
    assert first is not None
    with qtbot.waitSignal(window.session.chat_changed):
        window.sidebar.chat_selected.emit(first.id)
    QApplication.processEvents()
    assert (window.width(), window.sidebar.width()) == sizes
    for language in ("zh_CN", "en"):
        _switch(qtbot, window, language)
        assert (window.width(), window.sidebar.width()) == sizes
    window.sidebar.show_deleted(LONG_NAME * 2)
    QApplication.processEvents()
    assert (window.width(), window.sidebar.width()) == sizes


@pytest.mark.parametrize(("language", "theme"), [("en", "light"), ("zh_CN", "dark")])
def test_models_window_opens_centred_and_whole_on_a_small_screen(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, language: str, theme: str
) -> None:
    _switch(qtbot, window, language, theme)
    monkeypatch.setattr(placement, "available", lambda _widget, _anchor=None: SCREEN)
    window.setGeometry(QRect(112, 90, 800, 600))  # its middle is the screen's
    models = window.open_models()
    QApplication.processEvents()
    frame = models.geometry().adjusted(-FRAME.width() // 2, -32, FRAME.width() // 2, 4)
    assert SCREEN.contains(frame)
    centre, middle = models.geometry().center(), window.geometry().center()
    assert abs(centre.x() - middle.x()) <= FRAME.width() and abs(centre.y() - middle.y()) <= 40
    assert models.minimumSizeHint().width() <= SCREEN.width() - FRAME.width()
    assert models.minimumSizeHint().height() <= SCREEN.height() - FRAME.height()
    for page in (models.discover, models.downloads, models.library, models.embeddings):
        models.tabs.setCurrentWidget(page)
        QApplication.processEvents()
        _shot(models, f"models-{page.objectName() or type(page).__name__}-{theme}-{language}")
        assert _outside(models) == []
        assert _clipped(models) == []
    download = models.discover.download_button
    models.tabs.setCurrentWidget(models.discover)
    assert models.rect().contains(
        QRect(download.mapTo(models, download.rect().topLeft()), download.size())
    )


def test_dialogs_open_centred_and_whole_on_a_small_screen(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(placement, "available", lambda _widget, _anchor=None: SCREEN)
    window.setGeometry(QRect(250, 150, 500, 500))  # a little off the screen's middle
    middle = window.geometry().center()
    settings = window.open_settings()
    editor = window.open_prompt_editor()
    for dialog in (settings, editor):
        QApplication.processEvents()
        assert SCREEN.contains(dialog.geometry())
        assert dialog.size().width() >= dialog.minimumSizeHint().width()
        centre = dialog.geometry().center()
        assert abs(centre.x() - middle.x()) <= FRAME.width()
        assert abs(centre.y() - middle.y()) <= FRAME.height()
    settings.reject()


def test_a_window_bigger_than_the_screen_is_made_to_fit() -> None:
    rect = fit_rect(QSize(1100, 900), QSize(600, 400), QRect(900, 500, 300, 200), SCREEN)
    assert rect.width() <= SCREEN.width() - FRAME.width()
    assert rect.height() <= SCREEN.height() - FRAME.height()
    assert SCREEN.contains(rect)
    centred = fit_rect(QSize(400, 300), QSize(100, 100), QRect(100, 100, 600, 400), SCREEN)
    assert centred.size() == QSize(400, 300)
    assert abs(centred.center().x() - 400) <= FRAME.width()


def _collection(collection_id: int, name: str) -> CollectionStatus:
    return CollectionStatus(
        id=collection_id,
        name=name,
        embedder="all-MiniLM-L6-v2",
        sources=("/tmp/docs",),
        files=3,
        chunks=12,
        indexed_at=1.0,
        pending=0,
    )
