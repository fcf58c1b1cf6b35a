"""The index host for real: killed in the middle of a batch, the next run resumes and leaves
a consistent index (no duplicate or orphan chunks), re-embedding only what was not committed."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from app.core.errors import IndexUnavailable
from app.core.hosts.index_client import IndexClient
from app.core.paths import default_paths
from app.core.rag.reader import DirectReader
from app.core.rag.service import DocsService
from tests.core.rag.corpus import write_corpus, write_filler
from tests.core.rag.test_docs import _assert_consistent


def test_killed_mid_batch_then_resumed(hearth_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_filler(folder, files=60)
    write_corpus(folder)
    client = IndexClient()
    try:
        client.create("Docs", [str(folder)])
        steps = client.index(["Docs"])
        first = next(p for p in steps if p.chunks_done > 0)
        killer = threading.Timer(0.5, os.kill, (client.pid, signal.SIGKILL))
        killer.start()
        with pytest.raises(IndexUnavailable, match="stopped unexpectedly"):
            for _ in steps:
                pass
        killer.join()

        resumed = list(client.index(["Docs"]))
        assert resumed[-1].phase == "done"
        status = client.status("Docs")
        assert status.files == 70 and status.pending == 0 and not status.problems
        assert resumed[-1].embedded < status.chunks  # committed batches were not redone
        assert resumed[-1].embedded + first.chunks_done <= status.chunks + 64
        # Still answers from what was indexed before and after the kill.
        hits = client.search(["Docs"], "Who keeps the lighthouse on Varnholm island?")
        assert any("Edda Strand" in p.text for p in hits)
    finally:
        client.close()
    paths = default_paths()
    service = DocsService(paths.rag, paths.models, reader=DirectReader())
    try:
        _assert_consistent(service, "Docs")
    finally:
        service.close()


def test_searches_are_answered_between_batches(hearth_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_corpus(folder)
    write_filler(folder, files=30)
    client = IndexClient()
    try:
        client.create("Docs", [str(folder)])
        steps = client.index(["Docs"])
        next(p for p in steps if p.chunks_done > 0)
        client.search(["Docs"], "anything")  # answered while the run is paused here
        steps.close()  # cancel: the run stops, committed work stays
        status = client.status("Docs")
        assert status.chunks > 0 and status.files < 40
    finally:
        client.close()
