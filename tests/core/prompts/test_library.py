"""The prompt library: built-ins, the user's own files, validation with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import PromptLibraryError
from app.core.paths import resources_dir
from app.core.prompts.library import Example, PromptLibrary, PromptTemplate

REQUIRED = {
    "default-assistant",
    "step-by-step",
    "concise",
    "translator",
    "summariser",
    "code-helper",
}


@pytest.fixture
def library(tmp_path: Path) -> PromptLibrary:
    return PromptLibrary(resources_dir() / "prompts", tmp_path / "prompts")


def test_builtins_load_cleanly(library: PromptLibrary) -> None:
    templates = {t.id: t for t in library.templates()}
    assert library.errors == []
    assert set(templates) >= REQUIRED
    assert all(t.builtin for t in templates.values())
    translator = templates["translator"]
    assert translator.kind == "few-shot" and "中文" in translator.name


def test_few_shot_examples_are_real_message_pairs(library: PromptLibrary) -> None:
    messages = library.get("step-by-step").messages()
    assert messages[0].role == "system"
    roles = [m.role for m in messages[1:]]
    assert roles == ["user", "assistant"] * (len(roles) // 2) and roles
    assert "Answer:" in messages[2].content
    assert library.get("step-by-step").messages("Custom")[0].content == "Custom"


def test_user_prompts_save_override_and_delete(library: PromptLibrary) -> None:
    mine = PromptTemplate(
        id="concise",
        name="简洁 (mine)",
        kind="few-shot",
        system="短。",
        examples=(Example(user="天空是什么颜色？", assistant="蓝色。"),),
    )
    path = library.save(mine)
    assert path.read_text(encoding="utf-8").count("天空") == 1
    loaded = library.get("concise")
    assert loaded.name == "简洁 (mine)" and not loaded.builtin
    assert loaded.examples == mine.examples
    library.delete("concise")
    assert library.get("concise").builtin
    with pytest.raises(PromptLibraryError, match="cannot be deleted"):
        library.delete("summariser")


def test_broken_files_are_reported_and_do_not_hide_others(library: PromptLibrary) -> None:
    library.user_dir.mkdir(parents=True)
    (library.user_dir / "bad-toml.toml").write_text("name = [unclosed", encoding="utf-8")
    (library.user_dir / "no-examples.toml").write_text(
        'name = "Few"\nkind = "few-shot"\n', encoding="utf-8"
    )
    (library.user_dir / "Bad Name.toml").write_text('name = "x"\nsystem = "y"\n', encoding="utf-8")
    ids = {t.id for t in library.templates()}
    assert ids >= REQUIRED
    problems = "\n".join(str(e) for e in library.errors)
    assert "bad-toml.toml: not valid TOML" in problems
    assert "no-examples.toml" in problems and "examples" in problems
    assert "Bad Name.toml" in problems and "id" in problems
    with pytest.raises(PromptLibraryError, match="no prompt"):
        library.get("nope")
