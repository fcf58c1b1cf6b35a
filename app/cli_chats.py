"""`hearth chats list|show|search|export|import`: the saved chats in a terminal.

hearth chats list                          every chat, newest first
hearth chats show ID | search TEXT
hearth chats export [ID ...|--all] -f md|html|pdf|json|jsonl [-o FILE]
hearth chats import FILE                   a Hearth JSON export or ChatGPT's conversations.json
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from app.core.chats.export import FORMATS, ChatExport, collect, render, write_export
from app.core.chats.importing import read_chats
from app.core.chats.store import ChatStore
from app.core.errors import HearthError
from app.core.services import Services


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
    export.add_argument("--format", "-f", choices=[*FORMATS, "pdf"], default="md")
    export.add_argument("--output", "-o", type=Path, help="the file to write")
    export.set_defaults(run=cmd_chats_export)
    imported = chats.add_parser("import", help="add chats from a Hearth JSON export or ChatGPT")
    imported.add_argument("file", type=Path, help="hearth JSON or ChatGPT's conversations.json")
    imported.set_defaults(run=cmd_chats_import)


def _store(services: Services) -> ChatStore:
    store = ChatStore(services.paths.chats_db)
    if store.recovery is not None:
        print(str(store.recovery), file=sys.stderr)
    return store


def cmd_chats_list(services: Services, args: argparse.Namespace) -> int:
    with _store(services) as store:
        for chat in store.list_chats():
            print(
                f"{chat.id:>5}  {chat.title}  ({chat.message_count} messages, {chat.model or '-'})"
            )
    return 0


def cmd_chats_show(services: Services, args: argparse.Namespace) -> int:
    with _store(services) as store:
        chat = store.get_chat(args.id)
        print(f"# {chat.title}  (chat {chat.id}, {chat.model or 'no model'})")
        for m in store.messages(chat.id):
            flag = "" if m.status == "complete" else f" [{m.status}]"
            print(f"\n## {m.role}{flag}\n{m.content}")
            if m.error:
                print(f"(error: {m.error})")
    return 0


def cmd_chats_search(services: Services, args: argparse.Namespace) -> int:
    with _store(services) as store:
        hits = store.search(" ".join(args.text))
    for hit in hits:
        print(f"{hit.chat_id:>5}  {hit.chat_title}\n       {hit.snippet}")
    if not hits:
        print("No chat matches.", file=sys.stderr)
    return 0


def cmd_chats_export(services: Services, args: argparse.Namespace) -> int:
    if not args.ids and not args.all:
        print(
            "Name the chats to export (ids from `hearth chats list`) or use --all.", file=sys.stderr
        )
        return 2
    with _store(services) as store:
        chats = collect(store, None if args.all else args.ids)
    if not chats:
        print("There are no chats to export.", file=sys.stderr)
        return 1
    stamp = time.strftime("%Y%m%d-%H%M")
    path: Path = args.output or Path(f"hearth-chats-{stamp}.{args.format}")
    if args.format == "pdf":
        write_pdf_export(chats, path)
    else:
        write_export(chats, args.format, path)
    print(f"Exported {len(chats)} chat(s) to {path}")
    return 0


def write_pdf_export(chats: list[ChatExport], path: Path) -> None:
    """PDF is drawn by Qt's rich-text engine, imported only for this."""
    from app.ui.pdf import write_pdf

    title = chats[0].chat.title if len(chats) == 1 else "Hearth chats"
    write_pdf(render(chats, "html"), path, title)


def cmd_chats_import(services: Services, args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise HearthError(f"{args.file} could not be read: {exc}.") from exc
    result = read_chats(text)
    with _store(services) as store:
        for export in result.chats:
            store.import_chat(export.chat, export.messages)
    print(f"Imported {len(result.chats)} chat(s) from {result.source} ({args.file.name}).")
    for skipped in result.skipped:
        print(f"skipped: {skipped}", file=sys.stderr)
    return 0
