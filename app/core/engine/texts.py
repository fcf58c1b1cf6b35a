"""What the engine says to a person: load failures, prompts that do not fit, engine crashes.

Phrases only (see `app/core/text.py`); the window and the CLI translate them where they are shown.
"""

from __future__ import annotations

from app.core.text import QT_TRANSLATE_NOOP, Phrase

LOAD_FAILED = Phrase(
    "engine.load-failed",
    QT_TRANSLATE_NOOP(
        "Messages",
        "llama.cpp could not load {file}. The file may be damaged or use an architecture this "
        "build does not support.",
    ),
)
NO_MODEL = Phrase(
    "engine.no-model", QT_TRANSLATE_NOOP("Messages", "No model is loaded. Choose a model first.")
)
TEXT_TOO_LONG = Phrase(
    "engine.text-too-long",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The text is {tokens} tokens; only {budget} fit with room for the continuation. "
        "Shorten it or raise the context length.",
    ),
)
BASE_MODEL = Phrase(
    "engine.base-model",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{model} is a base model: it has no chat template, so it continues text instead of "
        "chatting. Use completion, or pick a fallback template.",
    ),
)
BASE_MODEL_UNNAMED = Phrase(
    "engine.base-model-unnamed",
    QT_TRANSLATE_NOOP(
        "Messages",
        "This model is a base model: it has no chat template, so it continues text instead "
        "of chatting. Use completion, or pick a fallback template.",
    ),
)
UNREADABLE_LENGTH = Phrase(
    "engine.unreadable-length",
    QT_TRANSLATE_NOOP(
        "Messages", "The text is longer than this model can read at once. Shorten it."
    ),
)
MESSAGE_TOO_LONG = Phrase(
    "engine.message-too-long",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The message is too long for this model's context: the prompt needs {tokens} tokens "
        "and only {budget} are free after leaving room for the answer. Shorten the message, "
        "lower max tokens, or raise the context length.",
    ),
)
CRASHED_LOADING = Phrase(
    "engine.crashed-loading",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The engine crashed while loading {file}. The file may be damaged or unsupported; try "
        "another model.",
    ),
)
CRASHED_ANSWERING = Phrase(
    "engine.crashed-answering",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The engine stopped unexpectedly. The partial answer was kept; the next message starts "
        "a fresh engine.",
    ),
)
STOPPED = Phrase(
    "engine.stopped", QT_TRANSLATE_NOOP("Messages", "The engine stopped unexpectedly.")
)
