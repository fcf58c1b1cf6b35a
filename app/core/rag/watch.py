"""Watching the collections' folders while the app runs.

`FolderWatcher` runs watchfiles on a thread of its own. Changes are gathered until the folder
has been quiet for the debounce time (an editor's save, a copied folder: one report), then
handed to `on_change`. The index run that follows compares sizes, times and hashes against the
catalog, so a report only says "look again", never what changed.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable

from app.core.rag import texts
from app.core.text import Msg

log = logging.getLogger(__name__)

DEBOUNCE_MS = 2000
STOP_WAIT_S = 2.0


class FolderWatcher:
    """Watches a set of folders and files. `on_change` (on the watcher's thread) gets the
    paths that changed; `on_error` gets a message when watching stops on its own (a folder
    vanished, the system's limit on watches was reached)."""

    def __init__(
        self,
        on_change: Callable[[set[str]], None],
        on_error: Callable[[Msg], None] | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        self._on_change = on_change
        self._on_error = on_error
        self._debounce = debounce_ms
        self._roots: tuple[str, ...] = ()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def roots(self) -> tuple[str, ...]:
        return self._roots

    def watch(self, roots: Iterable[str]) -> None:
        """Watch these paths instead of the current ones. Missing paths (a drive that is not
        plugged in) are left out until `watch` is called again."""
        wanted = tuple(sorted({r for r in roots if os.path.exists(r)}))
        if wanted == self._roots and self._alive():
            return
        self.stop()
        self._roots = wanted
        if not wanted:
            return
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(wanted, self._stop), name="hearth-watch", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(STOP_WAIT_S)
        self._roots = ()

    def _alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self, roots: tuple[str, ...], stop: threading.Event) -> None:
        import watchfiles  # a small native module, loaded only when there is something to watch

        try:
            for changes in watchfiles.watch(
                *roots,
                stop_event=stop,
                debounce=self._debounce,
                ignore_permission_denied=True,
                raise_interrupt=False,
            ):
                self._on_change({path for _, path in changes})
        except Exception as exc:  # the watch ends; indexing by hand still works
            log.warning("watching %s stopped: %s", roots, exc)
            if self._on_error is not None and not stop.is_set():
                self._on_error(texts.WATCH_STOPPED(detail=str(exc)))


def owners(changed: Iterable[str], sources: dict[str, tuple[str, ...]]) -> list[str]:
    """The names of the collections whose folders or files hold any of `changed`."""
    paths = list(changed)
    return [
        name
        for name, roots in sources.items()
        if any(_under(path, root) for path in paths for root in roots)
    ]


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
