"""Chats into Hearth: Hearth's own JSON export (without loss), and ChatGPT's
`conversations.json` (the branch the user last saw of each conversation).

`read_chats(text)` recognises the format and returns `ChatExport`s with id 0, ready for
`ChatStore.import_chat`. A file that is neither raises `ChatImportError` saying what it is
not; a conversation that cannot be read is skipped and named in `ImportResult.skipped`.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from app.core.chats.export import FORMAT, VERSION, ChatExport
from app.core.chats.store import Chat, StoredMessage
from app.core.errors import ChatImportError

ROLES = ("system", "user", "assistant")
STATUSES = ("complete", "cancelled", "failed")


@dataclass
class ImportResult:
    """What a file held: the chats to add, and the ones skipped with the reason."""

    chats: list[ChatExport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    source: str = ""  # "Hearth" or "ChatGPT"


def read_chats(text: str) -> ImportResult:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ChatImportError(f"The file is not JSON ({exc}); nothing was imported.") from None
    if isinstance(data, dict) and data.get("format") == FORMAT:
        return _hearth(data)
    if isinstance(data, list) and all(isinstance(c, dict) and "mapping" in c for c in data):
        return _chatgpt(data)
    raise ChatImportError(
        "The file is neither a Hearth chat export nor ChatGPT's conversations.json; "
        "nothing was imported."
    )


# -- Hearth JSON -----------------------------------------------------------------------------


def _hearth(data: dict[str, Any]) -> ImportResult:
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise ChatImportError(
            f"This export was written by a newer Hearth (format version {version}). "
            "Update Hearth to import it."
        )
    result = ImportResult(source="Hearth")
    for n, raw in enumerate(data.get("chats") or [], start=1):
        try:
            result.chats.append(_hearth_chat(raw))
        except (KeyError, TypeError, ValueError) as exc:
            title = raw.get("title") if isinstance(raw, dict) else None
            result.skipped.append(f'chat {n} "{title or "?"}": {exc}')
    return result


def _hearth_chat(raw: dict[str, Any]) -> ChatExport:
    messages = [_hearth_message(m) for m in raw["messages"]]
    chat = Chat(
        id=0,
        title=str(raw["title"]),
        created_at=float(raw["created_at"]),
        updated_at=float(raw.get("updated_at") or raw["created_at"]),
        model=raw.get("model"),
        system_prompt=raw.get("system_prompt"),
        prompt_id=raw.get("prompt_id"),
        settings=dict(raw.get("settings") or {}),
        message_count=len(messages),
    )
    return ChatExport(chat, messages)


def _hearth_message(raw: dict[str, Any]) -> StoredMessage:
    role, status = raw["role"], raw.get("status", "complete")
    if role not in ROLES or status not in STATUSES:
        raise ValueError(f"a message has an unknown role or status ({role}, {status})")
    return StoredMessage(
        id=0,
        chat_id=0,
        role=role,
        content=str(raw["content"]),
        status=status,
        created_at=float(raw["created_at"]),
        model=raw.get("model"),
        params=raw.get("params"),
        timings=raw.get("timings"),
        prompt_tokens=raw.get("prompt_tokens"),
        completion_tokens=raw.get("completion_tokens"),
        sources=raw.get("sources"),
        error=raw.get("error"),
    )


# -- ChatGPT conversations.json --------------------------------------------------------------


def _chatgpt(conversations: list[dict[str, Any]]) -> ImportResult:
    result = ImportResult(source="ChatGPT")
    for n, conversation in enumerate(conversations, start=1):
        title = str(conversation.get("title") or f"ChatGPT conversation {n}")
        try:
            export = _chatgpt_chat(conversation, title)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            result.skipped.append(f'"{title}": {exc}')
            continue
        if export.messages:
            result.chats.append(export)
        else:
            result.skipped.append(f'"{title}": no text messages')
    return result


def _chatgpt_chat(conversation: dict[str, Any], title: str) -> ChatExport:
    mapping: dict[str, Any] = conversation["mapping"]
    created = float(conversation.get("create_time") or time.time())
    system_prompt: str | None = None
    messages: list[StoredMessage] = []
    for node in _branch(mapping, conversation.get("current_node")):
        message = node.get("message") or {}
        role = (message.get("author") or {}).get("role")
        text = _text(message.get("content") or {})
        hidden = (message.get("metadata") or {}).get("is_visually_hidden_from_conversation")
        if role not in ROLES or not text.strip() or hidden:
            continue  # tool calls, images, empty system stubs
        if role == "system":
            system_prompt = system_prompt or text
            continue
        model = (message.get("metadata") or {}).get("model_slug")
        when = float(message.get("create_time") or created)
        messages.append(StoredMessage(0, 0, role, text, "complete", when, model))
    chat = Chat(
        id=0,
        title=title,
        created_at=created,
        updated_at=float(conversation.get("update_time") or created),
        model=conversation.get("default_model_slug"),
        system_prompt=system_prompt,
        settings={"imported_from": "ChatGPT"},
        message_count=len(messages),
    )
    return ChatExport(chat, messages)


def _branch(mapping: dict[str, Any], current: str | None) -> list[dict[str, Any]]:
    """The nodes from the root to `current` (the branch shown last), oldest first."""
    if current not in mapping:  # older exports: follow the last child from the root
        roots = [n for n in mapping.values() if not n.get("parent")]
        node = roots[0] if roots else None
        path = []
        while node is not None:
            path.append(node)
            children = node.get("children") or []
            node = mapping.get(children[-1]) if children else None
        return path
    path, seen = [], set()
    key: str | None = current
    while key is not None and key in mapping and key not in seen:
        seen.add(key)
        path.append(mapping[key])
        key = mapping[key].get("parent")
    return path[::-1]


def _text(content: dict[str, Any]) -> str:
    parts = content.get("parts")
    if isinstance(parts, list):
        return "\n\n".join(p for p in parts if isinstance(p, str))
    text = content.get("text")
    return text if isinstance(text, str) else ""
