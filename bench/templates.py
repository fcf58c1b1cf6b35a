"""Chat template benchmark: a real template's rendering against hostile ones, same run.

Times, best of three: (1) the baseline, plain Jinja rendering Qwen3's real template for a
20-turn chat; (2) Hearth's `ChatTemplate.render` of the same (two renderings under the budget,
then the split into segments); (3) hostile templates, which must stop at the time budget
(`RENDER_SECONDS`) or the size budget (`RENDER_CHARS`) with a TemplateError. Prints a table and
writes bench/results/templates.json.

    python bench/templates.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jinja2.sandbox import ImmutableSandboxedEnvironment  # noqa: E402

from app.core.errors import TemplateError  # noqa: E402
from app.core.messages import Message  # noqa: E402
from app.core.prompts.template import ChatTemplate  # noqa: E402
from bench.timing import best  # noqa: E402

QWEN3 = ROOT / "tests/core/prompts/templates/Qwen-Qwen3-0.6B.jinja"
REPEATS = 3
HOSTILE = {
    "nested loops (hours)": (
        "{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}"
        "{% endfor %}{% endfor %}{% endfor %}"
    ),
    "string doubling": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s }}"
    ),
    "output growing": "{% for i in range(100000) %}{{ 'x' * 100000 }}{% endfor %}",
    "syntax error": "{% for m in messages %}{{ m.content }}",
}


def chat(turns: int) -> list[Message]:
    messages = [Message("system", "You are terse.")]
    for i in range(turns):
        messages.append(Message("user", f"Question {i}: what is {i} + {i}?"))
        messages.append(Message("assistant", f"<think>\nAdd them.\n</think>\n\n{2 * i}"))
    return messages


def hostile(source: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        ChatTemplate(source).render(chat(1))
    except TemplateError as exc:
        return time.perf_counter() - start, str(exc)
    return time.perf_counter() - start, "NOT STOPPED"


def main() -> None:
    source = QWEN3.read_text(encoding="utf-8")
    messages = chat(20)
    plain = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
    compiled = plain.from_string(source)
    dicts = [{"role": m.role, "content": m.content} for m in messages]
    template = ChatTemplate(source)
    rows = {
        "baseline: plain jinja2, Qwen3, 41 messages": best(
            lambda: compiled.render(messages=dicts, add_generation_prompt=True)
        ),
        "ChatTemplate.render, Qwen3, 41 messages": best(lambda: template.render(messages)),
    }
    said = {}
    for name, hostile_source in HOSTILE.items():
        rows[f"hostile: {name}"], said[name] = hostile(hostile_source)
    for name, seconds in rows.items():
        print(f"{name:48} {seconds * 1000:10.2f} ms")
    for name, text in said.items():
        print(f"  {name}: {text[:110]}")
    out = ROOT / "bench/results/templates.json"
    out.write_text(json.dumps({"seconds": rows, "messages": said}, indent=2) + "\n")


if __name__ == "__main__":
    main()
