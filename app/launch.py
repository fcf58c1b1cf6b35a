"""`hearth-app`: checks that Qt can open a window here, then starts the desktop app.

Runs before anything imports Qt's GUI libraries: on a Linux system that lacks one of them, Qt
would abort with a message naming only the first; this exits with status 1 and names every
missing library with the packages that provide them (app/core/system_libs.py). A failure while
the window is built is one line too, with the trace in `logs/` (app/core/crash.py).
"""

from __future__ import annotations

import multiprocessing
import sys


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a spawned host child of the bundle returns here
    args = sys.argv[1:] if argv is None else argv
    from app.core.system_libs import missing_libraries, missing_message, qt_platform

    platform = "offscreen" if "--self-test" in args else qt_platform()
    missing = missing_libraries(platform)
    if missing:
        message = missing_message(missing)
        print(message, file=sys.stderr, flush=True)
        _log(message)
        return 1
    from app.main import main as run

    try:
        return run(args)
    except Exception as exc:  # before the window's own excepthook is in place: one line
        from app.cli_words import say, use_terminal_language
        from app.core.crash import default_logs, report_crash

        report = report_crash(exc, default_logs(), "window")
        use_terminal_language()
        print(f"hearth-app: {say(report.message)}", file=sys.stderr, flush=True)
        _log(report.line)
        return 1


def _log(message: str) -> None:
    """Also in the log folder: a user who double-clicked has no terminal to read."""
    try:
        from app.core.paths import default_paths

        logs = default_paths().logs
        logs.mkdir(parents=True, exist_ok=True)
        with (logs / "hearth.log").open("a", encoding="utf-8") as sink:
            sink.write(message + "\n")
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())
