"""Settings: defaults, round trip, and bad files that never stop the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.paths import default_paths
from app.core.services import build_services
from app.core.settings import SCHEMA_VERSION, Settings, load_settings, save_settings


def test_hearth_home_overrides_every_path(tmp_path: Path) -> None:
    paths = default_paths({"HEARTH_HOME": str(tmp_path)}).ensure()
    for folder in (paths.data, paths.config, paths.cache, paths.logs, paths.models):
        assert folder.is_dir() and tmp_path in folder.parents
    assert paths.chats_db.parent == paths.data


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == (Settings(), None)
    changed = Settings().model_copy(update={"theme": "dark", "default_model": "gemma"})
    save_settings(path, changed)
    loaded, problem = load_settings(path)
    assert problem is None and loaded == changed
    assert json.loads(path.read_text())["schema_version"] == SCHEMA_VERSION


def test_unreadable_file_is_moved_aside_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    settings, problem = load_settings(path)
    assert settings == Settings()
    assert problem is not None and "defaults are in use" in str(problem)
    assert not path.exists() and list(tmp_path.glob("settings.json.unreadable-*"))


def test_out_of_range_values_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 1, "sampling": {"temperature": -3}}))
    settings, problem = load_settings(path)
    assert settings == Settings() and problem is not None and "temperature" in str(problem)


def test_newer_file_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1}))
    settings, problem = load_settings(path)
    assert settings == Settings() and problem is not None and "newer" in str(problem)
    assert path.exists()


def test_a_folder_that_cannot_be_made_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file where the models folder should be: the other folders are made, and the problem
    says which folder, why, and what to do; the services still build."""
    monkeypatch.setenv("HEARTH_HOME", str(tmp_path))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "models").write_text("not a folder")
    services, problem = build_services()
    assert problem is not None
    text = str(problem)
    assert str(tmp_path / "data" / "models") in text and "a file is in the way" in text
    assert "restart Hearth" in text
    assert services.paths.config.is_dir() and services.paths.logs.is_dir()
    assert [e.starter for e in services.library.entries()]  # the starter model still lists


def test_one_value_out_of_range_resets_alone(tmp_path: Path) -> None:
    """A context longer than this Hearth allows goes back to the default; the theme, the
    sampling and the rest of the file are kept (and the file is not set aside)."""
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": SCHEMA_VERSION,
                "theme": "dark",
                "sampling": {"temperature": 0.3},
                "engine": {"context_length": 4_000_000, "threads": 4},
            }
        )
    )
    settings, problem = load_settings(path)
    assert settings.theme == "dark" and settings.sampling.temperature == 0.3
    assert settings.engine.threads == 4
    assert settings.engine.context_length == Settings().engine.context_length
    assert problem is not None and "engine.context_length" in str(problem)
    assert path.exists() and not list(tmp_path.glob("settings.json.unreadable-*"))


def test_a_bad_item_in_a_list_resets_that_list_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {"schema_version": SCHEMA_VERSION, "theme": "dark", "sampling": {"stop": ["a", 5]}}
        )
    )
    settings, problem = load_settings(path)
    assert settings.theme == "dark" and settings.sampling.stop == Settings().sampling.stop
    assert problem is not None and "sampling.stop" in str(problem) and path.exists()


def test_a_setting_out_of_range_reads_fully_in_chinese(tmp_path: Path) -> None:
    import pickle

    from app.core.engine.types import LoadSpec
    from app.core.errors import InvalidSetting
    from app.core.settings import SamplingSettings, sampling_with
    from app.workers import i18n

    with pytest.raises(InvalidSetting) as threads:
        LoadSpec(path=tmp_path, threads=0)
    with pytest.raises(InvalidSetting) as temperature:
        sampling_with(SamplingSettings(), temperature=50.0)
    assert str(threads.value) == "The number of threads cannot be 0: it must be between 1 and 512."
    assert str(temperature.value).startswith("The temperature cannot be 50.0")
    copy = pickle.loads(pickle.dumps(threads.value))  # as it crosses the engine host's pipe
    assert str(copy) == str(threads.value)
    i18n.use_language("zh_CN")
    try:
        shown = i18n.say(threads.value.msg)
        assert shown.startswith("线程数不能为 0") and "The number" not in shown
        assert i18n.say(temperature.value.msg).startswith("温度不能为 50")
        assert i18n.say(copy.msg) == shown
    finally:
        i18n.use_language("en")


def test_a_bad_settings_file_is_reported_with_a_message_id(tmp_path: Path) -> None:
    from app.workers import i18n

    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    _settings, problem = load_settings(path)
    assert problem is not None and problem.msg.id == "settings.unreadable-kept"
    assert "It was kept as" in str(problem)
    i18n.use_language("zh_CN")
    try:
        assert i18n.say(problem.msg).startswith("无法读取设置文件；正在使用默认设置。")
    finally:
        i18n.use_language("en")
