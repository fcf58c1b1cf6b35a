"""A chat's own options, typed: what `Chat.settings` holds besides marks like "imported".

`Chat.settings` is a JSON dict stored with the chat. Its option keys are:

    "sampling"   the chat's own sampling settings (a dict laid over the global ones)
    "few_shot"   the id of a few-shot template whose examples go before the conversation
    "documents"  the collections it answers from: [{"id": 3, "name": "Handbook"}, ...]
    "whole"      files given entire: [{"collection": "Handbook", "path": "...", "id": 3}, ...]
    "think"      the Think switch (None: on, for templates that have one)

Other keys ("imported", "salvaged_from", "salvaged_id", "forked_from", ...) belong to other
modules: `to_settings` keeps them as they are. Reading is tolerant: a damaged or old value
(an export edited by hand, a key from an older Hearth) reads as the default, never raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from app.core.settings import SamplingSettings

_T = TypeVar("_T", bound=BaseModel)

KEYS = ("sampling", "few_shot", "documents", "whole", "think")


class DocumentRef(BaseModel):
    """A collection by id, with the name it had (used until the collections are listed)."""

    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)

    id: int
    name: str = ""

    @field_validator("name", mode="before")
    @classmethod
    def _any_name(cls, value: object) -> str:
        return value if isinstance(value, str) else ""


class WholeFile(BaseModel):
    """A file given to the chat entire; `id` keeps the choice across a collection's rename."""

    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)

    collection: str
    path: str
    id: int | None = None

    def record(self) -> dict[str, Any]:
        return {"collection": self.collection, "path": self.path} | (
            {"id": self.id} if self.id is not None else {}
        )


class ChatOptions(BaseModel):
    """The options of one chat. Build with `from_settings`, store with `to_settings`."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    sampling: dict[str, Any] | None = None
    few_shot: str | None = None
    documents: tuple[DocumentRef, ...] = ()
    whole: tuple[WholeFile, ...] = ()
    think: bool | None = None

    @staticmethod
    def from_settings(settings: Mapping[str, Any] | None) -> ChatOptions:
        """The options stored in a chat's settings; each damaged value reads as its default."""
        raw = settings if isinstance(settings, Mapping) else {}
        sampling = raw.get("sampling")
        few_shot, think = raw.get("few_shot"), raw.get("think")
        return ChatOptions(
            sampling=dict(sampling) if isinstance(sampling, dict) else None,
            few_shot=few_shot if isinstance(few_shot, str) and few_shot else None,
            documents=_items(DocumentRef, raw.get("documents")),
            whole=_items(WholeFile, raw.get("whole")),
            think=think if isinstance(think, bool) else None,
        )

    def to_settings(self, settings: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """`settings` with these options in it: a default option's key is left out, every
        other key (the marks of other modules) is kept as it was."""
        merged = {k: v for k, v in (settings or {}).items() if k not in KEYS}
        if self.sampling is not None:
            merged["sampling"] = dict(self.sampling)
        if self.few_shot is not None:
            merged["few_shot"] = self.few_shot
        if self.documents:
            merged["documents"] = [d.model_dump() for d in self.documents]
        if self.whole:
            merged["whole"] = [w.record() for w in self.whole]
        if self.think is not None:
            merged["think"] = self.think
        return merged

    def sampling_over(self, base: SamplingSettings) -> SamplingSettings:
        """The sampling this chat uses: its own values over `base`; a damaged set: `base`."""
        if self.sampling is None:
            return base
        try:
            return SamplingSettings.model_validate({**base.model_dump(), **self.sampling})
        except ValidationError:
            return base

    def with_sampling(self, sampling: SamplingSettings | None) -> ChatOptions:
        """These options with the chat's own sampling (None: back to the defaults)."""
        own = sampling.model_dump(mode="json") if sampling is not None else None
        return self.model_copy(update={"sampling": own})

    @property
    def document_ids(self) -> list[int]:
        return [d.id for d in self.documents]


def _items(kind: type[_T], raw: object) -> tuple[_T, ...]:
    """The readable entries of a stored list (a damaged entry is left out)."""
    if not isinstance(raw, list):
        return ()
    items = []
    for entry in raw:
        try:
            items.append(kind.model_validate(entry))
        except ValidationError:
            continue
    return tuple(items)
