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
import sys
import time
import unicodedata
from collections.abc import Sequence
from typing import Any

from app.core.errors import CollectionNotFound
from app.core.hosts.index_client import IndexClient
from app.core.rag.context import source_line
from app.core.rag.embedder import DEFAULT_EMBEDDER
from app.core.rag.eta import eta_words
from app.core.rag.retrieve import DEFAULT_SEARCH, SearchOptions
from app.core.rag.types import CollectionStatus, IndexProgress, Passage
from app.core.services import Services


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
            _note(f"created collection “{args.name}”")
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
        print("No collections yet. Add one with: hearth docs add NAME FOLDER")
    for c in collections:
        problems = f" · {len(c.problems)} skipped" if c.problems else ""
        print(
            f"{safe(c.name)}: {c.files:,} files · {c.chunks:,} chunks · indexed "
            f"{_when(c.indexed_at)}{problems}"
        )
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
    _note(f"renamed “{args.name}” to “{args.new_name}”")
    return 0


def cmd_docs_remove(services: Services, args: argparse.Namespace) -> int:
    client = index_client(services)
    try:
        if args.path:
            client.remove_path(args.name, args.path)
            _index(client, [args.name])
            _note(f"removed {args.path} from “{args.name}”")
        else:
            client.remove(args.name)
            _note(f"removed the collection “{args.name}” (your files are untouched)")
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
        print(f"Nothing in “{args.name}” is relevant to that question.")
    else:
        print_passages(passages, sys.stdout, full=True)
    return 0


def print_passages(passages: Sequence[Passage], out: Any, full: bool = False) -> None:
    for number, passage in enumerate(passages, start=1):
        print(f"[{number}] {safe(source_line(passage))} · relevance {passage.score:.2f}", file=out)
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
            f"{safe(last.collection)}: {last.embedded:,} chunks embedded, {last.skipped} skipped, "
            f"{last.removed} removed, in {time.monotonic() - began:.1f} s"
        )


def _progress_line(p: IndexProgress) -> str:
    if p.phase == "scanning":
        return f"{p.collection}: looking for new and changed files…"
    eta = f" · {eta_words(p.eta_seconds)}" if p.eta_seconds is not None else ""
    return (
        f"{safe(p.collection)}: {p.files_done}/{p.files_total} files · "
        f"{p.chunks_done:,} chunks{eta}"
    )


def _print_status(c: CollectionStatus) -> None:
    print(f"{safe(c.name)}  ({safe(c.embedder)})")
    for source in c.sources:
        print(f"  folder  {safe(source)}")
    print(
        f"  {c.files:,} files · {c.chunks:,} chunks · indexed {_when(c.indexed_at)}"
        + (f" · {c.pending} unfinished (index again to finish)" if c.pending else "")
    )
    for problem in c.problems:
        print(f"  skipped {safe(problem.path)}: {safe(problem.reason)}")


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


def _when(stamp: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp)) if stamp else "never"


def _note(text: str) -> None:
    print(f"[hearth] {text}", file=sys.stderr, flush=True)
