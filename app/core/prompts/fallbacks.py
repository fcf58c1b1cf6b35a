"""Chat templates a user can pick for a model whose GGUF has none (a base model).

A base model was never trained on these turns, so Hearth runs it as plain completion by default
and only uses one of these when the user asks for it explicitly.
"""

from __future__ import annotations

from app.core.errors import TemplateError
from app.core.prompts.texts import NO_FALLBACK

FALLBACK_TEMPLATES: dict[str, str] = {
    "chatml": (
        "{% for message in messages %}"
        "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
        "{% endfor %}"
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
    ),
    "gemma": (
        "{{ bos_token }}"
        "{% for message in messages %}"
        "{% set role = 'model' if message['role'] == 'assistant' else 'user' %}"
        "{{ '<start_of_turn>' + role + '\\n' + message['content'] + '<end_of_turn>\\n' }}"
        "{% endfor %}"
        "{% if add_generation_prompt %}{{ '<start_of_turn>model\\n' }}{% endif %}"
    ),
    "plain": (
        "{% for message in messages %}"
        "{% if message['role'] == 'system' %}{{ message['content'] + '\\n\\n' }}"
        "{% elif message['role'] == 'user' %}{{ 'User: ' + message['content'] + '\\n' }}"
        "{% else %}{{ 'Assistant: ' + message['content'] + '\\n' }}{% endif %}"
        "{% endfor %}"
        "{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}"
    ),
}


def fallback_template(name: str) -> str:
    try:
        return FALLBACK_TEMPLATES[name]
    except KeyError:
        names = ", ".join(sorted(FALLBACK_TEMPLATES))
        raise TemplateError(NO_FALLBACK(name=name, names=names)) from None
