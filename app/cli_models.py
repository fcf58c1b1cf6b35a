"""`hearth models search|files|download|import|remove|token`: the model manager in a terminal.

hearth models search QUERY [--sort downloads|likes|recent] [--embedding]
hearth models files REPO [--context N]      quants with size, quality and fit verdict
hearth models download REPO QUANT           resumable; Ctrl-C pauses, run again to resume
hearth models download REPO --embedding     an embedding model for documents
hearth models import FILE.gguf              validate and copy into the library
hearth models remove ID [--yes] [--embedding]
hearth models token                         store a Hugging Face token (for gated models)
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import threading
from pathlib import Path
from typing import Any

from app.cli_words import say
from app.core.errors import DownloadStopped, HearthError
from app.core.models.download import (
    EMBEDDING,
    Downloader,
    DownloadJob,
    DownloadProgress,
    remove_partial,
)
from app.core.models.embeddings import installed_size, remove_embedder
from app.core.models.fit import best_choice, detect_hardware, estimate
from app.core.models.hub import HubClient
from app.core.models.library import LibraryEntry
from app.core.models.manage import import_model, model_files, remove_model
from app.core.models.pending import job_label
from app.core.models.starters import starter_reason
from app.core.models.token import load_token, save_token
from app.core.services import Services
from app.core.text import QT_TRANSLATE_NOOP, Decimal, Msg, Phrase, Seconds, Size

# -- what the commands say (model ids, file names and JSON are data: never translated) ------

NO_GGUF_MATCH = Phrase(
    "cli.models.no-gguf-match", QT_TRANSLATE_NOOP("Messages", "No GGUF models match.")
)
NO_EMBEDDING_MATCH = Phrase(
    "cli.models.no-embedding-match",
    QT_TRANSLATE_NOOP("Messages", "No sentence-transformers models match."),
)
GATED_MARK = Phrase("cli.models.gated", QT_TRANSLATE_NOOP("Messages", "[gated]"))
UNKNOWN = Phrase("cli.models.unknown", QT_TRANSLATE_NOOP("Messages", "unknown"))
REPO_LINE = Phrase(
    "cli.models.repo-line",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{downloads} downloads · {likes} likes · updated {updated} · licence {licence}",
    ),
)
FILES_HEADER = Phrase(
    "cli.models.files-header",
    QT_TRANSLATE_NOOP(
        "Messages", "{repo} at {revision} · context {context} · this machine: {ram} GiB RAM"
    ),
)
FILES_GPU = Phrase("cli.models.files-gpu", QT_TRANSLATE_NOOP("Messages", ", {gpu} {vram} GiB"))
PARTS = Phrase("cli.models.parts", QT_TRANSLATE_NOOP("Messages", "({n} parts)"))
BEST = Phrase(
    "cli.models.best", QT_TRANSLATE_NOOP("Messages", "★ the best quantization that fits: {label}")
)
NAME_THE_QUANT = Phrase(
    "cli.models.name-the-quant",
    QT_TRANSLATE_NOOP("Messages", "Name the quantization to download, e.g. Q4_K_M."),
)
NO_SUCH_QUANT = Phrase(
    "cli.models.no-such-quant",
    QT_TRANSLATE_NOOP("Messages", '{repo} has no "{quant}". It has: {names}.'),
)
PARTIAL_REMOVED = Phrase(
    "cli.models.partial-removed", QT_TRANSLATE_NOOP("Messages", "The partial download was removed.")
)
STATE_WORDS = {
    "downloading": Phrase(
        "cli.models.state.downloading", QT_TRANSLATE_NOOP("Messages", "downloading")
    ),
    "retrying": Phrase("cli.models.state.retrying", QT_TRANSLATE_NOOP("Messages", "retrying")),
    "verifying": Phrase("cli.models.state.verifying", QT_TRANSLATE_NOOP("Messages", "verifying")),
    "done": Phrase("cli.models.state.done", QT_TRANSLATE_NOOP("Messages", "done")),
}
PROGRESS = Phrase(
    "cli.models.progress",
    QT_TRANSLATE_NOOP("Messages", "{state}: {done} of {total} · {speed}/s · {eta} left"),
)
PROGRESS_NO_ETA = Phrase(
    "cli.models.progress-no-eta",
    QT_TRANSLATE_NOOP("Messages", "{state}: {done} of {total} · {speed}/s"),
)
INTERRUPTED = Phrase(
    "cli.models.interrupted",
    QT_TRANSLATE_NOOP("Messages", "Paused. Run the same command again to resume."),
)
DOWNLOADED = Phrase(
    "cli.models.downloaded", QT_TRANSLATE_NOOP("Messages", "Downloaded {label} → {path}")
)
BASE_MODEL = Phrase("cli.models.base-model", QT_TRANSLATE_NOOP("Messages", "base model"))
CHAT_MODEL = Phrase("cli.models.chat-model", QT_TRANSLATE_NOOP("Messages", "chat model"))
IMPORTED = Phrase(
    "cli.models.imported",
    QT_TRANSLATE_NOOP("Messages", "Imported {name} ({quant}, {kind}) → {path}"),
)
ASK_DELETE = Phrase(
    "cli.models.ask-delete",
    QT_TRANSLATE_NOOP("Messages", "Delete {name} ({size}, {n} file)? [y/N]"),
    QT_TRANSLATE_NOOP("Messages", "Delete {name} ({size}, {n} files)? [y/N]"),
)
ASK_DELETE_EMBEDDER = Phrase(
    "cli.models.ask-delete-embedder",
    QT_TRANSLATE_NOOP("Messages", "Delete the embedding model {name} ({size})? [y/N]"),
)
NOTHING_DELETED = Phrase(
    "cli.models.nothing-deleted", QT_TRANSLATE_NOOP("Messages", "Nothing deleted.")
)
DELETED_FILES = Phrase(
    "cli.models.deleted-files",
    QT_TRANSLATE_NOOP("Messages", "Deleted {n} file of {name}."),
    QT_TRANSLATE_NOOP("Messages", "Deleted {n} files of {name}."),
)
DELETED_FOLDER = Phrase(
    "cli.models.deleted-folder", QT_TRANSLATE_NOOP("Messages", "Deleted {path}.")
)
TOKEN_REMOVED = Phrase(
    "cli.models.token-removed",
    QT_TRANSLATE_NOOP("Messages", "The Hugging Face token was removed."),
)
NO_TOKEN_GIVEN = Phrase(
    "cli.models.no-token-given", QT_TRANSLATE_NOOP("Messages", "No token given; nothing saved.")
)
TOKEN_SAVED = Phrase(
    "cli.models.token-saved", QT_TRANSLATE_NOOP("Messages", "Saved (readable by you only).")
)
TOKEN_PROMPT = Phrase(
    "cli.models.token-prompt",
    QT_TRANSLATE_NOOP("Messages", "Hugging Face access token (input hidden):"),
)
NO_MODELS_YET = Phrase(
    "cli.models.none-yet",
    QT_TRANSLATE_NOOP("Messages", "No models yet. Put .gguf files in {path}."),
)
UNUSABLE = Phrase("cli.models.unusable", QT_TRANSLATE_NOOP("Messages", "unusable: {reason}"))
STARTER_MARK = Phrase("cli.models.starter", QT_TRANSLATE_NOOP("Messages", "[starter]"))
MODEL_LINE = Phrase(
    "cli.models.model-line",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{architecture} · {parameters} parameters · {quant} · context {context} · {size} · {kind}",
    ),
)
BASE_NO_TEMPLATE = Phrase(
    "cli.models.base-no-template",
    QT_TRANSLATE_NOOP("Messages", "base model (no chat template)"),
)
CHAT = Phrase("cli.models.chat", QT_TRANSLATE_NOOP("Messages", "chat"))
GEMMA_NOT_OFFERED = Phrase(
    "cli.models.gemma-not-offered",
    QT_TRANSLATE_NOOP("Messages", "The Gemma starter model is not offered: {reason}"),
)


def add_commands(models: Any) -> None:
    """Register the library and hub commands on the `hearth models` sub-parser."""
    listing = models.add_parser("list", help="list local models with metadata")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=cmd_models_list)
    search = models.add_parser("search", help="search Hugging Face for GGUF models")
    search.add_argument("query", nargs="*")
    search.add_argument("--sort", choices=["downloads", "likes", "recent"], default="downloads")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument(
        "--embedding", action="store_true", help="sentence-transformers models, for documents"
    )
    search.set_defaults(run=cmd_search)
    files = models.add_parser("files", help="a repo's quantizations and whether they fit")
    files.add_argument("repo")
    files.add_argument("--context", type=int, default=None)
    files.set_defaults(run=cmd_files)
    download = models.add_parser("download", help="download one quantization (resumable)")
    download.add_argument("repo")
    download.add_argument("quant", nargs="?", default="", help="Q4_K_M, Q8_0, ... or a file")
    download.add_argument("--cancel", action="store_true", help="drop a paused download")
    download.add_argument(
        "--embedding", action="store_true", help="an embedding model (sentence-transformers)"
    )
    download.set_defaults(run=cmd_download)
    imported = models.add_parser("import", help="copy a local .gguf into the library")
    imported.add_argument("file", type=Path)
    imported.set_defaults(run=cmd_import)
    remove = models.add_parser("remove", help="delete a model and its files")
    remove.add_argument("model")
    remove.add_argument("--yes", action="store_true", help="do not ask")
    remove.add_argument("--embedding", action="store_true", help="an embedding model")
    remove.set_defaults(run=cmd_remove)
    token = models.add_parser("token", help="store a Hugging Face token for gated models")
    token.add_argument("--clear", action="store_true")
    token.set_defaults(run=cmd_token)


def _client(services: Services) -> HubClient:
    return HubClient(token=load_token(services.paths.config))


def cmd_search(services: Services, args: argparse.Namespace) -> int:
    library = "sentence-transformers" if args.embedding else "gguf"
    found = _client(services).search(" ".join(args.query), args.sort, args.limit, library)
    if not found:
        print(say(NO_EMBEDDING_MATCH() if args.embedding else NO_GGUF_MATCH()))
    for repo in found:
        updated = repo.updated.date().isoformat() if repo.updated else "?"
        gated = "  " + say(GATED_MARK()) if repo.gated else ""
        line = REPO_LINE(
            downloads=repo.downloads,
            likes=repo.likes,
            updated=updated,
            licence=repo.license or UNKNOWN(),
        )
        print(f"{repo.repo_id}{gated}\n    {say(line)}")
    return 0


def cmd_files(services: Services, args: argparse.Namespace) -> int:
    client = _client(services)
    listing = client.listing(args.repo)
    context = args.context or services.settings.engine.context_length
    hardware = detect_hardware()
    models = [c for c in listing.choices if not c.is_projector]
    dims = None
    if models:
        first = models[0].first
        dims = client.remote_dims(args.repo, first.path, listing.revision, first.size)
    best = best_choice(listing.choices, dims, context, hardware)
    header = FILES_HEADER(
        repo=args.repo,
        revision=listing.revision[:10],
        context=context,
        ram=Decimal(hardware.ram_bytes / 2**30, 0),
    )
    gpu = (
        say(FILES_GPU(gpu=hardware.gpu_name, vram=Decimal(hardware.vram_bytes / 2**30, 0)))
        if hardware.gpu_name
        else ""
    )
    print(say(header) + gpu)
    for choice in listing.choices:
        parts = " " + say(PARTS(n=len(choice.files))) if len(choice.files) > 1 else ""
        if choice.is_projector:
            print(f"   {choice.label:<10} {choice.size / 2**30:6.2f} GiB  {say(choice.note)}")
            continue
        fit = estimate(choice.size, dims, context, hardware)
        mark = "★" if choice is best else " "
        bits = f"{choice.bits_per_weight:.1f} bpw" if choice.bits_per_weight else "   ?   "
        verdict = say(fit.verdict.words)
        print(
            f" {mark} {choice.label:<10} {choice.size / 2**30:6.2f} GiB{parts}  {bits}  "
            f"{verdict:<12} {say(choice.note)}"
        )
    if best is not None:
        print(say(BEST(label=best.label)))
    return 0


def cmd_download(services: Services, args: argparse.Namespace) -> int:
    client = _client(services)
    if args.embedding:
        found = client.embedding_listing(args.repo)
        job = DownloadJob(args.repo, found.revision, found.files, services.paths.models, EMBEDDING)
    else:
        if not args.quant:
            raise HearthError(NAME_THE_QUANT())
        listing = client.listing(args.repo)
        wanted = args.quant.lower()
        choice = next(
            (c for c in listing.choices if wanted in (c.quant.lower(), c.first.path.lower())),
            None,
        )
        if choice is None:
            names = ", ".join(c.label for c in listing.choices)
            raise HearthError(NO_SUCH_QUANT(repo=args.repo, quant=args.quant, names=names))
        job = DownloadJob(args.repo, listing.revision, choice.files, services.paths.models)
    if args.cancel:
        remove_partial(job)
        print(say(PARTIAL_REMOVED()))
        return 0
    downloader = Downloader(client.file_url, client.headers())
    stop = threading.Event()
    width = 0
    try:
        for progress in downloader.run(job, stop):
            line = progress_line(progress)
            sys.stderr.write("\r" + line.ljust(width))  # covers what a longer line left
            width = max(width, len(line))
    except KeyboardInterrupt:
        stop.set()
        sys.stderr.write("\n" + say(INTERRUPTED()) + "\n")
        return 130
    except DownloadStopped as exc:
        sys.stderr.write("\n" + say(exc.msg) + "\n")
        return 130
    sys.stderr.write("\n")
    print(say(DOWNLOADED(label=job_label(job), path=str(job.installed_path))))
    return 0


def progress_line(progress: DownloadProgress) -> str:
    """ "downloading: 12.5 MB of 98.4 MB · 3.1 MB/s · 28 s left", in the terminal's language."""
    state = STATE_WORDS.get(progress.state)
    words: dict[str, Any] = {
        "state": state() if state is not None else Msg.plain(progress.state),
        "done": Size(progress.done),
        "total": Size(progress.total),
        "speed": Size(int(progress.speed)),
    }
    eta = progress.eta_s
    line = say(PROGRESS(eta=Seconds(eta), **words) if eta is not None else PROGRESS_NO_ETA(**words))
    if progress.message is not None:
        line += " · " + say(progress.message)
    return line


def cmd_import(services: Services, args: argparse.Namespace) -> int:
    target, info = import_model(services.paths.models, args.file.expanduser())
    kind = BASE_MODEL() if info.is_base else CHAT_MODEL()
    print(say(IMPORTED(name=info.name, quant=info.quantization, kind=kind, path=str(target))))
    return 0


def cmd_remove(services: Services, args: argparse.Namespace) -> int:
    if args.embedding:
        return _remove_embedder(services, args)
    entry = services.library.resolve(args.model)
    files = model_files(entry)
    size = sum(p.stat().st_size for p in files if p.exists())
    if not args.yes:
        question = ASK_DELETE(name=entry.id, size=Size(size), n=len(files))
        if not _yes(input(say(question) + " ")):
            print(say(NOTHING_DELETED()))
            return 0
    removed = remove_model(services.paths.models, entry)
    print(say(DELETED_FILES(n=len(removed), name=entry.id)))
    return 0


def _yes(answer: str) -> bool:
    return answer.strip().lower() in ("y", "yes", "是")


def _remove_embedder(services: Services, args: argparse.Namespace) -> int:
    models = services.paths.models
    size = installed_size(models, args.model)
    if not args.yes:
        question = ASK_DELETE_EMBEDDER(name=args.model, size=Size(size))
        if not _yes(input(say(question) + " ")):
            print(say(NOTHING_DELETED()))
            return 0
    folder = remove_embedder(models, args.model)
    print(say(DELETED_FOLDER(path=str(folder))))
    return 0


def cmd_token(services: Services, args: argparse.Namespace) -> int:
    if args.clear:
        save_token(services.paths.config, "")
        print(say(TOKEN_REMOVED()))
        return 0
    token = _read_token()
    if not token.strip():
        print(say(NO_TOKEN_GIVEN()))
        return 0
    save_token(services.paths.config, token)
    print(say(TOKEN_SAVED()))
    return 0


def _read_token() -> str:
    """The token, typed hidden at a terminal, or one line piped in (`... | hearth models
    token`); empty at the end of the input."""
    try:
        if sys.stdin is not None and sys.stdin.isatty():
            return getpass.getpass(say(TOKEN_PROMPT()) + " ")
        return sys.stdin.readline().strip() if sys.stdin is not None else ""
    except EOFError:
        return ""


def cmd_models_list(services: Services, args: argparse.Namespace) -> int:
    entries = services.library.entries()
    if args.json:
        print(json.dumps([_model_row(e) for e in entries], indent=2, ensure_ascii=False))
        return 0
    if not entries:
        print(say(NO_MODELS_YET(path=str(services.paths.models))))
    for e in entries:
        if e.info is None:
            print(f"{e.id}\n    {say(UNUSABLE(reason=e.problem or Msg.plain('')))}")
            continue
        i = e.info
        kind = BASE_NO_TEMPLATE() if i.is_base else CHAT()
        starter = "  " + say(STARTER_MARK()) if e.starter else ""
        line = MODEL_LINE(
            architecture=i.architecture,
            parameters=i.parameters_label,
            quant=i.quantization,
            context=i.context_length,
            size=Size(i.file_size),
            kind=kind,
        )
        print(f"{e.id}{starter}\n    {say(line)}")
    problem = starter_reason()  # known once the library has looked for the starters
    if problem is not None:
        print(say(GEMMA_NOT_OFFERED(reason=problem)), file=sys.stderr)
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
