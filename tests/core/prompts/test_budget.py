"""Templates that would run for hours or fill the memory stop within the budget."""

from __future__ import annotations

import pytest

from app.core.errors import TemplateError
from app.core.messages import Message
from app.core.prompts.template import ChatTemplate

HI = [Message("user", "hi")]

SLOW = {
    "nested loops": (
        "{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}"
        "{% endfor %}{% endfor %}{% endfor %}"
    ),
    "loops over one range": (
        "{% set r = range(100000) %}{% for a in r %}{% for b in r %}{% for c in r %}"
        "{% endfor %}{% endfor %}{% endfor %}"
    ),
    "loops over a string": (
        "{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}"
    ),
    "loop per message, nested": (
        "{% for m in messages %}{% for a in range(100000) %}{% for b in range(100000) %}"
        "{{ '' }}{% endfor %}{% endfor %}{% endfor %}"
    ),
}

BIG = {
    "string that doubles": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s }}"
    ),
    "output that grows": "{% for i in range(100000) %}{{ 'x' * 100000 }}{% endfor %}",
    "one huge product": "{{ 'x' * 10000000000 }}",
    "huge list": "{{ (range(100000) | list) * 100000 }}",
    "huge power": "{{ 7 ** 1000000000 }}",
    "filter padding": "{{ 'x' | center(10000000000) }}",
    "method padding": "{{ 'x'.ljust(10000000000) }}",
    "macro that doubles": (
        "{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f(messages[0]['content']) }}"
    ),
}


@pytest.mark.parametrize("name", sorted(SLOW))
def test_a_template_that_runs_for_hours_is_stopped(name: str) -> None:
    with pytest.raises(TemplateError, match=r"ran longer than 1 s.*fallback template"):
        ChatTemplate(SLOW[name]).render(HI)


@pytest.mark.parametrize("name", sorted(BIG))
def test_a_template_that_grows_huge_is_stopped(name: str) -> None:
    with pytest.raises(TemplateError, match=r"characters of text and was stopped.*fallback"):
        ChatTemplate(BIG[name]).render(HI)


def test_endless_recursion_is_a_template_error() -> None:
    source = "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"
    with pytest.raises(TemplateError, match="failed"):
        ChatTemplate(source).render(HI)


def test_a_template_that_does_not_parse_names_the_reason() -> None:
    with pytest.raises(TemplateError, match=r"broken.*not valid Jinja.*fallback") as caught:
        ChatTemplate("{% for m in messages %}{{ m.content }}")
    assert "endfor" in str(caught.value)


def test_the_budget_is_per_rendering() -> None:
    template = ChatTemplate("{% for m in messages %}{{ m['content'] }}{% endfor %}")
    for _ in range(3):
        assert template.render_text(HI) == "hi"
