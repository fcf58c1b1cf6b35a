"""The local model library: starter models plus every GGUF under the models folder.

Files are described from their headers (`read_model_info`) and the descriptions are cached by
(size, mtime), so listing stays cheap. A file that fails validation stays in the list with the
reason, so the user can see it and remove it instead of wondering where it went.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import InvalidModelFile, ModelNotFound
from app.core.models import texts
from app.core.models.model_info import ModelInfo, read_model_info
from app.core.models.quants import parse_name, split_parts
from app.core.models.starters import SMOLLM2_FILE, starter_models
from app.core.text import Msg


@dataclass(frozen=True)
class LibraryEntry:
    """One model file: its stable id, and either its description or why it cannot be used
    (`problem`, to show with `i18n.say`; `error` is the same in English, for logs)."""

    id: str
    path: Path
    info: ModelInfo | None
    problem: Msg | None = None
    starter: bool = False
    disk_bytes: int = 0  # all parts of a split model together

    @property
    def usable(self) -> bool:
        return self.info is not None

    @property
    def error(self) -> str | None:
        """Why the model cannot be used, in English (logs, tests); None when it can."""
        return str(self.problem) if self.problem is not None else None


class ModelLibrary:
    """Lists and finds local models. Reads headers only; never loads weights."""

    def __init__(self, models_dir: Path) -> None:
        self.models_dir = models_dir
        self._cache: dict[tuple[Path, int, int], ModelInfo] = {}

    def entries(self) -> list[LibraryEntry]:
        """Starter models first, then the models folder, sorted by id. A split model is listed
        once, by its first part; vision projectors (mmproj) are not chat models and are left out."""
        starters = starter_models(self.models_dir)
        seen = {s.path.resolve() for s in starters}
        found = [self._entry(s.id, s.path, starter=True) for s in starters]
        for path in gguf_files(self.models_dir):
            name = parse_name(path.name)
            if name.part > 1 or name.is_projector:
                continue
            if path.resolve() not in seen:
                rel = path.relative_to(self.models_dir).with_suffix("")
                found.append(self._entry(rel.as_posix(), path))
        return found

    def resolve(self, name: str) -> LibraryEntry:
        """Find a model by id, file name, path to a .gguf, or a unique part of its name."""
        candidate = Path(name).expanduser()
        if name.endswith(".gguf") and (candidate.exists() or "/" in name or "\\" in name):
            return self._entry(candidate.stem, candidate.resolve())
        entries = self.entries()
        lowered = name.lower()
        tests: list[Callable[[LibraryEntry], bool]] = [
            lambda e: e.id == name,
            lambda e: name in (e.path.stem, e.path.name),
            lambda e: e.id.lower() == lowered,
        ]
        for matches in tests:
            exact = [e for e in entries if matches(e)]
            if exact:
                return exact[0]
        partial = [e for e in entries if lowered in e.id.lower()]
        if len(partial) == 1:
            return partial[0]
        if partial:
            names = ", ".join(e.id for e in partial)
            raise ModelNotFound(texts.SEVERAL_MATCH(name=name, names=names))
        raise ModelNotFound(texts.NO_MATCH(name=name))

    def default(self, preferred: str | None = None) -> LibraryEntry:
        """The model to use when none is named: the user's choice, else SmolLM2, else any."""
        if preferred:
            try:
                entry = self.resolve(preferred)
                if entry.usable:
                    return entry
            except ModelNotFound:
                pass
        found = pick_default(self.entries())
        if found is None:
            raise ModelNotFound(texts.NO_USABLE_MODEL(folder=str(self.models_dir)))
        return found

    def _entry(self, model_id: str, path: Path, starter: bool = False) -> LibraryEntry:
        size = sum(_size(p) for p in split_parts(path))
        try:
            return LibraryEntry(model_id, path, self._describe(path), None, starter, size)
        except InvalidModelFile as exc:
            return LibraryEntry(model_id, path, None, exc.msg, starter, size)

    def _describe(self, path: Path) -> ModelInfo:
        try:
            stat = path.stat()
        except OSError:
            return read_model_info(path)  # raises the right InvalidModelFile
        key = (path, stat.st_size, stat.st_mtime_ns)
        if key not in self._cache:
            self._cache[key] = read_model_info(path)
        return self._cache[key]


def gguf_files(root: Path) -> list[Path]:
    """Every .gguf under root, sorted. Folders that vanish during the walk (a download being
    cancelled prunes its empty folders on another thread) are skipped, not an error."""
    found = [
        Path(folder) / name
        for folder, _dirs, names in os.walk(root)
        for name in names
        if name.endswith(".gguf")
    ]
    return sorted(found)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def pick_default(entries: list[LibraryEntry], preferred: str | None = None) -> LibraryEntry | None:
    """From a listing: the preferred model if usable, else SmolLM2, else the first usable one."""
    usable = [e for e in entries if e.usable]
    for entry in usable:
        if entry.id == preferred:
            return entry
    for entry in usable:
        if entry.path.name == SMOLLM2_FILE:
            return entry
    return usable[0] if usable else None
