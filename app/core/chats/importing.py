"""Chats into Hearth: Hearth's own JSON export (without loss), and ChatGPT's
`conversations.json` (the branch the user last saw of each conversation).

`read_chats(text)` recognises the format and returns `ChatExport`s with id 0, ready for
`ChatStore.import_chat`. A file that is neither, or that is over a limit (`import_limits`),
raises `ChatImportError` saying what it is not; a chat with a field of the wrong type
(`import_models`) is skipped and named, with the field, in `ImportResult.skipped`, and the rest
of the file still imports. Every sentence shown comes from `import_text`.

Choices: a message or system prompt longer than `Limits.max_text` characters is cut there and
the cut is named (the chat is kept); a chat with more than `Limits.max_messages` messages is
skipped and named; after `Limits.max_chats` chats the rest of the file is named, not imported.
ChatGPT mappings are walked with a record of the nodes seen, so a cycle ends the walk.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from app.core.chats import import_text as say
from app.core.chats.export import FORMAT, VERSION, ChatExport
from app.core.chats.import_limits import DEFAULT_LIMITS, Budget, Limits, memory_limit, parse_json
from app.core.chats.import_models import (
    ROLES,
    STATUSES,
    GptConversation,
    GptNode,
    HearthChat,
    HearthMessage,
    describe,
)
from app.core.chats.store import Chat, StoredMessage
from app.core.errors import ChatImportError
from app.core.text import Msg

__all__ = ["ROLES", "STATUSES", "ImportResult", "read_chats", "read_document"]


@dataclass
class ImportResult:
    """What a file held: the chats to add, and the ones skipped (or cut) with the reason."""

    chats: list[ChatExport] = field(default_factory=list)
    skipped: list[Msg] = field(default_factory=list)
    source: str = ""  # "Hearth" or "ChatGPT"
    file: str = ""  # the file's name, and the sha256 of its bytes (see import_mark)
    sha256: str = ""

    @property
    def format(self) -> str:
        """The format's key in the import mark: "hearth" or "chatgpt"."""
        return self.source.lower()


def read_chats(text: str, limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Parse and check `text` (an import file's contents) within `limits`."""
    budget = Budget(limits.seconds)
    data = parse_json(text, limits, budget)
    with memory_limit():
        return read_document(data, limits, budget)


def read_document(data: object, limits: Limits, budget: Budget) -> ImportResult:
    """Recognise a parsed file and read its chats."""
    if isinstance(data, dict) and data.get("format") == FORMAT:
        return _hearth(data, limits, budget)
    if isinstance(data, list) and (
        not data or any(isinstance(c, dict) and "mapping" in c for c in data)
    ):
        return _chatgpt(data, limits, budget)
    if isinstance(data, dict) and isinstance(data.get("messages"), list):
        raise ChatImportError(say.jsonl())  # one line of JSONL chat messages
    raise ChatImportError(say.not_a_chat_file())


def _capped(items: list[Any], limits: Limits, result: ImportResult) -> list[Any]:
    if len(items) > limits.max_chats:
        result.skipped.append(say.too_many_chats(len(items), limits.max_chats))
        return items[: limits.max_chats]
    return items


def _kind(value: object) -> str:
    if value is None:
        return "missing"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return "other"


def _cut(text: str, limits: Limits, chat: Msg, path: str, result: ImportResult) -> str:
    if len(text) <= limits.max_text:
        return text
    result.skipped.append(say.text_cut(chat, path, limits.max_text))
    return text[: limits.max_text]


# -- Hearth JSON -----------------------------------------------------------------------------


def _version(value: object) -> int:
    if value is None:
        raise ChatImportError(say.version_missing())
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) <= 100:
        number = int(value.strip())
    elif isinstance(value, float) and math.isfinite(value):
        raise ChatImportError(say.version_unknown(value))  # 1.5: a number, but no version
    if number is None:
        raise ChatImportError(say.version_not_a_number(value))
    if number > VERSION:
        raise ChatImportError(say.version_newer(number))
    if number < 1:
        raise ChatImportError(say.version_unknown(number))
    return number


def _hearth(data: dict[str, Any], limits: Limits, budget: Budget) -> ImportResult:
    _version(data.get("version"))
    chats = data.get("chats")
    if not isinstance(chats, list):
        raise ChatImportError(say.chats_not_a_list(_kind(chats)))
    result = ImportResult(source="Hearth")
    for n, raw in enumerate(_capped(chats, limits, result), start=1):
        budget.check()
        export = _hearth_chat(n, raw, limits, result)
        if export is not None:
            result.chats.append(export)
    return result


def _hearth_chat(n: int, raw: object, limits: Limits, result: ImportResult) -> ChatExport | None:
    if not isinstance(raw, dict):
        result.skipped.append(say.not_an_object(say.chat_name(n, None)))
        return None
    name = say.chat_name(n, raw.get("title"))
    lists = (raw.get("messages"), raw.get("other_versions"))
    count = sum(len(v) for v in lists if isinstance(v, list))
    if count > limits.max_messages:
        result.skipped.append(say.too_many_messages(name, count, limits.max_messages))
        return None
    try:
        chat = HearthChat.model_validate(raw)
    except ValidationError as exc:
        where, problem = describe(exc)
        result.skipped.append(say.bad_field(name, where, problem))
        return None
    stored = [_hearth_message(i, m, limits, name, result) for i, m in enumerate(chat.messages)]
    others = [
        _hearth_message(i, m, limits, name, result, "other_versions")
        for i, m in enumerate(chat.other_versions)
    ]
    system_prompt = chat.system_prompt
    if system_prompt is not None:
        system_prompt = _cut(system_prompt, limits, name, "system_prompt", result)
    return ChatExport(
        Chat(
            id=0,
            title=chat.title,
            created_at=chat.created_at,
            updated_at=chat.updated_at if chat.updated_at is not None else chat.created_at,
            model=chat.model,
            system_prompt=system_prompt,
            prompt_id=chat.prompt_id,
            settings=chat.settings,
            message_count=len(stored) + len(others),
        ),
        stored,
        _versions_or_none(stored, others, name, result),
    )


def _versions_or_none(
    shown: list[StoredMessage], others: list[StoredMessage], name: Msg, result: ImportResult
) -> list[StoredMessage]:
    """The other versions, when every message names itself and its parent consistently (else
    none, and a note: the chat is read as the line of messages shown)."""
    if not others:
        return []
    every = shown + others
    ids = [m.id for m in every]
    known = set(ids)
    parents = [(m.parent_id, m.id) for m in every if m.parent_id is not None]
    if 0 in known or len(known) != len(ids) or any(p not in known or p >= c for p, c in parents):
        result.skipped.append(say.versions_left_out(name, len(others)))
        return []  # Hearth names every message, and writes a parent before its children
    return others


def _hearth_message(
    index: int,
    m: HearthMessage,
    limits: Limits,
    name: Msg,
    result: ImportResult,
    where: str = "messages",
) -> StoredMessage:
    return StoredMessage(
        id=m.id or 0,
        parent_id=m.parent,
        reasoning=None
        if m.reasoning is None
        else _cut(m.reasoning, limits, name, f"{where}[{index}].reasoning", result),
        chat_id=0,
        role=m.role,  # type: ignore[arg-type]  # checked against ROLES
        content=_cut(m.content, limits, name, f"{where}[{index}].content", result),
        status=m.status,  # type: ignore[arg-type]  # checked against STATUSES
        created_at=m.created_at,
        model=m.model,
        params=m.params,
        timings=m.timings,
        prompt_tokens=m.prompt_tokens,
        completion_tokens=m.completion_tokens,
        sources=None if m.sources is None else [s.stored() for s in m.sources],
        error=m.error,
    )


# -- ChatGPT conversations.json --------------------------------------------------------------


def _chatgpt(conversations: list[Any], limits: Limits, budget: Budget) -> ImportResult:
    result = ImportResult(source="ChatGPT")
    for n, raw in enumerate(_capped(conversations, limits, result), start=1):
        budget.check()
        if not isinstance(raw, dict):
            result.skipped.append(say.not_an_object(say.chat_name(n, None)))
            continue
        title = raw.get("title")
        name = say.chat_name(n, title if isinstance(title, str) else None)
        try:
            export = _chatgpt_chat(n, raw, limits, budget, name, result)
        except _Refused as refused:
            result.skipped.append(refused.reason)
            continue
        if export.messages:
            result.chats.append(export)
        else:
            result.skipped.append(say.no_text_messages(name))
    return result


class _Refused(Exception):
    """A conversation that cannot be imported; `reason` is the line for `skipped`."""

    def __init__(self, reason: Msg) -> None:
        super().__init__(str(reason))
        self.reason = reason


def _chatgpt_chat(
    n: int,
    raw: dict[str, Any],
    limits: Limits,
    budget: Budget,
    name: Msg,
    result: ImportResult,
) -> ChatExport:
    try:
        conversation = GptConversation.model_validate(raw)
    except ValidationError as exc:
        raise _Refused(say.bad_field(name, *describe(exc))) from None
    created = conversation.create_time if conversation.create_time is not None else time.time()
    system_prompt: str | None = None
    messages: list[StoredMessage] = []
    for key, node in _branch(conversation.mapping, conversation.current_node, budget, name):
        message = node.message
        if message is None:
            continue
        role = message.author.role if message.author is not None else None
        metadata = message.metadata or {}
        text = _text(message.content or {})
        hidden = metadata.get("is_visually_hidden_from_conversation")
        if role not in ROLES or not text.strip() or hidden:
            continue  # tool calls, images, empty system stubs
        text = _cut(text, limits, name, f'mapping["{key[:40]}"].message.content', result)
        if role == "system":
            system_prompt = system_prompt or text
            continue
        if len(messages) >= limits.max_messages:
            raise _Refused(say.too_many_messages(name, len(messages) + 1, limits.max_messages))
        slug = metadata.get("model_slug")
        when = message.create_time if message.create_time is not None else created
        model = slug if isinstance(slug, str) else None
        messages.append(StoredMessage(0, 0, role, text, "complete", when, model))  # type: ignore[arg-type]
    title = conversation.title or f"ChatGPT conversation {n}"
    chat = Chat(
        id=0,
        title=title,
        created_at=created,
        updated_at=conversation.update_time if conversation.update_time is not None else created,
        model=conversation.default_model_slug,
        system_prompt=system_prompt,
        settings={"imported_from": "ChatGPT"},
        message_count=len(messages),
    )
    return ChatExport(chat, messages)


def _branch(
    mapping: dict[str, Any], current: str | None, budget: Budget, name: Msg
) -> list[tuple[str, GptNode]]:
    """The nodes from the root to `current` (the branch shown last), oldest first; in older
    exports without `current_node`, from the root along each node's last child. Either walk
    keeps the nodes it has seen, so a cycle ends it; a parent or child that points nowhere
    ends it too. Each node is checked as it is reached."""

    def node(key: str) -> GptNode:
        raw = mapping[key]
        prefix = f'mapping["{key[:40]}"]'
        try:
            return GptNode.model_validate(raw)
        except ValidationError as exc:
            raise _Refused(say.bad_field(name, *describe(exc, prefix))) from None

    path: list[tuple[str, GptNode]] = []
    seen: set[str] = set()
    if current is not None and current in mapping:
        key: str | None = current
        while key is not None and key in mapping and key not in seen:
            budget.check()
            seen.add(key)
            found = node(key)
            path.append((key, found))
            key = found.parent
        return path[::-1]
    key = _root(mapping)
    while key is not None and key not in seen:
        budget.check()
        seen.add(key)
        found = node(key)
        path.append((key, found))
        children = [c for c in found.children if c in mapping]
        key = children[-1] if children else None
    return path


def _root(mapping: dict[str, Any]) -> str | None:
    """The first node without a parent; else the first whose parent is not in the mapping;
    else (every node in a cycle) the first node."""
    dangling: str | None = None
    first: str | None = None
    for key, raw in mapping.items():
        if not isinstance(raw, dict):
            continue
        first = key if first is None else first
        parent = raw.get("parent")
        if not parent:
            return key
        if dangling is None and (not isinstance(parent, str) or parent not in mapping):
            dangling = key
    return dangling if dangling is not None else first


def _text(content: dict[str, Any]) -> str:
    parts = content.get("parts")
    if isinstance(parts, list):
        return "\n\n".join(p for p in parts if isinstance(p, str))
    text = content.get("text")
    return text if isinstance(text, str) else ""
