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

from app.core.errors import DownloadStopped, HearthError
from app.core.models.download import EMBEDDING, Downloader, DownloadJob, remove_partial
from app.core.models.embeddings import installed_size, remove_embedder
from app.core.models.fit import Verdict, best_choice, detect_hardware, estimate
from app.core.models.hub import HubClient
from app.core.models.library import LibraryEntry
from app.core.models.manage import import_model, model_files, remove_model
from app.core.models.pending import job_label
from app.core.models.starters import starter_problem
from app.core.models.token import load_token, save_token
from app.core.services import Services

VERDICT_TEXT = {
    Verdict.FITS_GPU: "fits in GPU",
    Verdict.FITS_RAM: "fits in RAM",
    Verdict.TIGHT: "tight",
    Verdict.TOO_BIG: "too big",
}


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
        print(f"No {'sentence-transformers' if args.embedding else 'GGUF'} models match.")
    for repo in found:
        updated = repo.updated.date().isoformat() if repo.updated else "?"
        gated = "  [gated]" if repo.gated else ""
        print(
            f"{repo.repo_id}{gated}\n    {repo.downloads:,} downloads · {repo.likes:,} likes · "
            f"updated {updated} · licence {repo.license or 'unknown'}"
        )
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
    print(
        f"{args.repo} at {listing.revision[:10]} · context {context:,} · this machine: "
        f"{hardware.ram_bytes / 2**30:.0f} GiB RAM"
        + (
            f", {hardware.gpu_name} {hardware.vram_bytes / 2**30:.0f} GiB"
            if hardware.gpu_name
            else ""
        )
    )
    for choice in listing.choices:
        parts = f" ({len(choice.files)} parts)" if len(choice.files) > 1 else ""
        if choice.is_projector:
            print(f"   {choice.label:<10} {choice.size / 2**30:6.2f} GiB  {choice.note}")
            continue
        fit = estimate(choice.size, dims, context, hardware)
        mark = "★" if choice is best else " "
        bits = f"{choice.bits_per_weight:.1f} bpw" if choice.bits_per_weight else "   ?   "
        print(
            f" {mark} {choice.label:<10} {choice.size / 2**30:6.2f} GiB{parts}  {bits}  "
            f"{VERDICT_TEXT[fit.verdict]:<12} {choice.note}"
        )
    if best is not None:
        print(f"★ the best quantization that fits: {best.label}")
    return 0


def cmd_download(services: Services, args: argparse.Namespace) -> int:
    client = _client(services)
    if args.embedding:
        found = client.embedding_listing(args.repo)
        job = DownloadJob(args.repo, found.revision, found.files, services.paths.models, EMBEDDING)
    else:
        if not args.quant:
            raise HearthError("Name the quantization to download, e.g. Q4_K_M.")
        listing = client.listing(args.repo)
        wanted = args.quant.lower()
        choice = next(
            (c for c in listing.choices if wanted in (c.quant.lower(), c.first.path.lower())),
            None,
        )
        if choice is None:
            names = ", ".join(c.label for c in listing.choices)
            raise HearthError(f'{args.repo} has no "{args.quant}". It has: {names}.')
        job = DownloadJob(args.repo, listing.revision, choice.files, services.paths.models)
    if args.cancel:
        remove_partial(job)
        print("The partial download was removed.")
        return 0
    downloader = Downloader(client.file_url, client.headers())
    stop = threading.Event()
    try:
        for progress in downloader.run(job, stop):
            eta = f"{progress.eta_s:4.0f} s" if progress.eta_s is not None else "   ? s"
            sys.stderr.write(
                f"\r{progress.state:<11} {progress.done / 2**20:8.1f} / "
                f"{progress.total / 2**20:.1f} MiB  {progress.speed / 2**20:6.1f} MiB/s  "
                f"ETA {eta}  {progress.message[:40]:<40}"
            )
    except KeyboardInterrupt:
        stop.set()
        sys.stderr.write("\nPaused. Run the same command again to resume.\n")
        return 130
    except DownloadStopped as exc:
        sys.stderr.write(f"\n{exc}\n")
        return 130
    sys.stderr.write("\n")
    print(f"Downloaded {job_label(job)} → {job.installed_path}")
    return 0


def cmd_import(services: Services, args: argparse.Namespace) -> int:
    target, info = import_model(services.paths.models, args.file.expanduser())
    kind = "base model" if info.is_base else "chat model"
    print(f"Imported {info.name} ({info.quantization}, {kind}) → {target}")
    return 0


def cmd_remove(services: Services, args: argparse.Namespace) -> int:
    if args.embedding:
        return _remove_embedder(services, args)
    entry = services.library.resolve(args.model)
    files = model_files(entry)
    size = sum(p.stat().st_size for p in files if p.exists())
    if not args.yes:
        answer = input(f"Delete {entry.id} ({size / 2**30:.2f} GiB, {len(files)} file(s))? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing deleted.")
            return 0
    removed = remove_model(services.paths.models, entry)
    print(f"Deleted {len(removed)} file(s) of {entry.id}.")
    return 0


def _remove_embedder(services: Services, args: argparse.Namespace) -> int:
    models = services.paths.models
    size = installed_size(models, args.model)
    if not args.yes:
        answer = input(f"Delete the embedding model {args.model} ({size / 2**20:.0f} MiB)? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing deleted.")
            return 0
    folder = remove_embedder(models, args.model)
    print(f"Deleted {folder}.")
    return 0


def cmd_token(services: Services, args: argparse.Namespace) -> int:
    if args.clear:
        save_token(services.paths.config, "")
        print("The Hugging Face token was removed.")
        return 0
    token = _read_token()
    if not token.strip():
        print("No token given; nothing saved.")
        return 0
    save_token(services.paths.config, token)
    print("Saved (readable by you only).")
    return 0


def _read_token() -> str:
    """The token, typed hidden at a terminal, or one line piped in (`... | hearth models
    token`); empty at the end of the input."""
    try:
        if sys.stdin is not None and sys.stdin.isatty():
            return getpass.getpass("Hugging Face access token (input hidden): ")
        return sys.stdin.readline().strip() if sys.stdin is not None else ""
    except EOFError:
        return ""


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
    problem = starter_problem()  # known once the library has looked for the starters
    if problem is not None:
        print(f"The Gemma starter model is not offered: {problem}", file=sys.stderr)
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
