"""The conversation: messages as rich text, and the answer being written, appended as it comes.

One `QTextBrowser` holds the whole chat, one frame per message. While an answer streams, the
finished Markdown blocks are rendered once and appended; only the open last block is rendered
again on each update, so an update costs the same at token 4,000 as at token 100. The answer
being written sits directly in the document's root frame, not in a frame of its own: Qt lays a
nested frame out again whole on every change, which made updates grow with the answer's length.
Assistant frames have no side padding, so the answer does not shift when it is framed at the end.

A reasoning model's thinking shows apart, in a grey block above the answer that folds to
"Thought for 12 s" when the answer starts (`app/ui/thinking_block.py`); which blocks the user
opened is remembered while the chat is shown.

Nothing remote is ever loaded: `loadResource` refuses everything, images are shown as links, and
a link opens in the system browser only after the user has seen its address and agreed.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QGuiApplication,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrame,
    QTextFrameFormat,
    QTextLength,
)
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from app.core.chats import versions
from app.core.chats.store import StoredMessage
from app.core.figures import answer_figures, details
from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase
from app.ui.markdown import MarkdownRenderer, split_finished
from app.ui.message_editor import MessageEditor
from app.ui.sources_html import sources_html
from app.ui.thinking_block import LiveThinking, stored_html, stored_seconds
from app.workers import i18n

SAFE_SCHEMES = {"http", "https", "mailto"}

CODE_COPIED = Phrase("ui.copied.code", QT_TRANSLATE_NOOP("Messages", "Code copied."))
MESSAGE_COPIED = Phrase("ui.copied.message", QT_TRANSLATE_NOOP("Messages", "Message copied."))


class ChatView(QTextBrowser):
    """Shows one chat.

    Signals:
        edit_requested(int, str): the user edited their message in place (id, new text): a
            new version of it, to answer again.
        version_requested(int): show this version of a message (the "‹ 2/3 ›" under it).
        fork_requested(int): a new chat with the conversation up to this message.
        regenerate_requested(): answer the last message again.
        continue_requested(): carry on writing the last answer.
        copied(object): something was copied (a `Msg` saying what, for the status bar).
        source_requested(dict): the user clicked one of an answer's sources (as stored).
        whole_requested(dict, bool): use a source's whole file from now on (True), or stop.
    """

    edit_requested = Signal(int, str)
    version_requested = Signal(int)
    fork_requested = Signal(int)
    regenerate_requested = Signal()
    continue_requested = Signal()
    copied = Signal(object)
    source_requested = Signal(dict)
    whole_requested = Signal(dict, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.document().setDocumentMargin(16)
        self.document().setUndoRedoEnabled(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.refused_resources: list[str] = []
        self.renderer = MarkdownRenderer()
        self.completion = False
        self.model_name = ""
        self.whole_limit = 0  # files of at most this many chunks are offered whole
        self._codes: list[str] = []
        self._messages: dict[int, StoredMessage] = {}
        self._streaming = False
        self._stream = ""
        self._done_upto = 0
        self._tail_start = 0
        self._placeholder = False
        self._frames: dict[int, QTextFrame] = {}
        self._last_answer: int | None = None
        self._chat_id: int | None = None
        self._opened: dict[int, bool] = {}  # thinking blocks the user opened or folded
        self.live = LiveThinking(self.document(), self._thinking_label, self._moved, self)
        self.editor = MessageEditor(self.viewport())
        self.editor.submitted.connect(self.edit_requested)
        self.editor.submitted.connect(self._on_editor_closed)
        self.editor.cancelled.connect(self._on_editor_closed)
        self.editor.resized_wanted.connect(self._place_editor)
        self.verticalScrollBar().valueChanged.connect(self._place_editor)
        layout = self.document().documentLayout()  # laid out lazily: follow the message
        layout.documentSizeChanged.connect(self._place_editor)
        self.retranslate()

    def retranslate(self) -> None:
        self.renderer.set_labels(self.tr("Copy"), self.tr("image"), self.tr("text"))
        self.editor.retranslate()

    def set_dark(self, dark: bool) -> None:
        self.renderer = MarkdownRenderer(dark)
        self.retranslate()

    # -- whole chats -------------------------------------------------------------------

    def show_chat(self, messages: list[StoredMessage], completion: bool = False) -> None:
        """Render a whole chat (on open, and once after each answer)."""
        self.completion = completion
        editing = self.editor.message_id if self.editor.isVisible() else None
        self.editor.hide()
        self.clear()
        self._codes.clear()
        self._frames.clear()
        self._messages = {m.id: m for m in messages}
        last_answer = max((m.id for m in messages if m.role == "assistant"), default=None)
        self._remember_thinking(messages, last_answer)
        self._streaming = False
        self._last_answer = last_answer
        if completion:
            self._append_document(messages)
        else:
            for message in messages:
                self._append_message(message, is_last_answer=message.id == last_answer)
        self._scroll_to_end()
        if editing in self._frames:  # a re-render while editing (an answer elsewhere)
            self.editor.show()
            self._place_editor()

    def _remember_thinking(self, messages: list[StoredMessage], last_answer: int | None) -> None:
        """Forget opened blocks of another chat; keep the user's choice on the live block."""
        self.live.stop()
        chat_id = messages[0].chat_id if messages else None
        if chat_id != self._chat_id:
            self._opened.clear()
            self._chat_id = chat_id
        elif self._streaming and self.live.chosen and last_answer is not None:
            self._opened[last_answer] = self.live.opened

    def show_empty(self, text: str) -> None:
        self.editor.hide()
        self.live.stop()
        self.clear()
        self._streaming = False
        self.setHtml(f'<p align="center" style="color:gray"><br><br>{html.escape(text)}</p>')

    # -- streaming ---------------------------------------------------------------------

    def begin_reply(
        self, waiting_text: str, prefix: str = "", continued: StoredMessage | None = None
    ) -> None:
        """Open the answer's frame; `waiting_text` shows until the first token. `continued`:
        the answer carried on (its text is `prefix`), whose thoughts stay above it."""
        self._close_editor()
        self._stream, self._done_upto = "", 0
        self._streaming = True
        if self.completion:
            self._tail_start = self._end_position()
            self.live.reset(self._tail_start)
            self._show_placeholder(waiting_text)
            return
        cursor = self._end_cursor()
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(self.model_name or self.tr("Assistant"), bold)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        self._tail_start = cursor.position()
        self.live.reset(self._tail_start)
        if continued is not None and (continued.reasoning or "").strip():
            opened = self._opened.get(continued.id, False)
            self.live.keep(continued.reasoning or "", stored_seconds(continued.timings), opened)
            self._rebuild_reply()
        self._show_placeholder(waiting_text)
        if prefix:
            self.append_text(prefix)

    def append_text(self, text: str) -> None:
        """Add streamed text: finished blocks are rendered once, the open block again."""
        if not self._streaming:
            return
        if self._placeholder:
            self._remove_tail()
            self._placeholder = False
        at_end = self._at_end()
        if self.live.thinking:  # the answer starts: the thinking folds
            self.live.finish()
            self._rebuild_reply()
        if self.completion:
            self._end_cursor().insertText(text, self._answer_format())
            self._stream += text
        else:
            self._stream += text
            self._update_stream()
        if at_end:
            self._scroll_to_end()

    def append_thinking(self, text: str) -> None:
        """Add streamed thinking to the block above the answer (built on its first text)."""
        if not self._streaming or self.completion or not text:
            return
        if self._placeholder:
            self._remove_tail()
            self._placeholder = False
        at_end = self._at_end()
        in_place = self.live.built and not self._stream  # else the block is built (again)
        self.live.append(text)
        if not in_place:
            self._rebuild_reply()
        if at_end:
            self._scroll_to_end()

    def _rebuild_reply(self) -> None:
        """Write the thinking block and the answer so far again (the block opened or folded)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.live.start)
        cursor.setPosition(self._end_position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self.live.build(cursor)
        self._tail_start, self._done_upto = self.live.end, 0
        if self._stream:
            self._update_stream()

    def _moved(self, delta: int) -> None:
        """The live thinking block changed length: the answer after it moved."""
        self._tail_start += delta

    def _thinking_label(self, seconds: float | None, thinking: bool) -> str:
        """The thinking block's head: counting whole seconds, then how long it took."""
        if thinking:
            return self.tr("Thinking… {0} s").format(int(seconds or 0))
        if seconds is None:
            return self.tr("Thoughts")
        if seconds < 1:
            return self.tr("Thought for a moment")
        return self.tr("Thought for {0} s").format(round(seconds))

    def _update_stream(self) -> None:
        boundary = split_finished(self._stream, self._done_upto)
        self._remove_tail()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._tail_start)
        if boundary > self._done_upto:
            cursor.insertHtml(self._render(self._stream[self._done_upto : boundary]))
            cursor.insertBlock()
            self._done_upto = boundary
            self._tail_start = cursor.position()
        tail = self._stream[self._done_upto :]
        if tail.strip():
            cursor.insertHtml(self._render(tail))

    def _show_placeholder(self, text: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._tail_start)
        cursor.insertHtml(f'<i style="color:gray">{html.escape(text)}</i>')
        self._placeholder = True

    def _remove_tail(self) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._tail_start)
        end = self._end_position()
        if end > self._tail_start:
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()

    # -- rendering ---------------------------------------------------------------------

    def _append_message(self, message: StoredMessage, is_last_answer: bool) -> None:
        cursor = self._end_cursor()
        self._frames[message.id] = cursor.insertFrame(self._frame_format(message.role))
        self._fill_message(cursor, message, is_last_answer)

    def _fill_message(
        self, cursor: QTextCursor, message: StoredMessage, is_last_answer: bool
    ) -> None:
        """A message's header, text and lines under it, at `cursor` (in its frame)."""
        who = (
            self.tr("You")
            if message.role == "user"
            else (message.model or self.tr("Assistant")).split("/")[-1]
        )
        cursor.insertHtml(self._header_html(who, self._actions(message, is_last_answer)))
        cursor.insertBlock()
        if message.role == "assistant":
            body = self._thinking_html(message)
            body += self._render(message.content) if message.content else ""
            body += sources_html(message, self.whole_limit) + self._status_html(message)
            cursor.insertHtml(body + self._details_html(message))
        else:
            cursor.insertHtml(_plain_html(message.content))
        versions_line = self._versions_html(message)
        if versions_line:  # a block of its own, under the message
            cursor.insertBlock()
            cursor.insertHtml(versions_line)

    def _append_document(self, messages: list[StoredMessage]) -> None:
        """A base model's chat is one growing text: yours in the text colour, the model's in
        the link colour."""
        cursor = self._end_cursor()
        plain = QTextCharFormat()
        for message in messages:
            fmt = self._answer_format() if message.role == "assistant" else plain
            cursor.insertText(message.content, fmt)
        last = messages[-1] if messages else None
        versions_line = self._versions_html(last) if last is not None else ""
        if versions_line:  # the last part written again: its earlier versions, one click away
            cursor.insertBlock()
            cursor.insertHtml(versions_line)

    def _thinking_html(self, message: StoredMessage) -> str:
        """A stored answer's thinking, folded unless the user opened it (or there is no
        answer: then the thoughts are all there is to read)."""
        thoughts = message.reasoning or ""
        if not thoughts.strip():
            return ""
        head = self._thinking_label(stored_seconds(message.timings), False)
        opened = self._opened.get(message.id, not message.content)
        return stored_html(message.id, head, thoughts, opened)

    def _toggle_thinking(self, message_id: int) -> None:
        """Open or fold a stored answer's thinking, writing that message again in place."""
        message, frame = self._messages.get(message_id), self._frames.get(message_id)
        if message is None or frame is None or not (message.reasoning or "").strip():
            return
        self._opened[message_id] = not self._opened.get(message_id, not message.content)
        before = self.document().characterCount()
        cursor = frame.firstCursorPosition()
        cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.setBlockFormat(QTextBlockFormat())  # not the format of the line removed last
        cursor.setBlockCharFormat(QTextCharFormat())
        self._fill_message(cursor, message, message_id == self._last_answer)
        delta = self.document().characterCount() - before
        if self._streaming:  # the answer being written is below: it moved
            self._tail_start += delta
            self.live.shift(delta)

    def _answer_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(self.palette().link())
        return fmt

    def _render(self, markdown: str) -> str:
        return self.renderer.render(markdown, self._register_code)

    def _register_code(self, code: str) -> int:
        self._codes.append(code)
        return len(self._codes) - 1

    def _header_html(self, who: str, actions: str) -> str:
        return f"<b>{html.escape(who)}</b>" + (
            f'&nbsp;&nbsp;&nbsp;<span style="font-size:small">{actions}</span>' if actions else ""
        )

    def _actions(self, message: StoredMessage, is_last_answer: bool) -> str:
        links = [("copy", message.id, self.tr("Copy"))]
        if message.role == "user":
            links.append(("edit", message.id, self.tr("Edit")))
        if message.id:
            links.append(("fork", message.id, self.tr("Fork")))
        if is_last_answer:
            links.append(("regenerate", message.id, self.tr("Regenerate")))
            finish = (message.timings or {}).get("finish_reason")
            written = message.content or message.reasoning  # cut off while thinking too
            if written and (message.status != "complete" or finish == "length"):
                links.append(("continue", message.id, self.tr("Continue")))
        return " · ".join(
            f'<a href="hearth:{action}/{mid}">{html.escape(label)}</a>'
            for action, mid, label in links
        )

    def _versions_html(self, message: StoredMessage) -> str:
        """ "‹ 2/3 ›" under a message that has other versions; the arrows switch to them."""
        number, count = versions.position(message)
        if count < 2:
            return ""
        before = message.siblings[number - 2] if number > 1 else None
        after = message.siblings[number] if number < count else None
        left = f'<a href="hearth:version/{before}">‹</a>' if before else "<span>‹</span>"
        right = f'<a href="hearth:version/{after}">›</a>' if after else "<span>›</span>"
        label = html.escape(self.tr("{0}/{1}").format(number, count))
        return f'<p style="font-size:small; color:gray">{left}&nbsp;{label}&nbsp;{right}</p>'

    # -- editing in place ----------------------------------------------------------------

    def begin_edit(self, message_id: int, text: str | None = None) -> bool:
        """Open the editor over one of the user's messages, with its text or `text` (an edit
        that could not be sent). False: not shown, or an answer is being written."""
        message = self._messages.get(message_id)
        if message is None or message.role != "user" or self._streaming:
            return False
        self.editor.open(message_id, message.content if text is None else text)
        self._place_editor()
        self._reveal_editor()
        return True

    def _reveal_editor(self) -> None:
        """Scroll so the editor's top is in view (it follows the scroll)."""
        top = self.editor.geometry().top()
        if top < 0 or top > self.viewport().height() - self.editor.height():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + top - 8)

    def _place_editor(self) -> None:
        """Lay the editor over its message, whose frame is made as tall as the editor so
        that nothing below is covered."""
        frame = self._frames.get(self.editor.message_id)
        if not self.editor.isVisible() or frame is None:
            return
        box = self.document().documentLayout().frameBoundingRect(frame).toRect()
        box.translate(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        self.editor.resize(box.width(), self.editor.height())  # the text wraps at this width
        height = self.editor.wanted_height()
        fmt = frame.frameFormat()
        inner = height - 2 * int(fmt.padding())
        if fmt.height().rawValue() != inner:
            fmt.setHeight(QTextLength(QTextLength.Type.FixedLength, inner))
            frame.setFrameFormat(fmt)  # what follows moves down; the frame's top stays
        box.setHeight(height)
        self.editor.setGeometry(box)

    def _close_editor(self) -> None:
        """Put the editor away (an answer starts elsewhere): the message gets its height back."""
        if self.editor.isVisible():
            self.editor.hide()
            self._on_editor_closed()

    def _on_editor_closed(self) -> None:
        """Give the message back its own height."""
        frame = self._frames.get(self.editor.message_id)
        if frame is not None:
            fmt = frame.frameFormat()
            fmt.setHeight(QTextLength())
            frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_editor()

    def _details_html(self, message: StoredMessage) -> str:
        """The small grey line under an answer: speed, first token, tokens, sampling, model,
        from the timings stored with it (so it reads the same after a restart)."""
        figures = answer_figures(message)
        if figures is None:
            return ""
        line = html.escape(i18n.say(details(figures)))
        return f'<p class="details" style="color:gray; font-size:small">{line}</p>'

    def _status_html(self, message: StoredMessage) -> str:
        if message.status == "cancelled":
            note = self.tr("Stopped before the end.")
        elif message.status == "failed":
            # H4's store keeps the reason as a Msg (JSON); an older row is plain text
            reason = i18n.say(Msg.from_json(message.error))
            note = self.tr("The answer failed: {0}").format(reason)
        elif (message.timings or {}).get("finish_reason") == "length":
            note = self.tr("Cut off at the token limit.")
        else:
            return ""
        return f'<p style="color:#b05a00; font-size:small">{html.escape(note)}</p>'

    def _frame_format(self, role: str) -> QTextFrameFormat:
        fmt = QTextFrameFormat()
        fmt.setBottomMargin(10)
        fmt.setBorder(0)
        if role == "user":
            fmt.setPadding(10)
            fmt.setBackground(self.palette().alternateBase())
        return fmt

    # -- links -------------------------------------------------------------------------

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "hearth":
            self._internal_link(url.path())
        elif url.scheme() in SAFE_SCHEMES and self.confirm_open(url):
            QDesktopServices.openUrl(url)

    def confirm_open(self, url: QUrl) -> bool:
        """Ask before leaving the app; the user sees the full address first."""
        answer = QMessageBox.question(
            self,
            self.tr("Open link"),
            self.tr("Open this address in your web browser?\n\n{0}").format(url.toString()),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _internal_link(self, path: str) -> None:
        action, _, arg = path.partition("/")
        if action == "copy-code" and arg.isdigit() and int(arg) < len(self._codes):
            self._copy(self._codes[int(arg)], CODE_COPIED())
        elif action == "copy" and arg.isdigit() and int(arg) in self._messages:
            self._copy(self._messages[int(arg)].content, MESSAGE_COPIED())
        elif action == "thinking" and arg == "live" and self._streaming:
            self.live.toggle()
            self._rebuild_reply()
        elif action == "thinking" and arg.isdigit():
            self._toggle_thinking(int(arg))
        elif action == "edit" and arg.isdigit():
            self.begin_edit(int(arg))
        elif action == "version" and arg.isdigit():
            self.version_requested.emit(int(arg))
        elif action == "fork" and arg.isdigit() and int(arg) in self._messages:
            self.fork_requested.emit(int(arg))
        elif action == "regenerate":
            self.regenerate_requested.emit()
        elif action == "continue":
            self.continue_requested.emit()
        elif action in ("source", "whole-on", "whole-off"):
            source = self._source(arg)
            if source is None:
                return
            if action == "source":
                self.source_requested.emit(source)
            else:
                self.whole_requested.emit(source, action == "whole-on")

    def _source(self, ref: str) -> dict[str, Any] | None:
        """The stored source a link names ("<message id>.<index>")."""
        message_id, _, number = ref.partition(".")
        message = self._messages.get(int(message_id)) if message_id.isdigit() else None
        sources = message.sources if message is not None else None
        if sources and number.isdigit() and int(number) < len(sources):
            source = sources[int(number)]
            return source if isinstance(source, dict) else None
        return None

    def _copy(self, text: str, what: Msg) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(what)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """Never fetch anything: no remote images, no local files named by model output."""
        self.refused_resources.append(url.toString() if isinstance(url, QUrl) else str(url))
        return None

    # -- helpers -----------------------------------------------------------------------

    def _end_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    def _end_position(self) -> int:
        return self._end_cursor().position()

    def _at_end(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 40

    def _scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())


def _plain_html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
