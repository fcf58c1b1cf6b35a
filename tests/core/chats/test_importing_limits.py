"""The import limits: size (before reading), depth (without recursion), counts and time."""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.chats import import_limits
from app.core.chats.import_limits import DEFAULT_LIMITS, MIB, Limits, decode, too_deep
from app.core.chats.importing import read_chats
from app.core.chats.transfer import read_import_file
from app.core.errors import ChatImportError, ImportLimitExceeded

T = 1_700_000_000.0


def hearth_chats(count: int, messages: int = 2, text: str = "hi") -> str:
    chats = [
        {
            "title": f"Chat {n}",
            "created_at": T,
            "messages": [
                {"role": "user", "content": text, "created_at": T} for _ in range(messages)
            ],
        }
        for n in range(count)
    ]
    return json.dumps({"format": "hearth.chats", "version": 1, "chats": chats})


def test_the_defaults_are_documented_numbers() -> None:
    assert DEFAULT_LIMITS.max_file_bytes == 256 * 1024 * 1024  # about 70 s and 3 GB to read
    assert DEFAULT_LIMITS.max_depth == 64
    assert DEFAULT_LIMITS.max_chats == 50_000
    assert DEFAULT_LIMITS.max_messages == 100_000
    assert DEFAULT_LIMITS.max_text == 4_000_000
    assert DEFAULT_LIMITS.seconds == 120.0


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    path.write_text(hearth_chats(50), encoding="utf-8")
    opened: list[Path] = []
    real_open = Path.open
    monkeypatch.setattr(
        Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k)
    )
    small = Limits(max_file_bytes=1000)
    with pytest.raises(ImportLimitExceeded, match=r"Hearth imports files of at most 1\.0 kB"):
        read_import_file(path, small)
    assert opened == []  # refused on its size alone
    assert len(read_import_file(path).chats) == 50


@pytest.mark.timeout(10)
def test_a_fifo_or_a_folder_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ChatImportError, match="not a regular file"):
        read_import_file(fifo)
    with pytest.raises(ChatImportError, match="not a regular file"):
        read_import_file(tmp_path)


@pytest.mark.timeout(10)
def test_dev_zero_is_refused() -> None:
    with pytest.raises(ChatImportError, match="not a regular file"):
        read_import_file(Path("/dev/zero"))


def test_depth_is_measured_exactly_and_strings_are_ignored() -> None:
    assert not too_deep("[" * 64 + "]" * 64, 64)
    assert too_deep("[" * 65 + "]" * 65, 64)
    assert not too_deep('{"a": [{"b": [1, 2]}, {"c": {}}]}', 4)
    assert too_deep('{"a": [{"b": [1, 2]}, {"c": {}}]}', 3)
    assert not too_deep('["[[[[[[", "\\"[[[[[["]', 1)  # brackets in strings, escaped quotes
    with pytest.raises(ImportLimitExceeded, match="more than 3 levels"):
        read_chats(hearth_chats(1), Limits(max_depth=3))
    assert read_chats(hearth_chats(1), Limits(max_depth=5)).chats  # a Hearth export is 5 deep


def test_too_many_chats_imports_the_first_and_names_the_rest() -> None:
    result = read_chats(hearth_chats(7), Limits(max_chats=5))
    assert [c.chat.title for c in result.chats] == [f"Chat {n}" for n in range(5)]
    assert [str(s) for s in result.skipped] == [
        "The file holds 7 chats; Hearth imports at most 5 from one file. The first 5 were "
        "imported, the other 2 were not: export them to a second file and import that."
    ]


def test_a_chat_with_too_many_messages_is_skipped_and_named() -> None:
    text = json.dumps(
        {
            "format": "hearth.chats",
            "version": 1,
            "chats": [
                json.loads(hearth_chats(1, 3))["chats"][0],
                json.loads(hearth_chats(1, 9))["chats"][0],
            ],
        }
    )
    result = read_chats(text, Limits(max_messages=4))
    assert len(result.chats) == 1 and len(result.chats[0].messages) == 3
    assert [str(s) for s in result.skipped] == [
        'chat 2 "Chat 0": has 9 messages; Hearth imports at most 4 per chat. '
        "This chat was not imported."
    ]


def test_chatgpt_messages_are_counted_too() -> None:
    mapping = {
        str(i): {
            "parent": str(i - 1) if i else None,
            "children": [str(i + 1)] if i < 9 else [],
            "message": {"author": {"role": "user"}, "content": {"parts": [f"m{i}"]}},
        }
        for i in range(10)
    }
    conv = {"title": "Long", "create_time": T, "mapping": mapping, "current_node": "9"}
    result = read_chats(json.dumps([conv]), Limits(max_messages=4))
    assert not result.chats and "has 5 messages; Hearth imports at most 4" in str(result.skipped[0])
    assert len(read_chats(json.dumps([conv])).chats[0].messages) == 10


@pytest.mark.timeout(20)
def test_the_depth_scan_is_linear_for_unterminated_strings_of_escaped_quotes() -> None:
    """A string cut short that is full of escaped quotes once made a string pattern retry
    from every quote (quadratic time); the scan must stay linear."""
    hostile = '["' + '\\"' * 1_000_000
    assert not too_deep(hostile, 64)
    with pytest.raises(ChatImportError, match="not JSON"):
        read_chats(hostile)


@pytest.mark.timeout(30)
def test_the_depth_scan_is_one_pass_over_many_nests_just_under_the_limit() -> None:
    """Thousands of nests 63 deep (64 with the outer list: exactly the limit) once cost one
    pass over the whole text per level, about 0.65 s per MiB; a 150 MiB file overran the
    120 s budget before it was ever checked. One pass now (about 0.04 s per MiB)."""
    nest = "[" * 63 + "]" * 63
    count = 4 * MIB // (len(nest) + 1)
    at_limit = "[" + ",".join([nest] * count) + "]"
    assert not too_deep(at_limit, 64)
    assert too_deep(at_limit, 63)
    over = at_limit[:-1] + ",[" + nest + "]]"  # one nest 65 deep, at the very end
    assert too_deep(over, 64)
    with pytest.raises(ImportLimitExceeded, match="more than 64 levels"):
        read_chats(over)


def test_the_depth_scan_looks_at_the_budget_as_it_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    ticks = {"n": 0}

    def clock() -> float:  # every look at the clock: 1 s later
        ticks["n"] += 1
        return float(ticks["n"])

    monkeypatch.setattr(time, "monotonic", clock)  # the clock import_limits reads
    deep = "[" + ",".join(["[" * 60 + "]" * 60] * 60_000) + "]"  # 7 MiB of brackets
    with pytest.raises(ImportLimitExceeded, match="longer than 5 s,"):
        too_deep(deep, 64, import_limits.Budget(5))
    assert ticks["n"] <= 7  # stopped as the budget ran out, not after the whole scan


def test_depth_counts_brackets_of_both_kinds_and_skips_strings_and_escapes() -> None:
    assert too_deep('{"a": {"b": [{"c": [[]]}]}}', 5)
    assert not too_deep('{"a": {"b": [{"c": [[]]}]}}', 6)
    assert not too_deep(r'["\\", "[[[[", "\\\"[[[["]', 1)  # escaped backslashes, quotes
    assert not too_deep('["unterminated [[[[[[[[', 1)
    assert not too_deep("]]]]" + "[" * 10, 64)  # json.loads stops at the first "]"
    assert too_deep("[" * 65, 64)  # unterminated, but json.loads would recurse that deep


def test_running_out_of_memory_is_the_import_limit_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_memory(text: str) -> object:
        raise MemoryError

    monkeypatch.setattr(json, "loads", no_memory)  # the json import_limits uses
    with pytest.raises(ImportLimitExceeded, match="too large to import on this machine") as caught:
        read_chats(hearth_chats(1))
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_long_message_is_cut_and_the_cut_named() -> None:
    result = read_chats(hearth_chats(1, 1, "x" * 50), Limits(max_text=20))
    (only,) = result.chats
    assert only.messages[0].content == "x" * 20
    assert [str(s) for s in result.skipped] == [
        'chat 1 "Chat 0": messages[0].content was longer than 20 characters and was cut '
        "there; the chat was imported."
    ]


def test_the_time_budget_stops_a_slow_import(monkeypatch: pytest.MonkeyPatch) -> None:
    ticks = {"n": 0}

    def clock() -> float:  # every look at the clock: 7 s later
        ticks["n"] += 7
        return float(ticks["n"])

    monkeypatch.setattr(import_limits.time, "monotonic", clock)
    with pytest.raises(ImportLimitExceeded, match="longer than 2 min,"):
        read_chats(hearth_chats(20))


def test_the_budget_is_checked_while_walking_a_mapping(monkeypatch: pytest.MonkeyPatch) -> None:
    ticks = {"n": 0}

    def clock() -> float:
        ticks["n"] += 1
        return float(ticks["n"])

    monkeypatch.setattr(import_limits.time, "monotonic", clock)
    mapping = {
        str(i): {"parent": str(i - 1) if i else None, "children": [str(i + 1)]} for i in range(500)
    }
    conv = {"title": "Slow", "create_time": T, "mapping": mapping}
    with pytest.raises(ImportLimitExceeded, match="longer than 2 min,"):
        read_chats(json.dumps([conv]), replace(DEFAULT_LIMITS, seconds=100))


def test_decoding_falls_back_and_only_binary_is_refused() -> None:
    assert decode("crème".encode("latin-1"), "f") == "crème"
    assert decode("“quoted” €".encode("cp1252"), "f") == "“quoted” €"
    assert decode(b"\x81\x8d ok", "f") == "\x81\x8d ok"  # bytes cp1252 lacks: Latin-1
    assert decode('{"a": "é"}'.encode("utf-16-le"), "f") == '{"a": "é"}'  # no BOM
    assert decode('["é"]'.encode("utf-32"), "f") == '["é"]'
    damaged = "你好, “world” ".encode() + b"\xff" + " ünïcode".encode()
    assert decode(damaged, "f") == "你好, “world” \ufffd ünïcode"  # mostly UTF-8: kept
    with pytest.raises(ChatImportError, match="not a text file"):
        decode(b"\xff\xfe\x00garbage", "bin.json")
