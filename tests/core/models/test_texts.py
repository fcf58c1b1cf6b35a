"""The model manager's words are phrases with ids: English by default, Chinese after a switch,
with a library's own words kept as a detail after the translated sentence."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import DownloadError, InvalidModelFile, message_of
from app.core.models import hub, starters, texts
from app.core.models.fit import GIB, Hardware, ModelDims, Verdict, estimate
from app.core.models.library import ModelLibrary
from app.core.models.model_info import read_model_info
from app.core.models.quants import QuantChoice, RemoteFile
from app.core.text import Msg
from app.workers import i18n


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.use_language("zh_CN")
    yield
    i18n.use_language("en")


def test_quality_notes_and_verdicts_are_phrases_said_in_chinese(chinese: None) -> None:
    q4_1 = QuantChoice("Q4_1", (RemoteFile("m-Q4_1.gguf", 1),))
    assert str(q4_1.note) == "Good, older format; Q4_K_M is better for its size."
    assert i18n.say(q4_1.note) == "不错，但格式较旧；同等体积下 Q4_K_M 更好。"
    projector = QuantChoice("F16", (RemoteFile("mmproj-F16.gguf", 1),), is_projector=True)
    assert i18n.say(projector.note).startswith("视觉投影器")
    assert i18n.say(QuantChoice("Q9_X", ()).note) == "未知的量化方式。"
    assert [i18n.say(v.words) for v in Verdict] == [
        "可放入显存",
        "可放入内存",
        "勉强放得下",
        "太大",
    ]


def test_the_fit_explanation_names_sizes_in_the_locale(chinese: None) -> None:
    fit = estimate(500_000_000, ModelDims(30, 3, 64), 4096, Hardware(16 * GIB))
    explained = fit.explanation(4096)
    assert explained.id == "models.fit.needs-about"
    assert str(explained).startswith("Needs about ") and "4,096 tokens" in str(explained)
    said = i18n.say(explained)
    assert said.startswith("约需 ") and "4,096 个词元" in said and "KV 缓存" in said
    unknown = estimate(500_000_000, None, 4096, Hardware(16 * GIB)).explanation(4096)
    assert i18n.say(unknown).startswith("至少需要 ")


def test_a_bad_model_file_says_why_in_either_language(tmp_path: Path, chinese: None) -> None:
    bogus = tmp_path / "holiday.gguf"
    bogus.write_bytes(b"PK\x03\x04 not a model" * 4)
    with pytest.raises(InvalidModelFile) as raised:
        read_model_info(bogus)
    assert raised.value.msg.id == "models.gguf.bad-magic"
    assert str(raised.value) == "The file is not a GGUF model (bad magic bytes)."
    assert i18n.say(raised.value.msg) == "该文件不是 GGUF 模型（文件标识不对）。"
    (entry,) = [e for e in ModelLibrary(tmp_path).entries() if e.path == bogus]
    assert entry.problem is not None and entry.problem.id == "models.gguf.bad-magic"
    assert entry.error == "The file is not a GGUF model (bad magic bytes)."  # English, for logs


def test_the_systems_words_stay_a_detail_after_the_sentence(tmp_path: Path, chinese: None) -> None:
    folder = tmp_path / "model.gguf"
    folder.mkdir()
    with pytest.raises(InvalidModelFile) as raised:
        read_model_info(folder)
    assert i18n.say(raised.value.msg) == f"{folder} 是文件夹，不是 GGUF 模型文件。"
    offline = hub._offline_message(ConnectionRefusedError())
    assert str(offline).endswith("Your local models keep working. (ConnectionRefusedError)")
    assert i18n.say(offline) == (
        "无法连接 Hugging Face，搜索和下载暂不可用。本地模型仍可照常使用。"
        "（ConnectionRefusedError）"
    )
    reason = starters._os_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert reason.detail == "No space left on device"
    assert i18n.say(reason) == "无法准备 Gemma 内置模型。（No space left on device）"


def test_a_download_failure_keeps_its_id_and_arguments(chinese: None) -> None:
    """What a failure would be stored as: the ids and the arguments, nested reason included,
    so it reads in whatever language is on when it is shown."""
    error = DownloadError(
        texts.GAVE_UP(path="m-Q4_0.gguf", retries=5, reason=texts.SERVER_ANSWERED(status="503"))
    )
    stored = message_of(error).to_json()
    back = Msg.from_json(stored)
    assert back.id == "download.gave-up" and back.args["retries"] == 5
    reason = back.args["reason"]
    assert isinstance(reason, Msg) and reason.id == "download.server-answered"
    assert str(back).startswith("m-Q4_0.gguf could not be downloaded after 5 retries")
    assert i18n.say(back) == (
        "重试 5 次后仍无法下载 m-Q4_0.gguf（服务器返回 503）。"
        "已下载的部分会保留；再试一次即可继续。"
    )


def test_hub_errors_nest_the_token_advice(chinese: None) -> None:
    rejected = hub.http_error(401, has_token=True)
    assert "`hearth models token`" in str(rejected)
    said = i18n.say(rejected.msg)
    assert said.startswith("Hugging Face 不接受你的访问令牌（401）")
    assert said.endswith("（在窗口中：模型 → 令牌）。")
    assert i18n.say(hub.http_error(0, has_token=False).msg).startswith("Hugging Face 返回了错误")
