"""The prompt library: system prompts and few-shot sets, built-in and the user's own.

Each entry is one readable TOML file. Built-ins live in `resources/prompts/` and are read-only;
the user's own live in the data folder's `prompts/`, and one with a built-in's id replaces it
(that is how a user edits a built-in). A broken file never hides the others: it is reported in
`errors` (and `problems`, as messages to show) with its name and what is wrong.

    id = "translator"                 # optional: defaults to the file name
    name = "Translator 中文↔English"   # the title in English (and any language not given below)
    kind = "few-shot"                 # "system" or "few-shot"
    description = "..."
    language = "zh_CN"                # optional: the language the prompt itself is written in
    system = "..."
    [zh_CN]                           # optional: title and description in the Chinese UI
    name = "翻译（中英互译）"
    description = "..."
    [[examples]]                      # few-shot: real user/assistant turns
    user = "..."
    assistant = "..."

`language` marks what the model reads (the system text and the examples); it is empty for
English. Each built-in has a version in English and one written in Chinese (`<id>-zh`,
`language = "zh_CN"`, with an English title such as "Default assistant (Chinese)"). The pickers
list the prompts written in the UI's language first (`templates(language=...)`) and show each
title and description in the UI's language (`title`, `summary`), falling back to `name` and
`description`. The library only ever writes the file of a prompt being saved: the user's other
files are read, never rewritten.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.core.errors import PromptLibraryError
from app.core.fileio import atomic_write_text
from app.core.messages import Message
from app.core.prompts.texts import INVALID, NO_PROMPT, NOT_TOML, NOT_YOURS, UNREADABLE
from app.core.text import Msg

PROMPT_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# The UI languages a prompt file can give its title and description in, as `[zh_CN]` tables.
TITLE_LANGUAGES = ("zh_CN",)


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    user: str = Field(min_length=1)
    assistant: str = Field(min_length=1)


class Localized(BaseModel):
    """A prompt's title and description in one UI language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(default="", max_length=120)
    description: str = ""


class PromptTemplate(BaseModel):
    """A system prompt, optionally with few-shot examples placed before the conversation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=PROMPT_ID.pattern)
    name: str = Field(min_length=1, max_length=120)
    kind: Literal["system", "few-shot"] = "system"
    description: str = ""
    system: str = ""
    examples: tuple[Example, ...] = ()
    language: Literal["", "en", "zh_CN"] = ""
    zh_CN: Localized | None = None
    builtin: bool = Field(default=False, exclude=True)

    @model_validator(mode="after")
    def _check_kind(self) -> PromptTemplate:
        if self.kind == "few-shot" and not self.examples:
            raise ValueError("a few-shot template needs at least one [[examples]] entry")
        if self.kind == "system" and not self.system.strip():
            raise ValueError("a system prompt needs a non-empty `system` text")
        return self

    def localized(self, language: str | None) -> Localized | None:
        """The title and description given for the UI language `language`, if any."""
        if language not in TITLE_LANGUAGES:
            return None
        found: Localized | None = getattr(self, str(language))
        return found

    def title(self, language: str | None = None) -> str:
        """The title to show in the UI language `language` (English when it has none)."""
        local = self.localized(language)
        return local.name if local is not None and local.name.strip() else self.name

    def summary(self, language: str | None = None) -> str:
        """The description to show in the UI language `language` (English when it has none)."""
        local = self.localized(language)
        return local.description if local is not None and local.description else self.description

    def written_in(self, language: str | None) -> bool:
        """Whether the prompt itself is in `language` (unmarked prompts are English)."""
        return (self.language or "en") == (language or "en")

    def messages(self, system_override: str | None = None) -> list[Message]:
        """The messages that go before the conversation: system, then example pairs."""
        system = self.system if system_override is None else system_override
        head = [Message("system", system)] if system.strip() else []
        for example in self.examples:
            head += [Message("user", example.user), Message("assistant", example.assistant)]
        return head


class PromptLibrary:
    """Reads built-in and user prompt files; saves and deletes the user's own."""

    def __init__(self, builtin_dir: Path, user_dir: Path) -> None:
        self.builtin_dir = builtin_dir
        self.user_dir = user_dir
        self.errors: list[PromptLibraryError] = []

    @property
    def problems(self) -> list[Msg]:
        """The broken files of the last read, as messages to show."""
        return [error.msg for error in self.errors]

    def templates(self, language: str | None = None) -> list[PromptTemplate]:
        """Every valid template, user ones replacing built-ins with the same id: by kind, then
        the prompts written in `language` (the UI's; None is English) first, each group
        sorted by its title in that language."""
        self.errors = []
        found: dict[str, PromptTemplate] = {}
        for folder, builtin in ((self.builtin_dir, True), (self.user_dir, False)):
            for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
                try:
                    template = load_template(path, builtin)
                except PromptLibraryError as exc:
                    self.errors.append(exc)
                    continue
                found[template.id] = template
        return in_order(list(found.values()), language)

    def get(self, template_id: str) -> PromptTemplate:
        for template in self.templates():
            if template.id == template_id:
                return template
        known = ", ".join(t.id for t in self.templates())
        raise PromptLibraryError(NO_PROMPT(id=template_id, known=known))

    def save(self, template: PromptTemplate) -> Path:
        """Write a user template (validated again) as `<id>.toml` in the user folder."""
        checked = PromptTemplate.model_validate(template.model_dump())
        data = checked.model_dump(mode="json", exclude_defaults=False)
        data["examples"] = [dict(e) for e in data["examples"]]
        if not data["examples"]:
            del data["examples"]
        for empty in ("language", *TITLE_LANGUAGES):
            if not data.get(empty):
                data.pop(empty, None)
        path = self.user_dir / f"{checked.id}.toml"
        atomic_write_text(path, tomli_w.dumps(data, multiline_strings=True))
        return path

    def delete(self, template_id: str) -> None:
        path = self.user_dir / f"{template_id}.toml"
        if not PROMPT_ID.match(template_id) or not path.exists():
            raise PromptLibraryError(NOT_YOURS(id=template_id))
        path.unlink()


def load_template(path: Path, builtin: bool = False) -> PromptTemplate:
    """Read and validate one TOML prompt file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PromptLibraryError(UNREADABLE(str(exc), file=path.name)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise PromptLibraryError(NOT_TOML(str(exc), file=path.name)) from exc
    data.setdefault("id", path.stem)
    try:
        return PromptTemplate.model_validate({**data, "builtin": builtin})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'file'}: {err['msg']}"
            for err in exc.errors()
        )
        raise PromptLibraryError(INVALID(problems, file=path.name)) from exc


def in_order(templates: list[PromptTemplate], language: str | None) -> list[PromptTemplate]:
    """`templates` by kind, those written in `language` first, then by title in `language`."""
    return sorted(
        templates,
        key=lambda t: (t.kind, not t.written_in(language), t.title(language).lower()),
    )


def version_for(
    wanted: str, language: str | None, templates: list[PromptTemplate]
) -> PromptTemplate | None:
    """The prompt `wanted` as a new chat in the UI language `language` should get it: a built-in
    that has a version written in that language (`default-assistant` → `default-assistant-zh`)
    gives that version; the user's own prompts and a prompt without one are themselves."""
    chosen = next((t for t in templates if t.id == wanted), None)
    if chosen is None or not chosen.builtin or chosen.written_in(language):
        return chosen
    suffix = {"zh_CN": "-zh"}.get(str(language), "")
    twin = next((t for t in templates if suffix and t.id == wanted + suffix), None)
    return twin if twin is not None and twin.written_in(language) else chosen
