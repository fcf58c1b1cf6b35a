"""No traceback for any input: every `hearth` command and subcommand, found in the argparse
parser (so a new command is covered as soon as it exists), run as a real process with bad
arguments: missing ones, unknown options, wrong types, garbage, empty strings, huge numbers,
unknown ids and names, files that do not exist or are not what they should be. The hub is a
local server that answers 200 with a web page instead of JSON.

Commands that load a model get bad values that must be refused before the model loads, plus a
few real runs with odd questions (kept short with --max-tokens 1).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.cli import _parser
from app.core.chats.store import ChatStore
from app.core.paths import default_paths

HEARTH = [sys.executable, "-m", "app"]
WORKERS = 3
CASE_TIMEOUT_S = 60

TEXTS = ["", "ünï©ødé 💥\t\n", "99999999999999999999999", "a" * 3000]
INTS = ["abc", "-1", "0", "99999999999999999999999"]
FLOATS = ["abc", "-1", "nan", "1e999"]
# Commands that load a model (their bad values must be refused first) or start the index
# host (a second or more per run): fewer garbage values, to keep the test fast.
MODEL_LOADING = {"ask", "chat"}
SLOW = {"docs"}
# Always added: documents are never indexed here (`docs add` would read the folder).
ALWAYS: dict[tuple[str, ...], list[str]] = {("docs", "add"): ["--no-index"]}
PLACEHOLDER = "zz-nothing"


@dataclass(frozen=True)
class Case:
    args: tuple[str, ...]
    seeded: bool = False  # a home holding one chat (for the chats commands)

    def label(self) -> str:
        shown = " ".join(repr(a) if not a or " " in a else a for a in self.args)
        return shown if len(shown) < 160 else shown[:160] + "…"


class _WebPageHub(BaseHTTPRequestHandler):
    """A hub that answers every request with 200 and a web page (a captive portal)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _page(self, body: bool) -> None:
        page = b"<html><body>Please log in to the Wi-Fi</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        if body:
            self.wfile.write(page)

    def do_GET(self) -> None:
        self._page(True)

    def do_POST(self) -> None:
        self._page(True)

    def do_HEAD(self) -> None:
        self._page(False)


@pytest.fixture
def web_page_hub() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _WebPageHub)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def leaf_commands() -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every runnable command path, e.g. ("chats", "export"), with its parser."""
    found: list[tuple[tuple[str, ...], argparse.ArgumentParser]] = []

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found.append((path, parser))
        for sub in subs:
            for name, child in sub.choices.items():
                walk(child, (*path, name))

    walk(_parser(), ())
    return found


def _values(action: argparse.Action, files: dict[str, Path], few: bool) -> list[str]:
    if action.choices is not None:
        return ["bogus"]
    kind = action.type
    if kind is int:
        values = INTS
    elif kind is float:
        values = FLOATS
    elif kind is Path or action.dest in ("file", "paths", "output"):
        values = [str(p) for p in files.values()]
    else:
        values = TEXTS
    return values[:1] if few else values


def _filler(action: argparse.Action, files: dict[str, Path]) -> str:
    if action.type is int:
        return "1"
    if action.type is float:
        return "0.5"
    if action.type is Path or action.dest in ("file", "paths"):
        return str(files["missing"])
    return PLACEHOLDER


def cases(files: dict[str, Path]) -> list[Case]:
    out: list[Case] = []
    for path, parser in leaf_commands():
        loads = path[0] in MODEL_LOADING
        few = loads or path[0] in SLOW
        always = [*ALWAYS.get(path, []), *(["--max-tokens", "1"] if loads else [])]
        early = ["--ctx", "10"] if loads else []  # refused before any model loads
        seeded = path[0] == "chats"
        positionals = [a for a in parser._actions if not a.option_strings]
        options = [
            a
            for a in parser._actions
            if a.option_strings and not isinstance(a, argparse._HelpAction) and a.nargs != 0
        ]
        flags = [
            a.option_strings[0]
            for a in parser._actions
            if a.option_strings and a.nargs == 0 and not isinstance(a, argparse._HelpAction)
        ]
        filled = [_filler(a, files) for a in positionals]
        out.append(Case((*path, *always), seeded))  # required arguments missing
        out.append(Case((*path, *always, *filled, "--bogus-option", "x"), seeded))
        out.append(Case((*path, *always, *early, *filled, *flags), seeded))
        for i, action in enumerate(positionals):
            for value in _values(action, files, few):
                args = [*filled[:i], value, *filled[i + 1 :]]
                out.append(Case((*path, *always, *early, *args), seeded))
        for number, action in enumerate(options):
            name = action.option_strings[-1]
            # typed values are refused before any model loads: all of them for `ask` (`chat`
            # shares its options and checks)
            values = _values(action, files, few and not (path == ("ask",) and action.type))
            extra: list[str] = []
            if loads and action.type is None and action.choices is None:
                # names that match nothing are refused before loading; free text (a system
                # prompt) is valid, so the context length refuses those runs early
                values = ["nonexistent-thing-xyz"]
                extra = early if action.dest == "system" else []
            for value in values:
                out.append(Case((*path, *always, *extra, *filled, name, value), seeded))
            if number == 0:  # its value missing (argparse's usage error, the same for all)
                out.append(Case((*path, *always, *filled, name), seeded))
    # Real runs of the model-loading commands with odd input: no traceback either.
    for question in ("ünï©ødé 💥", "a" * 3000):
        out.append(Case(("ask", "--max-tokens", "1", "--ctx", "256", question)))
    out.append(Case(("chat", "--max-tokens", "1", "--ctx", "256")))  # stdin is empty
    out.append(Case(("chat", "--resume", "1", "--ctx", "256"), seeded=True))
    return out


def _garbage_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "missing": folder / "does-not-exist.json",
        "folder": folder,
        "empty": folder / "empty.json",
        "binary": folder / "binary.gguf",
        "not json": folder / "broken.json",
        "wrong shape": folder / "wrong-shape.json",
        "deep": folder / "deep.json",
        "long name": folder / ("n" * 250 + ".json"),
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"GGUF" + bytes(range(256)) * 8)
    files["not json"].write_text("{not json", encoding="utf-8")
    files["wrong shape"].write_text('{"chats": 5}', encoding="utf-8")
    files["deep"].write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    files["long name"].write_text("[]", encoding="utf-8")
    return files


def _seed(home: Path) -> None:
    os.environ["HEARTH_HOME"] = str(home)
    with ChatStore(default_paths().chats_db) as store:
        chat = store.create_chat("seeded", model="SmolLM2-135M-Instruct.Q4_1")
        store.add_message(chat.id, "user", "hello")
        store.add_message(chat.id, "assistant", "hi", model="SmolLM2-135M-Instruct.Q4_1")


def _run(case: Case, home: Path, env: dict[str, str]) -> tuple[Case, int, str, float]:
    began = time.monotonic()
    try:
        done = subprocess.run(
            [*HEARTH, *case.args],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=CASE_TIMEOUT_S,
            env={**env, "HEARTH_HOME": str(home)},
            stdin=subprocess.DEVNULL,
            cwd=home.parent,  # what a command writes by default (an export) lands there
        )
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else ""
        return case, -1, f"timed out after {CASE_TIMEOUT_S} s\n{err}", time.monotonic() - began
    return case, done.returncode, done.stderr, time.monotonic() - began


def test_no_command_prints_a_traceback_for_bad_input(
    tmp_path: Path, web_page_hub: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _garbage_files(tmp_path / "files")
    all_cases = cases(files)
    homes = []
    for number, case in enumerate(all_cases):
        home = tmp_path / f"home-{number}"
        if case.seeded:
            _seed(home)
        homes.append(home)
    monkeypatch.setenv("HEARTH_HOME", str(tmp_path / "unused"))
    env = {**os.environ, "HF_ENDPOINT": web_page_hub, "HF_HUB_OFFLINE": "0"}
    began = time.monotonic()
    with ThreadPoolExecutor(WORKERS) as pool:
        runs = zip(all_cases, homes, strict=True)
        results = list(pool.map(lambda ch: _run(ch[0], ch[1], env), runs))
    seconds = time.monotonic() - began
    tracebacks = [
        f"hearth {case.label()} (exit {code}):\n{err[-1500:]}"
        for case, code, err, _ in results
        if "Traceback" in err
    ]
    crashed = [
        f"hearth {case.label()} (exit {code}): {err.strip()[-300:]}"
        for case, code, err, _ in results
        if code not in (0, 1, 2)
    ]
    slowest = max(results, key=lambda r: r[3])
    commands = {case.args[:2] for case in all_cases}
    print(
        f"cli errors: {len(all_cases)} runs over {len(leaf_commands())} commands, "
        f"{len(tracebacks)} tracebacks, {seconds:.1f} s (slowest {slowest[3]:.1f} s: "
        f"{slowest[0].label()[:60]})"
    )
    assert len(commands) >= len(leaf_commands())
    assert not tracebacks, "\n\n".join(tracebacks)
    assert not crashed, "\n".join(crashed)


def test_a_web_page_instead_of_json_from_the_hub_is_one_clear_line(web_page_hub: str) -> None:
    env = {**os.environ, "HF_ENDPOINT": web_page_hub}
    for args in (("models", "search", "smol"), ("models", "files", "someone/some-GGUF")):
        done = subprocess.run([*HEARTH, *args], capture_output=True, text=True, timeout=60, env=env)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_an_unexpected_error_is_one_line_and_a_trace_in_the_logs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.cli as cli

    def broken(*_args: object) -> int:
        return {}["missing"]  # type: ignore[no-any-return]

    monkeypatch.setattr(cli, "cmd_prompts_list", broken)
    assert cli.main(["prompts", "list"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert err.startswith("hearth: Something went wrong: KeyError: 'missing'.")
    traces = list(default_paths().logs.glob("cli-crash-*.log"))
    assert len(traces) == 1 and str(traces[0]) in err
    assert "Traceback" in traces[0].read_text(encoding="utf-8")


def test_bad_generation_options_are_refused_before_anything_is_stored(
    hearth_home: Path,
) -> None:
    env = {**os.environ, "HEARTH_HOME": str(hearth_home)}
    refused = {
        ("--ctx", "10"): "The context length cannot be 10: it must be between 256 and 1048576.",
        ("--threads", "0"): "The number of threads cannot be 0",
        ("--max-tokens", "-5"): "Max tokens cannot be -5",
        ("--temperature", "9"): "The temperature cannot be 9.0: it must be between 0.0 and 5.0.",
        ("--seed", "-1"): "The seed cannot be -1",
    }
    for option, message in refused.items():
        done = subprocess.run(
            [*HEARTH, "ask", *option, "hello"], capture_output=True, text=True, env=env
        )
        assert done.returncode == 1 and message in done.stderr, done.stderr
        assert "loading" not in done.stderr  # refused before the model loads
    with ChatStore(default_paths().chats_db) as store:
        assert store.list_chats() == []


def test_chats_status_lines_and_errors_follow_lang(hearth_home: Path, tmp_path: Path) -> None:
    """LANG=zh_CN.UTF-8: the chats commands' status lines and errors are Chinese; the chats
    themselves are printed as they are."""
    _seed(hearth_home)
    env = {**os.environ, "HEARTH_HOME": str(hearth_home), "LANG": "zh_CN.UTF-8"}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)

    def hearth(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*HEARTH, "chats", *args], capture_output=True, text=True, env=env, timeout=60
        )

    recover = hearth("recover")
    assert recover.returncode == 0 and "没有等待恢复的损坏对话数据库。" in recover.stdout
    listed = hearth("list")
    assert "seeded" in listed.stdout and "2 条消息" in listed.stdout
    page = tmp_path / "page.html"
    page.write_text("<html>not an export</html>", encoding="utf-8")
    refused = hearth("import", str(page))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "该文件不是 Hearth 能读取的对话导出文件（它不是 JSON）" in refused.stderr
    english = subprocess.run(
        [*HEARTH, "chats", "recover"],
        capture_output=True,
        text=True,
        env={**env, "LANG": "C.UTF-8"},
        timeout=60,
    )
    assert "No damaged chat database is waiting to be recovered." in english.stdout
