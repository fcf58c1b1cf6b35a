"""Import a local GGUF into the library, and remove a model with its files."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.core.errors import HearthError, InvalidModelFile, NotEnoughSpace
from app.core.fileio import write_via_part
from app.core.models import texts
from app.core.models.download import SPACE_MARGIN, forget_in_manifest, prune_empty_folders
from app.core.models.library import LibraryEntry
from app.core.models.model_info import ModelInfo, read_model_info
from app.core.models.quants import split_parts
from app.core.text import Size

IMPORTED = "imported"
COPY_BLOCK = 4 * 1024 * 1024


def import_model(models_dir: Path, source: Path) -> tuple[Path, ModelInfo]:
    """Validate `source` as a GGUF model, then copy it to `<models>/imported/`.

    The original stays where it is. A name already taken gets a numbered suffix."""
    info = read_model_info(source)  # raises InvalidModelFile with the reason
    target_dir = models_dir / IMPORTED
    target_dir.mkdir(parents=True, exist_ok=True)
    if shutil.disk_usage(target_dir).free < info.file_size + SPACE_MARGIN:
        raise NotEnoughSpace(
            texts.NO_ROOM_TO_COPY(
                folder=str(target_dir), name=source.name, size=Size(info.file_size)
            )
        )
    target = _free_name(target_dir / source.name)
    try:  # the partial copy is removed on any failure, Ctrl-C included
        with write_via_part(target, info.file_size, margin=0) as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, COPY_BLOCK)
    except OSError as exc:
        raise InvalidModelFile(
            texts.NOT_COPIED(path=str(source), detail=exc.strerror or str(exc))
        ) from exc
    return target, read_model_info(target)


def model_files(entry: LibraryEntry) -> list[Path]:
    """The model's file, or every part of a split model."""
    return split_parts(entry.path)


def remove_model(models_dir: Path, entry: LibraryEntry) -> list[Path]:
    """Delete a model's files (never a starter model, never outside the models folder)."""
    if entry.starter:
        raise HearthError(texts.STARTER_STAYS(name=entry.id))
    root = models_dir.resolve()
    files = [p for p in model_files(entry) if p.exists()]
    if any(not p.resolve().is_relative_to(root) for p in files):
        raise HearthError(texts.OUTSIDE_MODELS(path=str(entry.path)))
    for path in files:
        path.unlink()
    forget_in_manifest(models_dir, files)
    prune_empty_folders(models_dir, [p.parent for p in files])
    return files


def _free_name(path: Path) -> Path:
    counter = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{counter}{path.suffix}")
        counter += 1
    return candidate
