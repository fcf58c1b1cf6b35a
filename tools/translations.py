"""Keep the Chinese translation file in step with the code (run by `make translations`).

    python tools/translations.py sync [--fill FILE.json ...]   extract, fill, compile
    python tools/translations.py todo                          list what has no translation yet

`sync` runs pyside6-lupdate over every Python file under app/ (widgets' `tr()`, core phrases'
`QT_TRANSLATE_NOOP("Messages", ...)`), fills unfinished entries from the JSON files given
(`{"English source": "中文"}`, or `{"Context": {"English source": "中文"}}`), and compiles the
.qm with pyside6-lrelease. It holds a file lock, so two people (or two helpers) running it at
once do not overwrite each other's work. Edit single entries with pyside6-linguist.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "hearth_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def extract() -> None:
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(TS)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def compile_qm() -> None:
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def fill(files: list[Path]) -> int:
    wanted: dict[tuple[str | None, str], str] = {}
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, value in data.items():
            if isinstance(value, dict):
                wanted.update({(key, src): text for src, text in value.items()})
            else:
                wanted[(None, key)] = value
    tree = ET.parse(TS)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = wanted.get((name, source), wanted.get((None, source)))
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    _restore_doctype()
    return filled


def _restore_doctype() -> None:
    text = TS.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    TS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def todo() -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                missing.append((name, message.findtext("source") or ""))
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sync = sub.add_parser("sync")
    sync.add_argument("--fill", type=Path, nargs="*", default=[])
    sub.add_parser("todo")
    args = parser.parse_args()
    with FileLock(str(TS) + ".lock"):
        if args.command == "sync":
            extract()
            count = fill(args.fill) if args.fill else 0
            extract()  # back to lupdate's own layout
            compile_qm()
            print(f"filled {count}; {len(todo())} without a translation")
        else:
            for context, source in todo():
                print(json.dumps({context: source}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
