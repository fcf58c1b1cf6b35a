"""Imports that check every field: what the tester found (issue 18, items 3, 4, 5 and 8) and
the rule behind each fix."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from app.core.chats.export import render
from app.core.chats.importing import read_chats
from app.core.chats.store import ChatStore
from app.core.chats.transfer import gather, read_import_file, store_imports
from app.core.errors import ChatImportError, ImportLimitExceeded

T = 1_700_000_000.0


def message(role: str = "user", content: str = "hello", **extra: Any) -> dict[str, Any]:
    return {"role": role, "content": content, "created_at": T, **extra}


def chat(title: str = "Trip", *messages: dict[str, Any], **extra: Any) -> dict[str, Any]:
    msgs = list(messages) or [message(), message("assistant", "hi there")]
    return {"title": title, "created_at": T, "messages": msgs, **extra}


def hearth(*chats: Any, version: Any = 1) -> str:
    return json.dumps({"format": "hearth.chats", "version": version, "chats": list(chats)})


def node(parent: str | None, children: list[str], role: str | None, text: str = "") -> dict:
    msg = None
    if role is not None:
        msg = {"author": {"role": role}, "content": {"parts": [text]}, "create_time": T}
    return {"parent": parent, "children": children, "message": msg}


def conversation(title: str, mapping: dict[str, Any], current: str | None = None) -> dict:
    out: dict[str, Any] = {"title": title, "create_time": T, "mapping": mapping}
    if current is not None:
        out["current_node"] = current
    return out


# -- item 3: a ChatGPT mapping with a cycle ends ------------------------------------------


@pytest.mark.timeout(10)
def test_a_cycle_without_current_node_ends_and_keeps_the_messages() -> None:
    mapping = {"r": node("a", ["a"], "user", "question"), "a": node("r", ["r"], "assistant", "ok")}
    result = read_chats(json.dumps([conversation("Loop", mapping)]))
    (only,) = result.chats
    assert [(m.role, m.content) for m in only.messages] == [
        ("user", "question"),
        ("assistant", "ok"),
    ]


@pytest.mark.timeout(10)
def test_a_cycle_below_a_root_and_above_current_node_both_end() -> None:
    down = {
        "root": node(None, ["q"], None),
        "q": node("root", ["a"], "user", "q"),
        "a": node("q", ["q"], "assistant", "a"),  # last child points back up
    }
    up = {"q": node("a", [], "user", "q"), "a": node("q", ["q"], "assistant", "a")}
    result = read_chats(json.dumps([conversation("Down", down), conversation("Up", up, "a")]))
    assert [c.chat.title for c in result.chats] == ["Down", "Up"]
    assert [m.content for m in result.chats[0].messages] == ["q", "a"]
    assert [m.content for m in result.chats[1].messages] == ["q", "a"]


def test_chatgpt_nodes_of_the_wrong_shape_name_the_node() -> None:
    good = conversation("Good", {"r": node(None, ["q"], "user", "fine"), "q": node("r", [], None)})
    not_dict = conversation("Odd", {"x": 5, "y": node("x", [], "user", "t")}, "y")
    bad_kids = conversation("Kids", {"r": {"parent": None, "children": 7}})
    dangling = conversation("Dangle", {"b": node("nowhere", [], "user", "kept")}, "b")
    result = read_chats(json.dumps([good, not_dict, bad_kids, dangling, "text"]))
    assert [c.chat.title for c in result.chats] == ["Good", "Dangle"]
    assert result.chats[1].messages[0].content == "kept"  # a parent pointing nowhere is a root
    skipped = "\n".join(map(str, result.skipped))
    assert 'chat 2 "Odd": mapping["x"]: must be an object' in skipped
    assert 'chat 3 "Kids": mapping["r"].children: must be a list' in skipped
    assert 'chat 5 "untitled": is not a chat' in skipped


def test_a_chatgpt_time_out_of_range_is_refused_by_name() -> None:
    conv = conversation("Far", {"r": node(None, [], "user", "x")})
    conv["create_time"] = 1e300
    result = read_chats(json.dumps([conv]))
    assert not result.chats
    assert str(result.skipped[0]).startswith('chat 1 "Far": create_time: must be a time')


# -- item 4: nothing gets in that export cannot read -----------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("sources", 42, "messages[1].sources: must be a list"),
        ("sources", [1], "messages[1].sources[0]: must be an object"),
        ("sources", [{"file": ["x"]}], "messages[1].sources[0].file: must be text"),
        ("sources", [{"score": "high"}], "messages[1].sources[0].score: must be a number"),
        ("sources", [{"file_chunks": "x"}], "messages[1].sources[0].file_chunks: must be a whole"),
        ("sources", [{"whole": "yes"}], "messages[1].sources[0].whole: must be true or false"),
        ("timings", [1, 2], "messages[1].timings: must be an object"),
        ("params", "hot", "messages[1].params: must be an object"),
        ("created_at", 1e300, "messages[1].created_at: must be a time"),
        ("created_at", -5, "messages[1].created_at: must be a time"),
        ("created_at", "yesterday", "messages[1].created_at: must be a time"),
        ("created_at", 10**400, "messages[1].created_at: must be a time"),
        ("prompt_tokens", -1, "messages[1].prompt_tokens: must be a whole number"),
        ("prompt_tokens", 2.5, "messages[1].prompt_tokens: must be a whole number"),
        ("completion_tokens", True, "messages[1].completion_tokens: must be a whole number"),
        ("completion_tokens", 2**70, "messages[1].completion_tokens: must be a whole number"),
        ("role", "wizard", "messages[1].role: must be system, user or assistant, not 'wizard'"),
        ("status", "done", "messages[1].status: must be complete, cancelled or failed"),
        ("content", {"a": 1}, "messages[1].content: must be text"),
        ("model", [], "messages[1].model: must be text"),
        ("error", {"x": 1}, "messages[1].error: must be text"),
    ],
)
def test_a_wrong_field_names_chat_and_field_and_the_rest_imports(
    field: str, value: Any, problem: str
) -> None:
    bad = chat("Trip", message(), {**message("assistant", "reply"), field: value})
    result = read_chats(hearth(chat("Before"), bad, chat("After")))
    assert [c.chat.title for c in result.chats] == ["Before", "After"]
    assert len(result.skipped) == 1
    assert str(result.skipped[0]).startswith(f'chat 2 "Trip": {problem}')
    assert str(result.skipped[0]).endswith("This chat was not imported.")


def test_what_was_refused_before_now_renders_in_every_format(tmp_path: Path) -> None:
    """The tester's two cases, then every export format of what did go in."""
    sources42 = chat("Sources", message(), message("assistant", "a", sources=42))
    huge = {**chat("Huge"), "created_at": 1e300}
    (tmp_path / "in.json").write_text(hearth(sources42, huge, chat("Fine")), encoding="utf-8")
    with ChatStore(tmp_path / "c.sqlite3") as store:
        outcome = store_imports(store, read_import_file(tmp_path / "in.json"))
        assert [c.title for c in outcome.added] == ["Fine"] and len(outcome.skipped) == 2
        chats, problems = gather(store, None)
    assert not problems
    for fmt in ("md", "html", "json", "jsonl"):
        assert render(chats, fmt)


def test_numbers_as_text_are_taken_and_odd_values_made_safe() -> None:
    """A title of 42 becomes "42"; NaN inside params becomes null; a lone surrogate becomes
    "?"; sources keep the fields they had, typed, and nothing is added."""
    text = hearth(
        {
            "title": 42,
            "created_at": T,
            "updated_at": None,
            "settings": None,
            "messages": [
                message("user", "bad \ud800 half"),
                message(
                    "assistant",
                    7,
                    params={"temperature": float("nan"), "nested": {"x": [1, float("inf")]}},
                    sources=[{"file": "a.pdf", "page": 3, "extra": {"k": "v"}}],
                    prompt_tokens=12.0,
                ),
            ],
        }
    )
    (only,) = read_chats(text).chats
    assert only.chat.title == "42" and only.chat.updated_at == T and only.chat.settings == {}
    user, reply = only.messages
    assert user.content == "bad ? half"
    assert reply.content == "7" and reply.prompt_tokens == 12
    assert reply.params == {"temperature": None, "nested": {"x": [1, None]}}
    assert reply.sources == [{"file": "a.pdf", "page": 3, "extra": {"k": "v"}}]
    assert not math.isnan(only.chat.created_at)


# -- item 5: no Python exception reaches the user ------------------------------------------


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[" * 100_000, "nested more than 64 levels"),
        ("[" * 5_000 + "]" * 5_000, "nested more than 64 levels"),
        ('{"a":' * 3_000 + "1" + "}" * 3_000, "nested more than 64 levels"),
        ('{"chats": 5}', "not a chat export Hearth can read"),
        ('{"format": "hearth.chats", "version": 1, "chats": 5}', '"chats" is a number'),
        ('{"format": "hearth.chats", "version": 1}', '"chats" is missing'),
        ('{"format": "hearth.chats", "version": 1, "chats": {}}', '"chats" is an object'),
        ("[1, 2, 3]", "not a chat export Hearth can read"),
        ('["a", null]', "not a chat export Hearth can read"),
        ('{"format": "hearth.chats", "version": 1, "chats": [', "not JSON"),
        ("1" * 5000, "not JSON"),
        ("", "not JSON"),
    ],
)
def test_wrong_shapes_are_refused_with_a_sentence(text: str, match: str) -> None:
    with pytest.raises(ChatImportError, match=match):
        read_chats(text)


def test_deep_nesting_is_a_limit_not_a_recursion_error() -> None:
    with pytest.raises(ImportLimitExceeded):
        read_chats("[" * 1_000_000)


def test_depth_inside_strings_does_not_count() -> None:
    deep_text = "[" * 10_000  # in a message, not structure
    (only,) = read_chats(hearth(chat("Brackets", message("user", deep_text)))).chats
    assert only.messages[0].content == deep_text


def test_a_list_of_non_chats_beside_conversations_is_named() -> None:
    good = conversation("Good", {"r": node(None, [], "user", "fine")})
    result = read_chats(json.dumps([good, 3, None]))
    assert [c.chat.title for c in result.chats] == ["Good"]
    assert len(result.skipped) == 2 and all("is not a chat" in str(s) for s in result.skipped)


# -- item 8: version as a string; Latin-1 files ------------------------------------------------


@pytest.mark.parametrize("version", [1, "1", " 1 ", 1.0])
def test_an_integer_like_version_is_accepted(version: Any) -> None:
    assert [c.chat.title for c in read_chats(hearth(chat(), version=version)).chats] == ["Trip"]


@pytest.mark.parametrize(
    ("version", "match"),
    [
        ("1x", "format version '1x' is not a number"),
        ([1], r"format version \[1\] is not a number"),
        (True, "format version True is not a number"),
        (None, "has no format version"),
        (0, "format version 0, which no Hearth writes"),
        (1.5, "format version 1.5, which no Hearth writes"),
        ("9" * 50, "written by a newer Hearth"),
        (2, "written by a newer Hearth"),
        ("7", "written by a newer Hearth"),
    ],
)
def test_a_version_is_reported_as_it_is(version: Any, match: str) -> None:
    with pytest.raises(ChatImportError, match=match):
        read_chats(hearth(chat(), version=version))


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-8", "utf-8-sig", "utf-16"])
def test_files_in_older_encodings_import(tmp_path: Path, encoding: str) -> None:
    title = "Crème brûlée – naïve" if encoding != "latin-1" else "Crème brûlée naïve"
    text = json.dumps(
        {"format": "hearth.chats", "version": 1, "chats": [chat(title)]}, ensure_ascii=False
    )
    (tmp_path / "in.json").write_bytes(text.encode(encoding))
    (only,) = read_import_file(tmp_path / "in.json").chats
    assert only.chat.title == title


def test_only_binary_is_not_a_text_file(tmp_path: Path) -> None:
    (tmp_path / "bin.json").write_bytes(b'{"a": "\x00\x01\x02"}')
    with pytest.raises(ChatImportError, match="not a text file"):
        read_import_file(tmp_path / "bin.json")
    (tmp_path / "png.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ChatImportError, match="not a text file"):
        read_import_file(tmp_path / "png.json")
