"""Export and import as whole operations, shared by the CLI and the window's worker.

Each chat is read, or added, on its own: one that is gone or damaged is named in the outcome and
the rest still go through. Writing is all or nothing (`write_export` is atomic).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.core.chats import import_text as say_import
from app.core.chats import texts as say
from app.core.chats.export import FORMATS, ChatExport, read_export, to_html, write_export
from app.core.chats.import_limits import (
    DEFAULT_LIMITS,
    Budget,
    Limits,
    decode,
    memory_limit,
    parse_json,
    read_bytes,
)
from app.core.chats.import_mark import ImportedFrom, earlier_imports, fingerprint, marked
from app.core.chats.importing import ImportResult, read_document
from app.core.chats.store import Chat, ChatStore
from app.core.chats.titles import ELLIPSIS, title_from
from app.core.errors import (
    AlreadyImported,
    ChatNotFound,
    ChatStoreFull,
    HearthError,
    message_of,
)
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
            exports.append(read_export(store, chat_id))
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
    name = path.name or str(path)
    data = read_bytes(path, limits)
    sha256 = fingerprint(data)
    text = decode(data, name)
    del data
    budget.check()
    parsed = parse_json(text, limits, budget)
    del text
    with memory_limit():
        result = read_document(parsed, limits, budget)
    result.file, result.sha256 = name, sha256
    return result


def check_new(store: ChatStore, result: ImportResult, hidden: Collection[int] = ()) -> None:
    """Raise AlreadyImported when chats from the same file (same sha256) are still here,
    but the `hidden` ones (deleted a moment ago)."""
    if not result.sha256:
        return
    earlier = earlier_imports(store.list_chats(), result.sha256, hidden)
    if earlier:
        first = ImportedFrom.of(earlier[0])
        when = first.at if first is not None else earlier[0].created_at
        title = earlier[0].title_msg()
        raise AlreadyImported(say_import.already_imported(result.file, when, len(earlier), title))


def store_imports(
    store: ChatStore, result: ImportResult, *, again: bool = False, hidden: Collection[int] = ()
) -> ImportOutcome:
    """Add each chat in its own transaction, marked with where it came from; one that fails
    is named and the rest still go in. Unless `again`, a file imported before is refused
    (AlreadyImported, see `check_new`) and nothing is added."""
    if not again:
        check_new(store, result, hidden)
    origin = ImportedFrom(result.file, result.format, result.sha256, time.time())
    added: list[Chat] = []
    skipped = list(result.skipped)
    for n, export in enumerate(result.chats):
        chat = marked(export.chat, origin) if result.sha256 else export.chat
        try:
            chat = replace(chat, current_id=export.current_id)
            tree = bool(export.others)  # else the line shown, in the file's order
            messages = export.every if tree else export.messages
            added.append(store.import_chat(chat, messages, tree=tree))
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
    stem = title_from(keep).removesuffix(ELLIPSIS) or "Hearth chat"  # cut at a word
    return f"{stem}.{fmt}"


def _reason(exc: BaseException) -> Msg:
    """Why one chat could not be read or added, as a sentence of its own."""
    if isinstance(exc, json.JSONDecodeError):
        return say.DAMAGED_DATA()
    if isinstance(exc, HearthError | OSError):
        return message_of(exc)
    return say.CANNOT_READ(str(exc))
