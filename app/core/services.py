"""What the CLI and the window share, built once by their composition roots."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.errors import HearthError
from app.core.models.library import ModelLibrary
from app.core.paths import AppPaths, default_paths, resources_dir
from app.core.prompts.library import PromptLibrary
from app.core.settings import Settings, load_settings
from app.core.text import LINES, Msg, together


@dataclass
class Services:
    """Paths, settings, the model library and the prompt library."""

    paths: AppPaths
    settings: Settings
    library: ModelLibrary
    prompts: PromptLibrary


def build_services() -> tuple[Services, HearthError | None]:
    """Make the folders and read the settings. Problems (a folder that cannot be made, a bad
    settings file: defaults are used) come back as one error for the user, never raised."""
    paths = default_paths()
    problems = [p if isinstance(p, Msg) else Msg.plain(p) for p in paths.prepare()]
    settings, settings_problem = load_settings(paths.settings_file)
    if settings_problem is not None:
        problems.append(settings_problem.msg)
    prompts = PromptLibrary(resources_dir() / "prompts", paths.prompts)
    services = Services(paths, settings, ModelLibrary(paths.models), prompts)
    return services, HearthError(together(problems, LINES)) if problems else None
