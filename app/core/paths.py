"""Where Hearth keeps its files.

Platform folders come from platformdirs. Setting `HEARTH_HOME` puts *every* path under that one
folder (tests and portable installs use it), so nothing leaks into the user's real profile.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase

APP_NAME = "Hearth"
HOME_ENV = "HEARTH_HOME"

CANNOT_USE_FOLDER = Phrase(
    "store.cannot-use-folder",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Hearth cannot use the folder {folder}: {why}. Fix that (or set HEARTH_HOME to another "
        "folder) and restart Hearth.",
    ),
)
CANNOT_USE_FOLDER_SYSTEM = Phrase(
    "store.cannot-use-folder-system",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Hearth cannot use the folder {folder}. Fix that (or set HEARTH_HOME to another "
        "folder) and restart Hearth.",
    ),
)
IN_THE_WAY = Phrase(
    "store.folder-in-the-way",
    QT_TRANSLATE_NOOP("Messages", "a file is in the way where a folder should be"),
)
PERMISSION_DENIED = Phrase(
    "store.folder-denied", QT_TRANSLATE_NOOP("Messages", "permission denied")
)


@dataclass(frozen=True)
class AppPaths:
    """The folders Hearth uses. Create them with `ensure()` before writing."""

    data: Path
    config: Path
    cache: Path
    logs: Path

    @property
    def models(self) -> Path:
        return self.data / "models"

    @property
    def prompts(self) -> Path:
        return self.data / "prompts"

    @property
    def rag(self) -> Path:
        return self.data / "rag"

    @property
    def chats_db(self) -> Path:
        return self.data / "chats.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    def ensure(self) -> AppPaths:
        for folder in self._folders():
            folder.mkdir(parents=True, exist_ok=True)
        return self

    def prepare(self) -> list[Msg]:
        """Make every folder that can be made; for each one that cannot, a sentence that says
        which, why, and what to do. The app keeps running without it."""
        problems = []
        for folder in self._folders():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                problems.append(_cannot_use(folder, exc))
        return problems

    def _folders(self) -> tuple[Path, ...]:
        return (self.data, self.config, self.cache, self.logs, self.models, self.prompts)


def default_paths(env: dict[str, str] | None = None) -> AppPaths:
    """The paths for this user, or all under `$HEARTH_HOME` when it is set."""
    env = dict(os.environ) if env is None else env
    home = env.get(HOME_ENV)
    if home:
        root = Path(home).expanduser().resolve()
        return AppPaths(
            data=root / "data", config=root / "config", cache=root / "cache", logs=root / "logs"
        )
    import platformdirs

    return AppPaths(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def _cannot_use(folder: Path, exc: OSError) -> Msg:
    """Why a folder cannot be made: in Hearth's words where it knows the cause, else the
    system's own kept as the detail."""
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return CANNOT_USE_FOLDER(folder=str(folder), why=IN_THE_WAY())
    if isinstance(exc, PermissionError):
        return CANNOT_USE_FOLDER(folder=str(folder), why=PERMISSION_DENIED())
    return CANNOT_USE_FOLDER_SYSTEM(exc.strerror or str(exc), folder=str(folder))


def resources_dir() -> Path:
    """The read-only `resources/` folder: beside `app/` in a checkout, inside a frozen bundle."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
