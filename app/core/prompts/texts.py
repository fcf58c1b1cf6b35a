"""What the prompt library and chat templates say to a person (phrases, see `app/core/text.py`)."""

from __future__ import annotations

from app.core.text import QT_TRANSLATE_NOOP, Phrase

TEMPLATE_INVALID = Phrase(
    "prompts.template.invalid",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The model's chat template is broken: it is not valid Jinja ({reason}). "
        "Pick a fallback template to chat with this model.",
    ),
)
TEMPLATE_TOO_SLOW = Phrase(
    "prompts.template.too-slow",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The model's chat template ran longer than {seconds} s and was stopped. "
        "Pick a fallback template to chat with this model.",
    ),
)
TEMPLATE_TOO_BIG = Phrase(
    "prompts.template.too-big",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The model's chat template made more than {chars} characters of text and was stopped. "
        "Pick a fallback template to chat with this model.",
    ),
)
TEMPLATE_FAILED = Phrase(
    "prompts.template.failed", QT_TRANSLATE_NOOP("Messages", "The model's chat template failed.")
)
TEMPLATE_REFUSED = Phrase(
    "prompts.template.refused",
    QT_TRANSLATE_NOOP("Messages", "The model's chat template refused the conversation."),
)
TEMPLATE_UNKNOWN_MESSAGE = Phrase(
    "prompts.template.unknown-message",
    QT_TRANSLATE_NOOP("Messages", "The model's chat template produced an unknown message."),
)
TEMPLATE_REPEATS = Phrase(
    "prompts.template.repeats",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The model's chat template repeats message text, which Hearth cannot render safely. "
        "Pick a fallback template to chat with this model.",
    ),
)
NO_REPLY = Phrase(
    "prompts.no-reply", QT_TRANSLATE_NOOP("Messages", "There is no reply to continue.")
)
NO_FALLBACK = Phrase(
    "prompts.no-fallback",
    QT_TRANSLATE_NOOP(
        "Messages", 'There is no fallback template "{name}". Choose one of: {names}.'
    ),
)
NO_PROMPT = Phrase(
    "prompts.unknown",
    QT_TRANSLATE_NOOP("Messages", 'There is no prompt "{id}". Known prompts: {known}.'),
)
NOT_YOURS = Phrase(
    "prompts.not-yours",
    QT_TRANSLATE_NOOP(
        "Messages", '"{id}" is not one of your own prompts; built-in prompts cannot be deleted.'
    ),
)
UNREADABLE = Phrase("prompts.unreadable", QT_TRANSLATE_NOOP("Messages", "{file}: cannot be read."))
NOT_TOML = Phrase("prompts.not-toml", QT_TRANSLATE_NOOP("Messages", "{file}: not valid TOML."))
INVALID = Phrase(
    "prompts.invalid", QT_TRANSLATE_NOOP("Messages", "{file}: not a valid prompt file.")
)
