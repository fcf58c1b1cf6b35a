"""Versions of messages: a chat's messages form a tree, and the chat shows one path through it.

Each message names its parent, the message it follows (None for a first message). An edited
question or a regenerated answer is a new child of the same parent: a sibling of the message it
replaces, so nothing is lost. The chat remembers the message it shows last; the conversation
shown is the path from the first message down to it. Switching to another version shows that
version and, below it, the conversation that went on from it most recently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.chats.store import StoredMessage


def children(every: Sequence[StoredMessage]) -> dict[int | None, list[int]]:
    """Each message's children (ids, oldest first); the key None holds the first messages."""
    kids: dict[int | None, list[int]] = {}
    for message in sorted(every, key=lambda m: m.id):
        kids.setdefault(message.parent_id, []).append(message.id)
    return kids


def shown_path(every: Sequence[StoredMessage], current: int | None) -> list[StoredMessage]:
    """The conversation shown: from the first message down to `current` (the newest message
    when `current` is unknown), each message carrying the ids of its versions."""
    if not every:
        return []
    by_id = {m.id: m for m in every}
    node: int | None = current if current in by_id else max(by_id)
    path: list[StoredMessage] = []
    seen: set[int] = set()
    while node is not None and node in by_id and node not in seen:  # a damaged loop ends
        seen.add(node)
        path.append(by_id[node])
        node = by_id[node].parent_id
    kids = children(every)
    return [replace(m, siblings=tuple(kids.get(m.parent_id, [m.id]))) for m in reversed(path)]


def newest_leaf(every: Sequence[StoredMessage], message_id: int) -> int:
    """The message to show last when the user picks `message_id`: follow the newest child
    down from it, so the conversation that went on from that version comes back."""
    kids = children(every)
    node, seen = message_id, {message_id}
    while kids.get(node):
        node = kids[node][-1]
        if node in seen:
            break
        seen.add(node)
    return node


def path_to(every: Sequence[StoredMessage], message_id: int) -> list[StoredMessage]:
    """The conversation up to and including `message_id` (for a fork), first message first;
    empty when there is no such message."""
    if all(m.id != message_id for m in every):
        return []
    return [replace(m, siblings=()) for m in shown_path(every, message_id)]


def subtree(every: Sequence[StoredMessage], message_id: int) -> set[int]:
    """`message_id` and every message that follows from it, in any version."""
    kids = children(every)
    found, todo = set(), [message_id]
    while todo:
        node = todo.pop()
        if node not in found:
            found.add(node)
            todo.extend(kids.get(node, []))
    return found


def position(message: StoredMessage) -> tuple[int, int]:
    """(which version, of how many): (2, 3) is shown as "‹ 2/3 ›"."""
    if message.id not in message.siblings:
        return 1, 1
    return message.siblings.index(message.id) + 1, len(message.siblings)
