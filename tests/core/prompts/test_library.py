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


def test_every_builtin_has_a_chinese_title_and_description(library: PromptLibrary) -> None:
    templates = library.templates()
    assert library.errors == []
    for template in templates:
        assert template.zh_CN is not None, template.id
        title, summary = template.title("zh_CN"), template.summary("zh_CN")
        assert title != template.name and summary != template.description, template.id
        assert any("\u4e00" <= ch <= "\u9fff" for ch in title + summary), template.id
        assert template.title("en") == template.name  # the English UI keeps the English title


def test_each_builtin_has_a_version_written_in_chinese(library: PromptLibrary) -> None:
    templates = {t.id: t for t in library.templates()}
    for english in REQUIRED:
        chinese = templates[f"{english}-zh"]
        assert chinese.language == "zh_CN" and chinese.kind == templates[english].kind
        assert chinese.name.endswith("(Chinese)")  # an English title for the English UI
        words = chinese.system + "".join(e.user + e.assistant for e in chinese.examples)
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in words) > 20
        # written in Chinese, not the English examples word for word
        if chinese.examples:
            english_users = [e.user for e in templates[english].examples]
            assert [e.user for e in chinese.examples] != english_users
    assert all(e.assistant for e in templates["step-by-step-zh"].examples)
    assert "答案：" in templates["step-by-step-zh"].examples[0].assistant


def test_the_ui_language_s_prompts_come_first(library: PromptLibrary) -> None:
    for language in ("zh_CN", "en", None):
        ordered = library.templates(language=language)
        for kind in ("system", "few-shot"):
            marks = [t.written_in(language) for t in ordered if t.kind == kind]
            assert marks == sorted(marks, reverse=True) and any(marks) and not all(marks)
    chinese = library.templates(language="zh_CN")
    assert chinese[0].language == "zh_CN"
    systems = [t for t in chinese if t.kind == "system"]
    assert systems[0].title("zh_CN") in {"默认助手", "简洁回答"}


def test_user_files_are_never_rewritten(library: PromptLibrary) -> None:
    library.user_dir.mkdir(parents=True)
    mine = library.user_dir / "mine.toml"
    original = (
        "# my own notes, kept as I wrote them\n"
        'name   =   "Mine"\nsystem = """\nBe brief.   """\n\n'
        '[zh_CN]\nname = "我的"\n'
    ).encode()
    mine.write_bytes(original)
    loaded = library.get("mine")
    assert loaded.title("zh_CN") == "我的" and loaded.title() == "Mine"
    library.save(PromptTemplate(id="other", name="Other", system="Hi."))
    library.templates(language="zh_CN")
    library.delete("other")
    assert mine.read_bytes() == original


def test_a_saved_prompt_keeps_its_language_and_chinese_title(library: PromptLibrary) -> None:
    from app.core.prompts.library import Localized

    template = PromptTemplate(
        id="tea",
        name="Tea helper",
        system="你是茶艺师。",
        language="zh_CN",
        zh_CN=Localized(name="茶艺助手", description="讲茶。"),
    )
    library.save(template)
    loaded = library.get("tea")
    assert loaded.language == "zh_CN" and loaded.title("zh_CN") == "茶艺助手"
    assert loaded.summary("zh_CN") == "讲茶。" and loaded.summary() == ""
    plain = library.save(PromptTemplate(id="plain", name="Plain", system="x"))
    assert "zh_CN" not in plain.read_text(encoding="utf-8")


def test_library_errors_are_messages_in_chinese(library: PromptLibrary) -> None:
    from app.workers import i18n

    library.user_dir.mkdir(parents=True)
    (library.user_dir / "bad-toml.toml").write_text("name = [unclosed", encoding="utf-8")
    library.templates()
    assert [m.id for m in library.problems] == ["prompts.not-toml"]
    with pytest.raises(PromptLibraryError) as caught:
        library.get("nope")
    assert caught.value.msg.args["id"] == "nope"
    i18n.use_language("zh_CN")
    try:
        assert i18n.say(library.problems[0]).startswith("bad-toml.toml：不是有效的 TOML")
        assert "没有名为“nope”的提示词" in i18n.say(caught.value.msg)
    finally:
        i18n.use_language("en")


def test_a_new_chat_in_chinese_gets_the_chinese_version_of_a_built_in(tmp_path: Path) -> None:
    from app.core.paths import resources_dir
    from app.core.prompts.library import PromptLibrary, version_for

    library = PromptLibrary(resources_dir() / "prompts", tmp_path)
    templates = library.templates()
    chinese = version_for("default-assistant", "zh_CN", templates)
    assert chinese is not None and chinese.id == "default-assistant-zh"
    english = version_for("default-assistant", "en", templates)
    assert english is not None and english.id == "default-assistant"
    assert version_for("nothing-here", "zh_CN", templates) is None
