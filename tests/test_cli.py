"""The `hearth` command end to end, as a user runs it (real processes, real model)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

HEARTH = [sys.executable, "-m", "app"]


def hearth(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HEARTH_HOME": str(home)}
    return subprocess.run(
        [*HEARTH, *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_ask_streams_an_answer_and_saves_the_chat(hearth_home: Path) -> None:
    done = hearth(
        "ask",
        "--temperature",
        "0",
        "--max-tokens",
        "40",
        "What is the capital of France?",
        home=hearth_home,
    )
    assert done.returncode == 0, done.stderr
    assert "Paris" in done.stdout
    assert "tok/s" in done.stderr and "saved as chat 1" in done.stderr
    listing = hearth("chats", "list", home=hearth_home)
    assert "What is the capital of France?" in listing.stdout
    shown = hearth("chats", "show", "1", home=hearth_home)
    assert "## assistant" in shown.stdout and "Paris" in shown.stdout
    found = hearth("chats", "search", "capital", home=hearth_home)
    assert "[capital]" in found.stdout


def test_ask_with_template_and_base_model(hearth_home: Path) -> None:
    done = hearth(
        "ask",
        "-t",
        "concise",
        "--system",
        "Answer in French.",
        "--temperature",
        "0",
        "--max-tokens",
        "16",
        "Hello",
        home=hearth_home,
    )
    assert done.returncode == 0, done.stderr
    base = hearth(
        "ask",
        "-m",
        "gemma",
        "--temperature",
        "0",
        "--max-tokens",
        "8",
        "1, 2, 3,",
        home=hearth_home,
    )
    assert base.returncode == 0, base.stderr
    assert "base model" in base.stderr and base.stdout.startswith(" 4")


def test_ctrl_c_cancels_and_keeps_the_partial_reply(hearth_home: Path) -> None:
    env = {**os.environ, "HEARTH_HOME": str(hearth_home)}
    proc = subprocess.Popen(
        [
            *HEARTH,
            "ask",
            "--max-tokens",
            "2000",
            "--temperature",
            "0",
            "Write a very long story about the sea.",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    proc.stdout.read(40)  # the answer is streaming
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "partial reply saved" in err
    shown = hearth("chats", "show", "1", home=hearth_home)
    assert "[cancelled]" in shown.stdout


def test_models_list_and_errors(hearth_home: Path) -> None:
    listed = hearth("models", "list", "--json", home=hearth_home)
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    assert rows["SmolLM2-135M-Instruct.Q4_1"]["chat_template"] is True
    assert rows["gemma-3-270m-q4_k_m"]["chat_template"] is False
    missing = hearth("ask", "-m", "no-such-model", "hi", home=hearth_home)
    assert missing.returncode == 1 and "No local model matches" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_start_up_imports_no_heavy_library() -> None:
    code = (
        "import sys, app.cli; heavy = {'llama_cpp', 'gguf', 'numpy', 'chromadb', 'torch', "
        "'PySide6'} & set(sys.modules); print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_chats_export_every_format_and_import_them_elsewhere(
    hearth_home: Path, tmp_path: Path
) -> None:
    from app.core.chats.store import ChatStore
    from app.core.paths import default_paths

    paths = default_paths().ensure()
    with ChatStore(paths.chats_db) as store:
        chat = store.create_chat("灯塔 lighthouse", model="smol")
        store.add_message(chat.id, "user", "Say hello in Chinese")
        store.add_message(chat.id, "assistant", "你好！\n\n```python\nprint('你好')\n```")
        store.add_message(chat.id, "user", "More")
        store.add_message(chat.id, "assistant", "Cut sho", "cancelled")
    for fmt in ("md", "html", "json", "jsonl", "pdf"):
        done = hearth(
            "chats",
            "export",
            "--all",
            "-f",
            fmt,
            "-o",
            str(tmp_path / f"c.{fmt}"),
            home=hearth_home,
        )
        assert done.returncode == 0, done.stderr
        assert "Exported 1 chat(s)" in done.stdout
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(tmp_path / "c.pdf"))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "lighthouse" in text and "你好" in text and "Stopped before the end." in text
    assert (tmp_path / "c.md").read_text(encoding="utf-8").startswith("# 灯塔 lighthouse")

    elsewhere = tmp_path / "other-home"
    done = hearth("chats", "import", str(tmp_path / "c.json"), home=elsewhere)
    assert done.returncode == 0 and "Imported 1 chat(s) from Hearth" in done.stdout
    listed = hearth("chats", "show", "1", home=elsewhere).stdout
    assert "灯塔 lighthouse" in listed and "[cancelled]" in listed and "print('你好')" in listed

    bad = tmp_path / "notes.json"
    bad.write_text('{"some": "thing"}')
    refused = hearth("chats", "import", str(bad), home=elsewhere)
    assert refused.returncode != 0 and "not a chat export Hearth can read" in refused.stderr
    missing = hearth("chats", "export", "42", home=hearth_home)
    assert missing.returncode != 0 and "42" in missing.stderr


def _in_language(lang: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(HEARTH_HOME=str(home), LANG=lang)
    return subprocess.run([*HEARTH, *args], capture_output=True, text=True, timeout=120, env=env)


def test_errors_follow_the_terminal_s_language(tmp_path: Path) -> None:
    chinese = _in_language("zh_CN.UTF-8", "ask", "--threads", "0", "hi", home=tmp_path)
    assert chinese.returncode == 1
    assert chinese.stderr.strip() == "hearth: 线程数不能为 0：取值须在 1 到 512 之间。"
    unknown = _in_language("zh_CN.UTF-8", "ask", "-t", "nope", "hi", home=tmp_path)
    assert "没有名为“nope”的提示词" in unknown.stderr and "Traceback" not in unknown.stderr
    english = _in_language("C", "ask", "--threads", "0", "hi", home=tmp_path)
    assert english.stderr.strip() == (
        "hearth: The number of threads cannot be 0: it must be between 1 and 512."
    )


def test_prompts_list_in_chinese_shows_chinese_prompts_first(tmp_path: Path) -> None:
    chinese = _in_language("zh_CN.UTF-8", "prompts", "list", home=tmp_path)
    assert chinese.returncode == 0, chinese.stderr
    lines = chinese.stdout.splitlines()
    assert lines[0].split()[0].endswith("-zh") and "内置" in lines[0]
    assert any("默认助手" in line for line in lines)
    english = _in_language("C", "prompts", "list", home=tmp_path)
    assert not english.stdout.splitlines()[0].split()[0].endswith("-zh")
    assert "Default assistant (Chinese)" in english.stdout and "built-in" in english.stdout
