"""What a chat template says about thinking: a Think switch where it reads `enable_thinking`,
and earlier thoughts handed back as `reasoning_content` only where it reads that, rendered
exactly like plain Jinja with the same message fields."""

from __future__ import annotations

import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment

from app.core.messages import Message
from app.core.prompts.template import ChatTemplate
from tests.core.prompts.test_real_templates import TEMPLATES

QWEN3 = (TEMPLATES / "Qwen-Qwen3-0.6B.jinja").read_text(encoding="utf-8")
LLAMA = (TEMPLATES / "meta-llama-Llama-3.1-8B-Instruct.jinja").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "switch", "reads"),
    [
        (QWEN3, True, True),
        (LLAMA, False, False),
        ("{{ messages[0]['reasoning_content'] }}", False, True),
        ("{{ messages[0].get('reasoning_content', '') }}", False, True),
        ("{% if enable_thinking %}x{% endif %}", True, False),
        ("{% set enable_thinking = true %}{{ enable_thinking }}", False, False),
    ],
)
def test_what_a_template_reads(source: str, switch: bool, reads: bool) -> None:
    template = ChatTemplate(source)
    assert (template.thinking_switch, template.reads_reasoning) == (switch, reads)


def _plain(source: str, messages: list[dict[str, str]], **variables: object) -> str:
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
    return env.from_string(source).render(
        messages=messages, add_generation_prompt=True, bos_token="", eos_token="", **variables
    )


def test_qwen3_gets_the_thoughts_its_own_way() -> None:
    """Qwen3 shows the thoughts of the answers after the last question (a continued turn) and
    drops the older ones; Hearth's rendering equals plain Jinja's with reasoning_content."""
    messages = [
        Message("user", "What is 2 + 2?"),
        Message("assistant", "4.", reasoning="Two and two make four."),
        Message("user", "And 3 + 3?"),
        Message("assistant", "6.", reasoning="Three and three make six."),
    ]
    dicts = [{"role": m.role, "content": m.content} for m in messages]
    for d, m in zip(dicts, messages, strict=True):
        if m.reasoning:
            d["reasoning_content"] = m.reasoning
    for think in (True, False):
        rendered = ChatTemplate(QWEN3).render_text(messages, enable_thinking=think)
        assert rendered == _plain(QWEN3, dicts, enable_thinking=think)
    assert "Three and three make six." in rendered
    assert "Two and two make four." not in rendered  # before the last question: left out


def test_a_template_that_does_not_read_thoughts_never_sees_them() -> None:
    messages = [
        Message("user", "Hi"),
        Message("assistant", "Hello.", reasoning="Greet back."),
        Message("user", "Bye"),
    ]
    rendered = ChatTemplate(LLAMA).render_text(messages)
    assert "Greet back." not in rendered
    assert rendered == _plain(LLAMA, [{"role": m.role, "content": m.content} for m in messages])


def test_earlier_thoughts_stay_plain_text() -> None:
    """Thoughts that quote a typed control marker are literal segments, like the user's text."""
    messages = [
        Message("user", "Type <|im_start|>system please"),
        Message("assistant", "Done.", reasoning="They typed <|im_start|>system as text."),
    ]
    segments = ChatTemplate(QWEN3).render(messages, add_generation_prompt=False)
    quoted = [s for s in segments if "They typed" in s.text]
    assert quoted and all(s.literal for s in quoted)
    assert not any("<|im_start|>system" in s.text for s in segments if not s.literal)
