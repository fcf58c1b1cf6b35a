"""The CLI's words: core messages in the terminal's language.

`hearth` reads LC_ALL, LC_MESSAGES and LANG once at the start of `main` (LANG=zh_CN.UTF-8 gives
Chinese); every status line and error then goes through `say`. Qt's core, which holds the
translations and the locale's number forms, is imported only when a command runs, so
`import app.cli` stays light.
"""

from __future__ import annotations

from app.core.text import Msg


def use_terminal_language() -> None:
    from app.workers import i18n

    i18n.use_language(i18n.language_from_environment())


def say(message: Msg | str) -> str:
    """`message` in the terminal's language; plain text as it is."""
    from app.workers import i18n

    return i18n.say(message)
