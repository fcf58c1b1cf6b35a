"""Chats out of Hearth: Markdown, self-contained HTML, Hearth JSON, and JSONL for fine-tuning.

Hearth JSON (`format: "hearth.chats"`, `version: 1`) holds everything the store holds: each
chat's title, times, model, system prompt, prompt id and settings, and every message with its
role, text, status (complete, cancelled, failed), time, model, parameters, timings, token
counts, sources and error. Times are seconds since 1970 (UTC), as stored. A chat with
versions (an edited question, a regenerated answer) lists the versions shown in `messages` and
the rest in `other_versions`, each message with its `id` and `parent`; the other formats hold
the versions shown. `read_chats` in `importing.py` reads it back without loss. See
docs/chat-export-format.md.

JSONL is the chat-messages format fine-tuning tools read: one conversation per line,
`{"messages": [{"role": ..., "content": ...}]}`; the system prompt comes first when the chat
has one; a reply cut short or failed is left out with its question (not an example to learn
from). That format (OpenAI's chat fine-tuning file) has no place for a reasoning model's
thinking, so JSONL holds the answers alone; Hearth JSON keeps the thinking as `reasoning`,
Markdown and HTML as a collapsed "Thinking" section, PDF as a grey one.

The words an export adds around the chats ("You", "Sources", a chat not yet titled as "New
chat") are English in every language: an export is a document to share, the same for whoever
reads it.

HTML escapes everything the model or the user wrote (Markdown is rendered with raw HTML off),
loads nothing remote, and carries its own styles, so it reads the same offline.
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.chats import texts as say
from app.core.chats.md_escape import escape_raw_html
from app.core.chats.store import Chat, ChatStore, StoredMessage
from app.core.errors import HearthError
from app.core.fileio import atomic_write_text
from app.core.text import Msg

FORMAT = "hearth.chats"
VERSION = 1
FORMATS = ("md", "html", "json", "jsonl")
ROLE_NAMES = {"user": "You", "assistant": "Assistant", "system": "System"}
STATUS_NOTES = {"cancelled": "Stopped before the end.", "failed": "This reply failed."}


@dataclass(frozen=True)
class ChatExport:
    """One chat and its messages, as read from the store: the conversation shown (the
    versions chosen), and the other versions, which only Hearth JSON carries."""

    chat: Chat
    messages: list[StoredMessage]
    others: list[StoredMessage] = field(default_factory=list)

    @property
    def every(self) -> list[StoredMessage]:
        """Every message in every version, oldest first (as the store adds them back)."""
        return sorted([*self.messages, *self.others], key=lambda m: m.id)

    @property
    def current_id(self) -> int | None:
        """The message shown last."""
        return self.messages[-1].id if self.messages else None


def read_export(store: ChatStore, chat_id: int) -> ChatExport:
    """A chat as it is exported: the conversation shown, and its other versions."""
    chat, shown = store.get_chat(chat_id), store.messages(chat_id)
    ids = {m.id for m in shown}
    return ChatExport(chat, shown, [m for m in store.all_messages(chat_id) if m.id not in ids])


# -- Hearth JSON -----------------------------------------------------------------------------


def to_json(chats: Iterable[ChatExport]) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": time.time(),
        "chats": [_chat_json(c) for c in chats],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _chat_json(export: ChatExport) -> dict[str, Any]:
    chat = export.chat
    return {
        "title": chat.title,
        "created_at": chat.created_at,
        "updated_at": chat.updated_at,
        "model": chat.model,
        "system_prompt": chat.system_prompt,
        "prompt_id": chat.prompt_id,
        "settings": chat.settings,
        "messages": [message_json(m, export.others) for m in export.messages],
        **_other_versions(export),
    }


def _other_versions(export: ChatExport) -> dict[str, Any]:
    """The versions not shown, each naming its parent; absent in a chat without versions."""
    if not export.others:
        return {}
    return {"other_versions": [message_json(m, export.others) for m in export.others]}


def message_json(m: StoredMessage, others: list[StoredMessage] | None = None) -> dict[str, Any]:
    """A message as Hearth JSON; in a chat with other versions, with its id and parent."""
    names = {"id": m.id, "parent": m.parent_id} if others else {}
    return {
        **names,
        "role": m.role,
        "content": m.content,
        "status": m.status,
        "created_at": m.created_at,
        "model": m.model,
        "params": m.params,
        "timings": m.timings,
        "prompt_tokens": m.prompt_tokens,
        "completion_tokens": m.completion_tokens,
        "sources": m.sources,
        "error": str(Msg.from_json(m.error)) if m.error else m.error,  # English, as data
        "reasoning": m.reasoning,
    }


# -- JSONL for fine-tuning -------------------------------------------------------------------


def to_jsonl(chats: Iterable[ChatExport]) -> str:
    lines = []
    for export in chats:
        messages = training_messages(export)
        if any(m["role"] == "assistant" for m in messages):
            lines.append(json.dumps({"messages": messages}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def training_messages(export: ChatExport) -> list[dict[str, str]]:
    """The system prompt, then question-and-answer pairs whose answer is complete: a question
    whose reply was cancelled or failed goes with it, so user and assistant alternate."""
    out: list[dict[str, str]] = []
    if export.chat.system_prompt:
        out.append({"role": "system", "content": export.chat.system_prompt})
    question: StoredMessage | None = None
    for m in export.messages:
        if m.role == "user":
            question = m
        elif m.role == "assistant":
            if question is not None and m.status == "complete" and m.content.strip():
                out.append({"role": "user", "content": question.content})
                out.append({"role": "assistant", "content": m.content})
            question = None
    return out


# -- Markdown --------------------------------------------------------------------------------


def to_markdown(export: ChatExport) -> str:
    chat = export.chat
    parts = [f"# {escape_raw_html(say.english_title(chat.title))}", "", _meta_line(chat), ""]
    if chat.system_prompt:
        system = escape_raw_html(chat.system_prompt)
        parts += ["> **System prompt:** " + system.replace("\n", "\n> "), ""]
    for m in export.messages:
        who = ROLE_NAMES.get(m.role, m.role)
        if m.role == "assistant" and m.model:
            who += f" · {m.model}"
        parts += [f"## {who}", ""]
        if m.reasoning:  # collapsed where Markdown renders HTML (GitHub, most editors)
            thinking = escape_raw_html(m.reasoning.strip())
            parts += ["<details><summary>Thinking</summary>", "", thinking, "", "</details>", ""]
        parts += [escape_raw_html(m.content.rstrip()), ""]
        if m.status in STATUS_NOTES:
            parts += [f"*{STATUS_NOTES[m.status]}*", ""]
        sources = stored_sources(m)
        if sources:
            parts += ["**Sources**", ""]
            parts += [f"- {source_label(s)}" for s in sources]
            parts.append("")
    return "\n".join(parts)


def to_markdown_all(chats: Iterable[ChatExport]) -> str:
    return "\n---\n\n".join(to_markdown(c) for c in chats)


def source_label(source: Any) -> str:
    """ "notes.pdf, page 3 — “a snippet…”" from a stored source (a dict), or its text."""
    if not isinstance(source, dict):
        return str(source)
    label = str(source.get("file") or source.get("path") or source.get("title") or "source")
    if source.get("page"):
        label += f", page {source['page']}"
    snippet = str(source.get("snippet") or "").strip()
    if snippet:
        label += f" — “{snippet[:160]}”"
    return label


def stored_sources(m: StoredMessage) -> list[Any]:
    """A message's sources when they are a list (an old database may hold anything there:
    a detail of the wrong type is left out of the export, never an error)."""
    return m.sources if isinstance(m.sources, list) else []


def local_time(seconds: object) -> str:
    """ "2026-12-03 12:30" in local time; "unknown date" for a stored time that is not one
    (NaN, huge, negative where the platform refuses it, not a number)."""
    try:
        when = float(seconds)  # type: ignore[arg-type]
        if when <= 0:  # how the store reads back a time that was not one
            return "unknown date"
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(when))
    except (TypeError, ValueError, OverflowError, OSError):
        return "unknown date"


def _meta_line(chat: Chat) -> str:
    when = local_time(chat.created_at)
    model = f" · model {chat.model}" if chat.model else ""
    return f"*Hearth chat · {when}{model}*"


# -- HTML ------------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
       sans-serif; max-width: 860px; margin: 2em auto; padding: 0 1em; line-height: 1.5;
       color: #1f2328; background: #ffffff; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
.meta { color: #656d76; margin-bottom: 1.5em; }
.message { margin: 1em 0; padding: 0.6em 1em; border-radius: 8px; }
.user { background-color: #f3f4f6; }
.assistant { border-left: 3px solid #3b6fd6; }
.system { background-color: #fff8e6; }
.who { font-weight: bold; margin-bottom: 0.3em; }
.note { color: #9a6700; font-style: italic; }
.thinking { color: #57606a; border-left: 3px solid #d0d7de; padding-left: 8px; }
pre { background: #f6f8fa; padding: 0.8em; overflow-x: auto; border-radius: 6px; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; }
table { border-collapse: collapse; } td, th { border: 1px solid #9aa4b0; padding: 4px 8px; }
.sources { font-size: 0.92em; color: #424a53; }
hr { border: none; border-top: 1px solid #d0d7de; margin: 3em 0; }
"""


# Qt's rich-text engine (which draws the PDF) paints a div's background once per paragraph;
# a one-cell table is painted as one box, so the printed layout boxes messages that way.
_PRINT_BOX = {"user": "#f3f4f6", "system": "#fff8e6", "assistant": "#ffffff"}


def to_html(
    chats: Iterable[ChatExport], title: str = "Hearth chats", *, printed: bool = False
) -> str:
    """A self-contained page. `printed`: laid out for Qt's PDF writer instead of a browser."""
    body = "\n<hr>\n".join(_chat_html(c, printed) for c in chats)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _chat_html(export: ChatExport, printed: bool) -> str:
    chat = export.chat
    out = [
        f"<article><h1>{html.escape(say.english_title(chat.title))}</h1>",
        f'<div class="meta">{html.escape(_meta_line(chat).strip("*"))}</div>',
    ]
    if chat.system_prompt:
        out.append(_message_html("system", "System prompt", chat.system_prompt, None, printed))
    for m in export.messages:
        who = ROLE_NAMES.get(m.role, m.role)
        if m.role == "assistant" and m.model:
            who += f" · {m.model}"
        out.append(_message_html(m.role, who, m.content, m, printed))
    out.append("</article>")
    return "\n".join(out)


def _message_html(role: str, who: str, text: str, m: StoredMessage | None, printed: bool) -> str:
    if printed:
        colour = _PRINT_BOX.get(role, "#ffffff")
        start = (
            '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 10px">'
            f'<tr><td style="border: none; padding: 8px; background-color: {colour}">'
        )
        end = "</td></tr></table>"
    else:
        start, end = f'<div class="message {html.escape(role)}">', "</div>"
    parts = [start, f'<div class="who">{html.escape(who)}</div>']
    if m is not None and m.reasoning:
        parts.append(_thinking_html(m.reasoning, printed))
    parts.append(render_markdown(text))
    if m is not None and m.status in STATUS_NOTES:
        parts.append(f'<p class="note">{html.escape(STATUS_NOTES[m.status])}</p>')
    sources = stored_sources(m) if m is not None else []
    if sources:
        items = "".join(f"<li>{html.escape(source_label(s))}</li>" for s in sources)
        parts.append(f'<div class="sources"><b>Sources</b><ul>{items}</ul></div>')
    parts.append(end)
    return "\n".join(parts)


def _thinking_html(reasoning: str, printed: bool) -> str:
    """The thinking before an answer: collapsed in HTML, a grey section on paper."""
    body = render_markdown(reasoning)
    if printed:
        return f'<div class="thinking"><p class="note"><b>Thinking</b></p>{body}</div>'
    return f'<details class="thinking"><summary>Thinking</summary>{body}</details>'


def render_markdown(text: str) -> str:
    """Markdown → HTML with raw HTML shown as text and code highlighted inline."""
    return str(_markdown().render(text))


@lru_cache(maxsize=1)
def _markdown() -> Any:
    """Built once, on first use."""
    from markdown_it import MarkdownIt
    from pygments.formatters import HtmlFormatter

    from app.core.highlight import highlight_code

    formatter = HtmlFormatter(nowrap=True, noclasses=True, style="friendly")
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])

    def fence(_renderer: Any, tokens: Any, index: int, *_: Any) -> str:
        token = tokens[index]
        language = (token.info or "").strip().split(" ")[0]
        code = highlight_code(token.content, language, formatter)
        label = f' data-lang="{html.escape(language, quote=True)}"' if language else ""
        return f"<pre{label}><code>{code}</code></pre>\n"

    def image(_renderer: Any, tokens: Any, index: int, *_: Any) -> str:
        # never an <img>: an export must not load anything from the network
        src = str(tokens[index].attrGet("src") or "")
        alt = html.escape(tokens[index].content or src)
        return f'<a href="{html.escape(src, quote=True)}">[image: {alt}]</a>'

    md.add_render_rule("fence", fence)
    md.add_render_rule("code_block", fence)
    md.add_render_rule("image", image)
    # markdown-it's own link check already refuses javascript:, vbscript: and file: links
    return md


# -- files -----------------------------------------------------------------------------------


def render(chats: list[ChatExport], fmt: str) -> str:
    """The text of an export in one of FORMATS (PDF is drawn by Qt from the HTML)."""
    if fmt == "json":
        return to_json(chats)
    if fmt == "jsonl":
        return to_jsonl(chats)
    if fmt == "md":
        return to_markdown_all(chats)
    if fmt == "html":
        title = say.english_title(chats[0].chat.title) if len(chats) == 1 else "Hearth chats"
        return to_html(chats, title)
    raise ValueError(f"unknown export format {fmt!r}")


def write_export(chats: list[ChatExport], fmt: str, path: Path) -> Path:
    """Write atomically: a full disk leaves no half-written file behind."""
    try:
        atomic_write_text(path, render(chats, fmt))
        path.chmod(0o644)  # a document to share, not a private temp file
    except OSError as exc:
        raise HearthError(say.EXPORT_FAILED(exc.strerror or str(exc), path=str(path))) from exc
    return path
