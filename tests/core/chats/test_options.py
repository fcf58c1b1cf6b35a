"""`ChatOptions`: a chat's options read tolerantly from its settings and stored back without
touching the other keys; `setup_for` turns a chat into the setup the engine gets."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.chat_setup import Collections, documents_for, load_spec_for, setup_for
from app.core.chats.options import ChatOptions, DocumentRef, WholeFile
from app.core.chats.store import Chat
from app.core.services import build_services
from app.core.settings import SamplingSettings, Settings

FULL: dict[str, Any] = {
    "sampling": {"temperature": 0.2, "max_tokens": 7},
    "few_shot": "translator",
    "documents": [{"id": 3, "name": "Handbook"}, {"id": 5, "name": "Notes"}],
    "whole": [{"collection": "Handbook", "path": "/h/a.md", "id": 3}],
    "think": True,
}
MARKS: dict[str, Any] = {
    "imported": {"file": "c.json", "format": "chatgpt", "sha256": "ab", "at": 1.0},
    "salvaged_from": "chats-broken.db",
    "salvaged_id": 12,
    "forked_from": {"chat": 1, "message": 4},
    "from_a_later_hearth": [1, 2],
}


def test_every_option_survives_a_round_trip() -> None:
    options = ChatOptions.from_settings(FULL)
    assert options.sampling == {"temperature": 0.2, "max_tokens": 7}
    assert options.few_shot == "translator"
    assert options.documents == (
        DocumentRef(id=3, name="Handbook"),
        DocumentRef(id=5, name="Notes"),
    )
    assert options.whole == (WholeFile(collection="Handbook", path="/h/a.md", id=3),)
    assert options.think is True
    assert options.document_ids == [3, 5]
    assert options.to_settings() == FULL
    assert ChatOptions.from_settings(options.to_settings()) == options


def test_other_keys_are_kept_as_they_were() -> None:
    stored = {**MARKS, **FULL}
    changed = ChatOptions.from_settings(stored).model_copy(update={"few_shot": None})
    written = changed.to_settings(stored)
    assert {k: written[k] for k in MARKS} == MARKS
    assert "few_shot" not in written and written["documents"] == FULL["documents"]
    assert ChatOptions().to_settings(MARKS) == MARKS  # defaults add nothing


@pytest.mark.parametrize(
    "damaged",
    [
        None,
        [],
        "text",
        {"sampling": "hot", "few_shot": 3, "documents": "all", "whole": {"a": 1}, "think": "yes"},
        {"sampling": None, "few_shot": "", "documents": None, "whole": None, "think": None},
        {"documents": [{"id": "3"}, {"id": True}, "x", None, {"name": "no id"}]},
        {"whole": [{"collection": 1, "path": "p"}, {"path": "p"}, {"collection": "c"}, 7]},
    ],
)
def test_damaged_values_read_as_the_defaults(damaged: object) -> None:
    assert ChatOptions.from_settings(damaged) == ChatOptions()  # type: ignore[arg-type]


def test_readable_entries_of_a_damaged_list_are_kept() -> None:
    options = ChatOptions.from_settings(
        {
            "documents": [{"id": 1, "name": None}, {"id": "x"}, {"id": 2, "name": "B", "x": 0}],
            "whole": [
                {"collection": "B", "path": "p", "id": "old"},
                {"collection": "B", "path": "q"},
            ],
        }
    )
    assert options.documents == (DocumentRef(id=1, name=""), DocumentRef(id=2, name="B"))
    assert options.whole == (WholeFile(collection="B", path="q"),)


def test_the_chats_sampling_lies_over_the_global_one() -> None:
    base = SamplingSettings(temperature=0.9, top_k=12)
    own = ChatOptions.from_settings({"sampling": {"temperature": 0.1, "max_tokens": 9}})
    assert own.sampling_over(base) == SamplingSettings(temperature=0.1, top_k=12, max_tokens=9)
    out_of_range = ChatOptions.from_settings({"sampling": {"temperature": 99}})
    assert out_of_range.sampling_over(base) == base  # a damaged set: the global one
    kept = own.with_sampling(SamplingSettings(temperature=0.3))
    assert kept.sampling_over(base).temperature == 0.3
    assert own.with_sampling(None).to_settings() == {}


class _Searcher:
    def search(self, *args: object, **kwargs: object) -> list[object]:
        return []

    def document(self, name: str, path: str) -> object:
        raise AssertionError("not called")


def test_documents_follow_renames_and_leave_out_removed_collections() -> None:
    options = ChatOptions.from_settings(FULL)
    searcher = _Searcher()
    listed = documents_for(options, Collections(searcher, {3: "Manual", 9: "Other"}))  # type: ignore[arg-type]
    assert listed is not None
    assert listed.collections == ("Manual",)  # renamed; 5 is gone
    assert listed.whole == (("Manual", "/h/a.md"),)  # found by id after the rename
    unlisted = documents_for(options, Collections(searcher))  # type: ignore[arg-type]
    assert unlisted is not None and unlisted.collections == ("Handbook", "Notes")
    assert documents_for(options, None) is None
    assert documents_for(ChatOptions(), Collections(searcher)) is None  # type: ignore[arg-type]


def test_setup_for_a_stored_chat_uses_every_option() -> None:
    services, _ = build_services()
    templates = services.prompts.templates()
    settings = Settings(sampling=SamplingSettings(temperature=0.9, top_k=12))
    chat = Chat(1, "t", 0, 0, "m", "Speak like a pirate.", "concise", {**MARKS, **FULL})
    setup = setup_for(
        chat,
        settings,
        templates,
        model_id="m",
        collections=Collections(_Searcher()),  # type: ignore[arg-type]
        sampling={"max_tokens": 3, "seed": None},
    )
    assert setup.sampling == SamplingSettings(temperature=0.2, top_k=12, max_tokens=3)
    assert setup.prompt is not None and setup.prompt.id == "concise"
    assert setup.few_shot is not None and setup.few_shot.id == "translator"
    assert setup.system_prompt == "Speak like a pirate."
    head = setup.head()
    assert head[0].role == "system" and head[0].content == "Speak like a pirate."
    assert len(head) > 1  # the translator's examples
    assert setup.documents is not None and setup.documents.collections == ("Handbook", "Notes")
    plain = setup_for(None, settings, templates, model_id="m")
    assert plain.sampling == settings.sampling and plain.prompt is None and plain.head() == []


def test_load_spec_takes_the_engine_settings_and_the_given_values() -> None:
    settings = Settings()
    spec = load_spec_for(build_services()[0].paths.models, settings, context_length=512, seed=None)
    assert spec.context_length == 512 and spec.threads == settings.engine.threads
    assert spec.gpu_layers == settings.engine.gpu_layers and spec.seed == settings.sampling.seed
