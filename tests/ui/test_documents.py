"""Local documents in the window: a folder becomes a collection and indexes with progress, a chat
picks it, the answer shows its sources and a click shows the passage; pause, resume, cancel;
watching a folder; the rescan at start.

The first test runs the app's real path (the index host); the controller tests use the same
service in-process, with small batches so that a run has many steps."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from app.core.hosts.index_client import IndexClient
from app.core.paths import default_paths
from app.core.rag.reader import DirectReader
from app.core.rag.retrieve import SearchOptions
from app.core.rag.service import DocsService
from app.core.rag.types import IndexProgress
from app.ui.documents.window import DocumentsWindow
from app.ui.source_dialog import SourceDialog
from app.workers.documents import DocumentsController
from tests.core.rag.corpus import write_corpus, write_filler
from tests.core.rag.files import make_pdf
from tests.ui.conftest import WindowFactory, send
from tests.ui.fakes import FakeEngine

HOST_START_MS = 120_000  # the index host imports torch and loads the embedding model
STRICT = SearchOptions(top_k=3, floor=0.5)


def _handbook(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "cooking.md").write_text("# Cooking\n\nBoil pasta for ten minutes in salted water.\n")
    (folder / "empty.txt").write_text("")
    make_pdf(
        folder / "station.pdf",
        [
            "Welcome to the Orla research station. Meals are served in the east hall.",
            "Station rules. The radio password for the Orla research station is BLUE-HERON-42. "
            "Keep it private.",
        ],
    )
    return folder


def test_folder_to_answer_with_sources(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Add a folder in the Documents window, watch it index, pick it in a chat, ask: the answer
    lists station.pdf page 2, and clicking it shows the passage."""
    folder = _handbook(tmp_path / "Handbook")
    fake = FakeEngine(reply="The password is BLUE-HERON-42 [1].")
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=15000)
    controller = window.session.documents
    assert controller is not None and isinstance(controller.client, IndexClient)
    assert controller.client.pid is None  # never used: no index host at start

    docs = window.open_documents()
    assert isinstance(docs, DocumentsWindow)
    qtbot.waitUntil(lambda: controller.listed, timeout=HOST_START_MS)
    assert docs.pages.currentIndex() == 0  # the empty page, with its "Add a folder…"
    monkeypatch.setattr(docs, "ask_folder", lambda: str(folder))
    progress: list[IndexProgress] = []
    controller.progress_changed.connect(progress.append)
    docs.empty_button.click()
    qtbot.waitUntil(lambda: controller.state == "running", timeout=HOST_START_MS)
    qtbot.waitUntil(
        lambda: controller.state == "idle" and controller.collections[0].indexed_at is not None,
        timeout=HOST_START_MS,
    )
    (status,) = controller.collections
    assert (status.name, status.files) == ("Handbook", 2)
    assert [(Path(p.path).name, str(p.reason)) for p in status.problems] == [
        ("empty.txt", "The file is empty.")
    ]
    assert any(p.phase == "indexing" and p.files_total == 3 for p in progress)
    qtbot.waitUntil(lambda: docs.pages.currentIndex() == 1)
    assert docs.panel.title.text() == "Handbook"
    assert "2 files" in docs.panel.summary.text()
    assert docs.panel.problems.topLevelItemCount() == 1
    assert docs.list.item(0).text().startswith("Handbook\n")
    docs.grab().save(str(tmp_path / "documents.png"))

    send(qtbot, window, "hello")  # a chat to pick the collection in
    (action,) = [a for a in window.header.docs_menu.actions() if a.isCheckable()]
    with qtbot.waitSignal(window.session.chats.chat_updated):
        action.setChecked(True)
    assert window.session.chat_documents() == [status.id]
    assert window.header.docs_button.text() == "Documents: Handbook"

    send(qtbot, window, "What is the radio password for the Orla research station?")
    prompt = fake.requests[-1].messages[-1].content
    assert "<documents>" in prompt and "BLUE-HERON-42" in prompt
    reply = window.session.messages[-1]
    assert reply.sources and (reply.sources[0]["file"], reply.sources[0]["page"]) == (
        "station.pdf",
        2,
    )
    html = window.view.toHtml()
    assert "Sources" in html and "station.pdf, page 2" in html

    opened: list[SourceDialog] = []
    monkeypatch.setattr(window, "open_source", lambda s: opened.append(SourceDialog(s, window)))
    window.view.source_requested.disconnect()
    window.view.source_requested.connect(window.open_source)
    window.view.anchorClicked.emit(QUrl(f"hearth:source/{reply.id}.0"))
    (dialog,) = opened
    assert "BLUE-HERON-42" in dialog.text.toPlainText()
    assert "page 2" in dialog.details.text() and dialog.open_button.isEnabled()
    dialog.grab().save(str(tmp_path / "source.png"))

    # a small file is offered whole; taken whole, both its pages reach the model
    html = window.view.toHtml()
    assert f"hearth:whole-on/{reply.id}.0" in html
    with qtbot.waitSignal(window.session.chats.chat_updated):
        window.view.anchorClicked.emit(QUrl(f"hearth:whole-on/{reply.id}.0"))
    send(qtbot, window, "Where are meals served?")
    prompt = fake.requests[-1].messages[-1].content
    assert "station.pdf (the whole file)" in prompt
    assert "[page 1]" in prompt and "[page 2]" in prompt and "east hall" in prompt
    whole = window.session.messages[-1]
    assert whole.sources and whole.sources[0]["whole"] is True
    assert [s["file"] for s in whole.sources].count("station.pdf") == 1  # not twice
    assert "station.pdf, the whole file" in window.view.toPlainText()
    # renaming the collection keeps the choice: it is remembered by the collection's id
    taken = window.session.chat_setup().documents
    assert taken is not None and len(taken.whole) == 1
    with qtbot.waitSignal(controller.collections_listed, timeout=HOST_START_MS):
        controller.rename("Handbook", "Station")
    renamed = window.session.chat_setup().documents
    assert renamed is not None and renamed.collections == ("Station",)
    assert renamed.whole == (("Station", taken.whole[0][1]),)
    with qtbot.waitSignal(window.session.chats.chat_updated):
        window.view.anchorClicked.emit(QUrl(f"hearth:whole-off/{whole.id}.0"))
    assert window.session.chat_setup().documents is not None
    assert window.session.chat_setup().documents.whole == ()  # type: ignore[union-attr]

    send(qtbot, window, "How do I tune a violin?")
    assert window.session.messages[-1].sources == []
    assert "nothing in them was relevant" in window.view.toPlainText()


@pytest.fixture
def service(tmp_path: Path) -> Iterator[DocsService]:
    service = DocsService(
        tmp_path / "rag", tmp_path / "models", reader=DirectReader(), batch_chunks=4
    )
    yield service
    service.close()


def test_pause_resume_and_cancel(qtbot: QtBot, service: DocsService, tmp_path: Path) -> None:
    write_filler(tmp_path / "notes", 12)
    service.create("Notes", [str(tmp_path / "notes")])
    controller = DocumentsController(service, watch=False)
    try:
        seen: list[IndexProgress] = []
        controller.progress_changed.connect(seen.append)
        controller.index(["Notes"])
        # a file written already, so that the search below has something to find
        written = lambda: any(p.phase == "indexing" and p.files_done >= 1 for p in seen)  # noqa: E731
        qtbot.waitUntil(written, timeout=60000)
        controller.pause()
        assert controller.state == "paused" and seen[-1].phase == "paused"
        qtbot.waitUntil(lambda: not controller._in_flight, timeout=30000)
        steps = len(seen)
        qtbot.wait(300)  # nothing is asked for while paused
        assert len(seen) == steps
        hits = service.search(["Notes"], "notes")  # searches work while paused
        assert hits

        with qtbot.waitSignal(controller.state_changed, timeout=120000) as idle:
            controller.resume()
            qtbot.waitUntil(lambda: controller.state == "idle", timeout=120000)
        assert idle.args is not None
        status = service.status("Notes")
        assert (status.files, status.pending) == (12, 0)
        assert seen[-1].phase == "done" and seen[-1].files_done == seen[-1].files_total

        (tmp_path / "notes" / "notes-000.md").write_text("# Changed\n\n" + "New words. " * 400)
        write_filler(tmp_path / "more", 6, seed=5)
        controller.add_paths("Notes", [str(tmp_path / "more")])
        qtbot.waitUntil(lambda: controller.state == "running", timeout=30000)
        qtbot.waitUntil(lambda: any(p.current for p in seen[-1:]), timeout=60000)
        controller.cancel()
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=60000)
        assert service.status("Notes").files < 18  # stopped part-way; the rest waits

        controller.index(["Notes"])
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=120000)
        qtbot.waitUntil(lambda: controller.collections[0].files == 18, timeout=30000)
        assert controller.collections[0].pending == 0
    finally:
        controller.shutdown()


def test_watching_and_rescan_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    """A file written into a watched folder is indexed without asking; a file changed while
    the app was closed is found by the rescan at start."""
    folder = tmp_path / "notes"
    write_corpus(folder)
    rag = tmp_path / "rag"
    service = DocsService(rag, tmp_path / "models", reader=DirectReader())
    service.create("Notes", [str(folder)])
    controller = DocumentsController(service, catalog_file=rag / "catalog.sqlite3", watch=True)
    try:
        controller.start()  # the rescan at start indexes the new collection
        qtbot.waitUntil(lambda: controller.listed and controller.state == "idle", timeout=60000)
        qtbot.waitUntil(lambda: controller.collections[0].files == 10, timeout=60000)
        before = service.search(["Notes"], "Who repairs the Quillon harp?", STRICT)
        assert not any("Quillon" in hit.text for hit in before)

        (folder / "harp.md").write_text(
            "# Harp\n\nThe Quillon harp is repaired by Maren Holt every spring.\n"
        )
        qtbot.waitUntil(lambda: controller.collections[0].files == 11, timeout=60000)
        hits = service.search(["Notes"], "Who repairs the Quillon harp?", STRICT)
        assert hits and "Maren Holt" in hits[0].text
    finally:
        controller.shutdown()
        service.close()

    # closed: a file changes; the next start finds it
    harp = folder / "harp.md"
    harp.write_text("# Harp\n\nThe Quillon harp is repaired by Ilse Brandt since 2024.\n")
    os.utime(harp, (harp.stat().st_atime, harp.stat().st_mtime + 5))
    service = DocsService(rag, tmp_path / "models", reader=DirectReader())
    controller = DocumentsController(service, catalog_file=rag / "catalog.sqlite3", watch=False)
    try:
        with qtbot.waitSignal(controller.state_changed, timeout=60000):
            controller.start()
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=60000)
        hits = service.search(["Notes"], "Who repairs the Quillon harp?", STRICT)
        assert hits and "Ilse Brandt" in hits[0].text
    finally:
        controller.shutdown()
        service.close()


def test_no_catalog_no_index_host(qtbot: QtBot, hearth_home: Path) -> None:
    """Someone who never added documents never pays for the index host."""
    client = IndexClient()
    controller = DocumentsController(client, catalog_file=default_paths().rag / "catalog.sqlite3")
    try:
        done: list[bool] = []
        controller._io.call(lambda: None, lambda _: done.append(True))
        controller.start()
        controller._io.call(lambda: None, lambda _: done.append(True))
        qtbot.waitUntil(lambda: len(done) == 2)
        assert client.pid is None and not controller.listed
    finally:
        controller.shutdown()


def test_changing_the_embedding_model_asks_then_indexes_again(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second model under models/embeddings is offered; after the warning is accepted, the
    collection's vectors are rebuilt with it."""
    from app.core.rag.embedder import DEFAULT_EMBEDDER, resolve_embedder

    models = tmp_path / "models"
    copy = models / "embeddings" / "local" / "minilm-copy"
    shutil.copytree(resolve_embedder(DEFAULT_EMBEDDER, models).folder, copy, symlinks=True)
    write_corpus(tmp_path / "notes")
    service = DocsService(tmp_path / "rag", models, reader=DirectReader())
    service.create("Notes", [str(tmp_path / "notes")])
    controller = DocumentsController(service, watch=False)
    window = make_window(FakeEngine(), controller)
    docs = window.open_documents()
    assert docs is not None
    controller.index(["Notes"])
    qtbot.waitUntil(
        lambda: bool(controller.collections and controller.collections[0].chunks), timeout=60000
    )
    qtbot.waitUntil(lambda: controller.state == "idle", timeout=60000)
    chunks = controller.collections[0].chunks
    assert controller.embedders == [DEFAULT_EMBEDDER, "local/minilm-copy"]

    asked: list[tuple[str, list[str]]] = []
    warned: list[str] = []
    monkeypatch.setattr(docs, "ask_embedder", lambda cur, ch: asked.append((cur, ch)) or ch[1])
    monkeypatch.setattr(docs, "confirm_reindex", lambda s, e: warned.append(e) or False)
    docs.panel.change_embedder.click()
    assert warned == ["local/minilm-copy"]  # declined: nothing changes
    assert controller.collections[0].embedder == DEFAULT_EMBEDDER

    monkeypatch.setattr(docs, "confirm_reindex", lambda s, e: True)
    embedded = service.embedded
    docs.panel.change_embedder.click()
    qtbot.waitUntil(
        lambda: (
            controller.collections[0].embedder == "local/minilm-copy"
            and controller.state == "idle"
            and controller.collections[0].chunks == chunks
        ),
        timeout=120000,
    )
    assert service.embedded - embedded == chunks  # every passage embedded again
    assert "local/minilm-copy" in docs.panel.embedder.text()
    hits = service.search(["Notes"], "Who keeps the lighthouse on Varnholm island?")
    assert hits and "Edda Strand" in hits[0].text
    controller.shutdown()
    service.close()


def test_a_skip_reason_recorded_in_english_shows_in_chinese_after_a_live_switch(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """The catalog keeps the reason's id, not its English words: switching the language with
    the Documents window open shows the reason, the counts and the last error in Chinese."""
    from app.core.rag import texts

    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "notes.md").write_text("# Notes\n\nThe kettle is in the left cupboard.\n")
    service = DocsService(tmp_path / "rag", tmp_path / "models", reader=DirectReader())
    service.create("Notes", [str(folder)])
    controller = DocumentsController(service, watch=False)
    window = make_window(FakeEngine(), controller)
    docs = window.open_documents()
    assert docs is not None
    controller.index(["Notes"])
    qtbot.waitUntil(  # the window's start-up rescan may run after this one: wait for both
        lambda: controller.state == "idle" and docs.list.item(0).text().endswith("1 skipped"),
        timeout=60000,
    )
    assert docs.list.item(0).text() == "Notes\n1 file · 1 skipped"
    item = docs.panel.problems.topLevelItem(0)
    assert (item.text(0), item.text(1)) == ("empty.txt", "The file is empty.")
    assert docs.panel.summary.text().startswith("1 file · ")
    docs.show_error(texts.NO_COLLECTION(name="Old"))
    assert docs.banner.text() == "There is no collection named “Old”."

    settings = window.session.settings
    try:
        with qtbot.waitSignal(window.session.settings_changed):
            window.session.save_settings(settings.model_copy(update={"language": "zh_CN"}))
        qtbot.waitUntil(lambda: docs.windowTitle() == "文档")
        item = docs.panel.problems.topLevelItem(0)
        assert item.text(1) == "文件是空的。" and item.toolTip(1) == "文件是空的。"
        assert docs.panel.problems_label.text() == "跳过的文件（1）"
        assert docs.panel.summary.text().startswith("1 个文件 · ")
        qtbot.waitUntil(lambda: docs.list.item(0).text() == "Notes\n1 个文件 · 跳过 1 个")
        assert docs.banner.text() == "没有名为“Old”的文档集。"
    finally:
        window.session.save_settings(settings.model_copy(update={"language": "en"}))
        qtbot.waitUntil(lambda: docs.windowTitle() == "Documents")
        controller.shutdown()
        service.close()
    assert docs.panel.problems.topLevelItem(0).text(1) == "The file is empty."
