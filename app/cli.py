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
answer. Ctrl-C, SIGTERM and SIGHUP (a closed terminal) stop the answer: the partial reply is
saved, marked cancelled, the engine closes, and `ask` exits with 130 for Ctrl-C and 128 + the
signal's number for the others (143 for SIGTERM, 129 for SIGHUP). Outside an answer, SIGTERM and
SIGHUP end the command the same way, closing what it opened.

No traceback reaches the terminal: an unexpected error prints one line, exits with 1 and leaves
the full trace in `logs/cli-crash-<stamp>.log` (app/core/crash.py).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import suppress
from typing import Any, TextIO

from app.cli_chats import add_commands as add_chat_commands
from app.cli_chats import open_store
from app.cli_docs import add_commands as add_docs_commands
from app.cli_docs import index_client
from app.cli_models import add_commands as add_model_commands
from app.cli_signals import (
    Stop,
    exit_on_stop_signals,
    signal_exit,
    signals_blocked,
    silence_stdout,
    stop_on_signals,
)
from app.cli_thinking import ThoughtPrinter
from app.cli_words import say, use_terminal_language
from app.core.chat_setup import Collections, load_spec_for, setup_for
from app.core.chats.options import ChatOptions, DocumentRef
from app.core.chats.store import Chat, ChatStore
from app.core.conversation import ChatSetup, Conversation, start_chat
from app.core.crash import default_logs, report_crash
from app.core.engine.types import (
    GenerationResult,
    LoadedModel,
    LoadSpec,
    StreamEvent,
    TokenEvent,
)
from app.core.errors import HearthError, message_of
from app.core.figures import speed, timings_figures
from app.core.hosts.engine_client import EngineClient
from app.core.hosts.index_client import IndexClient
from app.core.models.library import LibraryEntry
from app.core.rag.context import DocumentsSetup
from app.core.services import Services, build_services
from app.core.settings import sampling_with
from app.core.text import QT_TRANSLATE_NOOP, Decimal, Msg, Phrase

SAVED = Phrase("cli.saved", QT_TRANSLATE_NOOP("Messages", "saved as chat {id}"))
NOTHING_RELEVANT = Phrase(
    "cli.ask.nothing-relevant",
    QT_TRANSLATE_NOOP("Messages", "(Nothing in {names} was relevant to this question.)"),
)
SOURCES = Phrase("cli.ask.sources", QT_TRANSLATE_NOOP("Messages", "Sources:"))
SOURCE = Phrase(
    "cli.ask.source",
    QT_TRANSLATE_NOOP("Messages", "[{number}] {file} · relevance {score}  ({path})"),
)
SOURCE_PAGE = Phrase(
    "cli.ask.source-page",
    QT_TRANSLATE_NOOP("Messages", "[{number}] {file}, page {page} · relevance {score}  ({path})"),
)
CHAT_RESUMED = Phrase(
    "cli.chat.resumed",
    QT_TRANSLATE_NOOP(
        "Messages", "chat {id} with {model}. Ctrl-C stops an answer; Ctrl-D or /quit ends."
    ),
)
CHAT_NEW = Phrase(
    "cli.chat.new",
    QT_TRANSLATE_NOOP(
        "Messages", "a new chat with {model}. Ctrl-C stops an answer; Ctrl-D or /quit ends."
    ),
)
TOKENS = Phrase(
    "cli.summary.tokens",
    QT_TRANSLATE_NOOP("Messages", "{n} token"),
    QT_TRANSLATE_NOOP("Messages", "{n} tokens"),
)
CONTEXT_USED = Phrase(
    "cli.summary.context", QT_TRANSLATE_NOOP("Messages", "context {used}/{length}")
)
STOPPED = Phrase(
    "cli.summary.stopped", QT_TRANSLATE_NOOP("Messages", "stopped (partial reply saved)")
)
CUT_LENGTH = Phrase("cli.summary.cut-length", QT_TRANSLATE_NOOP("Messages", "cut off: max tokens"))
CUT_CONTEXT = Phrase(
    "cli.summary.cut-context", QT_TRANSLATE_NOOP("Messages", "cut off: context full")
)
DROPPED = Phrase(
    "cli.summary.dropped",
    QT_TRANSLATE_NOOP("Messages", "{n} oldest message left out to fit the context"),
    QT_TRANSLATE_NOOP("Messages", "{n} oldest messages left out to fit the context"),
)
UNUSABLE = Phrase(
    "cli.model.unusable", QT_TRANSLATE_NOOP("Messages", "{model} cannot be used: {reason}")
)
LOADING = Phrase("cli.model.loading", QT_TRANSLATE_NOOP("Messages", "loading {model} …"))
READY = Phrase(
    "cli.model.ready", QT_TRANSLATE_NOOP("Messages", "{model} ready on {backend} in {seconds} s")
)
BASE_MODEL = Phrase(
    "cli.model.base",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{model} is a base model (no chat template): it continues your text instead of "
        "answering. Use --fallback-template chatml to chat with it anyway.",
    ),
)
BUILT_IN = Phrase("cli.prompts.built-in", QT_TRANSLATE_NOOP("Messages", "built-in"))
YOURS = Phrase("cli.prompts.yours", QT_TRANSLATE_NOOP("Messages", "yours"))
PROBLEM = Phrase("cli.prompts.problem", QT_TRANSLATE_NOOP("Messages", "problem: {problem}"))

EXIT_ERROR, EXIT_CANCELLED, EXIT_BROKEN_PIPE = 1, 130, 128 + 13


def _services() -> Services:
    services, problem = build_services()
    _log_to_file(services)
    if problem is not None:
        _note(problem.msg)
    return services


def _log_to_file(services: Services) -> None:
    """Hearth's log lines go to logs/cli.log, never to the terminal: what the user must read
    is printed as a status line (with no handler, Python would print warnings to stderr)."""
    root = logging.getLogger()
    if any(getattr(h, "hearth_cli", False) for h in root.handlers):
        return  # `main` called again in this process (tests do)
    handler: logging.Handler = logging.NullHandler()
    if services.paths.logs.is_dir():
        with suppress(OSError):
            handler = logging.FileHandler(services.paths.logs / "cli.log", encoding="utf-8")
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
            )
    logging.raiseExceptions = False  # a log line lost on a full disk: never a trace on stderr
    handler.hearth_cli = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _engine(services: Services) -> EngineClient:
    """The engine host, started now with the stop signals blocked, so that it inherits them
    blocked: a closed terminal (SIGHUP to the whole job) or a SIGTERM to the process group
    ends this process's answer cleanly instead of killing the engine under it. The host ends
    when its pipe closes."""
    engine = EngineClient(log_path=services.paths.logs / "engine.log")
    with signals_blocked():
        engine.start()
    return engine


def _store(services: Services) -> ChatStore:
    return open_store(services, _note)


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the engine host is a spawned child, also when frozen
    # Status lines and errors in the terminal's language (LANG=zh_CN.UTF-8: Chinese), for
    # every subcommand; answers and data are printed as they are.
    use_terminal_language()
    try:
        args = _parser().parse_args(argv)
        if not hasattr(args, "run"):
            _parser().print_help()
            return EXIT_ERROR
        with exit_on_stop_signals():
            result: int = args.run(_services(), args)
        return result
    except HearthError as exc:
        _error(exc)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_CANCELLED
    except BrokenPipeError:  # `hearth chats list | head`: the reader has gone, nothing to say
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug or an unforeseen failure: one line, the trace in logs/
        report = report_crash(exc, default_logs(), "cli")
        _say("hearth: " + say(report.message))
        return EXIT_ERROR


# -- ask and chat ---------------------------------------------------------------------------


def cmd_ask(services: Services, args: argparse.Namespace) -> int:
    spec, sampling = _check_options(services, args)  # before anything starts or is stored
    entry = _model(services, args.model)
    docs: IndexClient | None = None
    engine: EngineClient | None = None
    stopped = Stop()
    options = ChatOptions(think=args.think)
    try:
        if args.docs:
            with signals_blocked():
                docs = index_client(services)
                # an unknown collection: say so before loading
                chosen = [docs.status(name) for name in args.docs]
            refs = tuple(DocumentRef(id=c.id, name=c.name) for c in chosen)
            # stored: `chat --resume` answers from them
            options = options.model_copy(update={"documents": refs})
        engine = _engine(services)
        loaded = _load(engine, entry, spec(entry))
        setup = _setup(services, args, None, entry, loaded, sampling)
        if docs is not None:
            setup = dataclasses.replace(setup, documents=DocumentsSetup(docs, tuple(args.docs)))
        with _store(services) as store, stop_on_signals(stopped) as streaming:
            # The chat and the question in one write: a failed write leaves no empty chat.
            chat = start_chat(
                store,
                " ".join(args.question),
                model=entry.id,
                system_prompt=args.system,
                prompt_id=setup.prompt.id if setup.prompt is not None else None,
                settings=options.to_settings(),
            )
            conversation = streaming.on(Conversation(store, engine, chat.id, setup))
            rid = streaming.request_id
            result = _stream_reply(
                conversation,
                lambda: conversation.answer(rid),
                sys.stdout,
                stopped,
                show_thinking=not args.hide_thinking,
            )
            if docs is not None and stopped.signum is None:
                _print_sources(conversation, args.docs)
            _note(SAVED(id=str(chat.id)))
    finally:
        if engine is not None:
            engine.close()
        if docs is not None:
            docs.close()
    if stopped.signum is not None:
        return signal_exit(stopped.signum)
    return EXIT_CANCELLED if result.finish_reason == "cancelled" else 0


def _print_sources(conversation: Conversation, names: list[str]) -> None:
    reply = conversation.last_reply
    sources = reply.sources if reply is not None else None
    if not sources:
        print("\n" + say(NOTHING_RELEVANT(names=", ".join(names))))
        return
    print("\n" + say(SOURCES()))
    for number, s in enumerate(sources, start=1):
        where = {"number": str(number), "file": s["file"], "path": s["path"]}
        score = Decimal(s["score"], 2)
        if s.get("page"):
            line = SOURCE_PAGE(page=str(s["page"]), score=score, **where)
        else:
            line = SOURCE(score=score, **where)
        print(say(line))


def cmd_chat(services: Services, args: argparse.Namespace) -> int:
    spec, sampling = _check_options(services, args)
    with _store(services) as store:
        chat = store.get_chat(args.resume) if args.resume is not None else None
        entry = _model(services, args.model or (chat.model if chat is not None else None))
        docs = _chat_documents(services, chat)
        engine = _engine(services)
        try:
            loaded = _load(engine, entry, spec(entry))
            collections = docs[1] if docs is not None else None
            setup = _setup(services, args, chat, entry, loaded, sampling, collections)
            session = _ChatSession(store, engine, setup, chat, args)
            if chat is not None:
                _note(CHAT_RESUMED(id=str(chat.id), model=entry.id))
            else:
                _note(CHAT_NEW(model=entry.id))
            stopped = _repl(session)
        finally:
            engine.close()
            if docs is not None:
                docs[0].close()
    return signal_exit(stopped) if stopped is not None else 0


def _chat_documents(
    services: Services, chat: Chat | None
) -> tuple[IndexClient, Collections] | None:
    """The index client and the collections a resumed chat answers from, under their current
    names; None when it has none, or when the index cannot be read (said, and the chat goes
    on without them)."""
    if chat is None or not ChatOptions.from_settings(chat.settings).documents:
        return None
    with signals_blocked():
        client = index_client(services)
    try:
        return client, Collections(client, {c.id: c.name for c in client.collections()})
    except HearthError as exc:
        client.close()
        _error(exc)
        return None


class _ChatSession:
    """The chat of `hearth chat`: a new one is stored with its first message, so quitting
    before writing anything (or a failed first write) leaves no empty chat."""

    def __init__(
        self,
        store: ChatStore,
        engine: EngineClient,
        setup: ChatSetup,
        chat: Chat | None,
        args: argparse.Namespace,
    ) -> None:
        self.store, self.engine, self.setup, self.args = store, engine, setup, args
        self.conversation = (
            Conversation(store, engine, chat.id, setup) if chat is not None else None
        )

    def send(self, text: str, rid: int) -> tuple[Conversation, Callable[[], Iterator[StreamEvent]]]:
        """The conversation, and how to start the answer as request `rid`."""
        if self.conversation is not None:
            conversation = self.conversation
            return conversation, lambda: conversation.send(text, rid)
        prompt = self.setup.prompt
        chat = start_chat(
            self.store,
            text,
            model=self.setup.model_id,
            system_prompt=self.args.system,
            prompt_id=prompt.id if prompt is not None else None,
            settings=ChatOptions(think=self.args.think).to_settings(),
        )
        self.conversation = Conversation(self.store, self.engine, chat.id, self.setup)
        _note(SAVED(id=str(chat.id)))
        started = self.conversation
        return started, lambda: started.answer(rid)


def _repl(session: _ChatSession) -> int | None:
    """Read and answer until Ctrl-D or /quit (None), or until SIGTERM/SIGHUP stop an answer
    (that signal's number: the terminal is gone or the system is shutting down)."""
    while True:
        try:
            text = input("\n› ")
        except (EOFError, KeyboardInterrupt):
            _say("")
            return None
        if text.strip() in ("/quit", "/exit"):
            return None
        if text.strip():
            stopped = Stop()
            try:
                with stop_on_signals(stopped) as streaming:
                    conversation, start = session.send(text, streaming.request_id)
                    shown = not session.args.hide_thinking
                    _stream_reply(streaming.on(conversation), start, sys.stdout, stopped, shown)
            except HearthError as exc:  # keep the session going: the chat is saved
                _error(exc)
            if stopped.signum is not None and stopped.signum != signal.SIGINT:
                return stopped.signum


def _stream_reply(
    conversation: Conversation,
    start: Callable[[], Iterator[StreamEvent]],
    out: TextIO,
    stopped: Stop,
    show_thinking: bool = True,
) -> GenerationResult:
    """Print the reply as it streams (inside `stop_on_signals`: Ctrl-C, SIGTERM and SIGHUP
    cancel it and the partial reply is stored as cancelled). A reasoning model's thinking goes
    to stderr (`show_thinking` False: only how long it took). Returns the engine's result."""
    result: GenerationResult | None = None
    printing = True
    thoughts = ThoughtPrinter(sys.stderr, show=show_thinking)
    try:
        for event in start():
            if isinstance(event, TokenEvent):
                thoughts.feed(event)
                if printing and event.text and not _write(out, event.text):
                    printing = False  # the terminal is gone: stop, keep what came
                    conversation.cancel()
                if stopped.signum is not None:  # a signal that came before the request began
                    conversation.cancel()
            else:
                result = event
    finally:  # also after an error: the terminal's colour back, and how long it thought
        thoughts.end()
    _write(out, "\n")
    assert result is not None
    _note(_summary(result))
    return result


def _write(out: TextIO, text: str) -> bool:
    try:
        out.write(text)
        out.flush()
        return True
    except (OSError, ValueError):
        return False


def _summary(result: GenerationResult) -> str:
    """The status line after an answer, in the terminal's language."""
    t = result.timings
    parts = [
        TOKENS(n=t.completion_tokens),
        speed(timings_figures(t)),  # the words the window uses
        CONTEXT_USED(used=str(t.context_used), length=str(t.context_length)),
    ]
    if result.finish_reason == "cancelled":
        parts.append(STOPPED())
    elif result.finish_reason in ("length", "context_full"):
        parts.append(CUT_LENGTH() if result.finish_reason == "length" else CUT_CONTEXT())
    if result.dropped_messages:
        parts.append(DROPPED(n=result.dropped_messages))
    return " · ".join(say(part) for part in parts)


def _model(services: Services, name: str | None) -> LibraryEntry:
    entry = (
        services.library.resolve(name)
        if name
        else services.library.default(services.settings.default_model)
    )
    if entry.info is None:
        reason = entry.problem if entry.problem is not None else Msg.plain("")
        raise HearthError(UNUSABLE(model=entry.id, reason=reason))
    return entry


def _check_options(
    services: Services, args: argparse.Namespace
) -> tuple[Callable[[LibraryEntry], LoadSpec], dict[str, Any]]:
    """Validate --ctx, --threads, --seed, --temperature and --max-tokens by the core's rules
    (LoadSpec, SamplingSettings) before any model loads or anything is stored. Returns how to
    build the load spec for a model, and the sampling flags given (laid over the chat's own)."""
    spec = load_spec_for(
        services.paths.models,  # replaced by the model's path below
        services.settings,
        context_length=args.ctx,
        threads=args.threads,
        seed=args.seed,
        fallback_template=args.fallback_template,
    )
    overrides = {
        k: v
        for k, v in (
            ("temperature", args.temperature),
            ("max_tokens", args.max_tokens),
            ("seed", args.seed),
        )
        if v is not None
    }
    sampling_with(services.settings.sampling, **overrides)  # a value out of range: say so now
    if args.template:
        services.prompts.get(args.template)  # an unknown template: say so before loading
    chosen = services.settings.fallback_templates  # picked in the window for a model

    def spec_for(entry: LibraryEntry) -> LoadSpec:
        fallback = spec.fallback_template or chosen.get(entry.id)
        return dataclasses.replace(spec, path=entry.path, fallback_template=fallback)

    return spec_for, overrides


def _load(engine: EngineClient, entry: LibraryEntry, spec: LoadSpec) -> LoadedModel:
    _note(LOADING(model=entry.id))
    loaded = engine.load(spec)
    _note(READY(model=entry.id, backend=loaded.backend, seconds=Decimal(loaded.load_seconds, 1)))
    if loaded.is_base and loaded.template == "none":
        _note(BASE_MODEL(model=entry.id))
    return loaded


def _setup(
    services: Services,
    args: argparse.Namespace,
    chat: Chat | None,
    entry: LibraryEntry,
    loaded: LoadedModel,
    sampling: dict[str, Any],
    collections: Collections | None = None,
) -> ChatSetup:
    """The setup the chat answers with (`chat` None: a new one), by the same core function as
    the window's: the chat's own sampling, prompt, few-shot template and documents, with the
    command line's flags over them."""
    base = loaded.is_base and loaded.template == "none"
    system = args.system if args.system is not None else (chat.system_prompt if chat else None)
    prompt_id = args.template or (chat.prompt_id if chat is not None else None)
    if chat is None and prompt_id is None and args.system is None and not base:
        prompt_id = services.settings.default_prompt  # what a new chat gets, as in the window
    shown = chat if chat is not None else Chat(0, "", 0.0, 0.0, entry.id)
    setup = setup_for(
        dataclasses.replace(shown, system_prompt=system, prompt_id=prompt_id),
        services.settings,
        services.prompts.templates(),
        model_id=entry.id,
        completion=base,
        collections=collections,
        sampling=sampling,
    )
    if args.think is not None:  # --think / --no-think over the chat's own switch
        setup = dataclasses.replace(setup, think=args.think)
    return setup


# -- listings -------------------------------------------------------------------------------


def cmd_prompts_list(services: Services, args: argparse.Namespace) -> int:
    from app.workers import i18n

    language = i18n.language_from_environment()
    for t in services.prompts.templates(language=language):
        origin = say(BUILT_IN() if t.builtin else YOURS())
        print(f"{t.id:<20} {t.kind:<9} {origin:<8} {t.title(language)}")
    for problem in services.prompts.problems:
        print(say(PROBLEM(problem=problem)), file=sys.stderr)
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
        help="chat template for a base model that has none, or over a broken one",
    )
    parser.add_argument(
        "--think",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="let a reasoning model think first (templates with a Think switch, e.g. Qwen3)",
    )
    parser.add_argument(
        "--hide-thinking",
        action="store_true",
        help="leave a reasoning model's thoughts out of stderr (the answer is on stdout)",
    )


def _note(text: Msg | str) -> None:
    """A status line on stderr, in the terminal's language."""
    _say("[hearth] " + say(text))


def _error(exc: BaseException) -> None:
    _say("hearth: " + say(message_of(exc)))


def _say(text: str) -> None:
    """A line on stderr; a closed terminal (SIGHUP) must not turn it into an error."""
    with suppress(OSError, ValueError):
        print(text, file=sys.stderr, flush=True)
