"""Find the documents in a collection's folders and files.

Symbolic links are followed, but a folder is entered once: a link that leads back into a
folder already being walked is reported as a loop. Hidden folders and the usual build and
package folders are left out; files that are not documents are ignored without a word.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.rag import texts
from app.core.rag.extract import kind_of
from app.core.rag.types import FileProblem
from app.core.text import Msg

SKIPPED_FOLDERS = frozenset(
    {"node_modules", "__pycache__", "site-packages", "venv", "dist", "build", "target"}
)


@dataclass(frozen=True)
class Candidate:
    path: str
    size: int
    mtime_ns: int
    kind: str


@dataclass
class ScanResult:
    """The documents found, the problems met, and the sources that are missing altogether
    (an unplugged drive: what was indexed from them is kept, not deleted)."""

    files: list[Candidate]
    problems: list[FileProblem]
    missing: list[str]


def scan(sources: Iterable[str]) -> ScanResult:
    result = ScanResult([], [], [])
    seen: set[str] = set()
    for source in sources:
        root = Path(source)
        try:
            info = os.stat(root)
        except OSError as exc:
            result.problems.append(FileProblem(source, _gone(exc)))
            result.missing.append(source)
            continue
        if stat.S_ISDIR(info.st_mode):
            _walk(root, result, seen, set())
        else:
            _consider(root, result, seen, explicit=True)
    result.files.sort(key=lambda c: c.path)
    return result


def _walk(folder: Path, result: ScanResult, seen: set[str], visiting: set[tuple[int, int]]) -> None:
    try:
        info = os.stat(folder)
    except OSError as exc:
        result.problems.append(FileProblem(str(folder), _gone(exc)))
        return
    key = (info.st_dev, info.st_ino)
    if key in visiting:
        result.problems.append(FileProblem(str(folder), texts.FOLDER_LOOP()))
        return
    visiting = visiting | {key}
    try:
        with os.scandir(folder) as entries:
            names = sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        result.problems.append(FileProblem(str(folder), texts.FOLDER_UNREADABLE(detail=_why(exc))))
        return
    for entry in names:
        path = Path(entry.path)
        if entry.name.startswith(".") or (entry.name in SKIPPED_FOLDERS and _is_dir(path)):
            continue
        if _is_dir(path):
            _walk(path, result, seen, visiting)
        elif entry.is_symlink() and not path.exists():
            if kind_of(path) is not None:
                result.problems.append(FileProblem(str(path), texts.BROKEN_LINK()))
        else:
            _consider(path, result, seen, explicit=False)


def _consider(path: Path, result: ScanResult, seen: set[str], explicit: bool) -> None:
    kind = kind_of(path)
    if kind is None:
        if explicit:
            result.problems.append(FileProblem(str(path), texts.NOT_A_DOCUMENT()))
        return
    try:
        info = os.stat(path)
    except OSError as exc:
        result.problems.append(FileProblem(str(path), _gone(exc)))
        return
    if not stat.S_ISREG(info.st_mode):
        result.problems.append(FileProblem(str(path), texts.NOT_REGULAR()))
        return
    if str(path) in seen:
        return
    seen.add(str(path))
    result.files.append(Candidate(str(path), info.st_size, info.st_mtime_ns, kind))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _gone(exc: OSError) -> Msg:
    if isinstance(exc, FileNotFoundError):
        return texts.GONE()
    if getattr(exc, "errno", None) == 40:  # ELOOP
        return texts.LINK_LOOP()
    return texts.CANNOT_READ_IT(detail=_why(exc))


def _why(exc: OSError) -> str:
    return (exc.strerror or str(exc)).rstrip(".").lower()
