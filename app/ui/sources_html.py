"""The sources under an answer that used documents: each passage's file and page, relevance and
snippet, a link that opens it, and the offer to read a small file whole (or to stop).

Its words are the chat view's (translation context "ChatView").
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.chats.store import StoredMessage


def sources_html(message: StoredMessage, whole_limit: int) -> str:
    """The passages the answer was given, or a note that the documents had nothing."""
    if message.sources is None:  # the chat used no documents
        return ""
    if not any(isinstance(s, dict) for s in message.sources):
        note = QCoreApplication.translate(
            "ChatView",
            "Your documents were searched: nothing in them was relevant to this question, "
            "so this answer does not come from them.",
        )
        return f'<p style="color:gray; font-size:small">{html.escape(note)}</p>'
    heading = QCoreApplication.translate("ChatView", "Sources")
    lines = [f"<b>{html.escape(heading)}</b>"]
    for number, source in enumerate(message.sources, start=1):
        if not isinstance(source, dict):
            continue
        link = f'<a href="hearth:source/{message.id}.{number - 1}">{_place(source)}</a>'
        score = source.get("score")
        detail = (
            [
                QCoreApplication.translate("ChatView", "relevance {0}%").format(
                    round(float(score) * 100)
                )
            ]
            if isinstance(score, int | float)
            else []
        )
        snippet = str(source.get("snippet") or "")
        if snippet:
            detail.append(f"“{_cut(snippet, 110)}”")
        gray = html.escape(" · ".join(detail))
        offer = _whole_link(source, f"{message.id}.{number - 1}", whole_limit)
        lines.append(f'[{number}] {link}{offer} <span style="color:gray">{gray}</span>')
    return '<p style="font-size:small">' + "<br>".join(lines) + "</p>"


def _whole_link(source: dict[str, Any], ref: str, whole_limit: int) -> str:
    """ "use the whole file" for a small file; the way back for one used whole."""
    if source.get("whole"):
        label, action = QCoreApplication.translate("ChatView", "stop reading it whole"), "whole-off"
    elif 0 < _count(source.get("file_chunks")) <= whole_limit:
        label, action = QCoreApplication.translate("ChatView", "use the whole file"), "whole-on"
    else:
        return ""
    shown = QCoreApplication.translate("ChatView", "({0})").format(
        label
    )  # full-width brackets in Chinese
    return f' <a href="hearth:{action}/{ref}">{html.escape(shown)}</a>'


def _place(source: dict[str, Any]) -> str:
    place = str(
        source.get("file")
        or source.get("path")
        or QCoreApplication.translate("ChatView", "a document")
    )
    if source.get("whole"):
        return html.escape(
            QCoreApplication.translate("ChatView", "{0}, the whole file").format(place)
        )
    if source.get("page"):
        place = QCoreApplication.translate("ChatView", "{0}, page {1}").format(
            place, source["page"]
        )
    return html.escape(place)


def _cut(text: str, letters: int) -> str:
    return text if len(text) <= letters else text[: letters - 1].rstrip() + "…"


def _count(value: Any) -> int:
    """A stored count, 0 when it is not a whole number."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
