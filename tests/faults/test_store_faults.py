"""Store fault probes, in the manner of SQLite's crash tests: full disks, held locks, racing
first starts and kill -9, round after round. Each round counts the acknowledged messages that
are missing afterwards and the healthy databases moved aside; both counts must be 0."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.core.chats.store import ChatStore
from app.core.errors import ChatStoreError
from tests.faults.disks import fill_disk, small_tmpfs

CHILD = Path(__file__).with_name("store_child.py")
ROUNDS = 20


def _child(path: Path, count: int, limit: int | None = None) -> tuple[set[int], str, int]:
    args = [sys.executable, str(CHILD), str(path), str(count)]
    if limit is not None:
        args.append(str(limit))
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    acks = {int(line.split()[1]) for line in done.stdout.splitlines() if line.startswith("ack")}
    errors = [line for line in done.stdout.splitlines() if line.startswith("error")]
    assert "Traceback" not in done.stderr, done.stderr
    return acks, " ".join(errors), done.returncode


def _stored(path: Path) -> set[int]:
    with ChatStore(path) as store:
        assert store.recovery is None
        return {m.id for c in store.list_chats() for m in store.messages(c.id)}


def _moved_aside(folder: Path) -> int:
    return len(list(folder.glob("*.damaged-*")))


def test_full_disk_by_file_size_limit_loses_nothing(tmp_path: Path) -> None:
    """No root needed: each child may not grow any file past a random limit."""
    rng = random.Random(18)
    path = tmp_path / "chats.sqlite3"
    acknowledged: set[int] = set()
    full = 0
    for _ in range(ROUNDS):
        size = path.stat().st_size if path.exists() else 0
        acks, error, code = _child(path, rng.randint(5, 80), size + rng.randint(0, 64 * 1024))
        assert code == 0
        acknowledged |= acks
        full += bool(error)
        assert _moved_aside(tmp_path) == 0
    lost = acknowledged - _stored(path)
    print(f"full disk (RLIMIT_FSIZE): {ROUNDS} rounds, {full} hit the limit, lost {len(lost)}")
    assert not lost and full >= ROUNDS // 2


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path / "disk") as mount:
        yield mount


def test_full_tmpfs_loses_nothing_and_lists_every_chat(tmpfs: Path) -> None:
    """A 3 MiB disk filled to a random level before each round; afterwards (still full)
    `chats list` shows every chat, and nothing acknowledged is missing."""
    rng = random.Random(1818)
    path = tmpfs / "chats.sqlite3"
    acknowledged: set[int] = set()
    full = listed = 0
    for _ in range(ROUNDS):
        filler = fill_disk(tmpfs, rng.choice([0, 4096, 40_000, 200_000, 600_000]))
        acks, error, code = _child(path, rng.randint(5, 60))
        assert code == 0
        acknowledged |= acks
        full += bool(error)
        fill_disk(tmpfs, 0)  # still full: reading must work
        try:
            with ChatStore(path) as store:
                assert store.recovery is None
                present = {m.id for c in store.list_chats() for m in store.messages(c.id)}
                listed += 1
        except ChatStoreError as exc:  # only before the first chat ever: no schema to read
            assert "full" in str(exc) and not acknowledged
            present = set()
        assert acknowledged <= present
        assert _moved_aside(tmpfs) == 0
        filler.unlink()
    lost = acknowledged - _stored(path)
    print(
        f"full disk (tmpfs 3 MiB): {ROUNDS} rounds, {full} filled up, listed {listed}, "
        f"lost {len(lost)}"
    )
    assert not lost and full >= ROUNDS // 4


def _hold(path: Path, seconds: float, ready: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("INSERT INTO chats (title, created_at, updated_at) VALUES ('x', 0, 0)")
    ready.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


def test_held_locks_are_waited_for_or_reported_never_recovered(tmp_path: Path) -> None:
    rng = random.Random(6)
    path = tmp_path / "chats.sqlite3"
    with ChatStore(path) as store:
        chat = store.create_chat("locked")
        ids = {store.add_message(chat.id, "user", f"m{n}").id for n in range(10)}
    waited = refused = 0
    for n in range(ROUNDS):  # even rounds: a short hold, waited for; odd: a long one, refused
        short = n % 2 == 0
        hold = rng.uniform(0.05, 0.3) if short else rng.uniform(1.0, 1.5)
        timeout = rng.uniform(3.0, 5.0) if short else rng.uniform(0.05, 0.3)
        ready = threading.Event()
        holder = threading.Thread(target=_hold, args=(path, hold, ready))
        holder.start()
        assert ready.wait(10), "the lock holder did not start"
        try:
            with ChatStore(path, busy_timeout=timeout) as store:
                assert {m.id for m in store.messages(chat.id)} == ids
                waited += 1
        except ChatStoreError as exc:
            assert "locked" in str(exc)
            refused += 1
        holder.join()
        assert _moved_aside(tmp_path) == 0
    lost = ids - _stored(path)
    print(
        f"held locks: {ROUNDS} rounds, waited {waited}, refused clearly {refused}, lost {len(lost)}"
    )
    assert not lost and waited == refused == ROUNDS // 2


def test_racing_first_starts_never_move_the_database(tmp_path: Path) -> None:
    acknowledged: set[int] = set()
    stored: set[int] = set()
    errors: list[str] = []
    for n in range(ROUNDS):
        path = tmp_path / f"home{n}" / "chats.sqlite3"
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(_child, [path] * 4, range(3, 7)))
        for acks, error, code in results:
            assert code == 0
            acknowledged |= {hash((n, a)) for a in acks}
            if error:
                errors.append(error)
        stored |= {hash((n, m)) for m in _stored(path)}
        assert _moved_aside(path.parent) == 0
    lost = acknowledged - stored
    print(
        f"racing first starts: {ROUNDS} rounds x 4 processes, errors {len(errors)}, "
        f"lost {len(lost)}"
    )
    assert not lost and not errors


def _cli(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_racing_first_cli_starts_list_cleanly(tmp_path: Path) -> None:
    """The tester's probe: four `hearth chats list` at once on a new HEARTH_HOME."""
    for n in range(3):
        env = {**os.environ, "HEARTH_HOME": str(tmp_path / f"cli{n}")}
        command = [sys.executable, "-m", "app", "chats", "list"]
        with ThreadPoolExecutor(4) as pool:
            runs = [pool.submit(_cli, command, env) for _ in range(4)]
        for run in (r.result() for r in runs):
            assert run.returncode == 0, run.stderr
            assert "could not be read" not in run.stderr and "Traceback" not in run.stderr
        assert not list((tmp_path / f"cli{n}").rglob("*.damaged-*"))


def test_kill_9_during_first_starts_and_writes_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(99)
    path = tmp_path / "chats.sqlite3"
    acknowledged: set[int] = set()
    for _ in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), "100000"], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        time.sleep(rng.uniform(0.0, 0.4))  # sometimes before the schema exists
        target = rng.randint(0, 30)
        for line in proc.stdout:
            if line.startswith("ack"):
                acknowledged.add(int(line.split()[1]))
                target -= 1
            if target <= 0:
                break
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        acknowledged |= {int(x.split()[1]) for x in rest.splitlines() if x.startswith("ack")}
    with ChatStore(path) as store:
        assert store.integrity_ok()
    lost = acknowledged - _stored(path)
    print(f"kill -9: {ROUNDS} rounds, {len(acknowledged)} acknowledged, lost {len(lost)}")
    assert not lost and _moved_aside(tmp_path) == 0
