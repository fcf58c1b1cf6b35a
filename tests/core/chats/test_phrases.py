"""Chats on disk speak the user's language: errors, recovery notices, import problems and the
title of a chat not yet named are message ids with arguments, rendered where they are read. What
is stored on disk is the id and the arguments, so a notice written in English reads in Chinese
after a switch; one an older Hearth wrote in plain English is shown as it is."""

from __future__ import annotations

import errno
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.chats.export import to_html, to_markdown
from app.core.chats.importing import read_chats
from app.core.chats.recovery import notices_file, read_notices
from app.core.chats.store import ChatStore
from app.core.chats.texts import UNTITLED
from app.core.chats.transfer import gather, read_import_file
from app.core.crash import report_crash
from app.core.errors import ChatImportError, DiskSpaceError, HearthError
from app.core.fileio import check_free_space
from app.core.paths import AppPaths
from app.core.text import Msg
from app.workers import i18n


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.use_language("zh_CN")
    try:
        yield
    finally:
        i18n.use_language("en")


def test_a_recovery_notice_is_stored_as_ids_and_reads_in_chinese(
    tmp_path: Path, chinese: None
) -> None:
    path = tmp_path / "chats.sqlite3"
    path.write_bytes(b"not a database at all " * 50)
    with ChatStore(path) as store:
        (notice,) = store.notices
    stored = json.loads(notices_file(path).read_text(encoding="utf-8"))
    assert stored[0]["reason"]["id"] == "chats.damage.not-a-database"
    assert "could not be read" not in notices_file(path).read_text(encoding="utf-8")
    shown = i18n.say(notice.text())
    assert "无法读取对话数据库" in shown and "该文件不是数据库" in shown and notice.kept in shown
    assert "could not be read" in str(notice.text())  # English for the logs


def test_a_notice_an_older_hearth_wrote_in_english_is_shown_as_it_is(
    tmp_path: Path, chinese: None
) -> None:
    path = tmp_path / "chats.sqlite3"
    old = {"kept": str(tmp_path / "kept"), "reason": "database disk image is malformed"}
    notices_file(path).write_text(
        json.dumps([{**old, "at": 1_700_000_000.0, "salvaged_chats": 3, "salvaged_messages": 9}]),
        encoding="utf-8",
    )
    (notice,) = read_notices(path)
    assert str(notice.reason) == "database disk image is malformed"
    shown = i18n.say(notice.text())
    assert "database disk image is malformed" in shown and "3 个对话和 9 条消息" in shown


def test_a_new_chat_is_untitled_and_shown_as_new_chat_in_the_users_language(
    tmp_path: Path, chinese: None
) -> None:
    path = tmp_path / "chats.sqlite3"
    with ChatStore(path) as store:
        fresh = store.create_chat()
        named = store.create_chat("Trip to Kyoto")
        raw = sqlite3.connect(path)  # as an older Hearth stored an untitled chat
        raw.execute("INSERT INTO chats (title, created_at, updated_at) VALUES ('New chat', 1, 1)")
        raw.commit()
        raw.close()
        old = max(store.list_chats(), key=lambda c: c.id)
        exports, _ = gather(store, [fresh.id])
    assert fresh.title == "" and fresh.untitled and old.untitled and not named.untitled
    assert i18n.say(fresh.title_msg()) == i18n.say(old.title_msg()) == "新对话"
    assert i18n.say(named.title_msg()) == "Trip to Kyoto"
    assert str(UNTITLED()) == "New chat"
    # an export is a document to share: the same English words for whoever reads it
    assert to_markdown(exports[0]).startswith("# New chat\n")
    assert "<h1>New chat</h1>" in to_html(exports)


def test_the_import_error_for_a_file_that_is_not_json_is_a_sentence_with_jsons_words_after(
    tmp_path: Path, chinese: None
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body>hello</body></html>", encoding="utf-8")
    with pytest.raises(ChatImportError) as caught:
        read_import_file(page)
    msg = caught.value.msg
    assert msg.id == "chats.import.not-json" and "Expecting value" in msg.detail
    assert str(msg).startswith("This file is not a chat export Hearth can read (it is not JSON)")
    shown = i18n.say(msg)
    assert shown.startswith("该文件不是 Hearth 能读取的对话导出文件") and "Expecting value" in shown


def test_a_skipped_chat_is_named_in_chinese() -> None:
    bad = {"title": "Trip", "created_at": 1_700_000_000, "messages": [{"role": "wizard"}]}
    result = read_chats(json.dumps({"format": "hearth.chats", "version": 1, "chats": [bad]}))
    (skipped,) = result.skipped
    assert str(skipped).startswith('chat 1 "Trip": messages[0].')
    i18n.use_language("zh_CN")
    try:
        shown = i18n.say(skipped)
    finally:
        i18n.use_language("en")
    assert shown.startswith("第 1 个对话“Trip”：messages[0].") and "此对话未导入" in shown


def test_store_errors_name_their_facts_and_read_in_chinese(tmp_path: Path, chinese: None) -> None:
    with ChatStore(tmp_path / "chats.sqlite3") as store, pytest.raises(HearthError) as caught:
        store.get_chat(4321)
    assert str(caught.value) == "There is no chat with id 4321."
    assert i18n.say(caught.value.msg) == "没有 ID 为 4321 的对话。"
    with pytest.raises(DiskSpaceError) as full:
        check_free_space(tmp_path, needed=10**18)
    assert "Not enough free disk space" in str(full.value)
    assert "可用磁盘空间不足" in i18n.say(full.value.msg)
    stored = json.loads(full.value.msg.to_json())
    assert stored["args"]["needed"] == {"size": 10**18}  # bytes, not text


def test_crash_and_folder_problems_are_phrases(tmp_path: Path, chinese: None) -> None:
    report = report_crash(OSError(errno.ENOSPC, "No space left on device"), None, "test")
    assert report.line == (
        "Something went wrong: the disk is full. Free some space and try again. "
        "The details could not be written to the log folder."
    )
    assert i18n.say(report.message).startswith("出错了：磁盘已满")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be", encoding="utf-8")
    paths = AppPaths(data=blocked / "data", config=tmp_path, cache=tmp_path, logs=tmp_path)
    problems = paths.prepare()
    assert problems and all(isinstance(p, Msg) for p in problems)
    assert f"Hearth cannot use the folder {blocked / 'data'}" in str(problems[0])
    assert f"Hearth 无法使用文件夹 {blocked / 'data'}" in i18n.say(problems[0])


def test_what_is_left_out_of_an_export_reads_in_chinese(tmp_path: Path, chinese: None) -> None:
    with ChatStore(tmp_path / "chats.sqlite3") as store:
        exports, problems = gather(store, [77])
    assert exports == [] and [str(p) for p in problems] == [
        "Chat 77 no longer exists and was left out."
    ]
    assert i18n.say(problems[0]) == "对话 77 已不存在，未导出。"
