"""The prompt library: system prompts and few-shot sets, built-in and the user's own.

Each entry is one readable TOML file. Built-ins live in `resources/prompts/` and are read-only;
the user's own live in the data folder's `prompts/`, and one with a built-in's id replaces it
(that is how a user edits a built-in). A broken file never hides the others: it is reported in
`errors` with its name and what is wrong.

    id = "translator"                 # optional: defaults to the file name
    name = "Translator 中文↔English"
    kind = "few-shot"                 # "system" or "few-shot"
    description = "..."
    system = "..."
    [[examples]]                      # few-shot: real user/assistant turns
    user = "..."
    assistant = "..."
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

PROMPT_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    user: str = Field(min_length=1)
    assistant: str = Field(min_length=1)


class PromptTemplate(BaseModel):
    """A system prompt, optionally with few-shot examples placed before the conversation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=PROMPT_ID.pattern)
    name: str = Field(min_length=1, max_length=120)
    kind: Literal["system", "few-shot"] = "system"
    description: str = ""
    system: str = ""
    examples: tuple[Example, ...] = ()
    builtin: bool = Field(default=False, exclude=True)

    @model_validator(mode="after")
    def _check_kind(self) -> PromptTemplate:
        if self.kind == "few-shot" and not self.examples:
            raise ValueError("a few-shot template needs at least one [[examples]] entry")
        if self.kind == "system" and not self.system.strip():
            raise ValueError("a system prompt needs a non-empty `system` text")
        return self

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

    def templates(self) -> list[PromptTemplate]:
        """Every valid template, user ones replacing built-ins with the same id, sorted by name."""
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
        return sorted(found.values(), key=lambda t: (t.kind, t.name.lower()))

    def get(self, template_id: str) -> PromptTemplate:
        for template in self.templates():
            if template.id == template_id:
                return template
        known = ", ".join(t.id for t in self.templates())
        raise PromptLibraryError(f'There is no prompt "{template_id}". Known prompts: {known}.')

    def save(self, template: PromptTemplate) -> Path:
        """Write a user template (validated again) as `<id>.toml` in the user folder."""
        checked = PromptTemplate.model_validate(template.model_dump())
        data = checked.model_dump(mode="json", exclude_defaults=False)
        data["examples"] = [dict(e) for e in data["examples"]]
        if not data["examples"]:
            del data["examples"]
        path = self.user_dir / f"{checked.id}.toml"
        atomic_write_text(path, tomli_w.dumps(data, multiline_strings=True))
        return path

    def delete(self, template_id: str) -> None:
        path = self.user_dir / f"{template_id}.toml"
        if not PROMPT_ID.match(template_id) or not path.exists():
            raise PromptLibraryError(
                f'"{template_id}" is not one of your own prompts; '
                "built-in prompts cannot be deleted."
            )
        path.unlink()


def load_template(path: Path, builtin: bool = False) -> PromptTemplate:
    """Read and validate one TOML prompt file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PromptLibraryError(f"{path.name}: cannot be read ({exc}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PromptLibraryError(f"{path.name}: not valid TOML ({exc}).") from exc
    data.setdefault("id", path.stem)
    try:
        return PromptTemplate.model_validate({**data, "builtin": builtin})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'file'}: {err['msg']}"
            for err in exc.errors()
        )
        raise PromptLibraryError(f"{path.name}: {problems}.") from exc
