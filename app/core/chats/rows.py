"""Stored rows read back: message details and times of the types every reader expects, and
the SQL of the message search.

Whatever an old database, an import from before the limits, or a salvage holds, a reader gets
a list of objects for sources, objects for parameters and timings, and a time it can show.
"""

from __future__ import annotations

import json
import logging
import math
from typing import Any

from app.core.chats.import_limits import MAX_TIME, MIN_TIME

log = logging.getLogger(__name__)


def message_search_sql(query: str, limit: int) -> tuple[str, tuple[Any, ...]]:
    select = (
        "SELECT m.id, m.chat_id, c.title, {snippet} AS snippet FROM messages m "
        "JOIN chats c ON c.id = m.chat_id "
    )
    if len(query) >= 3:  # the trigram tokenizer needs three characters
        phrase = '"' + query.replace('"', '""') + '"'
        sql = select.format(snippet="snippet(messages_fts, 0, '[', ']', '…', 40)") + (
            "JOIN messages_fts f ON f.rowid = m.id WHERE messages_fts MATCH ? "
            "ORDER BY m.id DESC LIMIT ?"
        )
        return sql, (phrase, limit)
    pattern = like_pattern(query)
    sql = select.format(snippet="substr(m.content, 1, 120)") + (
        "WHERE m.content LIKE ? ESCAPE '\\' ORDER BY m.id DESC LIMIT ?"
    )
    return sql, (pattern, limit)


def like_pattern(query: str) -> str:
    """A LIKE pattern matching `query` literally anywhere (with ESCAPE '\\')."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def load(text: str | None) -> Any:
    """A message's optional details (parameters, timings, sources). Damaged ones are dropped,
    logged, and left as they are on disk: the message itself still opens."""
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        log.warning("a message detail could not be read and is ignored: %.80r", text)
        return None


def is_time(value: Any) -> bool:
    """Whether `value` is a time every reader can show (seconds from 1970 to the year 3000)."""
    return isinstance(value, int | float) and math.isfinite(value) and MIN_TIME <= value <= MAX_TIME


def usable_time(value: Any, default: float = 0.0) -> float:
    """A stored time every reader can show: one out of range (an import before limits, a
    salvaged row) reads as `default`, 0 (the start of 1970) unless told, never as an error."""
    return float(value) if is_time(value) else default


def load_as(text: str | None, kind: type) -> Any:
    """A stored detail, only when it has the type every reader expects (else absent)."""
    value = load(text)
    return value if isinstance(value, kind) else None


def sources(text: str | None) -> list[Any] | None:
    """A message's sources: a list of objects, whatever an old database or import holds."""
    value = load_as(text, list)
    return None if value is None else [s for s in value if isinstance(s, dict)]


def settings(text: str | None) -> dict[str, Any]:
    value = load(text)
    return value if isinstance(value, dict) else {}
