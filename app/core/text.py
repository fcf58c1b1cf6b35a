"""Words for people, kept as message ids with arguments until they are shown.

Core never hands a finished English sentence to the window or the terminal. It hands a `Msg`:
a `Phrase` from the catalog (an id and its English wording), the arguments, and optionally a
*detail*, a library's own message (PDFium's, SQLite's) kept after the sentence as it came.
The window and the CLI translate the phrase and format the arguments for the user's locale
(`app/workers/i18n.py`); `str(msg)` is the English text, for logs and for tests.

A phrase is declared where its module needs it, always in this form, so that lupdate finds the
English text and puts it in the translation file under the "Messages" context:

    EMPTY = Phrase("rag.skip.empty", QT_TRANSLATE_NOOP("Messages", "The file is empty."))
    FILES = Phrase(
        "rag.files",
        QT_TRANSLATE_NOOP("Messages", "{n} file"),
        QT_TRANSLATE_NOOP("Messages", "{n} files"),
    )  # the second form is the English plural, picked when the count argument `n` is not 1

    raise FileSkipped(EMPTY())
    DONE(n=3, size=Size(4_200_000))

Arguments are `str`, `int` (shown with the locale's digit grouping), `float` (up to two
decimals), `Size` (bytes, in kB/MB/GB), `Seconds` (a duration in words), `Decimal` (a number
with fixed decimals), `When` (a date and time) or another `Msg` (translated too).

What goes to disk is `to_json()`: the id, the English wording and the arguments, so a reason
recorded in English shows in Chinese after a language switch. `from_json` reads it back and
takes a plain string (an old row) as it is.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, Union

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Size:
    """A size in bytes, shown as "98.2 MB"."""

    bytes: int


@dataclass(frozen=True)
class Seconds:
    """A duration, shown as "12 s", "3 min", "1 h 20 min"."""

    value: float


@dataclass(frozen=True)
class Decimal:
    """A number shown with a fixed count of decimals ("0.70", "12.5")."""

    value: float
    places: int = 1


@dataclass(frozen=True)
class When:
    """A moment (Unix time), shown as the locale's short date and time."""

    timestamp: float


Arg = Union[str, int, float, Size, Seconds, Decimal, When, "Msg"]

_REGISTRY: dict[str, Phrase] = {}
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Phrase:
    """One catalog entry: a stable id and its English wording (with an optional plural)."""

    id: str
    text: str
    plural: str = ""
    count: str = "n"

    def __post_init__(self) -> None:
        known = _REGISTRY.get(self.id)
        if known is not None and known != self:
            raise ValueError(f"phrase id {self.id!r} is declared twice with different words")
        _REGISTRY[self.id] = self

    def __call__(self, detail: str = "", **args: Arg) -> Msg:
        return Msg(self, args, detail.strip())

    def wording(self, args: Mapping[str, Arg]) -> str:
        """The English template for these arguments (the plural form where the count is not 1)."""
        if self.plural and args.get(self.count) != 1:
            return self.plural
        return self.text

    def fields(self) -> set[str]:
        return set(_FIELD.findall(self.text)) | set(_FIELD.findall(self.plural))


def phrase(phrase_id: str) -> Phrase | None:
    """The phrase with this id, if its module has been imported."""
    return _REGISTRY.get(phrase_id)


def phrases() -> list[Phrase]:
    """Every phrase declared so far (tests import every module first)."""
    return list(_REGISTRY.values())


# Durations, in both the English words below and the window's.
SECONDS = Phrase("time.seconds", QT_TRANSLATE_NOOP("Messages", "{n} s"))
MINUTES = Phrase("time.minutes", QT_TRANSLATE_NOOP("Messages", "{n} min"))
HOURS = Phrase("time.hours", QT_TRANSLATE_NOOP("Messages", "{h} h {m} min"))


def duration_words(seconds: float, translate: Callable[[str], str]) -> str:
    """ "12 s", "3 min", "1 h 20 min" in the language `translate` gives."""
    s = max(0, round(seconds))
    if s < 60:
        return translate(SECONDS.text).format(n=s)
    if s < 3600:
        return translate(MINUTES.text).format(n=round(s / 60))
    return translate(HOURS.text).format(h=s // 3600, m=(s % 3600) // 60)


# The text a Msg without a phrase carries: an old row, or a name shown as it is.
AS_IS = Phrase("text.as-is", "{text}")
# A library's own message after Hearth's sentence.
WITH_DETAIL = Phrase("text.with-detail", QT_TRANSLATE_NOOP("Messages", "{text} ({detail})"))


# Messages put together: sentences one after another (no space in Chinese), parts of a status
# line between dots, problems one under the other.
SENTENCES = Phrase("text.sentences", QT_TRANSLATE_NOOP("Messages", "{first} {then}"))
DOTS = Phrase("text.dots", QT_TRANSLATE_NOOP("Messages", "{first} · {then}"))
LINES = Phrase("text.lines", QT_TRANSLATE_NOOP("Messages", "{first}\n{then}"))


def together(messages: Sequence[Msg], glue: Phrase = SENTENCES) -> Msg:
    """`messages` as one message joined by `glue` (SENTENCES, DOTS or LINES), each part still
    translated where it is shown."""
    if not messages:
        return Msg.plain("")
    result = messages[0]
    for message in messages[1:]:
        result = glue(first=result, then=message)
    return result


@dataclass(frozen=True)
class Msg:
    """A phrase with its arguments, not yet in any language."""

    phrase: Phrase
    args: Mapping[str, Arg] = field(default_factory=dict)
    detail: str = ""

    @staticmethod
    def plain(text: str) -> Msg:
        """Text shown as it is, in every language (an old stored reason, a library message)."""
        return Msg(AS_IS, {"text": text})

    @property
    def id(self) -> str:
        return self.phrase.id

    def render(self, words: Words | None = None) -> str:
        """The text in the language of `words` (English when None)."""
        words = words or ENGLISH
        template = self.phrase.wording(self.args)
        if self.phrase is not AS_IS:
            template = words.translate(template)
        values = {name: _show(value, words) for name, value in self.args.items()}
        if _REGISTRY.get(self.id) is self.phrase:
            text = _fill(template, values, self.phrase.wording(self.args))
        else:  # wording read from a file (an import, a newer Hearth): never `str.format`
            text = _substitute(template, values)
        if not self.detail:
            return text
        joined = words.translate(WITH_DETAIL.text)
        return _fill(joined, {"text": text, "detail": self.detail}, WITH_DETAIL.text)

    def __str__(self) -> str:
        return self.render()

    def to_json(self) -> str:
        return json.dumps(self.to_data(), ensure_ascii=False, separators=(",", ":"))

    def to_data(self) -> dict[str, object]:
        data: dict[str, object] = {"id": self.id, "text": self.phrase.text}
        if self.phrase.plural:
            data["plural"] = self.phrase.plural
        data["args"] = {name: _dump(value) for name, value in self.args.items()}
        if self.detail:
            data["detail"] = self.detail
        return data

    @staticmethod
    def from_json(stored: str | None) -> Msg:
        """A Msg stored by `to_json`; any other text (an old row) comes back as it is."""
        if not stored:
            return Msg.plain("")
        if stored.startswith("{"):
            try:
                return Msg.from_data(json.loads(stored))
            except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
                pass
        return Msg.plain(stored)

    @staticmethod
    def from_data(data: Mapping[str, object]) -> Msg:
        phrase_id = str(data["id"])
        known = _REGISTRY.get(phrase_id)
        if known is None:
            # A phrase this version no longer declares: its stored wording still reads right.
            known = Phrase.__new__(Phrase)
            object.__setattr__(known, "id", phrase_id)
            object.__setattr__(known, "text", str(data["text"]))
            object.__setattr__(known, "plural", str(data.get("plural", "")))
            object.__setattr__(known, "count", "n")
        raw_args = data.get("args") or {}
        if not isinstance(raw_args, Mapping):
            raise TypeError("args must be an object")
        args = {str(name): _load(value) for name, value in raw_args.items()}
        return Msg(known, args, str(data.get("detail", "")))


class Words(Protocol):
    """A language: translates catalog wording and formats numbers, sizes and times."""

    def translate(self, text: str) -> str: ...
    def integer(self, value: int) -> str: ...
    def decimal(self, value: float, places: int) -> str: ...
    def size(self, value: int) -> str: ...
    def duration(self, seconds: float) -> str: ...
    def moment(self, timestamp: float) -> str: ...


class English:
    """The catalog's own language, with no Qt: for logs, tests and `str()`."""

    def translate(self, text: str) -> str:
        return text

    def integer(self, value: int) -> str:
        return f"{value:,}"

    def decimal(self, value: float, places: int) -> str:
        return f"{value:,.{places}f}"

    def size(self, value: int) -> str:
        if abs(value) < 1000:
            return f"{value} bytes"
        amount = float(value)
        for unit in ("kB", "MB", "GB", "TB", "PB"):
            amount /= 1000
            if abs(amount) < 999.95 or unit == "PB":
                return f"{amount:.1f} {unit}"
        return f"{value} bytes"  # pragma: no cover - the loop always returns

    def duration(self, seconds: float) -> str:
        return duration_words(seconds, self.translate)

    def moment(self, timestamp: float) -> str:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))


ENGLISH = English()


def _show(value: Arg, words: Words) -> str:
    if isinstance(value, Msg):
        return value.render(words)
    if isinstance(value, bool | str):
        return str(value)
    if isinstance(value, int):
        return words.integer(value)
    if isinstance(value, float):
        text = words.decimal(value, 2)
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, Size):
        return words.size(value.bytes)
    if isinstance(value, Seconds):
        return words.duration(value.value)
    if isinstance(value, Decimal):
        return words.decimal(value.value, value.places)
    return words.moment(value.timestamp)


def _substitute(template: str, values: Mapping[str, str]) -> str:
    """`{name}` fields filled by plain substitution: stored wording from a file (an import, an
    old row) never reaches `str.format`, so "{a:>300000000}" stays text."""
    return _FIELD.sub(lambda found: values.get(found.group(1), found.group(0)), template)


def _fill(template: str, values: Mapping[str, str], fallback: str) -> str:
    """`template` with its fields filled; a translation that names a field the arguments lack
    falls back to the English wording rather than failing where the user reads it."""
    for attempt in (template, fallback):
        try:
            return attempt.format_map(values)
        except (KeyError, IndexError, ValueError):
            continue
    return fallback


def _dump(value: Arg) -> object:
    if isinstance(value, Msg):
        return {"msg": value.to_data()}
    if isinstance(value, Size):
        return {"size": value.bytes}
    if isinstance(value, Seconds):
        return {"seconds": value.value}
    if isinstance(value, Decimal):
        return {"decimal": value.value, "places": value.places}
    if isinstance(value, When):
        return {"when": value.timestamp}
    return value


def _load(value: object) -> Arg:
    if isinstance(value, str | int | float):
        return value
    if isinstance(value, Mapping):
        if "msg" in value:
            return Msg.from_data(value["msg"])
        if "size" in value:
            return Size(int(value["size"]))
        if "seconds" in value:
            return Seconds(float(value["seconds"]))
        if "decimal" in value:
            return Decimal(float(value["decimal"]), min(6, max(0, int(value.get("places", 1)))))
        if "when" in value:
            return When(float(value["when"]))
    return str(value)


def matching(text: str, candidates: list[Phrase]) -> Msg | None:
    """The Msg whose English wording produced `text`, if one of `candidates` did: how an old
    row written in English becomes an id with arguments. Arguments come back as strings."""
    for candidate in candidates:
        for wording in filter(None, (candidate.text, candidate.plural)):
            pattern = _pattern(wording)
            found = pattern.fullmatch(text.strip())
            if found:
                return Msg(candidate, dict(found.groupdict()))
    return None


def _pattern(wording: str) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    last = 0
    for found in _FIELD.finditer(wording):
        parts.append(re.escape(wording[last : found.start()]))
        name = found.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        last = found.end()
    parts.append(re.escape(wording[last:]))
    return re.compile("".join(parts), re.DOTALL)
