"""Export and import as whole operations, shared by the CLI and the window's worker.

Each chat is read, or added, on its own: one that is gone or damaged is named in the outcome and
the rest still go through. Writing is all or nothing (`write_export` is atomic).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from app.core.chats import texts as say
from app.core.chats.export import FORMATS, ChatExport, to_html, write_export
from app.core.chats.import_limits import (
    DEFAULT_LIMITS,
    Budget,
    Limits,
    decode,
    memory_limit,
    parse_json,
    read_bytes,
)
from app.core.chats.importing import ImportResult, read_document
from app.core.chats.store import Chat, ChatStore
from app.core.errors import ChatNotFound, ChatStoreFull, HearthError, message_of
from app.core.text import Msg, together

EXPORT_FORMATS = (*FORMATS, "pdf")

# Writes HTML as a PDF: (html, path, title) -> path. Drawn by Qt, so the UI layer supplies it.
PdfWriter = Callable[[str, Path, str], Path]


@dataclass(frozen=True)
class ExportOutcome:
    """A finished export: where it went, how many chats, and each chat left out with why."""

    path: Path
    exported: int
    problems: list[Msg] = field(default_factory=list)


@dataclass(frozen=True)
class ImportOutcome:
    """A finished import: the chats added, and each one skipped with why."""

    added: list[Chat]
    skipped: list[Msg]
    source: str


def gather(
    store: ChatStore, chat_ids: list[int] | None, hidden: Collection[int] = ()
) -> tuple[list[ChatExport], list[Msg]]:
    """The chats to export (for None: every chat, oldest first, but the `hidden` ones, such as
    chats deleted a moment ago with undo still possible), each read on its own. A chat that no
    longer exists or cannot be read is left out and named in the second list."""
    if chat_ids is None:
        chats = sorted(store.list_chats(), key=lambda c: c.created_at)
        chat_ids = [c.id for c in chats if c.id not in hidden]
    exports: list[ChatExport] = []
    problems: list[Msg] = []
    for chat_id in chat_ids:
        name = say.CHAT_NUMBER(id=str(chat_id))
        try:
            chat = store.get_chat(chat_id)
            name = say.QUOTED(title=chat.title_msg())
            exports.append(ChatExport(chat, store.messages(chat_id)))
        except ChatNotFound:
            problems.append(say.GONE(name=name))
        except (HearthError, sqlite3.Error, ValueError) as exc:
            problems.append(say.UNREADABLE_CHAT(name=name, reason=_reason(exc)))
    return exports, problems


def export_chats(
    chats: list[ChatExport],
    fmt: str,
    path: Path,
    problems: list[Msg] | None = None,
    pdf: PdfWriter | None = None,
) -> ExportOutcome:
    """Write `chats` as `fmt` (one of EXPORT_FORMATS) to `path`. Raises HearthError when nothing
    can be exported or the file cannot be written; nothing partial is left behind."""
    problems = list(problems or [])
    if not chats:
        raise HearthError(together([say.NOTHING_TO_EXPORT(), *problems]))
    if fmt == "pdf":
        if pdf is None:
            raise ValueError("PDF export needs a PDF writer")
        title = say.english_title(chats[0].chat.title) if len(chats) == 1 else "Hearth chats"
        try:
            pdf(to_html(chats, title, printed=True), path, title)
        except OSError as exc:
            raise HearthError(say.PDF_FAILED(exc.strerror or str(exc), path=str(path))) from exc
    else:
        write_export(chats, fmt, path)
    return ExportOutcome(path, len(chats), problems)


def read_import_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Read and recognise an import file (Hearth JSON or ChatGPT's conversations.json), held
    to `limits` (see `import_limits`). Every refusal is a ChatImportError with a clear
    sentence; a chat that cannot be read is named in `ImportResult.skipped`."""
    budget = Budget(limits.seconds)
    text = decode(read_bytes(path, limits), path.name or str(path))
    budget.check()
    data = parse_json(text, limits, budget)
    with memory_limit():
        return read_document(data, limits, budget)


def store_imports(store: ChatStore, result: ImportResult) -> ImportOutcome:
    """Add each chat in its own transaction; one that fails is named and the rest still go in."""
    added: list[Chat] = []
    skipped = list(result.skipped)
    for n, export in enumerate(result.chats):
        try:
            added.append(store.import_chat(export.chat, export.messages))
        except ChatStoreFull as exc:  # no point trying the rest: say how many wait
            left = len(result.chats) - n
            skipped.append(say.LEFT_WAITING(n=left, reason=_reason(exc)))
            break
        except (HearthError, sqlite3.Error, ValueError, OverflowError) as exc:
            name = say.QUOTED(title=export.chat.title_msg())
            skipped.append(say.NOT_ADDED(name=name, reason=_reason(exc)))
    return ImportOutcome(added, skipped, result.source)


def suggested_name(title: str, fmt: str) -> str:
    """A file name for an export: the chat title made safe for every file system."""
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    stem = " ".join(keep.split())[:60].strip() or "Hearth chat"
    return f"{stem}.{fmt}"


def _reason(exc: BaseException) -> Msg:
    """Why one chat could not be read or added, as a sentence of its own."""
    if isinstance(exc, json.JSONDecodeError):
        return say.DAMAGED_DATA()
    if isinstance(exc, HearthError | OSError):
        return message_of(exc)
    return say.CANNOT_READ(str(exc))
