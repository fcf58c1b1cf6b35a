"""`hearth`: the same core as the window, driven from a terminal.

    hearth ask "question"            stream one answer (saved as a chat)
    hearth chat                      interactive multi-turn chat, saved on disk
    hearth models list               the local model library
    hearth models search|files|download|import|remove|token   (see app/cli_models.py)
    hearth chats list | show ID | search TEXT
    hearth chats export [ID ...|--all] -f md|html|pdf|json|jsonl [-o FILE]
    hearth chats import FILE         a Hearth JSON export or ChatGPT's conversations.json
    hearth prompts list              system prompts and few-shot templates
    hearth docs add|list|status|index|rename|remove|query   (see app/cli_docs.py)
    hearth ask --docs NAME "question"    answer from a document collection, with sources

Answers go to stdout; status lines go to stderr, so `hearth ask ... > answer.txt` keeps only the
answer. Ctrl-C stops the answer (the partial reply is saved, marked cancelled).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from app.cli_chats import add_commands as add_chat_commands
from app.cli_docs import add_commands as add_docs_commands
from app.cli_docs import index_client
from app.cli_models import add_commands as add_model_commands
from app.core.chats.store import ChatStore
from app.core.conversation import ChatSetup, Conversation
from app.core.engine.types import GenerationResult, LoadedModel, LoadSpec, TokenEvent
from app.core.errors import HearthError, PromptLibraryError
from app.core.hosts.engine_client import EngineClient
from app.core.models.library import LibraryEntry
from app.core.prompts.library import PromptTemplate
from app.core.rag.context import DocumentsSetup
from app.core.services import Services, build_services

EXIT_ERROR, EXIT_CANCELLED = 1, 130


def _services() -> Services:
    services, problem = build_services()
    if problem is not None:
        _note(str(problem))
    return services


def _engine(services: Services) -> EngineClient:
    return EngineClient(log_path=services.paths.logs / "engine.log")


def _store(services: Services) -> ChatStore:
    store = ChatStore(services.paths.chats_db)
    if store.recovery is not None:
        _note(str(store.recovery))
    return store


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the engine host is a spawned child, also when frozen
    args = _parser().parse_args(argv)
    if not hasattr(args, "run"):
        _parser().print_help()
        return EXIT_ERROR
    try:
        result: int = args.run(_services(), args)
        return result
    except HearthError as exc:
        print(f"hearth: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_CANCELLED


# -- ask and chat ---------------------------------------------------------------------------


def cmd_ask(services: Services, args: argparse.Namespace) -> int:
    entry = _model(services, args.model)
    engine = _engine(services)
    docs = index_client(services) if args.docs else None
    try:
        loaded = _load(engine, services, entry, args)
        setup = _setup(services, args, entry, loaded)
        if docs is not None:
            setup = dataclasses.replace(setup, documents=DocumentsSetup(docs, tuple(args.docs)))
        with _store(services) as store:
            chat = store.create_chat(
                model=entry.id, system_prompt=args.system, prompt_id=args.template
            )
            conversation = Conversation(store, engine, chat.id, setup)
            result = _stream_reply(conversation, " ".join(args.question), sys.stdout)
            if docs is not None:
                _print_sources(conversation, args.docs)
            _note(f"saved as chat {chat.id}")
    finally:
        engine.close()
        if docs is not None:
            docs.close()
    return EXIT_CANCELLED if result.finish_reason == "cancelled" else 0


def _print_sources(conversation: Conversation, names: list[str]) -> None:
    reply = conversation.last_reply
    sources = reply.sources if reply is not None else None
    if not sources:
        print(f"\n(Nothing in {', '.join(names)} was relevant to this question.)")
        return
    print("\nSources:")
    for number, s in enumerate(sources, start=1):
        page = f", page {s['page']}" if s.get("page") else ""
        print(f"[{number}] {s['file']}{page} · relevance {s['score']:.2f}  ({s['path']})")


def cmd_chat(services: Services, args: argparse.Namespace) -> int:
    engine = _engine(services)
    try:
        with _store(services) as store:
            if args.resume is not None:
                chat = store.get_chat(args.resume)
                args.model = args.model or chat.model
                args.system = args.system or chat.system_prompt
                args.template = args.template or chat.prompt_id
            entry = _model(services, args.model)
            loaded = _load(engine, services, entry, args)
            setup = _setup(services, args, entry, loaded)
            if args.resume is None:
                chat = store.create_chat(
                    model=entry.id, system_prompt=args.system, prompt_id=args.template
                )
            conversation = Conversation(store, engine, chat.id, setup)
            _note(f"chat {chat.id} with {entry.id}. Ctrl-C stops an answer; Ctrl-D or /quit ends.")
            _repl(conversation)
    finally:
        engine.close()
    return 0


def _repl(conversation: Conversation) -> None:
    while True:
        try:
            text = input("\n› ")
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            return
        if text.strip() in ("/quit", "/exit"):
            return
        if text.strip():
            try:
                _stream_reply(conversation, text, sys.stdout)
            except HearthError as exc:  # keep the session going: the chat is saved
                print(f"hearth: {exc}", file=sys.stderr)


def _stream_reply(conversation: Conversation, text: str, out: TextIO) -> GenerationResult:
    """Print the reply as it streams; Ctrl-C cancels it. Returns the engine's result."""
    result: GenerationResult | None = None
    with _cancel_on_sigint(conversation):
        for event in conversation.send(text):
            if isinstance(event, TokenEvent):
                out.write(event.text)
                out.flush()
            else:
                result = event
    out.write("\n")
    assert result is not None
    _note(_summary(result))
    return result


@contextmanager
def _cancel_on_sigint(conversation: Conversation) -> Iterator[None]:
    """While an answer streams, Ctrl-C cancels it instead of killing the program."""
    previous = signal.signal(signal.SIGINT, lambda *_: conversation.cancel())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _summary(result: GenerationResult) -> str:
    t = result.timings
    parts = [
        f"{t.completion_tokens} tokens",
        f"{t.tokens_per_second:.1f} tok/s",
        f"first token {t.time_to_first_token_s:.2f} s",
        f"context {t.context_used}/{t.context_length}",
    ]
    if result.finish_reason == "cancelled":
        parts.append("stopped (partial reply saved)")
    elif result.finish_reason in ("length", "context_full"):
        parts.append(
            "cut off: " + ("max tokens" if result.finish_reason == "length" else "context full")
        )
    if result.dropped_messages:
        parts.append(f"{result.dropped_messages} oldest messages left out to fit the context")
    return " · ".join(parts)


def _model(services: Services, name: str | None) -> LibraryEntry:
    entry = (
        services.library.resolve(name)
        if name
        else services.library.default(services.settings.default_model)
    )
    if entry.info is None:
        raise HearthError(f"{entry.id} cannot be used: {entry.error}")
    return entry


def _load(
    engine: EngineClient, services: Services, entry: LibraryEntry, args: argparse.Namespace
) -> LoadedModel:
    cfg = services.settings.engine
    _note(f"loading {entry.id} …")
    loaded = engine.load(
        LoadSpec(
            path=entry.path,
            context_length=args.ctx or cfg.context_length,
            threads=args.threads or cfg.threads,
            gpu_layers=cfg.gpu_layers,
            seed=args.seed,
            fallback_template=args.fallback_template,
        )
    )
    _note(f"{entry.id} ready on {loaded.backend} in {loaded.load_seconds:.1f} s")
    if loaded.is_base and loaded.template == "none":
        _note(
            f"{entry.id} is a base model (no chat template): it continues your text instead "
            "of answering. Use --fallback-template chatml to chat with it anyway."
        )
    return loaded


def _setup(
    services: Services, args: argparse.Namespace, entry: LibraryEntry, loaded: LoadedModel
) -> ChatSetup:
    prompt: PromptTemplate | None = None
    if args.template:
        prompt = services.prompts.get(args.template)
    elif args.system is None and not loaded.is_base:
        try:
            prompt = services.prompts.get(services.settings.default_prompt)
        except PromptLibraryError:
            prompt = None
    overrides = {
        k: v
        for k, v in (
            ("temperature", args.temperature),
            ("max_tokens", args.max_tokens),
            ("seed", args.seed),
        )
        if v is not None
    }
    sampling = services.settings.sampling.model_copy(update=overrides)
    return ChatSetup(
        entry.id,
        sampling,
        prompt,
        args.system,
        completion=loaded.is_base and loaded.template == "none",
    )


# -- listings -------------------------------------------------------------------------------


def cmd_models_list(services: Services, args: argparse.Namespace) -> int:
    entries = services.library.entries()
    if args.json:
        print(json.dumps([_model_row(e) for e in entries], indent=2, ensure_ascii=False))
        return 0
    if not entries:
        print(f"No models yet. Put .gguf files in {services.paths.models}.")
    for e in entries:
        if e.info is None:
            print(f"{e.id}\n    unusable: {e.error}")
            continue
        i = e.info
        kind = "base model (no chat template)" if i.is_base else "chat"
        print(
            f"{e.id}{'  [starter]' if e.starter else ''}\n    {i.architecture} · "
            f"{i.parameters_label} parameters · {i.quantization} · context {i.context_length:,} "
            f"· {i.file_size / 2**20:,.0f} MiB · {kind}"
        )
    return 0


def _model_row(e: LibraryEntry) -> dict[str, Any]:
    row: dict[str, Any] = {"id": e.id, "path": str(e.path), "starter": e.starter, "error": e.error}
    if e.info is not None:
        i = e.info
        row.update(
            name=i.name,
            architecture=i.architecture,
            parameters=i.parameters,
            quantization=i.quantization,
            context_length=i.context_length,
            file_size=i.file_size,
            chat_template=not i.is_base,
        )
    return row


def cmd_prompts_list(services: Services, args: argparse.Namespace) -> int:
    for t in services.prompts.templates():
        origin = "built-in" if t.builtin else "yours"
        print(f"{t.id:<20} {t.kind:<9} {origin:<8} {t.name}")
    for problem in services.prompts.errors:
        print(f"problem: {problem}", file=sys.stderr)
    return 0


# -- argument parsing -----------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hearth", description="Chat with local models, offline.")
    commands = parser.add_subparsers(metavar="COMMAND")
    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question", nargs="+")
    ask.add_argument(
        "--docs",
        action="append",
        metavar="NAME",
        help="answer from this document collection (repeatable); see `hearth docs`",
    )
    _generation_options(ask)
    ask.set_defaults(run=cmd_ask)
    chat = commands.add_parser("chat", help="interactive chat, saved on disk")
    chat.add_argument("--resume", type=int, metavar="ID", help="continue a saved chat")
    _generation_options(chat)
    chat.set_defaults(run=cmd_chat)

    models = commands.add_parser("models", help="the local model library").add_subparsers(
        metavar="ACTION", required=True
    )
    listing = models.add_parser("list", help="list local models with metadata")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=cmd_models_list)
    add_model_commands(models)

    chats = commands.add_parser("chats", help="saved chats").add_subparsers(
        metavar="ACTION", required=True
    )
    add_chat_commands(chats)

    docs = commands.add_parser("docs", help="local document collections").add_subparsers(
        metavar="ACTION", required=True
    )
    add_docs_commands(docs)

    prompts = commands.add_parser("prompts", help="prompt library").add_subparsers(
        metavar="ACTION", required=True
    )
    prompts.add_parser("list", help="system prompts and few-shot templates").set_defaults(
        run=cmd_prompts_list
    )
    return parser


def _generation_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", "-m", help="model id, part of its name, or a .gguf path")
    parser.add_argument("--system", "-s", help="system prompt (replaces the template's)")
    parser.add_argument(
        "--template", "-t", help="prompt from the library (see `hearth prompts list`)"
    )
    parser.add_argument("--temperature", type=float)
    parser.add_argument("--max-tokens", type=int)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--ctx", type=int, help="context length in tokens")
    parser.add_argument("--threads", type=int)
    parser.add_argument(
        "--fallback-template",
        choices=["chatml", "gemma", "plain"],
        help="chat template for a base model that has none",
    )


def _note(text: str) -> None:
    print(f"[hearth] {text}", file=sys.stderr, flush=True)
