"""A reasoning model's thinking in the chat view: a grey block above the answer.

While the answer is being written, `LiveThinking` keeps the block in the view's document: a
head line "▾ Thinking… 12 s" that counts the seconds, and the thoughts as they stream, in grey
and smaller type, indented apart from the answer. When the answer starts (or the stream ends)
the block folds to one line, "▸ Thought for 12 s"; a click on it opens or folds it again.

The block is edited in place: thoughts are appended where the block ends and the head's text
is replaced, so a token costs the same at thought 4,000 as at thought 10. Only folding or
opening builds the block again. A stored answer's thinking is plain HTML (`stored_html`).
"""

from __future__ import annotations

import html
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

LIVE_LINK = "hearth:thinking/live"
MUTED = "#808080"  # readable on the light and the dark background
INDENT = 14
OPEN_MARK, SHUT_MARK = "▾", "▸"

# (seconds, still thinking) → the head's words: "Thinking… 3 s", "Thought for 3 s", "Thoughts"
Label = Callable[[float | None, bool], str]


def stored_seconds(timings: object) -> float | None:
    """The thinking time stored with an answer (None: not stored, or not a number)."""
    value = timings.get("thinking_seconds") if isinstance(timings, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


def stored_html(message_id: int, head: str, reasoning: str, opened: bool) -> str:
    """A stored answer's thinking: the head line as a link that opens or folds it."""
    mark = OPEN_MARK if opened else SHUT_MARK
    line = (
        f'<p style="font-size:small; margin-top:0px; margin-bottom:4px">'
        f'<a href="hearth:thinking/{message_id}" style="color:{MUTED}; text-decoration:none">'
        f"{mark} {html.escape(head)}</a></p>"
    )
    if not opened:
        return line
    body = html.escape(reasoning.strip("\n")).replace("\n", "<br>")
    return line + (
        f'<p style="color:{MUTED}; font-size:small; margin-left:{INDENT}px; '
        f'margin-top:0px; margin-bottom:8px">{body}</p>'
    )


class LiveThinking(QObject):
    """The thinking block of the answer being written, at `start` in the view's document.

    `moved(delta)` is told whenever the text after the block moves (the view's answer follows
    it). The block spans [start, end): the head, the thoughts when open, and a block break,
    so the answer starts in a fresh block at `end`.
    """

    def __init__(
        self,
        document: QTextDocument,
        label: Label,
        moved: Callable[[int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document, self._label, self._moved = document, label, moved
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self.reset(0)

    def reset(self, start: int) -> None:
        """A new answer starts at `start`: no thoughts yet."""
        self._timer.stop()
        self.text = ""
        self.thinking = False  # thoughts are streaming and no answer has come yet
        self.opened = True
        self.chosen = False  # the user opened or folded the block since it last changed
        self.start = self.head_end = self.body_end = self.end = start
        self._started = 0.0
        self._seconds: float | None = 0.0

    def keep(self, text: str, seconds: float | None, opened: bool) -> None:
        """The thoughts of the answer being continued: shown as they were, not counting."""
        self.text, self.thinking, self.opened = text, False, opened
        self._seconds = seconds

    @property
    def built(self) -> bool:
        return self.end > self.start

    @property
    def seconds(self) -> float | None:
        """How long the model has thought (so far, or in all once the answer started)."""
        return time.monotonic() - self._started if self.thinking else self._seconds

    def append(self, text: str) -> None:
        """More thoughts: appended in place when the block is open and already built."""
        if not self.thinking:  # the first thoughts, or more of a continued reply's
            self._started, self.thinking = time.monotonic(), True
            self._timer.start()
        self.text += text
        if self.opened and self.built and self.thinking:
            cursor = QTextCursor(self._document)
            cursor.setPosition(self.body_end)
            cursor.insertText(text, _body_format())
            self._grow(cursor.position() - self.body_end, head=False)

    def finish(self) -> None:
        """The answer started, or the stream ended: the time stops and the block folds."""
        if self.thinking:
            self._seconds = time.monotonic() - self._started
        self.thinking = False
        self.opened = False
        self.chosen = False
        self._timer.stop()

    def stop(self) -> None:
        """The view shows something else: no more counting."""
        self._timer.stop()

    def toggle(self) -> None:
        self.opened = not self.opened
        self.chosen = True

    def build(self, cursor: QTextCursor) -> None:
        """Write the block at `cursor` (at `start`, nothing after it); nothing if no thoughts."""
        self.head_end = self.body_end = self.end = self.start
        if not self.text.strip():
            return
        head = QTextBlockFormat()
        head.setBottomMargin(4)
        cursor.setBlockFormat(head)
        cursor.insertText(self._head(), _head_format())
        self.head_end = cursor.position()
        if self.opened:
            body = QTextBlockFormat()
            body.setLeftMargin(INDENT)
            cursor.insertBlock(body, _body_format())
            cursor.insertText(self.text.strip("\n"), _body_format())
        self.body_end = cursor.position()
        gap = QTextBlockFormat()
        gap.setTopMargin(8)
        cursor.insertBlock(gap, QTextCharFormat())
        self.end = cursor.position()

    def tick(self) -> None:
        """Count one more second in the head."""
        if not self.built:
            return
        cursor = QTextCursor(self._document)
        cursor.setPosition(self.start)
        cursor.setPosition(self.head_end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(self._head(), _head_format())
        self._grow(cursor.position() - self.head_end, head=True)

    def shift(self, delta: int) -> None:
        """Text before the block changed length by `delta`."""
        self.start += delta
        self.head_end += delta
        self.body_end += delta
        self.end += delta

    def _grow(self, delta: int, head: bool) -> None:
        if head:
            self.head_end += delta
        self.body_end += delta
        self.end += delta
        if delta:
            self._moved(delta)

    def _head(self) -> str:
        mark = OPEN_MARK if self.opened else SHUT_MARK
        return f"{mark} {self._label(self.seconds, self.thinking)}"


def _head_format() -> QTextCharFormat:
    fmt = _body_format()
    fmt.setAnchor(True)
    fmt.setAnchorHref(LIVE_LINK)
    return fmt


def _body_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QBrush(QColor(MUTED)))
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)  # CSS "small"
    return fmt
