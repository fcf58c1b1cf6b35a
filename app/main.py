"""The composition root of the desktop app: builds the services and the window, then runs Qt.

Only what the first paint needs is imported before the window shows. The chat database, the
model library and the engine host are opened by workers after the window is on screen.

Nothing is lost when the app is ended from outside: an unexpected exception shows one line in
the window's error banner and leaves its trace in `logs/window-crash-<stamp>.log` (the app keeps
running); a desktop logout (Qt's commitDataRequest) stores the answer being written; SIGTERM and
SIGHUP close the window as the close button does (the answer stored, the hosts closed).

Quitting takes a fraction of a second (bench/quit.py): the answer being written is stopped and
stored, queued chat and settings writes are finished, and the engine and index hosts are asked
to stop together. A host still busy after a short grace (a model loading, a batch being
indexed) is not waited for: its pipe closes with this process, and it ends on its own once
that work is done, so nothing it was writing is lost.
"""

from __future__ import annotations

import argparse
import io
import logging
import multiprocessing
import os
import signal
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QSessionManager
from PySide6.QtWidgets import QApplication

from app.core.crash import report_crash
from app.core.engine.types import Engine
from app.core.errors import message_of
from app.core.hosts.engine_client import EngineClient
from app.core.hosts.index_client import IndexClient
from app.core.paths import resources_dir
from app.core.services import build_services
from app.ui.appearance import Appearance
from app.ui.main_window import MainWindow
from app.ui.placement import place
from app.workers.chats import ChatsController
from app.workers.documents import DocumentsController
from app.workers.engine import EngineController
from app.workers.models import ModelControllers
from app.workers.session import ChatSession

GIL_SWITCH_S = 0.001
SIGNAL_POLL_MS = 200  # how often Python gets to run its signal handlers inside Qt's loop


def build_window(
    engine: Engine | None = None, documents: DocumentsController | None = None
) -> tuple[QApplication, MainWindow]:
    """Create the QApplication (if needed) and the main window, not yet shown or started.

    `engine` replaces the engine host and `documents` the index host's controller (tests pass
    a fake or an in-process service at these boundaries)."""
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    # Worker threads (store, library scan, engine pipe) hand the GIL back to the GUI thread
    # after 1 ms instead of 5: start-up stalls of the event loop roughly halved (bench/ui.py).
    sys.setswitchinterval(GIL_SWITCH_S)
    app.setApplicationName("Hearth")
    app.setOrganizationName("Hearth")
    app.setDesktopFileName("hearth")  # matches packaging/hearth.desktop (Wayland task bars)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "hearth.png")))
    services, problem = build_services()
    paths, settings = services.paths, services.settings
    log_file = paths.logs / "hearth.log"
    logging.basicConfig(  # to stderr when the logs folder cannot be made (the banner says so)
        filename=log_file if paths.logs.is_dir() else None,
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.raiseExceptions = False  # a log line lost on a full disk: never a trace on stderr
    appearance = Appearance(app)
    appearance.apply_language(settings.language)
    appearance.apply_theme(settings.theme, settings.font_size)
    engine = engine or EngineClient(log_path=paths.logs / "engine.log")
    documents = documents or DocumentsController(
        IndexClient(log_path=paths.logs / "index.log"), catalog_file=paths.rag / "catalog.sqlite3"
    )
    session = ChatSession(services, ChatsController(), EngineController(engine), documents)
    models = ModelControllers.build(paths.models, paths.config)
    window = MainWindow(session, appearance, models)
    if problem is not None:
        window.banner.show_message(message_of(problem))  # shown in the user's language
    return app, window


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()
    parser = argparse.ArgumentParser(prog="hearth-app", description="Hearth desktop app")
    parser.add_argument(
        "--quit-after-paint",
        action="store_true",
        help='print "painted" once the window is on screen, then quit (benchmarks)',
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen (window, model, answer, chat on disk); exit 0 if "
        "it works. Uses a temporary folder, never your chats or settings.",
    )
    args = parser.parse_args(argv)
    if args.self_test:
        from app.selftest import run_self_test

        code = run_self_test(sys.stdout or io.StringIO())  # None in a windowed Windows build
        _flush()
        os._exit(code)  # see below
    app, window = build_window()
    install_crash_reporter(window, window.session.services.paths.logs)
    save_on_session_end(app, window)
    place(window)  # 1100 × 760 where it fits; smaller and whole on a small screen
    window.show()
    if args.quit_after_paint:
        QTimer.singleShot(0, lambda: _report_paint(app, window))
    else:
        QTimer.singleShot(0, window.session.start)
    code = int(app.exec())
    _flush()
    os._exit(code)  # PySide6 may crash in interpreter teardown after a clean exit (DESIGN.md)


class CrashReporter(QObject):
    """The window's `sys.excepthook` (and `threading.excepthook`): an unexpected exception
    becomes one line in the error banner, its trace goes to `logs/`, and the app runs on."""

    reported = Signal(object)

    def __init__(self, logs: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.logs = logs
        self.last_line = ""

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def excepthook(
        self,
        kind: type[BaseException],
        exc: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl-C in the terminal: close, quietly
            QTimer.singleShot(0, self._close_window)
            return
        if exc.__traceback__ is None and trace is not None:
            exc = exc.with_traceback(trace)
        report = report_crash(exc, self.logs, "window")
        logging.getLogger(__name__).error("unexpected error: %s", report.line)
        self.last_line = report.line
        self.reported.emit(report.message)  # queued to the window when raised on another thread

    def _close_window(self) -> None:
        window = self.parent()
        if isinstance(window, MainWindow):
            window.close()

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install_crash_reporter(window: MainWindow, logs: Path | None) -> CrashReporter:
    """Route unexpected exceptions to the window's error banner (and their traces to `logs`)."""
    reporter = CrashReporter(logs, window)
    reporter.reported.connect(window.banner.show_message)
    reporter.install()
    return reporter


def save_on_session_end(app: QGuiApplication, window: MainWindow) -> None:
    """At a desktop logout, store what is being written; on Ctrl-C, SIGTERM or SIGHUP close
    the window (which stores the answer and closes the hosts) and quit."""

    def commit(_manager: QSessionManager) -> None:
        window.commit_data()

    app.commitDataRequest.connect(commit)
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):  # Ctrl-C in the terminal, too
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, lambda *_: QTimer.singleShot(0, window.close))
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    poll = QTimer(window)
    poll.timeout.connect(lambda: None)
    poll.start(SIGNAL_POLL_MS)


def _flush() -> None:
    if sys.stdout is not None:  # a windowed (no console) build on Windows has none
        sys.stdout.flush()


def _report_paint(app: QApplication, window: MainWindow) -> None:
    window.repaint()
    heavy = [m for m in ("llama_cpp", "chromadb", "torch", "huggingface_hub") if m in sys.modules]
    print("painted", "heavy=" + ",".join(heavy), flush=True)
    if window.banner.isVisibleTo(window):  # what a user would be told at start
        print("banner:", window.banner.text(), flush=True)
    window.session.shutdown()
    app.quit()


if __name__ == "__main__":
    sys.exit(main())
