"""`hearth models search|files|download|import|remove` end to end against the local hub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.workers import i18n
from tests.hub.fixtures import EMBED_REPO, SMOL_REPO
from tests.hub.server import LocalHub


@pytest.fixture(autouse=True)
def terminal_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An English terminal unless a test asks for another; English again afterwards."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    i18n.use_language("en")


def test_search_files_download_list_remove(
    hub: LocalHub, capsys: pytest.CaptureFixture[str], hearth_home: Path
) -> None:
    assert main(["models", "search", "smollm2"]) == 0
    assert SMOL_REPO in capsys.readouterr().out
    assert main(["models", "files", SMOL_REPO, "--context", "2048"]) == 0
    out = capsys.readouterr().out
    assert "Q4_0" in out and "Q4_1" in out and "Fits in" in out
    assert "★ the best quantization that fits: Q4_1" in out  # more bits, and both fit
    assert main(["models", "download", SMOL_REPO, "q4_0"]) == 0
    assert f"Downloaded {SMOL_REPO} · Q4_0 → " in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    listed = capsys.readouterr().out
    model_id = "hearth-test/SmolLM2-135M-Instruct-GGUF/smollm2-135m-instruct-q4_0"
    assert model_id in listed and "Q4_0" in listed
    assert main(["models", "remove", model_id, "--yes"]) == 0
    assert not (hearth_home / "data" / "models" / "hearth-test").exists()  # emptied folders go too


def test_import_validates_first(
    tmp_path: Path, smollm2: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "holiday.gguf"
    fake.write_bytes(b"PK\x03\x04 not a model at all" * 10)
    assert main(["models", "import", str(fake)]) == 1
    assert "not a GGUF model (bad magic bytes)" in capsys.readouterr().err
    assert main(["models", "import", str(smollm2)]) == 0
    assert "Imported" in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    assert "imported/SmolLM2-135M-Instruct.Q4_1" in capsys.readouterr().out
    assert smollm2.exists()  # the original is copied, never moved


def test_download_of_a_missing_quant_names_the_ones_there(
    hub: LocalHub, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "download", SMOL_REPO, "Q8_0"]) == 1
    assert 'has no "Q8_0". It has: Q4_0, Q4_1.' in capsys.readouterr().err


def test_embedding_models_search_download_and_remove(
    hub: LocalHub, capsys: pytest.CaptureFixture[str], hearth_home: Path
) -> None:
    assert main(["models", "search", "--embedding"]) == 0
    found = capsys.readouterr().out
    assert EMBED_REPO in found and SMOL_REPO not in found
    assert main(["models", "download", EMBED_REPO, "--embedding"]) == 0
    folder = hearth_home / "data" / "models" / "embeddings" / EMBED_REPO
    assert f"Downloaded {EMBED_REPO} · embedding model → {folder}" in capsys.readouterr().out
    assert (folder / "model.safetensors").is_file() and (folder / "config.json").is_file()
    assert main(["models", "remove", EMBED_REPO, "--embedding", "--yes"]) == 0
    assert not folder.exists()
    assert main(["models", "download", SMOL_REPO]) == 1  # a GGUF download needs its quant
    assert "Name the quantization" in capsys.readouterr().err


def test_a_chinese_terminal_gets_chinese_status_lines_and_untouched_data(
    hub: LocalHub, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["models", "list"]) == 0
    listed = capsys.readouterr().out
    assert "SmolLM2-135M-Instruct.Q4_1  [内置]" in listed  # the id is data, the mark is not
    assert " 参数 · Q4_1 · 上下文 8,192 · " in listed and "parameters" not in listed
    assert main(["models", "search", "no-such-model"]) == 0
    assert capsys.readouterr().out.strip() == "没有匹配的 GGUF 模型。"
    assert main(["models", "files", SMOL_REPO, "--context", "2048"]) == 0
    files = capsys.readouterr().out
    assert "可放入内存" in files and "不错，但格式较旧；同等体积下 Q4_K_M 更好。" in files
    assert "★ 适合本机的最佳量化：Q4_1" in files
    assert main(["models", "token", "--clear"]) == 0
    assert capsys.readouterr().out.strip() == "Hugging Face 令牌已移除。"
    assert main(["models", "list", "--json"]) == 0
    assert '"quantization": "Q4_1"' in capsys.readouterr().out  # JSON stays as it is
