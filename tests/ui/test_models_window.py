"""The Models window against the local hub: search, pick a quant, download with visible
progress, pause, resume after a restart, cancel, chat with it; import and remove."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.core.models.embeddings import SUGGESTED
from app.core.models.fit import GIB, Hardware
from app.core.paths import default_paths
from app.core.rag.embedder import DEFAULT_EMBEDDER, installed_embedders
from app.core.settings import SamplingSettings, Settings, save_settings
from app.ui.main_window import MainWindow
from app.ui.models.discover import REPO_ROLE
from app.ui.models.downloads import BAR_STEPS, DownloadRow
from app.ui.models.window import ModelsWindow
from tests.hub.fixtures import (
    EMBED_REPO,
    GATED_EMBED_REPO,
    GATED_REPO,
    GEMMA_REPO,
    SMOL_REPO,
    SPLIT_REPO,
)
from tests.hub.server import TOKEN, Faults, LocalHub
from tests.ui.conftest import WindowFactory, send
from tests.ui.fakes import FakeEngine

TIMEOUT = 20_000
Q4_0 = "smollm2-135m-instruct-q4_0.gguf"


def open_models(window: MainWindow, ram_gib: float = 16) -> ModelsWindow:
    """The Models window, with a known machine so that the verdicts do not depend on this one."""
    window.models.hub.hardware = Hardware(int(ram_gib * GIB))
    return window.open_models()


def search(qtbot: QtBot, models: ModelsWindow, query: str) -> list[str]:
    with qtbot.waitSignal(models.controllers.hub.search_finished, timeout=TIMEOUT):
        models.discover.query.setText(query)
        qtbot.mouseClick(models.discover.search_button, Qt.MouseButton.LeftButton)
    model = models.discover.results_model
    return [model.item(row, 0).data(REPO_ROLE) for row in range(model.rowCount())]


def pick_repo(qtbot: QtBot, models: ModelsWindow, repo_id: str) -> list[list[str]]:
    """Click the repo in the results; wait for its quant table with final verdicts."""
    d = models.discover
    row = next(
        r
        for r in range(d.results_model.rowCount())
        if d.results_model.item(r, 0).data(REPO_ROLE) == repo_id
    )
    with qtbot.waitSignal(models.controllers.hub.dims_ready, timeout=TIMEOUT):
        d.results.selectRow(row)
    return [
        [d.quants_model.item(r, c).text() for c in range(d.quants_model.columnCount())]
        for r in range(d.quants_model.rowCount())
    ]


def start_download(qtbot: QtBot, models: ModelsWindow, quant: str = "Q4_0") -> None:
    """Search, open the SmolLM2 repo, pick `quant`, press Download."""
    search(qtbot, models, "smollm2")
    pick_repo(qtbot, models, SMOL_REPO)
    models.discover.select_choice(quant)
    click(qtbot, models.discover.download_button)
    assert models.tabs.currentWidget() is models.downloads


def row_of(models: ModelsWindow) -> DownloadRow:
    qtbot_rows = list(models.downloads.rows.values())
    assert len(qtbot_rows) == 1
    return qtbot_rows[0]


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def state(models: ModelsWindow) -> str:
    item = row_of(models).item
    return item.state if item is not None else ""


def all_files(root: Path) -> list[Path]:
    return sorted(Path(folder) / name for folder, _, names in os.walk(root) for name in names)


def parts_on_disk() -> list[Path]:
    # os.walk, not rglob: cancel prunes folders on another thread while this looks
    return [p for p in all_files(default_paths().models) if p.name.endswith(".part")]


@pytest.fixture
def held(hub: LocalHub) -> threading.Event:
    """Hold every file download after its first 3 MB (more than one write chunk) until the
    test sets the event."""
    gate = threading.Event()
    hub.faults = Faults(hold=gate, hold_after=3 * 1024 * 1024)
    yield gate
    gate.set()


def test_search_lists_repos_and_the_quants_with_fit_verdicts(
    qtbot: QtBot, window: MainWindow, hub: LocalHub
) -> None:
    models = open_models(window)
    names = search(qtbot, models, "")
    assert SMOL_REPO in names and GEMMA_REPO in names
    gated = models.discover.results_model.item(names.index(GATED_REPO), 0)
    assert gated.text() == GATED_REPO.split("/")[1] + " · gated"
    assert models.discover.results_model.item(names.index(GEMMA_REPO), 1).text() == "hearth-test"
    assert names.index(SMOL_REPO) < names.index(GEMMA_REPO)  # most downloaded first
    assert "models with GGUF files" in models.discover.status.text()

    assert search(qtbot, models, "gemma") == [GEMMA_REPO]
    assert search(qtbot, models, "no-such-model") == []
    assert "No GGUF models match" in models.discover.status.text()

    search(qtbot, models, "smollm2")
    rows = pick_repo(qtbot, models, SMOL_REPO)
    assert [r[0] for r in rows] == ["Q4_0", "★ Q4_1"]  # smallest first; the best starred
    assert {r[3] for r in rows} == {"Fits in RAM"}
    assert "★ Q4_1 is the best quantization" in models.discover.fit_note.text()
    assert models.discover.download_button.text().startswith("Download Q4_1")
    assert "This machine: 16.0 GB RAM, no GPU found" in models.discover.machine.text()

    models.discover.set_hardware(Hardware(int(0.15 * GIB)))  # a machine far too small
    verdicts = [models.discover.quants_model.item(r, 3).text() for r in range(2)]
    assert verdicts == ["Too big", "Too big"]
    assert "No quantization fits" in models.discover.fit_note.text()
    models.discover.set_hardware(Hardware(int(16 * GIB), int(8 * GIB), "Test GPU"))
    assert models.discover.quants_model.item(0, 3).text() == "Fits in GPU"


def test_a_split_model_is_one_choice_and_a_projector_cannot_be_downloaded(
    qtbot: QtBot, window: MainWindow, hub: LocalHub
) -> None:
    models = open_models(window)
    search(qtbot, models, "split")
    rows = pick_repo(qtbot, models, SPLIT_REPO)
    assert [(r[0], r[3]) for r in rows] == [
        ("★ Q4_1 (3 parts)", "Fits in RAM"),
        ("mmproj F16", "Vision projector"),
    ]
    projector = models.discover.quants_model.item(1, 0)
    assert not projector.isEnabled()
    models.discover.quants.setCurrentIndex(projector.index())  # a disabled row: not taken
    choice = models.discover.selected_choice()
    assert choice is not None and choice.label == "Q4_1"
    assert models.discover.download_button.text() == "Download Q4_1 (98.4 MB)"


def test_offline_search_says_so_and_the_library_still_works(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    models = open_models(window)
    with qtbot.waitSignal(models.controllers.hub.search_failed, timeout=TIMEOUT):
        models.search("qwen")
    assert "cannot be reached" in models.discover.status.text()
    models.tabs.setCurrentWidget(models.library)
    qtbot.waitUntil(lambda: models.library.model.rowCount() >= 1, timeout=TIMEOUT)
    assert window.session.engine.state == "ready"


def test_download_with_progress_pause_cancel(
    qtbot: QtBot, window: MainWindow, hub: LocalHub, held: threading.Event
) -> None:
    models = open_models(window)
    start_download(qtbot, models)
    row = row_of(models)
    qtbot.waitUntil(lambda: state(models) == "downloading" and row.bar.value() > 0, timeout=TIMEOUT)
    assert row.bar.value() < BAR_STEPS
    assert " of " in row.detail.text()
    assert models.tabs.tabText(1) == "Downloads (1)"

    click(qtbot, row.buttons["pause"])
    assert state(models) == "pausing"
    held.set()
    qtbot.waitUntil(lambda: state(models) == "paused", timeout=TIMEOUT)
    assert "Paused" in row.detail.text() and row.buttons["resume"].isVisible()
    assert len(parts_on_disk()) == 1

    click(qtbot, row.buttons["cancel"])
    qtbot.waitUntil(lambda: not models.downloads.rows, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not parts_on_disk(), timeout=TIMEOUT)
    assert models.downloads.empty.isVisibleTo(models.downloads)
    assert not [p for p in all_files(default_paths().models) if p.name == Q4_0]


def test_cancel_while_downloading_removes_the_partial_file(
    qtbot: QtBot, window: MainWindow, hub: LocalHub, held: threading.Event
) -> None:
    models = open_models(window)
    start_download(qtbot, models, "Q4_1")
    qtbot.waitUntil(lambda: state(models) == "downloading", timeout=TIMEOUT)
    click(qtbot, row_of(models).buttons["cancel"])
    held.set()
    qtbot.waitUntil(lambda: not models.downloads.rows, timeout=TIMEOUT)
    assert not parts_on_disk()
    assert not (default_paths().models / SMOL_REPO).exists()


def test_a_paused_download_comes_back_after_a_restart_and_finishes(
    qtbot: QtBot, make_window: WindowFactory, hub: LocalHub, held: threading.Event
) -> None:
    first = make_window(FakeEngine())
    models = open_models(first)
    start_download(qtbot, models)
    qtbot.waitUntil(lambda: state(models) == "downloading", timeout=TIMEOUT)
    held.set()
    first.close()  # quitting pauses it; the list is saved
    assert (default_paths().models / "downloads.json").is_file()
    fetched = sum(p.stat().st_size for p in parts_on_disk())
    assert fetched > 0

    second = make_window(FakeEngine())
    again = open_models(second)
    qtbot.waitUntil(lambda: len(again.downloads.rows) == 1, timeout=TIMEOUT)
    assert again.tabs.tabText(1) == "Downloads (1)"
    again.tabs.setCurrentWidget(again.downloads)
    row = row_of(again)
    assert state(again) == "paused" and row.bar.value() > 0
    hub.served.clear()
    click(qtbot, row.buttons["resume"])
    qtbot.waitUntil(lambda: state(again) == "done", timeout=TIMEOUT)
    gets = hub.file_gets(Q4_0)
    assert gets and gets[0].range is not None  # it resumed from the bytes on disk
    assert "Downloaded and verified" in row.detail.text()
    assert not parts_on_disk()


def test_from_search_to_chatting_with_the_downloaded_quant(
    qtbot: QtBot, make_window: WindowFactory, hub: LocalHub
) -> None:
    """The whole path with the real engine host: the downloaded Q4_0 loads and answers."""
    greedy = Settings(sampling=SamplingSettings(temperature=0.0, max_tokens=24))
    save_settings(default_paths().settings_file, greedy)
    window = make_window(None)
    qtbot.waitUntil(lambda: window.session.engine.state == "ready", timeout=120_000)
    models = open_models(window)
    start_download(qtbot, models)
    qtbot.waitUntil(lambda: state(models) == "done", timeout=60_000)
    wanted = f"{SMOL_REPO}/{Q4_0.removesuffix('.gguf')}"
    qtbot.waitUntil(lambda: any(e.id == wanted for e in models.library.entries), timeout=TIMEOUT)
    with qtbot.waitSignal(window.session.engine.model_loaded, timeout=120_000):
        click(qtbot, row_of(models).buttons["chat"])
    assert window.session.engine.loaded_id == wanted
    assert window.session.chat is not None and window.session.chat.model == wanted
    send(qtbot, window, "What is the capital of France?", timeout=120_000)
    assert "Paris" in window.view.toPlainText()


def drop(models: ModelsWindow, files: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    models.dropEvent(event)


def test_import_by_drop_then_remove_with_confirmation(
    qtbot: QtBot, window: MainWindow, smollm2: Path, tmp_path: Path
) -> None:
    models = open_models(window)
    mine = tmp_path / "my-smol.gguf"
    shutil.copyfile(smollm2, mine)
    bogus = tmp_path / "notes.gguf"
    bogus.write_text("not a model")
    with qtbot.waitSignal(models.controllers.library.failed, timeout=TIMEOUT):
        drop(models, [mine, bogus])
    qtbot.waitUntil(
        lambda: "not a GGUF" in models.banner.text() or "GGUF" in models.banner.text(),
        timeout=TIMEOUT,
    )
    qtbot.waitUntil(
        lambda: any(e.id == "imported/my-smol" for e in models.library.entries), timeout=TIMEOUT
    )
    assert models.tabs.currentWidget() is models.library
    assert mine.exists()  # the original stays

    models.library.select("imported/my-smol")
    click(qtbot, models.library.remove_button)
    box = models.library.confirm
    assert box is not None and "imported/my-smol" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert (default_paths().models / "imported" / "my-smol.gguf").exists()

    models.library.select("imported/my-smol")
    click(qtbot, models.library.remove_button)
    box = models.library.confirm
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    with qtbot.waitSignal(models.controllers.library.removed, timeout=TIMEOUT):
        delete.click()
    qtbot.waitUntil(
        lambda: all(e.id != "imported/my-smol" for e in models.library.entries), timeout=TIMEOUT
    )
    assert not (default_paths().models / "imported").exists()

    starter = next(e for e in models.library.entries if e.starter)
    models.library.select(starter.id)
    assert not models.library.remove_button.isEnabled()


def test_gated_repo_download_asks_for_a_token_then_works(
    qtbot: QtBot, window: MainWindow, hub: LocalHub
) -> None:
    models = open_models(window)
    search(qtbot, models, "gated")
    pick_repo(qtbot, models, GATED_REPO)
    click(qtbot, models.discover.download_button)
    qtbot.waitUntil(lambda: state(models) == "failed", timeout=TIMEOUT)
    row = row_of(models)
    assert "gated" in row.detail.text() and "token" in row.detail.text()
    assert row.buttons["resume"].text() == "Retry"

    dialog = models.ask_token()
    with qtbot.waitSignal(models.controllers.hub.token_checked, timeout=TIMEOUT):
        dialog.setTextValue(TOKEN)
        dialog.accept()
    assert models.discover.token_button.text() == "Token ✓"
    click(qtbot, row.buttons["resume"])
    qtbot.waitUntil(lambda: state(models) == "done", timeout=TIMEOUT)


def embedding_rows(models: ModelsWindow) -> dict[str, list[str]]:
    table = models.embeddings.model
    return {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 4)]
        for r in range(table.rowCount())
    }


def test_embedding_model_search_download_and_remove(
    qtbot: QtBot, window: MainWindow, hub: LocalHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = open_models(window)
    page = models.embeddings
    models.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: DEFAULT_EMBEDDER in page.installed, timeout=TIMEOUT)
    rows = embedding_rows(models)
    assert list(rows)[:4] == [DEFAULT_EMBEDDER, *SUGGESTED]
    assert rows[DEFAULT_EMBEDDER][0] == "English" and rows[DEFAULT_EMBEDDER][2] == "Built in"
    assert rows[DEFAULT_EMBEDDER][1].endswith("MB")  # its size on disk
    assert rows["BAAI/bge-m3"][2] == "Suggested"
    assert not hub.served  # nothing was asked of the hub yet

    # a suggested model that this (local) hub does not have: the reason, and no download
    with qtbot.waitSignal(models.controllers.hub.embedder_listing_failed, timeout=TIMEOUT):
        page.select("BAAI/bge-m3")
    assert "no model repo" in page.detail.text()
    assert page.download_button.isVisible() and not page.download_button.isEnabled()

    with qtbot.waitSignal(models.controllers.hub.embedders_found, timeout=TIMEOUT):
        page.query.setText("embeddings")
        click(qtbot, page.search_button)
    rows = embedding_rows(models)
    assert rows[EMBED_REPO] == ["", "—", "700 downloads"]
    assert "3 sentence-transformers models" in page.status.text()
    with qtbot.waitSignal(models.controllers.hub.embedders_found, timeout=TIMEOUT):
        page.query.setText("gated")
        click(qtbot, page.search_button)
    with qtbot.waitSignal(models.controllers.hub.embedder_listing_ready, timeout=TIMEOUT):
        page.select(GATED_EMBED_REPO)
    assert "Gated: accept its terms" in page.detail.text()
    with qtbot.waitSignal(models.controllers.hub.embedders_found, timeout=TIMEOUT):
        page.query.setText("embeddings")
        click(qtbot, page.search_button)
    with qtbot.waitSignal(models.controllers.hub.embedder_listing_ready, timeout=TIMEOUT):
        page.select(EMBED_REPO)
    assert "11 files · 91.6 MB to download · licence apache-2.0" in page.detail.text()
    assert embedding_rows(models)[EMBED_REPO][1] == "91.6 MB"

    with qtbot.waitSignal(models.controllers.library.embedders_listed, timeout=60_000):
        click(qtbot, page.download_button)
        assert models.tabs.currentWidget() is models.downloads
    row = row_of(models)
    assert row.title.text() == f"{EMBED_REPO} · embedding model"
    assert "Choose it for a collection in Documents" in row.detail.text()
    assert not row.buttons["chat"].isVisible() and row.buttons["clear"].isVisible()
    folder = default_paths().models / "embeddings" / EMBED_REPO
    assert row.item is not None and row.item.path == folder
    assert embedding_rows(models)[EMBED_REPO][2] == "Downloaded"
    assert installed_embedders(default_paths().models)[1:] == [EMBED_REPO]
    documents = window.session.documents
    assert documents is not None and not documents.listed  # no collections yet: no index host

    models.tabs.setCurrentWidget(page)
    page.select(EMBED_REPO)
    assert page.remove_button.isVisible() and not page.download_button.isVisible()
    monkeypatch.setattr(models, "confirm_remove_embedder", lambda _name: False)
    click(qtbot, page.remove_button)
    assert folder.is_dir()
    monkeypatch.setattr(models, "confirm_remove_embedder", lambda _name: True)
    with qtbot.waitSignal(models.controllers.library.embedders_listed, timeout=TIMEOUT):
        click(qtbot, page.remove_button)
    assert not folder.exists()
    assert embedding_rows(models)[EMBED_REPO][2] == "700 downloads"  # a search result again
    assert page.status.text() == f"Removed {EMBED_REPO}."


def test_the_documents_window_leads_to_embedding_models(qtbot: QtBot, window: MainWindow) -> None:
    documents = window.open_documents()
    assert documents is not None
    documents.models_requested.emit()  # "Open Models" when only the built-in model is here
    models = window.models_window
    assert models is not None and models.isVisible()
    assert models.tabs.currentWidget() is models.embeddings
    qtbot.waitUntil(lambda: DEFAULT_EMBEDDER in models.embeddings.installed, timeout=TIMEOUT)


def switch_language(qtbot: QtBot, window: MainWindow, language: str) -> None:
    settings = window.session.settings.model_copy(update={"language": language})
    with qtbot.waitSignal(window.session.settings_changed, timeout=TIMEOUT):
        window.session.save_settings(settings)
    chinese = language == "zh_CN"
    qtbot.waitUntil(lambda: (window.sidebar.new_button.text() == "新对话") == chinese)


def test_a_live_language_switch_retranslates_every_tab(
    qtbot: QtBot, window: MainWindow, hub: LocalHub
) -> None:
    """Quality notes and verdicts (core phrases), the search status, the embedding models'
    status line and a download's failure all follow a switch while the window is open."""
    models = open_models(window)
    search(qtbot, models, "gated")
    pick_repo(qtbot, models, GATED_REPO)
    click(qtbot, models.discover.download_button)
    qtbot.waitUntil(lambda: state(models) == "failed", timeout=TIMEOUT)
    models.tabs.setCurrentWidget(models.discover)
    search(qtbot, models, "smollm2")
    pick_repo(qtbot, models, SMOL_REPO)
    page = models.embeddings
    models.tabs.setCurrentWidget(page)
    with qtbot.waitSignal(models.controllers.hub.embedders_found, timeout=TIMEOUT):
        page.query.setText("embeddings")
        click(qtbot, page.search_button)
    quants = models.discover.quants_model
    assert quants.item(0, 4).text() == "Fair, older format; fast on some CPUs (ARM)."
    assert quants.item(0, 3).text() == "Fits in RAM"
    assert "gated or private" in row_of(models).detail.text()

    try:
        switch_language(qtbot, window, "zh_CN")
        assert models.windowTitle().startswith("模型")
        assert quants.item(0, 4).text() == "尚可，格式较旧；在部分 CPU（ARM）上较快。"
        assert quants.item(1, 4).text() == "不错，但格式较旧；同等体积下 Q4_K_M 更好。"
        assert quants.item(0, 3).text() == "可放入内存"
        assert quants.item(0, 3).toolTip().startswith("约需 ")
        assert models.discover.status.text() == "3 个含 GGUF 文件的模型。"
        assert "是适合本机的最佳量化" in models.discover.fit_note.text()
        assert page.status.text() == "3 个 sentence-transformers 模型。"
        detail = row_of(models).detail.text()
        assert "受限或为私有" in detail and "gated or private" not in detail
        assert row_of(models).buttons["resume"].text() == "重试"
        assert models.tabs.tabText(3) == "嵌入模型"
    finally:
        switch_language(qtbot, window, "en")
    assert quants.item(0, 4).text() == "Fair, older format; fast on some CPUs (ARM)."
    assert page.status.text() == "3 sentence-transformers models."
    assert "gated or private" in row_of(models).detail.text()


def test_the_offline_message_and_an_import_error_follow_a_language_switch(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    models = open_models(window)
    with qtbot.waitSignal(models.controllers.hub.search_failed, timeout=TIMEOUT):
        models.search("qwen")
    assert models.discover.status.text().startswith("Hugging Face cannot be reached")
    bogus = tmp_path / "notes.gguf"
    bogus.write_text("not a model at all, just some words")
    with qtbot.waitSignal(models.controllers.library.failed, timeout=TIMEOUT):
        drop(models, [bogus])
    assert models.banner.text() == "The file is not a GGUF model (bad magic bytes)."
    try:
        switch_language(qtbot, window, "zh_CN")
        shown = models.discover.status.text()
        assert shown.startswith("无法连接 Hugging Face，搜索和下载暂不可用。本地模型仍可照常使用。")
        assert shown.endswith("）")  # the library's own name for the failure, kept as a detail
        assert models.banner.text() == "该文件不是 GGUF 模型（文件标识不对）。"
        assert models.library.hint.text() == "正在导入 1 个文件…"
    finally:
        switch_language(qtbot, window, "en")
    assert models.discover.status.text().startswith("Hugging Face cannot be reached")
    assert models.banner.text() == "The file is not a GGUF model (bad magic bytes)."
