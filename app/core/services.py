"""What the CLI and the window share, built once by their composition roots."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.errors import SettingsError
from app.core.models.library import ModelLibrary
from app.core.paths import AppPaths, default_paths, resources_dir
from app.core.prompts.library import PromptLibrary
from app.core.settings import Settings, load_settings


@dataclass
class Services:
    """Paths, settings, the model library and the prompt library."""

    paths: AppPaths
    settings: Settings
    library: ModelLibrary
    prompts: PromptLibrary


def build_services() -> tuple[Services, SettingsError | None]:
    """Make the folders, read the settings (defaults plus the problem if they were bad)."""
    paths = default_paths().ensure()
    settings, problem = load_settings(paths.settings_file)
    prompts = PromptLibrary(resources_dir() / "prompts", paths.prompts)
    return Services(paths, settings, ModelLibrary(paths.models), prompts), problem
