"""Fault probe: SIGTERM, SIGHUP and SIGINT sent to a real `hearth ask` mid-answer.

Each round starts `hearth ask` with the real starter model, waits for the first answer token on
stdout, sends a signal at a random moment after it, and then counts what was lost: the question
must be stored, followed by an assistant reply marked cancelled whose text holds everything that
was printed. The database must pass `integrity_check` and no engine host may be left running.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

from app.core.chats.store import ChatStore
from app.core.paths import default_paths

ROUNDS = 21
HEARTH_ASK = [sys.executable, "-m", "app", "ask", "--ctx", "1024", "--max-tokens", "400"]
HEARTH_ASK += ["--temperature", "0.8"]
PROMPT = "Write a very long story about a dragon who learns to bake bread, with many chapters."
EXPECTED_EXIT = {signal.SIGINT: 130, signal.SIGTERM: 128 + signal.SIGTERM}
if hasattr(signal, "SIGHUP"):
    EXPECTED_EXIT[signal.SIGHUP] = 128 + signal.SIGHUP


def _signals(rounds: int) -> list[signal.Signals]:
    """Mostly SIGTERM and SIGHUP, with a few Ctrl-Cs."""
    kinds = [signal.SIGTERM, signal.SIGHUP, signal.SIGTERM, signal.SIGHUP, signal.SIGINT]
    return [kinds[i % len(kinds)] for i in range(rounds)]


def _read_until_first_token(proc: subprocess.Popen[bytes], deadline: float) -> bytes:
    assert proc.stdout is not None
    os.set_blocking(proc.stdout.fileno(), False)
    out = b""
    while not out.strip():
        assert time.monotonic() < deadline, "no answer token appeared"
        assert proc.poll() is None, "hearth ask ended before its first token"
        time.sleep(0.005)
        out += proc.stdout.read() or b""
    return out


def _gone(pids: list[int], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = []
        for pid in pids:
            try:
                if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                    alive.append(pid)
            except psutil.NoSuchProcess:
                pass
        if not alive:
            return True
        time.sleep(0.05)
    return False


def test_signals_mid_answer_lose_nothing(hearth_home: Path, smollm2: Path) -> None:
    rng = random.Random(18)
    env = {**os.environ, "HEARTH_HOME": str(hearth_home), "PYTHONUNBUFFERED": "1"}
    lost = cancelled = 0
    problems: list[str] = []
    database = default_paths().chats_db
    began = time.monotonic()
    for number, sig in enumerate(_signals(ROUNDS), start=1):
        proc = subprocess.Popen(
            [*HEARTH_ASK, "--seed", str(number), f"Round {number}: {PROMPT}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            printed = _read_until_first_token(proc, time.monotonic() + 60)
            time.sleep(rng.uniform(0.0, 0.6))
            children = [c.pid for c in psutil.Process(proc.pid).children(recursive=True)]
            proc.send_signal(sig)
            rest, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        printed += rest
        stderr = err.decode(errors="replace")
        assert "Traceback" not in stderr, stderr
        if proc.returncode != EXPECTED_EXIT[sig]:
            problems.append(f"round {number} {sig.name}: exit {proc.returncode}: {stderr[-300:]}")
        if not _gone(children):
            problems.append(f"round {number} {sig.name}: a child process is still running")
        with ChatStore(database) as store:
            mine = [c for c in store.list_chats() if c.title.startswith(f"Round {number}:")]
            chat = mine[0] if mine else None
            messages = store.messages(chat.id) if chat is not None else []
        text = printed.decode(errors="replace").strip()
        ok = (
            len(messages) == 2
            and messages[0].role == "user"
            and messages[0].content.startswith(f"Round {number}:")
            and messages[1].role == "assistant"
            and messages[1].status == "cancelled"
            and text in messages[1].content.strip()
        )
        if not ok:
            lost += 1
            problems.append(
                f"round {number} {sig.name}: stored {[(m.role, m.status) for m in messages]}, "
                f"printed {text[:80]!r}"
            )
        cancelled += sum(1 for m in messages if m.status == "cancelled")
    with ChatStore(database) as store:
        integrity = store.integrity_ok()
        chats = len(store.list_chats())
    seconds = time.monotonic() - began
    print(
        f"signals: {ROUNDS} rounds, lost {lost}, cancelled replies {cancelled}, chats {chats}, "
        f"integrity {'ok' if integrity else 'FAILED'}, {seconds:.1f} s"
    )
    assert integrity
    assert chats == ROUNDS
    assert lost == 0 and not problems, "\n".join(problems)


def test_sigterm_before_the_answer_ends_cleanly(hearth_home: Path, smollm2: Path) -> None:
    """Outside the answer (starting, loading the model, storing the question) SIGTERM and SIGHUP
    end the command through its `finally` blocks: no traceback, no child left, no question
    stored without its (cancelled) reply. Each signal is sent once Hearth says it is loading
    the model (before that, Python is still importing, nothing is open, and the default action
    ends it)."""
    env = {**os.environ, "HEARTH_HOME": str(hearth_home)}
    rounds = 6
    handled = 0
    for number in range(rounds):
        sig = (signal.SIGTERM, signal.SIGHUP)[number % 2]
        proc = subprocess.Popen(
            [*HEARTH_ASK, f"Early {number}: {PROMPT}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert proc.stderr is not None
        early = b""
        for line in proc.stderr:  # past Python's imports: Hearth's own handlers are in place
            early += line
            if b"loading" in line or b"Traceback" in line:
                break
        time.sleep(0.1 * (number % 4))  # while the model loads, or as the question is stored
        try:
            children = [c.pid for c in psutil.Process(proc.pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            children = []
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=60)
        stderr = (early + err).decode(errors="replace")
        assert "Traceback" not in stderr, stderr
        assert proc.returncode in (128 + sig, -sig), stderr
        handled += proc.returncode == 128 + sig
        assert _gone(children)
    with ChatStore(default_paths().chats_db) as store:
        assert store.integrity_ok()
        for chat in store.list_chats():
            messages = store.messages(chat.id)
            assert [m.role for m in messages] == ["user", "assistant"]
            assert messages[1].status == "cancelled"
    print(f"signals before the answer: {rounds} rounds, {handled} handled, integrity ok")
    assert handled == rounds
