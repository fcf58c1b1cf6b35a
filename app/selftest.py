"""`hearth-app --self-test`: proves that a build works, from start to a stored answer.

It runs the real app offscreen in a throw-away home folder (the user's chats, settings and
models are never touched): the window paints, the engine host starts and loads the default
model (the bundled SmolLM2 in a packaged app), a question is sent through the window and
answered, a folder is indexed by the index host (embedding model, Chroma) and searched, and the
chat is read back from disk with a fresh connection. Each step prints one line; the exit status
is 0 only when every step passed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

QUESTION = "What is the capital of France?"
NOTE = "# Radio\n\nThe radio password of the self-test station is AMBER-FALCON-7.\n"
STEP_TIMEOUT_S = 180


class SelfTestFailed(Exception):
    pass


def run_self_test(out: TextIO = sys.stdout) -> int:
    """Run every step; print what passed and what failed. Returns the exit status."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    home = Path(tempfile.mkdtemp(prefix="hearth-self-test-"))
    os.environ["HEARTH_HOME"] = str(home)
    started = time.perf_counter()
    try:
        _steps(out)
    except SelfTestFailed as exc:
        print(f"FAIL {exc}", file=out, flush=True)
        return 1
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"self-test passed in {time.perf_counter() - started:.1f} s", file=out, flush=True)
    return 0


def _steps(out: TextIO) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from app.core.chats.store import ChatStore
    from app.core.paths import default_paths
    from app.core.settings import SamplingSettings, Settings, save_settings

    paths = default_paths().ensure()
    greedy = Settings(sampling=SamplingSettings(temperature=0.0, max_tokens=32))
    save_settings(paths.settings_file, greedy)

    from app.main import build_window

    def step(name: str, check: Callable[[], str]) -> None:
        began = time.perf_counter()
        try:
            detail = check()
        except SelfTestFailed:
            raise
        except Exception as exc:  # a broken build fails in many ways; each is reported
            raise SelfTestFailed(f"{name}: {type(exc).__name__}: {exc}") from exc
        took = time.perf_counter() - began
        print(f"ok   {name} ({took:.1f} s){': ' + detail if detail else ''}", file=out, flush=True)

    def wait_for(condition: Callable[[], bool], what: str) -> None:
        loop = QEventLoop()
        deadline = time.monotonic() + STEP_TIMEOUT_S
        poll = QTimer()
        poll.setInterval(20)
        poll.timeout.connect(lambda: loop.quit() if condition() else None)
        poll.start()
        while not condition():
            if time.monotonic() > deadline:
                raise SelfTestFailed(f"{what}: no result after {STEP_TIMEOUT_S} s")
            loop.exec()
        poll.stop()

    app, window = build_window()
    session = window.session
    answers: list[str] = []
    errors: list[str] = []
    session.error_raised.connect(errors.append)
    session.engine.generation_finished.connect(lambda _rid, result: answers.append(result.text))

    def paint() -> str:
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, 400, 9)}
        if len(colours) < 4:
            raise SelfTestFailed("window: painted blank")
        return f"{image.width()}x{image.height()}"

    def load() -> str:
        session.start()
        wait_for(lambda: session.engine.state in ("ready", "failed") or bool(errors), "load")
        if session.engine.state != "ready":
            raise SelfTestFailed(f"model: {errors[-1] if errors else session.engine.state}")
        return str(session.engine.loaded_id)

    def answer() -> str:
        if not session.send(QUESTION):
            raise SelfTestFailed(f"answer: not sent ({errors[-1] if errors else 'no reason'})")
        wait_for(lambda: bool(answers) or bool(errors), "answer")
        if not answers or not answers[0].strip():
            raise SelfTestFailed(f"answer: {errors[-1] if errors else 'empty'}")
        return repr(answers[0].strip()[:60])

    def documents() -> str:
        controller = session.documents
        if controller is None:
            raise SelfTestFailed("documents: no controller")
        controller.failed.connect(errors.append)
        folder = paths.data / "self-test-documents"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "radio.md").write_text(NOTE, encoding="utf-8")
        controller.create("Self-test", [str(folder)])
        wait_for(
            lambda: (
                bool(errors)
                or (
                    controller.state == "idle"
                    and any(c.indexed_at is not None for c in controller.collections)
                )
            ),
            "documents indexed",
        )
        if errors:
            raise SelfTestFailed(f"documents: {errors[-1]}")
        hits = controller.client.search(["Self-test"], "radio password of the station")
        if not hits or "AMBER-FALCON-7" not in hits[0].text:
            raise SelfTestFailed(f"documents: search found {hits!r}")
        return f"{controller.collections[0].chunks} passages, best {hits[0].score:.2f}"

    def stored() -> str:
        wait_for(lambda: len(session.messages) >= 2, "chat saved")
        chat = session.chat
        if chat is None:
            raise SelfTestFailed("chat: none open")
        window.close()  # finishes every queued write, closes the database and the engine host
        with ChatStore(paths.chats_db) as store:
            kept = [(m.role, m.content) for m in store.messages(chat.id)]
        if [role for role, _ in kept] != ["user", "assistant"] or kept[0][1] != QUESTION:
            raise SelfTestFailed(f"chat: read back {kept!r}")
        if kept[1][1].strip() != answers[0].strip():
            raise SelfTestFailed("chat: the stored answer differs from the one generated")
        return f"chat {chat.id}, {len(kept)} messages"

    def engine_build() -> str:
        from app.core.engine.runtime import build_report

        report = build_report()
        if report.wide and not report.variants:
            raise SelfTestFailed(f"engine build: needs {' '.join(report.wide)}, not portable")
        return report.describe()

    try:
        step("engine build", engine_build)
        step("window painted", paint)
        step("model loaded", load)
        step("answer generated", answer)
        step("documents indexed and searched", documents)
        step("chat written and read back", stored)
    finally:
        window.close()  # also after a failure: the engine host never outlives the test
