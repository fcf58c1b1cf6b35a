"""The limits an import works within, and the checks that hold a file to them before and while
it is read: size (refused before reading it all), nesting depth (checked without recursion
before `json.loads`), counts (chats per file, messages per chat, characters per message) and a
wall-clock budget for the whole parse, checked in every loop.

Also the decoding of the file's bytes: UTF-8 (with or without a BOM), UTF-16/32 when the file
says so (a BOM, or the NUL pattern JSON allows), UTF-8 with a few damaged bytes replaced when
most of its non-ASCII text is UTF-8, else Windows-1252 and then Latin-1, as older tools wrote.
Only a file with NUL bytes that is none of these is "not a text file".
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from app.core.chats import import_text as say
from app.core.errors import ChatImportError, ImportLimitExceeded

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one import may hold. The defaults are far beyond any real export (a ChatGPT
    account with years of chats is tens of MiB) and low enough that no file can make Hearth
    run out of memory or time."""

    max_file_bytes: int = 512 * MIB
    max_depth: int = 64  # JSON nesting; a Hearth export is 7 deep, ChatGPT's about 10
    max_chats: int = 50_000  # per file; the rest are named, not imported
    max_messages: int = 100_000  # per chat; a longer chat is skipped and named
    max_text: int = 4_000_000  # characters per message or system prompt; longer is cut, named
    seconds: float = 120.0  # wall clock for reading and checking the whole file; a 512 MiB
    # file takes about 50 s on a slow two-core machine (about 11 MB/s), so this is twice that


DEFAULT_LIMITS = Limits()

# Times: seconds since 1970 in UTC. Up to the year 3000, which every platform's localtime()
# can show (Windows' stops at 3000-12-31), so every export can print the date.
MIN_TIME = 0.0
MAX_TIME = 32_503_680_000.0  # 3000-01-01 00:00 UTC
MIN_YEAR, MAX_YEAR = 1970, 3000
MAX_COUNT = 2**53  # token counts: exact as JSON numbers, and fit SQLite's INTEGER


class Budget:
    """The wall-clock budget of one import; `check()` raises once it is spent."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._deadline = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() >= self._deadline:
            raise ImportLimitExceeded(say.too_slow(self.seconds))


def read_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, refused before reading when it is too large or not a regular file
    (a FIFO would block, /dev/zero never ends)."""
    name = path.name or str(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ChatImportError(say.not_a_regular_file(name))
        if info.st_size > limits.max_file_bytes:
            raise ImportLimitExceeded(say.too_large(name, info.st_size, limits.max_file_bytes))
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)  # a file that grew meanwhile
    except OSError as exc:
        raise ChatImportError(say.cannot_read(name, exc.strerror or str(exc))) from exc
    if len(data) > limits.max_file_bytes:
        raise ImportLimitExceeded(say.too_large(name, len(data), limits.max_file_bytes))
    return data


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str) -> str:
    """The text of an import file (see the module's notes for the order tried)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    else:
        wide = [enc for bom, enc in _WIDE_BOMS if data.startswith(bom)]
        if not wide and data[:4].count(0):
            wide = [json.detect_encoding(data)]  # UTF-16/32 without a BOM, as JSON allows
        if wide:
            try:  # a lone surrogate passes (and is made "?" with every other one later)
                text = data.decode(wide[0], "surrogatepass")
            except UnicodeDecodeError:
                text = ""
            if text.lstrip()[:1] in ("{", "["):
                return text
    if 0 in data:
        raise ChatImportError(say.not_a_text_file(name))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few damaged bytes: keep the UTF-8 (a damaged byte becomes U+FFFD)
    # rather than turning all of its accents and scripts into mojibake.
    text = data.decode("utf-8", "replace")
    damaged = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii - damaged > damaged:
        return text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # every byte is a character: never fails


# A string, possessively: once a quote opens one it always matches (up to the closing quote, or
# the end of an unterminated one), so no input makes the scan retry from every escaped quote.
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")


def too_deep(text: str, limit: int) -> bool:
    """Whether JSON `text` nests more than `limit` arrays and objects, found without parsing or
    recursion: strings are cut out, then each pass removes the innermost pairs of brackets,
    so the number of passes is the depth. Unbalanced brackets stop it early (json.loads then
    says what is wrong)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _ in range(limit):
        if not brackets:
            return False
        shorter = _INNERMOST.sub("", brackets)
        if len(shorter) == len(brackets):
            return False
        brackets = shorter
    return bool(brackets)


def parse_json(text: str, limits: Limits, budget: Budget) -> object:
    """`json.loads` held to the depth limit; every failure is a ChatImportError."""
    if too_deep(text, limits.max_depth):
        raise ImportLimitExceeded(say.too_deep(limits.max_depth))
    budget.check()
    try:
        data = json.loads(text)
    except RecursionError:  # unbalanced nesting the scan let through
        raise ImportLimitExceeded(say.too_deep(limits.max_depth)) from None
    except json.JSONDecodeError as exc:
        raise ChatImportError(say.not_json(f"line {exc.lineno}: {exc.msg}")) from None
    except ValueError as exc:  # e.g. a number with more digits than Python converts
        raise ChatImportError(say.not_json(str(exc).rstrip("."))) from None
    budget.check()
    return data
