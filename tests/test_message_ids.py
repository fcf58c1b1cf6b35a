"""Every text core and the CLI make for a person is a phrase with an id, translated into Chinese.

These tests read the code and the translation file: a raise with an English string, a phrase
that lupdate cannot find, or one without a Chinese translation fails here, before a user in
zh_CN ever sees English.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import xml.etree.ElementTree as ET
from pathlib import Path

import app
from app.core import errors
from app.core.paths import resources_dir
from app.core.text import AS_IS, CONTEXT, phrases

ROOT = Path(app.__file__).parent
ERROR_NAMES = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.HearthError)
}


def _all_modules() -> None:
    for info in pkgutil.walk_packages([str(ROOT)], "app."):
        if info.name.startswith(("app.ui", "app.__main__", "app.main")):
            continue
        importlib.import_module(info.name)


def _translations() -> dict[str, str]:
    tree = ET.parse(resources_dir() / "translations" / "hearth_zh_CN.ts")
    found: dict[str, str] = {}
    for context in tree.getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                found[message.findtext("source") or ""] = translation.text or ""
    return found


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _raises_with_text(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        first = node.args[0]
        if name in ERROR_NAMES and (
            _is_text(first) or (isinstance(first, ast.BinOp) and _is_text(first.left))
        ):
            found.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    return found


def test_core_and_cli_never_raise_with_an_english_string() -> None:
    files = [*(ROOT / "core").rglob("*.py"), *ROOT.glob("cli*.py")]
    offenders = [place for path in sorted(files) for place in _raises_with_text(path)]
    assert offenders == []


def test_every_phrase_has_a_chinese_translation_with_the_same_fields() -> None:
    _all_modules()
    chinese = _translations()
    missing, broken = [], []
    for phrase in phrases():
        if phrase is AS_IS or phrase.id.startswith(("test.", "bench.")):
            continue  # tests and benchmarks declare their own phrases under these ids
        for wording in filter(None, (phrase.text, phrase.plural)):
            if wording not in chinese:
                missing.append(f"{phrase.id}: {wording}")
                continue
            fields = set(ast.literal_eval(repr(phrase.fields())))
            got = {name for name in phrase.fields() if "{" + name + "}" in chinese[wording]}
            if got != fields or chinese[wording].count("{") != wording.count("{"):
                broken.append(f"{phrase.id}: {chinese[wording]}")
    assert missing == []
    assert broken == []
