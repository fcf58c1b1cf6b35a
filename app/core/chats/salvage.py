"""Bring back into the live store what can still be read from damaged databases kept aside.

Shared by `hearth chats recover` and the window's recovery banner. Each chat comes back in one
transaction with its times and message details; messages whose chat row is lost come back in a
chat of their own per lost chat. A notice already salvaged is not salvaged again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.core.chats import recovery
from app.core.chats.opening import start_lock
from app.core.chats.recovery import Readable, RecoveryNotice, Salvaged
from app.core.chats.rows import usable_time
from app.core.chats.store import Chat, ChatStore, StoredMessage

log = logging.getLogger(__name__)

SALVAGED_FROM, SALVAGED_ID = "salvaged_from", "salvaged_id"  # in a salvaged chat's settings


def salvage_all(store: ChatStore) -> list[RecoveryNotice]:
    """Salvage every notice not yet salvaged; return the notices as they now stand. Holding
    the start lock, so the window and `hearth chats recover` never salvage at the same time."""
    with start_lock(store.path):
        done = []
        for notice in store.notices:
            if not notice.salvaged and not notice.pending:
                notice = recovery.mark_salvaged(store.path, notice, salvage_one(store, notice))
            done.append(notice)
        return done


def salvage_one(store: ChatStore, notice: RecoveryNotice) -> Salvaged:
    """Each readable chat, in its own transaction, marked with where it came from: a salvage
    cut short (a full disk) and run again adds only the chats still missing."""
    readable = recovery.read_back(Path(notice.kept), store.path.name)
    present = {
        c.settings.get(SALVAGED_ID)
        for c in store.list_chats()
        if c.settings.get(SALVAGED_FROM) == notice.kept
    }
    chats = messages = 0
    for key, chat, rows in _grouped(readable):
        if key not in present:
            marks = {SALVAGED_FROM: notice.kept, SALVAGED_ID: key}
            tree = any(m.parent_id is not None for m in rows)  # a file with versions
            rows = _mend_versions(rows) if tree else rows
            store.import_chat(replace(chat, settings={**chat.settings, **marks}), rows, tree)
        chats += 1
        messages += len(rows)
    log.info("salvaged %d chats, %d messages from %s", chats, messages, notice.kept)
    return Salvaged(chats, messages)


def _grouped(readable: Readable) -> list[tuple[str, Chat, list[StoredMessage]]]:
    """(a key naming the chat in the kept copy, the chat, its messages), oldest first."""
    by_chat: dict[int, list[StoredMessage]] = {}
    for row in readable.messages:
        by_chat.setdefault(int(row["chat_id"]), []).append(_message(row))
    groups = []
    for chat_id, row in readable.chats.items():
        groups.append((f"chat {chat_id}", _chat(row), by_chat.pop(chat_id, [])))
    for chat_id, rows in by_chat.items():  # their chat row could not be read
        when = rows[0].created_at
        orphan = Chat(0, f"Recovered messages (chat {chat_id})", when, rows[-1].created_at)
        groups.append((f"messages of chat {chat_id}", orphan, rows))
    return groups


def _mend_versions(rows: list[StoredMessage]) -> list[StoredMessage]:
    """A message whose parent was lost follows the message before it, so the conversation
    reads on past the damage instead of splitting into versions."""
    mended: list[StoredMessage] = []
    known: set[int] = set()
    for m in rows:
        if m.parent_id is not None and m.parent_id not in known:
            m = replace(m, parent_id=mended[-1].id if mended else None)
        mended.append(m)
        known.add(m.id)
    return mended


def _chat(row: dict[str, Any]) -> Chat:
    created = float(row["created_at"])
    updated = row.get("updated_at")
    return Chat(
        id=0,
        title=_text(row.get("title")) or "Recovered chat",
        created_at=created,
        updated_at=usable_time(updated, created),
        model=_text(row.get("model")),
        system_prompt=_text(row.get("system_prompt")),
        prompt_id=_text(row.get("prompt_id")),
        settings=_json(row.get("settings_json"), dict) or {},
        current_id=_count(row.get("current_id")),
    )


def _message(row: dict[str, Any]) -> StoredMessage:
    status = row.get("status")
    return StoredMessage(
        id=int(row["id"]),  # names it to its versions (see `ChatStore.import_chat`)
        parent_id=_count(row.get("parent_id")),
        chat_id=0,
        role=row["role"],
        content=row["content"],
        status=status if status in recovery.STATUSES else "complete",
        created_at=float(row["created_at"]),
        model=_text(row.get("model")),
        params=_json(row.get("params_json"), dict),
        timings=_json(row.get("timings_json"), dict),
        prompt_tokens=_count(row.get("prompt_tokens")),
        completion_tokens=_count(row.get("completion_tokens")),
        sources=_json(row.get("sources_json"), list),
        error=_text(row.get("error")),
        reasoning=_text(row.get("reasoning")),
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and value >= 0 else None


def _json(value: Any, kind: type) -> Any:
    if not isinstance(value, str):
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        return None
    return parsed if isinstance(parsed, kind) else None
