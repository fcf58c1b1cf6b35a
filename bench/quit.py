"""Quit benchmark: closing the window with both hosts running, the old way and the new, same run.

The real window runs the real engine host (the starter model loaded) and the real index host
(one small collection indexed, so its reader sandbox runs too). Two moments are timed: idle,
and mid-answer (an answer streaming at quit, which must be stored as stopped with its text).
Each figure is `window.close()` until it returns (the window gone, as the user sees it), and
until the last host process is gone.

Baseline: the close before issue 20, in the same process: the index host closed and waited
for, then the engine host, each child going through the interpreter's teardown after its pipe
closed. New: both hosts asked together, each child ending right after closing its service; a
host still busy after a short grace finishes on its own. Target: new < 1 s. The runs alternate,
so a busy machine weighs on both alike. Prints a table and writes bench/results/quit.json.
Run with `.venv/bin/python bench/quit.py`.
"""

from __future__ import annotations

import importlib
import json
import multiprocessing as mp
import os
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REPEATS = int(os.environ.get("QUIT_REPEATS", "3"))
TARGET_S = 1.0
QUESTION = "Write a very long story about a dragon who learns to bake bread, with many chapters."
TIMEOUT_S = 300.0


def old_child_main(factory: str, conn: Connection, cancel_cell: Any, log_path: Path | None) -> None:
    """The host's child before issue 20: it closes its service, then returns, and the process
    ends through the interpreter's full teardown (llama.cpp, Chroma and torch unloaded)."""
    from app.core.hosts import process_host

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    mp.current_process().daemon = False
    if log_path is not None:
        process_host._redirect_stderr(log_path)
    module_name, _, func_name = factory.partition(":")
    service = getattr(importlib.import_module(module_name), func_name)(cancel_cell)
    try:
        while True:
            try:
                kind, method, args = conn.recv()
            except (EOFError, OSError):
                return
            process_host._serve(conn, service, kind, method, args)
    finally:
        service.close()


def old_shutdown(session: Any) -> None:
    """`ChatSession.shutdown` before issue 20: each part closed and waited for in turn."""
    if session.documents is not None:
        session.documents.shutdown()
    session.engine.shutdown()
    session.chats.shutdown()
    session._io.shutdown()


def until(check: Callable[[], object], what: str) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + TIMEOUT_S
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        QCoreApplication.processEvents()
        time.sleep(0.005)


def host_pids() -> set[int]:
    """The hosts this process started and theirs: the engine host, the index host, its reader
    (not multiprocessing's resource tracker, which lives as long as this process)."""
    import psutil

    children = psutil.Process().children(recursive=True)
    return {p.pid for p in children if "spawn_main" in " ".join(p.cmdline())}


def alive(pids: set[int]) -> bool:
    import psutil

    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            continue
    return False


def prepare_home(docs: Path) -> None:
    """A fresh home: greedy, long answers; one small folder of text to index."""
    from app.core.paths import default_paths
    from app.core.settings import SamplingSettings, Settings, save_settings

    os.environ["HEARTH_HOME"] = tempfile.mkdtemp(prefix="hearth-bench-quit-")
    greedy = Settings(sampling=SamplingSettings(temperature=0.0, max_tokens=2000))
    save_settings(default_paths().settings_file, greedy)
    docs.mkdir(parents=True, exist_ok=True)
    for n in range(3):
        (docs / f"note-{n}.txt").write_text(f"Note {n}: the lighthouse keeper bakes bread. " * 40)


def open_window(docs: Path) -> Any:
    """The real window, the model loaded, and a new note indexed at start (so the index host
    has its embedding model and its reader sandbox running, as after any indexing)."""
    from app.main import build_window

    (docs / f"new-{time.time_ns()}.txt").write_text("A new note about sourdough. " * 40)
    _, window = build_window()
    window.show()
    window.session.start()
    session = window.session
    until(lambda: session.engine.state == "ready", "the model")
    documents: Any = session.documents  # the index host's controller
    if not (session.services.paths.rag / "catalog.sqlite3").exists():  # the first window
        documents.create("Notes", [str(docs)])
    until(lambda: documents.collections and documents.state == "idle", "the index")
    until(lambda: documents.client.pid is not None and len(host_pids()) >= 2, "the hosts")
    return window


def answer_streaming(window: Any) -> list[str]:
    """Ask, and wait until a few pieces of the answer have reached the window."""
    pieces: list[str] = []
    window.session.engine.tokens_received.connect(lambda _rid, text: pieces.append(text))
    window.session.send(QUESTION)
    until(lambda: len(pieces) >= 3, "the answer")
    return pieces


def answer_kept(window: Any, chat_id: int, streamed: str) -> bool:
    from app.core.chats.store import ChatStore

    with ChatStore(window.session.services.paths.chats_db) as store:
        last = store.messages(chat_id)[-1]
    return (
        last.role == "assistant"
        and last.status == "cancelled"
        and (last.content.startswith(streamed))
    )


def quit_once(mode: str, moment: str, docs: Path) -> dict[str, Any]:
    """One window: close it (the old way or the new) and time the close and the hosts' end."""
    from app.core.hosts import process_host

    new_child = process_host._child_main
    if mode == "old":
        process_host._child_main = old_child_main
    try:
        window = open_window(docs)
    finally:
        process_host._child_main = new_child
    if mode == "old":
        session = window.session
        window.session.shutdown = lambda: old_shutdown(session)
    pids = host_pids()
    streamed = "".join(answer_streaming(window)) if moment == "mid-answer" else ""
    chat = window.session.chat
    began = time.perf_counter()
    window.close()
    closed = time.perf_counter() - began
    deadline = time.monotonic() + TIMEOUT_S
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.002)
    gone = time.perf_counter() - began
    kept = answer_kept(window, chat.id, streamed) if chat is not None and streamed else None
    window.deleteLater()
    return {"close_s": closed, "hosts_gone_s": gone, "answer_kept": kept, "hosts": len(pids)}


def measure(docs: Path) -> dict[str, Any]:
    quit_once("new", "idle", docs)  # unmeasured: makes the collection, fills the file cache
    rows: dict[str, Any] = {}
    for moment in ("idle", "mid-answer"):
        runs: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
        for _ in range(REPEATS):
            for mode in ("old", "new"):
                runs[mode].append(quit_once(mode, moment, docs))
                print(f"  {moment:<10} {mode}: {runs[mode][-1]}", flush=True)
        rows[moment] = {mode: summary(runs[mode]) for mode in runs}
        old, new = rows[moment]["old"]["close_s"], rows[moment]["new"]["close_s"]
        rows[moment]["ratio"] = old / new
    return rows


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "close_s": statistics.median(r["close_s"] for r in runs),
        "hosts_gone_s": statistics.median(r["hosts_gone_s"] for r in runs),
        "answers_kept": [r["answer_kept"] for r in runs],
        "hosts": max(r["hosts"] for r in runs),
        "runs": runs,
    }


def main() -> int:
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    docs = Path(tempfile.mkdtemp(prefix="hearth-bench-docs-"))
    prepare_home(docs)
    rows = measure(docs)
    print("\nHearth quit benchmark (median of", REPEATS, "runs each)")
    for moment, row in rows.items():
        old, new = row["old"], row["new"]
        print(
            f"  {moment:<10} window closed: old {old['close_s']:.3f} s, new {new['close_s']:.3f} s"
            f" (×{row['ratio']:.1f} faster; target < {TARGET_S:.1f} s)   hosts gone: old "
            f"{old['hosts_gone_s']:.3f} s, new {new['hosts_gone_s']:.3f} s; {new['hosts']} hosts"
        )
        if moment == "mid-answer":
            print(
                f"  {'':<10} stopped answer stored: old {old['answers_kept']}, new "
                f"{new['answers_kept']}"
            )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "quit.json").write_text(json.dumps(rows, indent=2))
    sys.stdout.flush()
    os._exit(0)  # PySide6 may crash in interpreter teardown after a clean exit (DESIGN.md)


if __name__ == "__main__":
    main()
