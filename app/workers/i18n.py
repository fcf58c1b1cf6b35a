"""The user's language for core's messages, shared by the window and the CLI.

`use_language("zh_CN")` loads Hearth's and Qt's own translations; `say(msg)` then gives a core
`Msg` in that language, with numbers, sizes and dates in the locale's forms (`QLocale`). The
window installs the same translators on the application (so each widget's `tr()` follows) and
calls `use_language` on every switch; the CLI calls it once with the language of `LANG`.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

from app.core.paths import resources_dir
from app.core.text import CONTEXT, Msg, duration_words

LANGUAGES = ("en", "zh_CN")

_translators: list[QTranslator] = []


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def language_of(name: str) -> str:
    """The Hearth language for a locale name ("zh_CN.UTF-8", "zh-Hans", "en_GB"): zh_CN or en."""
    return "zh_CN" if name.lower().startswith("zh") else "en"


def current_language() -> str:
    """The language `say` and the widgets speak now ("zh_CN" or "en"): `use_language` sets
    QLocale's default on every switch."""
    return language_of(QLocale().name())


def language_from_environment() -> str:
    """What the terminal asks for, as POSIX reads it: LC_ALL, then LC_MESSAGES, then LANG."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return language_of(value)
    return "en"


def load_translators(language: str, parent: QCoreApplication | None = None) -> list[QTranslator]:
    """Qt's own and Hearth's translators for `language` (none for English)."""
    if language == "en":
        return []
    found = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = translations_dir()
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"hearth_{language}", ours)):
        translator = QTranslator(parent)
        if translator.load(name, folder):
            found.append(translator)
    return found


def use_language(language: str, translators: list[QTranslator] | None = None) -> None:
    """Make `language` the one `say` speaks (and the default QLocale)."""
    _translators[:] = load_translators(language) if translators is None else translators
    QLocale.setDefault(QLocale(language))
    global _words
    _words = _LocaleWords()


class _LocaleWords:
    """`app.core.text.Words` in the language now in use."""

    def __init__(self) -> None:
        self.locale = QLocale()
        self._seen: dict[str, str] = {}

    def translate(self, text: str) -> str:
        known = self._seen.get(text)
        if known is None:
            known = next(
                (found for t in reversed(_translators) if (found := t.translate(CONTEXT, text))),
                text,
            )
            self._seen[text] = known
        return known

    def integer(self, value: int) -> str:
        return self.locale.toString(value)

    def decimal(self, value: float, places: int) -> str:
        return self.locale.toString(float(value), "f", places)

    def size(self, value: int) -> str:
        return self.locale.formattedDataSize(value, 1, QLocale.DataSizeFormat.DataSizeSIFormat)

    def duration(self, seconds: float) -> str:
        return duration_words(seconds, self.translate)

    def moment(self, timestamp: float) -> str:
        when = QDateTime.fromSecsSinceEpoch(int(timestamp))
        return self.locale.toString(when, QLocale.FormatType.ShortFormat)


_words = _LocaleWords()


def say(message: Msg | str) -> str:
    """`message` in the user's language; a plain string is shown as it is."""
    if isinstance(message, str):
        return message
    return message.render(_words)


def size_text(n: int) -> str:
    return _words.size(n)


def count_text(n: int) -> str:
    return _words.integer(n)


def duration_text(seconds: float) -> str:
    return _words.duration(seconds)


def moment_text(timestamp: float) -> str:
    return _words.moment(timestamp)
