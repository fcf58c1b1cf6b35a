"""The mark an imported chat carries, and finding the chats an earlier import of a file added.

The mark lives in the chat's settings (no schema change), under "imported":
`{"file": "conversations.json", "format": "chatgpt", "sha256": "…", "at": 1733322000.0}`:
the file's name (not its folder: a path can say more about a person than they meant to
share when the chat is exported), the format it was read as, the sha256 of the file's bytes
and when it was imported. A file is "the same" when its sha256 is, whatever its name.

A chat imported from a Hearth export that was itself imported earlier gets the new mark: it
says where this copy came from.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import Any

from app.core.chats.store import Chat

KEY = "imported"
FORMAT_NAMES = {"hearth": "Hearth JSON", "chatgpt": "ChatGPT conversations.json"}


@dataclass(frozen=True)
class ImportedFrom:
    """Where an imported chat came from."""

    file: str
    format: str  # a key of FORMAT_NAMES
    sha256: str
    at: float  # Unix time of the import

    @property
    def format_name(self) -> str:
        return FORMAT_NAMES.get(self.format, self.format)

    def record(self) -> dict[str, Any]:
        return {"file": self.file, "format": self.format, "sha256": self.sha256, "at": self.at}

    @staticmethod
    def of(chat: Chat) -> ImportedFrom | None:
        """The chat's mark; None for a chat not imported, or a mark that is not readable
        (an export edited by hand): such a chat is shown as not imported."""
        raw = chat.settings.get(KEY)
        if not isinstance(raw, dict):
            return None
        file, fmt, sha, at = (raw.get(k) for k in ("file", "format", "sha256", "at"))
        if not (isinstance(file, str) and isinstance(fmt, str) and isinstance(sha, str)):
            return None
        if not isinstance(at, int | float) or isinstance(at, bool) or not math.isfinite(at):
            return None
        return ImportedFrom(file, fmt, sha, float(at))


def fingerprint(data: bytes) -> str:
    """The sha256 of a file's bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def marked(chat: Chat, origin: ImportedFrom) -> Chat:
    """`chat` with `origin` in its settings (its other settings kept)."""
    return replace(chat, settings={**(chat.settings or {}), KEY: origin.record()})


def earlier_imports(chats: Iterable[Chat], sha256: str, hidden: Collection[int] = ()) -> list[Chat]:
    """The chats, but the `hidden` ones (deleted a moment ago), imported from a file with
    this sha256, oldest import first."""
    found = [
        (origin.at, chat)
        for chat in chats
        if chat.id not in hidden
        and (origin := ImportedFrom.of(chat)) is not None
        and origin.sha256 == sha256
    ]
    return [chat for _, chat in sorted(found, key=lambda pair: pair[0])]
