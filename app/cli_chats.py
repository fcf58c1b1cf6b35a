"""`hearth chats list|show|search|export|import`: the saved chats in a terminal.

hearth chats list                          every chat, newest first
hearth chats show ID | search TEXT
hearth chats export [ID ...|--all] -f md|html|pdf|json|jsonl [-o FILE]
hearth chats import FILE [--again]         a Hearth JSON export or ChatGPT's conversations.json
                                           (--again: a file imported before, once more)
hearth chats recover [--dismiss]           salvage a damaged database kept aside, or stop the notice

Status lines and errors are phrases, printed in the language of the terminal (`LANG`); the
chats themselves (titles, messages, exports) are printed as they are.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli_words import say
from app.core.chats.salvage import salvage_all
from app.core.chats.store import ChatStore
from app.core.chats.texts import title_msg
from app.core.chats.transfer import (
    EXPORT_FORMATS,
    PdfWriter,
    export_chats,
    gather,
    read_import_file,
    store_imports,
)
from app.core.errors import AlreadyImported
from app.core.services import Services
from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase

READ_ONLY_NOTE = Phrase(
    "cli.chats.read-only",
    QT_TRANSLATE_NOOP("Messages", "{trouble} (The chats can be read; nothing can be saved.)"),
)
RECOVER_HINT = Phrase(
    "cli.chats.recover-hint",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Run `hearth chats recover` to bring back what is readable, or `hearth chats recover "
        "--dismiss` to stop this notice.",
    ),
)
NOTHING_TO_RECOVER = Phrase(
    "cli.chats.nothing-to-recover",
    QT_TRANSLATE_NOOP("Messages", "No damaged chat database is waiting to be recovered."),
)
DISMISSED = Phrase(
    "cli.chats.dismissed",
    QT_TRANSLATE_NOOP("Messages", "Notice dismissed; the kept files were left where they are."),
)
DISMISS_HINT = Phrase(
    "cli.chats.dismiss-hint",
    QT_TRANSLATE_NOOP(
        "Messages", "Run `hearth chats recover --dismiss` once you are done with the notice."
    ),
)
LISTED = Phrase(
    "cli.chats.listed",
    QT_TRANSLATE_NOOP("Messages", "{title}  ({n} message, {model})"),
    QT_TRANSLATE_NOOP("Messages", "{title}  ({n} messages, {model})"),
)
SHOWN = Phrase("cli.chats.shown", QT_TRANSLATE_NOOP("Messages", "{title}  (chat {id}, {model})"))
NO_MODEL = Phrase("cli.chats.no-model", QT_TRANSLATE_NOOP("Messages", "no model"))
MESSAGE_ERROR = Phrase("cli.chats.message-error", QT_TRANSLATE_NOOP("Messages", "(error: {error})"))
NO_MATCH = Phrase("cli.chats.no-match", QT_TRANSLATE_NOOP("Messages", "No chat matches."))
NAME_THE_CHATS = Phrase(
    "cli.chats.name-the-chats",
    QT_TRANSLATE_NOOP(
        "Messages", "Name the chats to export (ids from `hearth chats list`) or use --all."
    ),
)
EXPORTED = Phrase(
    "cli.chats.exported", QT_TRANSLATE_NOOP("Messages", "Exported {n} chat(s) to {path}")
)
IMPORTED = Phrase(
    "cli.chats.imported",
    QT_TRANSLATE_NOOP("Messages", "Imported {n} chat(s) from {source} ({file})."),
)
SKIPPED = Phrase("cli.chats.skipped", QT_TRANSLATE_NOOP("Messages", "skipped: {reason}"))
NOT_AGAIN = Phrase(
    "cli.chats.not-again",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{reason} Nothing was imported; add --again to import it once more.",
    ),
)


def _print(message: Msg, *, err: bool = False) -> None:
    """A status line in the user's language (stderr with `err`)."""
    print(say(message), file=sys.stderr if err else sys.stdout)


def add_commands(chats: Any) -> None:
    """Register the commands on the `hearth chats` sub-parser."""
    chats.add_parser("list", help="all chats, newest first").set_defaults(run=cmd_chats_list)
    show = chats.add_parser("show", help="print one chat")
    show.add_argument("id", type=int)
    show.set_defaults(run=cmd_chats_show)
    search = chats.add_parser("search", help="find chats by text")
    search.add_argument("text", nargs="+")
    search.set_defaults(run=cmd_chats_search)
    export = chats.add_parser("export", help="write chats to Markdown, HTML, PDF, JSON or JSONL")
    export.add_argument("ids", type=int, nargs="*", metavar="ID")
    export.add_argument("--all", action="store_true", help="every chat")
    export.add_argument("--format", "-f", choices=EXPORT_FORMATS, default="md")
    export.add_argument("--output", "-o", type=Path, help="the file to write")
    export.set_defaults(run=cmd_chats_export)
    imported = chats.add_parser("import", help="add chats from a Hearth JSON export or ChatGPT")
    imported.add_argument("file", type=Path, help="hearth JSON or ChatGPT's conversations.json")
    imported.add_argument(
        "--again", action="store_true", help="import a file that was imported before, once more"
    )
    imported.set_defaults(run=cmd_chats_import)
    recover = chats.add_parser(
        "recover", help="bring back what is readable from a damaged chat database kept aside"
    )
    recover.add_argument(
        "--dismiss", action="store_true", help="stop showing the notice (the kept files stay)"
    )
    recover.set_defaults(run=cmd_chats_recover)


def open_store(
    services: Services, tell: Callable[[str], None] | None = None, notices: bool = True
) -> ChatStore:
    """The chat store, saying (on stderr) why it is read-only and which damaged databases
    were kept aside, until the user runs `hearth chats recover`."""
    tell = tell or (lambda text: print(text, file=sys.stderr))
    store = ChatStore(services.paths.chats_db)
    if store.trouble is not None:
        tell(say(READ_ONLY_NOTE(trouble=store.trouble.msg)))
    if notices and store.notices:
        for notice in store.notices:
            tell(say(notice.text()))
        tell(say(RECOVER_HINT()))
    return store


def _store(services: Services, notices: bool = True) -> ChatStore:
    return open_store(services, notices=notices)


def cmd_chats_recover(services: Services, args: argparse.Namespace) -> int:
    with _store(services, notices=False) as store:
        if not store.notices:
            _print(NOTHING_TO_RECOVER())
            return 0
        if args.dismiss:
            store.dismiss_notices()
            _print(DISMISSED())
            return 0
        for notice in salvage_all(store):
            _print(notice.text())
    _print(DISMISS_HINT())
    return 0


def cmd_chats_list(services: Services, args: argparse.Namespace) -> int:
    with _store(services) as store:
        for chat in store.list_chats():
            line = LISTED(title=chat.title_msg(), n=chat.message_count, model=chat.model or "-")
            print(f"{chat.id:>5}  {say(line)}")
    return 0


def cmd_chats_show(services: Services, args: argparse.Namespace) -> int:
    with _store(services) as store:
        chat = store.get_chat(args.id)
        model = Msg.plain(chat.model) if chat.model else NO_MODEL()
        print("# " + say(SHOWN(title=chat.title_msg(), id=str(chat.id), model=model)))
        for m in store.messages(chat.id):
            flag = "" if m.status == "complete" else f" [{m.status}]"
            print(f"\n## {m.role}{flag}\n{m.content}")
            if m.error:
                _print(MESSAGE_ERROR(error=Msg.from_json(m.error)))
    return 0


def cmd_chats_search(services: Services, args: argparse.Namespace) -> int:
    with _store(services) as store:
        hits = store.search(" ".join(args.text))
    for hit in hits:
        print(f"{hit.chat_id:>5}  {say(title_msg(hit.chat_title))}\n       {hit.snippet}")
    if not hits:
        _print(NO_MATCH(), err=True)
    return 0


def cmd_chats_export(services: Services, args: argparse.Namespace) -> int:
    if not args.ids and not args.all:
        _print(NAME_THE_CHATS(), err=True)
        return 2
    with _store(services) as store:
        chats, problems = gather(store, None if args.all else args.ids)
    stamp = time.strftime("%Y%m%d-%H%M")
    path: Path = args.output or Path(f"hearth-chats-{stamp}.{args.format}")
    pdf = _pdf_writer() if args.format == "pdf" else None
    outcome = export_chats(chats, args.format, path, problems, pdf)
    _print(EXPORTED(n=outcome.exported, path=str(outcome.path)))
    for problem in outcome.problems:
        _print(problem, err=True)
    return 1 if outcome.problems else 0


def _pdf_writer() -> PdfWriter:
    """PDF is drawn by Qt's rich-text engine, imported only for this."""
    from app.ui.pdf import write_pdf

    return write_pdf


def cmd_chats_import(services: Services, args: argparse.Namespace) -> int:
    """Exit 0 when imported; 1, with nothing added, for a file imported before (unless
    `--again`), as for any other refusal."""
    result = read_import_file(args.file)
    with _store(services) as store:
        try:
            outcome = store_imports(store, result, again=args.again)
        except AlreadyImported as exc:
            _print(NOT_AGAIN(reason=exc.msg), err=True)
            return 1
    _print(IMPORTED(n=len(outcome.added), source=outcome.source, file=args.file.name))
    for skipped in outcome.skipped:
        _print(SKIPPED(reason=skipped), err=True)
    return 0
