"""`hearth docs ...`: local document collections in a terminal, through the index host.

hearth docs add NAME PATH... [--embedder MODEL] [--no-index]   create, or add folders/files
hearth docs list | status NAME | rename OLD NEW
hearth docs index [NAME ...]                                   new and changed files only
hearth docs remove NAME [--path PATH]                          a collection, or one folder of it
hearth docs query NAME "question" [-k 5] [--floor 0.3] [--json]
hearth ask --docs NAME "question"                              (in app/cli.py)

Ctrl-C stops indexing; what was committed stays, and the next `index` continues from there.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
import unicodedata
from collections.abc import Sequence
from typing import Any

from app.cli_words import say
from app.core.errors import CollectionNotFound
from app.core.hosts.index_client import IndexClient
from app.core.models.embeddings import SUGGESTED
from app.core.rag.context import source_msg
from app.core.rag.embedder import DEFAULT_EMBEDDER
from app.core.rag.eta import eta_words
from app.core.rag.retrieve import DEFAULT_SEARCH, SearchOptions
from app.core.rag.types import CollectionStatus, IndexProgress, Passage
from app.core.services import Services
from app.core.text import DOTS, QT_TRANSLATE_NOOP, Decimal, Msg, Phrase, When, together

CREATED = Phrase("cli.docs.created", QT_TRANSLATE_NOOP("Messages", "created collection “{name}”"))
RENAMED = Phrase("cli.docs.renamed", QT_TRANSLATE_NOOP("Messages", "renamed “{old}” to “{new}”"))
PATH_REMOVED = Phrase(
    "cli.docs.path-removed", QT_TRANSLATE_NOOP("Messages", "removed {path} from “{name}”")
)
REMOVED = Phrase(
    "cli.docs.removed",
    QT_TRANSLATE_NOOP("Messages", "removed the collection “{name}” (your files are untouched)"),
)
NO_COLLECTIONS = Phrase(
    "cli.docs.none",
    QT_TRANSLATE_NOOP("Messages", "No collections yet. Add one with: hearth docs add NAME FOLDER"),
)
NAMED = Phrase("cli.docs.named", QT_TRANSLATE_NOOP("Messages", "{name}: {summary}"))
FILES = Phrase(
    "cli.docs.files",
    QT_TRANSLATE_NOOP("Messages", "{n} file"),
    QT_TRANSLATE_NOOP("Messages", "{n} files"),
)
CHUNKS = Phrase(
    "cli.docs.chunks",
    QT_TRANSLATE_NOOP("Messages", "{n} chunk"),
    QT_TRANSLATE_NOOP("Messages", "{n} chunks"),
)
INDEXED = Phrase("cli.docs.indexed", QT_TRANSLATE_NOOP("Messages", "indexed {when}"))
NEVER_INDEXED = Phrase("cli.docs.never-indexed", QT_TRANSLATE_NOOP("Messages", "never indexed"))
SKIPPED = Phrase("cli.docs.skipped", QT_TRANSLATE_NOOP("Messages", "{n} skipped"))
UNFINISHED = Phrase(
    "cli.docs.unfinished",
    QT_TRANSLATE_NOOP("Messages", "{n} unfinished (index again to finish)"),
)
FOLDER = Phrase("cli.docs.folder", QT_TRANSLATE_NOOP("Messages", "folder  {path}"))
SKIPPED_FILE = Phrase(
    "cli.docs.skipped-file", QT_TRANSLATE_NOOP("Messages", "skipped {path}: {reason}")
)
HINT = Phrase(
    "cli.docs.hint",
    QT_TRANSLATE_NOOP(
        "Messages",
        "hint: {hint} For example: hearth models download {model} --embedding, then "
        "hearth docs add {name} {path} --embedder {model}",
    ),
)
NOTHING_RELEVANT = Phrase(
    "cli.docs.nothing-relevant",
    QT_TRANSLATE_NOOP("Messages", "Nothing in “{name}” is relevant to that question."),
)
RELEVANCE = Phrase("cli.docs.relevance", QT_TRANSLATE_NOOP("Messages", "relevance {score}"))
LOOKING = Phrase(
    "cli.docs.looking",
    QT_TRANSLATE_NOOP("Messages", "{name}: looking for new and changed files…"),
)
PROGRESS = Phrase(
    "cli.docs.progress",
    QT_TRANSLATE_NOOP("Messages", "{name}: {done}/{n} file · {chunks}"),
    QT_TRANSLATE_NOOP("Messages", "{name}: {done}/{n} files · {chunks}"),
)
FINISHED = Phrase(
    "cli.docs.finished",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{name}: {n} chunk embedded, {skipped} skipped, {removed} removed, in {seconds} s",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "{name}: {n} chunks embedded, {skipped} skipped, {removed} removed, in {seconds} s",
    ),
)


def add_commands(docs: Any) -> None:
    """Register the commands on the `hearth docs` sub-parser."""
    add = docs.add_parser("add", help="create a collection, or add folders/files to one")
    add.add_argument("name")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--embedder", help=f"embedding model (default {DEFAULT_EMBEDDER})")
    add.add_argument("--no-index", action="store_true", help="do not index now")
    add.set_defaults(run=cmd_docs_add)
    docs.add_parser("list", help="all collections").set_defaults(run=cmd_docs_list)
    status = docs.add_parser("status", help="one collection: folders, counts, problems")
    status.add_argument("name")
    status.set_defaults(run=cmd_docs_status)
    index = docs.add_parser("index", help="index new and changed files")
    index.add_argument("names", nargs="*", metavar="NAME", help="default: every collection")
    index.set_defaults(run=cmd_docs_index)
    rename = docs.add_parser("rename", help="rename a collection")
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(run=cmd_docs_rename)
    remove = docs.add_parser("remove", help="remove a collection (or one folder of it)")
    remove.add_argument("name")
    remove.add_argument("--path", help="remove only this folder or file")
    remove.set_defaults(run=cmd_docs_remove)
    query = docs.add_parser("query", help="the passages a question finds")
    query.add_argument("name")
    query.add_argument("question", nargs="+")
    query.add_argument("-k", "--top-k", type=int, default=5)
    query.add_argument("--floor", type=float, default=DEFAULT_SEARCH.floor)
    query.add_argument("--json", action="store_true")
    query.set_defaults(run=cmd_docs_query)


def index_client(services: Services) -> IndexClient:
    return IndexClient(log_path=services.paths.logs / "index.log")


def cmd_docs_add(services: Services, args: argparse.Namespace) -> int:
    client = index_client(services)
    try:
        try:
            client.status(args.name)
            client.add_paths(args.name, args.paths)
            if args.embedder:
                client.set_embedder(args.name, args.embedder)
        except CollectionNotFound:
            client.create(args.name, args.paths, args.embedder or DEFAULT_EMBEDDER)
            _note(CREATED(name=args.name))
        if not args.no_index:
            _index(client, [args.name])
        _print_status(client.status(args.name))
    finally:
        client.close()
    return 0


def cmd_docs_list(services: Services, args: argparse.Namespace) -> int:
    client = index_client(services)
    try:
        collections = client.collections()
    finally:
        client.close()
    if not collections:
        print(say(NO_COLLECTIONS()))
    for c in collections:
        parts = [FILES(n=c.files), CHUNKS(n=c.chunks), _indexed(c.indexed_at)]
        if c.problems:
            parts.append(SKIPPED(n=len(c.problems)))
        print(safe(say(NAMED(name=c.name, summary=Msg.plain(_joined(parts))))))
    return 0


def cmd_docs_status(services: Services, args: argparse.Namespace) -> int:
    client = index_client(services)
    try:
        _print_status(client.status(args.name))
    finally:
        client.close()
    return 0


def cmd_docs_index(services: Services, args: argparse.Namespace) -> int:
    client = index_client(services)
    try:
        _index(client, args.names or None)
    finally:
        client.close()
    return 0


def cmd_docs_rename(services: Services, args: argparse.Namespace) -> int:
    client = index_client(services)
    try:
        client.rename(args.name, args.new_name)
    finally:
        client.close()
    _note(RENAMED(old=args.name, new=args.new_name))
    return 0


def cmd_docs_remove(services: Services, args: argparse.Namespace) -> int:
    client = index_client(services)
    try:
        if args.path:
            client.remove_path(args.name, args.path)
            _index(client, [args.name])
            _note(PATH_REMOVED(path=args.path, name=args.name))
        else:
            client.remove(args.name)
            _note(REMOVED(name=args.name))
    finally:
        client.close()
    return 0


def cmd_docs_query(services: Services, args: argparse.Namespace) -> int:
    client = index_client(services)
    try:
        options = SearchOptions(top_k=args.top_k, floor=args.floor)
        passages = client.search([args.name], " ".join(args.question), options)
    finally:
        client.close()
    if args.json:
        print(json.dumps([p.source() for p in passages], indent=2, ensure_ascii=False))
    elif not passages:
        print(safe(say(NOTHING_RELEVANT(name=args.name))))
    else:
        print_passages(passages, sys.stdout, full=True)
    return 0


def print_passages(passages: Sequence[Passage], out: Any, full: bool = False) -> None:
    for number, passage in enumerate(passages, start=1):
        source = safe(say(source_msg(passage)))
        relevance = say(RELEVANCE(score=Decimal(passage.score, 2)))
        print(f"[{number}] {source} · {relevance}", file=out)
        print(f"    {safe(passage.path)}", file=out)
        if full:
            print("    " + passage.text.strip().replace("\n", "\n    "), file=out)


def _index(client: IndexClient, names: list[str] | None) -> None:
    last: IndexProgress | None = None
    began = time.monotonic()
    for progress in client.index(names):
        last = progress
        print(f"\r\033[K[hearth] {_progress_line(progress)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    if last is not None:
        _note(
            FINISHED(
                name=last.collection,
                n=last.embedded,
                skipped=last.skipped,
                removed=last.removed,
                seconds=Decimal(time.monotonic() - began, 1),
            )
        )


def _progress_line(p: IndexProgress) -> str:
    if p.phase == "scanning":
        return safe(say(LOOKING(name=p.collection)))
    parts = [
        PROGRESS(
            name=p.collection, done=p.files_done, n=p.files_total, chunks=CHUNKS(n=p.chunks_done)
        )
    ]
    if p.eta_seconds is not None:
        parts.append(eta_words(p.eta_seconds))
    return safe(_joined(parts))


def _print_status(c: CollectionStatus) -> None:
    print(f"{safe(c.name)}  ({safe(c.embedder)})")
    for source in c.sources:
        print("  " + safe(say(FOLDER(path=source))))
    parts = [FILES(n=c.files), CHUNKS(n=c.chunks), _indexed(c.indexed_at)]
    if c.pending:
        parts.append(UNFINISHED(n=c.pending))
    print("  " + _joined(parts))
    for problem in c.problems:
        print("  " + safe(say(SKIPPED_FILE(path=problem.path, reason=problem.reason))))
    if c.hint is not None:
        print("  " + safe(say(_hint(c, c.hint))))


def _hint(c: CollectionStatus, hint: Msg) -> Msg:
    """The collection's language hint, with the commands that act on it."""
    path = shlex.quote(c.sources[0]) if c.sources else "FOLDER"
    return HINT(hint=hint, model=SUGGESTED[0], name=shlex.quote(c.name), path=path)


def _joined(parts: Sequence[Msg]) -> str:
    """Messages on one line, in the user's language, between dots."""
    return say(together(parts, DOTS))


def _indexed(stamp: float | None) -> Msg:
    return INDEXED(when=When(stamp)) if stamp else NEVER_INDEXED()


def safe(text: str) -> str:
    """Text from files and folders made safe for one terminal line: control characters (a
    newline, an escape sequence, a bell), line and paragraph separators and invisible
    direction marks are written as escapes, so a file name cannot break or repaint a line."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable() or char == " ":
            out.append(char)
        elif char in "\n\r\t":
            out.append(char.encode("unicode_escape").decode("ascii"))
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def _note(message: Msg) -> None:
    print(f"[hearth] {safe(say(message))}", file=sys.stderr, flush=True)
