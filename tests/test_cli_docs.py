"""`hearth docs` and `hearth ask --docs` end to end: real index host, real engine, the stored
reply carries the right source."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path

from app.core.chats.store import ChatStore
from app.core.paths import default_paths
from tests.core.rag.files import make_pdf
from tests.core.rag.test_languages import CHINESE
from tests.test_cli import HEARTH, hearth


def test_ask_answers_from_a_document_and_stores_its_source(
    qapp, hearth_home: Path, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "handbook"
    folder.mkdir()
    (folder / "cooking.md").write_text("# Cooking\n\nBoil pasta for ten minutes in salted water.\n")
    make_pdf(
        folder / "station.pdf",
        [
            "Welcome to the Orla research station. Meals are served in the east hall.",
            "Station rules. The radio password for the Orla research station is BLUE-HERON-42. "
            "Keep it private.",
        ],
    )
    added = hearth("docs", "add", "Handbook", str(folder), home=hearth_home, timeout=300)
    assert added.returncode == 0, added.stderr
    assert "2 files" in added.stdout and "embedded" in added.stderr

    query = hearth(
        "docs", "query", "Handbook", "radio password", "--json", home=hearth_home, timeout=300
    )
    assert query.returncode == 0, query.stderr
    first = json.loads(query.stdout)[0]
    assert (first["file"], first["page"]) == ("station.pdf", 2)

    asked = hearth(
        "ask",
        "--docs",
        "Handbook",
        "--temperature",
        "0",
        "--max-tokens",
        "48",
        "What is the radio password for the Orla research station?",
        home=hearth_home,
        timeout=300,
    )
    assert asked.returncode == 0, asked.stderr
    assert "Sources:" in asked.stdout and "station.pdf, page 2" in asked.stdout
    monkeypatch.setenv("HEARTH_HOME", str(hearth_home))
    with ChatStore(default_paths().chats_db) as store:
        (chat,) = store.list_chats()
        reply = store.messages(chat.id)[-1]
    assert reply.role == "assistant" and reply.sources
    top = reply.sources[0]
    assert (top["file"], top["page"]) == ("station.pdf", 2)
    assert "BLUE-HERON-42" in top["text"]

    listed = hearth("docs", "list", home=hearth_home)
    assert "Handbook: 2 files" in listed.stdout
    removed = hearth("docs", "remove", "Handbook", home=hearth_home)
    assert removed.returncode == 0 and "untouched" in removed.stderr
    assert (folder / "cooking.md").exists()


def test_unknown_collection_is_a_clear_error(hearth_home: Path) -> None:
    done = hearth("docs", "query", "Nope", "anything", home=hearth_home, timeout=300)
    assert done.returncode == 1
    assert "There is no collection named “Nope”" in done.stderr


def test_a_second_index_names_the_true_reason_and_a_killed_host_leaks_nothing(
    hearth_home: Path, tmp_path: Path
) -> None:
    """Two real `hearth docs index` at once: the second one says another Hearth holds the
    index (not "stopped unexpectedly"). Then the first one's index host is killed: a clear
    error, and no leaked-semaphore warning from multiprocessing's resource tracker."""
    import os
    import re
    import subprocess
    import threading
    import time

    import psutil

    from tests.core.rag.corpus import write_filler
    from tests.test_cli import HEARTH

    folder = tmp_path / "many"
    write_filler(folder, files=400)
    added = hearth("docs", "add", "Many", str(folder), "--no-index", home=hearth_home)
    assert added.returncode == 0, added.stderr
    env = {**os.environ, "HEARTH_HOME": str(hearth_home)}
    first = subprocess.Popen([*HEARTH, "docs", "index"], stderr=subprocess.PIPE, text=True, env=env)
    assert first.stderr is not None
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(iter(lambda: first.stderr.read(1), "")))
    reader.start()
    try:
        deadline = time.monotonic() + 240
        embedding = re.compile(r"· [1-9][\d,]* chunks")  # the host holds the index, embeds
        while not embedding.search("".join(seen)):
            assert first.poll() is None and time.monotonic() < deadline, "".join(seen)
            time.sleep(0.2)
        second = hearth("docs", "index", home=hearth_home, timeout=120)
        assert second.returncode == 1
        assert "Another Hearth is using the documents index right now" in second.stderr
        assert "stopped unexpectedly" not in second.stderr and "Traceback" not in second.stderr

        hosts = [
            p for p in psutil.Process(first.pid).children() if "spawn_main" in " ".join(p.cmdline())
        ]
        assert len(hosts) == 1, hosts
        hosts[0].kill()
        assert first.wait(timeout=60) == 1
    finally:
        if first.poll() is None:
            first.kill()
        reader.join(timeout=30)
    err = "".join(seen)
    assert "stopped unexpectedly" in err and "killed by SIGKILL" in err
    assert "leaked semaphore" not in err and "resource_tracker" not in err
    assert "Traceback" not in err


def test_status_prints_control_characters_in_file_names_escaped(
    hearth_home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "two\nlines.txt").write_bytes(b"")  # empty: skipped, so its name is listed
    (folder / "bell\x07\x1b[31m.md").write_bytes(b"")
    (folder / "fine.txt").write_text("A file with some text in it.\n")
    added = hearth("docs", "add", "Odd", str(folder), home=hearth_home, timeout=300)
    assert added.returncode == 0, added.stderr
    status = hearth("docs", "status", "Odd", home=hearth_home)
    assert status.returncode == 0, status.stderr
    assert "\x1b" not in status.stdout and "\x07" not in status.stdout
    skipped = [line for line in status.stdout.splitlines() if line.startswith("  skipped")]
    assert len(skipped) == 2, status.stdout
    assert any("two\\nlines.txt: " in line for line in skipped)
    assert any("bell\\x07\\x1b[31m.md: " in line for line in skipped)


def _hearth_in(lang: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The real CLI with the terminal's language set by LANG alone."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(HEARTH_HOME=str(home), LANG=lang)
    return subprocess.run([*HEARTH, *args], capture_output=True, text=True, timeout=300, env=env)


def test_status_lines_follow_the_terminal_language(hearth_home: Path, tmp_path: Path) -> None:
    """`LANG=zh_CN.UTF-8 hearth docs status` speaks Chinese, the skip reason recorded by an
    English run included; LANG=C stays English. Names and paths are shown as they are."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "kettle.md").write_text("# Kitchen\n\nThe kettle is in the left cupboard.\n")
    added = _hearth_in("C", "docs", "add", "Notes", str(folder), home=hearth_home)
    assert added.returncode == 0, added.stderr
    assert "created collection “Notes”" in added.stderr and "chunk embedded" in added.stderr

    chinese = _hearth_in("zh_CN.UTF-8", "docs", "status", "Notes", home=hearth_home)
    assert chinese.returncode == 0, chinese.stderr
    lines = chinese.stdout.splitlines()
    assert lines[0] == "Notes  (all-MiniLM-L6-v2)"
    assert f"  文件夹  {folder}" in lines
    assert lines[2].startswith("  1 个文件 · 1 个片段 · 索引于 ")
    assert f"  已跳过 {folder / 'empty.txt'}：文件是空的。" in lines
    listed = _hearth_in("zh_CN.UTF-8", "docs", "list", home=hearth_home)
    assert listed.stdout.startswith("Notes：1 个文件 · 1 个片段 · 索引于 ")
    assert listed.stdout.rstrip().endswith("跳过 1 个")

    english = _hearth_in("C", "docs", "status", "Notes", home=hearth_home)
    assert english.returncode == 0, english.stderr
    lines = english.stdout.splitlines()
    assert f"  folder  {folder}" in lines
    assert lines[2].startswith("  1 file · 1 chunk · indexed ")
    assert f"  skipped {folder / 'empty.txt'}: The file is empty." in lines
    assert not any("\u4e00" <= char <= "\u9fff" for char in english.stdout)


def test_status_gives_the_language_hint_for_chinese_under_the_english_model(
    hearth_home: Path, tmp_path: Path
) -> None:
    """A Chinese file indexed with the built-in English model: `docs status` says so, in
    English and in Chinese, with the commands that fix it; an English collection has no hint."""
    folder = tmp_path / "茶园"
    folder.mkdir()
    (folder / "tea.md").write_text(CHINESE, encoding="utf-8")
    added = _hearth_in("C.UTF-8", "docs", "add", "Tea", str(folder), home=hearth_home)
    assert added.returncode == 0, added.stderr
    english = _hearth_in("C.UTF-8", "docs", "status", "Tea", home=hearth_home)
    assert english.returncode == 0, english.stderr
    (hint,) = [line for line in english.stdout.splitlines() if line.startswith("  hint: ")]
    assert "Chinese, Japanese or Korean" in hint and "all-MiniLM-L6-v2" in hint
    fix = (
        f"hearth docs add Tea {shlex.quote(str(folder))} --embedder intfloat/multilingual-e5-small"
    )
    assert fix in hint
    chinese = _hearth_in("zh_CN.UTF-8", "docs", "status", "Tea", home=hearth_home)
    assert any(
        line.startswith("  提示：这个文档集的文字大多是中文")
        for line in chinese.stdout.splitlines()
    )

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "kettle.md").write_text("# Kitchen\n\nThe kettle is in the left cupboard.\n")
    assert (
        _hearth_in("C.UTF-8", "docs", "add", "Notes", str(notes), home=hearth_home).returncode == 0
    )
    plain = _hearth_in("C.UTF-8", "docs", "status", "Notes", home=hearth_home)
    assert "hint:" not in plain.stdout
