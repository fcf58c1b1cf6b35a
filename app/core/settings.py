"""Typed settings, stored as JSON with a schema version.

`load_settings` never raises for a bad file: it moves the file aside, returns defaults and a
`SettingsError` describing what happened, so the caller can tell the user.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from app.core.errors import InvalidSetting, SettingsError
from app.core.fileio import atomic_write_text, move_aside
from app.core.prompts.fallbacks import FALLBACK_TEMPLATES
from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase

SCHEMA_VERSION = 1

# What a model can be loaded with (the settings dialog offers the same ranges).
MIN_CONTEXT_LENGTH = 256
MAX_CONTEXT_LENGTH = 1_048_576
MAX_THREADS = 512

Migration = Callable[[dict[str, Any]], dict[str, Any]]
# MIGRATIONS[n] turns a version-n document into a version-(n + 1) one.
MIGRATIONS: dict[int, Migration] = {}


class SamplingSettings(BaseModel):
    """How tokens are chosen. temperature 0 means greedy."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    temperature: float = Field(0.7, ge=0.0, le=5.0)
    top_p: float = Field(0.95, gt=0.0, le=1.0)
    top_k: int = Field(40, ge=0)
    min_p: float = Field(0.05, ge=0.0, le=1.0)
    repeat_penalty: float = Field(1.1, ge=0.5, le=3.0)
    max_tokens: int = Field(1024, ge=1, le=MAX_CONTEXT_LENGTH)
    seed: int | None = Field(None, ge=0, lt=2**32)
    stop: tuple[str, ...] = ()


# How settings are named to the user, in `InvalidSetting`'s messages ("{name} cannot be...").
CONTEXT_LENGTH_NAME = Phrase(
    "settings.name.context-length", QT_TRANSLATE_NOOP("Messages", "The context length")
)
THREADS_NAME = Phrase(
    "settings.name.threads", QT_TRANSLATE_NOOP("Messages", "The number of threads")
)
GPU_LAYERS_NAME = Phrase(
    "settings.name.gpu-layers", QT_TRANSLATE_NOOP("Messages", "The number of GPU layers")
)
SEED_NAME = Phrase("settings.name.seed", QT_TRANSLATE_NOOP("Messages", "The seed"))
TEMPERATURE_NAME = Phrase(
    "settings.name.temperature", QT_TRANSLATE_NOOP("Messages", "The temperature")
)
TOP_P_NAME = Phrase("settings.name.top-p", QT_TRANSLATE_NOOP("Messages", "Top-p"))
TOP_K_NAME = Phrase("settings.name.top-k", QT_TRANSLATE_NOOP("Messages", "Top-k"))
MIN_P_NAME = Phrase("settings.name.min-p", QT_TRANSLATE_NOOP("Messages", "Min-p"))
REPEAT_PENALTY_NAME = Phrase(
    "settings.name.repeat-penalty", QT_TRANSLATE_NOOP("Messages", "The repeat penalty")
)
MAX_TOKENS_NAME = Phrase("settings.name.max-tokens", QT_TRANSLATE_NOOP("Messages", "Max tokens"))
STOP_NAME = Phrase("settings.name.stop", QT_TRANSLATE_NOOP("Messages", "The stop sequences"))
A_SETTING_NAME = Phrase("settings.name.any", QT_TRANSLATE_NOOP("Messages", "A setting"))

# How the sampling fields are named to the user, for `sampling_with`'s messages.
SAMPLING_NAMES: dict[str, Phrase] = {
    "temperature": TEMPERATURE_NAME,
    "top_p": TOP_P_NAME,
    "top_k": TOP_K_NAME,
    "min_p": MIN_P_NAME,
    "repeat_penalty": REPEAT_PENALTY_NAME,
    "max_tokens": MAX_TOKENS_NAME,
    "seed": SEED_NAME,
    "stop": STOP_NAME,
}

NEWER_FILE = Phrase(
    "settings.newer",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was written by a newer Hearth (settings version {version}); using defaults "
        "for now and leaving the file untouched.",
    ),
)
UNREADABLE = Phrase(
    "settings.unreadable",
    QT_TRANSLATE_NOOP("Messages", "The settings file could not be read; defaults are in use."),
)
UNREADABLE_KEPT = Phrase(
    "settings.unreadable-kept",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The settings file could not be read; defaults are in use. It was kept as {name}.",
    ),
)
PARTLY_UNUSABLE = Phrase(
    "settings.partly-unusable",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Some settings in {file} could not be used; {names} went back to the default. "
        "Everything else was kept.",
    ),
)


def setting_name(field: str) -> Msg:
    """How the sampling field `field` is named to the user."""
    known = SAMPLING_NAMES.get(field)
    return known() if known is not None else Msg.plain(field)


def sampling_with(base: SamplingSettings, **overrides: Any) -> SamplingSettings:
    """`base` with `overrides`, validated (pydantic's `model_copy` does not validate): a value
    out of range raises `InvalidSetting` naming the setting and its range."""
    try:
        return SamplingSettings.model_validate({**base.model_dump(), **overrides})
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else ""
        field = SamplingSettings.model_fields.get(name)
        low = high = None
        for rule in field.metadata if field is not None else ():
            low = getattr(rule, "ge", getattr(rule, "gt", low))
            high = getattr(rule, "le", high)
            if isinstance(getattr(rule, "lt", None), int):
                high = rule.lt - 1
        value = overrides.get(name, error.get("input"))
        shown = setting_name(name) if name else A_SETTING_NAME()
        raise InvalidSetting(shown, value, low, high) from None


class EngineSettings(BaseModel):
    """How a model is loaded. None/-1 mean "choose for this machine"."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    context_length: int = Field(4096, ge=MIN_CONTEXT_LENGTH, le=MAX_CONTEXT_LENGTH)
    threads: int | None = Field(None, ge=1, le=MAX_THREADS)
    gpu_layers: int = Field(-1, ge=-1)


class Settings(BaseModel):
    """Everything the user can set, with the defaults of a fresh install."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    schema_version: int = SCHEMA_VERSION
    default_model: str | None = None
    default_prompt: str = "default-assistant"
    sampling: SamplingSettings = SamplingSettings()
    engine: EngineSettings = EngineSettings()
    theme: Literal["system", "light", "dark"] = "system"
    font_size: int = Field(11, ge=6, le=40)
    language: Literal["system", "en", "zh_CN"] = "system"
    last_chat: int | None = None
    # library model id -> the fallback chat template the user picked for it (a broken or slow
    # template of its own); kept apart from `engine`, which the settings dialog rebuilds
    fallback_templates: dict[str, str] = {}

    @field_validator("fallback_templates", mode="before")
    @classmethod
    def _known_fallbacks(cls, value: object) -> dict[str, str]:
        """Only readable entries naming a known fallback; a damaged one is left out."""
        if not isinstance(value, dict):
            return {}
        return {
            k: v
            for k, v in value.items()
            if isinstance(k, str) and k and isinstance(v, str) and v in FALLBACK_TEMPLATES
        }

    def with_fallback(self, model_id: str, name: str | None) -> Settings:
        """These settings with `model_id` using the fallback template `name` (None: its own)."""
        chosen = {k: v for k, v in self.fallback_templates.items() if k != model_id}
        if name:
            chosen[model_id] = name
        return self.model_copy(update={"fallback_templates": chosen})


def load_settings(path: Path) -> tuple[Settings, SettingsError | None]:
    """Read settings; on any problem return defaults plus the error to show the user."""
    if not path.exists():
        return Settings(), None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("the top level is not an object")
        version = int(raw.get("schema_version", 1))
        if version > SCHEMA_VERSION:
            return Settings(), SettingsError(NEWER_FILE(path=str(path), version=str(version)))
        return _validated(migrate(raw, version), path)
    except (OSError, ValueError, ValidationError) as exc:
        moved = _move_aside_quietly(path)
        detail = _short(exc)
        message = (
            UNREADABLE_KEPT(detail, name=moved.name) if moved is not None else UNREADABLE(detail)
        )
        return Settings(), SettingsError(message)


def _validated(raw: dict[str, Any], path: Path) -> tuple[Settings, SettingsError | None]:
    """The settings in `raw`. A value out of range (a context longer than this Hearth allows,
    say) goes back to its default alone, and the user is told which; the rest is kept."""
    try:
        return Settings.model_validate(raw), None
    except ValidationError as exc:
        dropped = [err["loc"] for err in exc.errors() if err["loc"]]
        for loc in dropped:
            _drop(raw, loc)
        settings = Settings.model_validate(raw)  # anything still wrong: the whole file aside
        names = ", ".join(".".join(str(p) for p in loc) for loc in dropped)
        return settings, SettingsError(PARTLY_UNUSABLE(_short(exc), file=path.name, names=names))


def _drop(raw: dict[str, Any], loc: tuple[int | str, ...]) -> None:
    """Remove the setting at `loc`: the deepest key on the path that sits in an object (an
    error inside a list, such as `sampling.stop.1`, drops the whole list)."""
    node: Any = raw
    parent: dict[str, Any] | None = None
    key: Any = None
    for part in loc:
        if not isinstance(node, dict | list):
            break
        if isinstance(node, dict):
            if part not in node:
                break
            parent, key = node, part
            node = node[part]
        elif isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
    if parent is not None:
        parent.pop(key, None)


def save_settings(path: Path, settings: Settings) -> None:
    atomic_write_text(path, settings.model_dump_json(indent=2) + "\n")


def migrate(raw: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring a settings document from `version` up to SCHEMA_VERSION."""
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
    raw["schema_version"] = SCHEMA_VERSION
    return raw


def _move_aside_quietly(path: Path) -> Path | None:
    try:
        return move_aside(path, "unreadable")
    except OSError:
        return None


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )[:300]
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]
