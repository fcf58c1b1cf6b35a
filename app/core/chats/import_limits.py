"""The limits an import works within, and the checks that hold a file to them before and while
it is read: size (refused before reading it all), nesting depth (checked in one linear pass,
without recursion, before `json.loads`), counts (chats per file, messages per chat, characters
per message), a wall-clock budget for the whole parse, checked in every loop, and running out
of memory (a clear limit error, not a crash).

Also the decoding of the file's bytes: UTF-8 (with or without a BOM), UTF-16/32 when the file
says so (a BOM, or the NUL pattern JSON allows), UTF-8 with a few damaged bytes replaced
(`app.core.textcodec.utf8_text`: at most one per 1,000 characters), else Windows-1252 and
then Latin-1, as older tools wrote.
Only a file with NUL bytes that is none of these is "not a text file".
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from app.core.chats import import_text as say
from app.core.errors import ChatImportError, ImportLimitExceeded
from app.core.textcodec import utf8_text

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one import may hold. The defaults are far beyond any real export (a ChatGPT
    account with years of chats is tens of MiB) and low enough that a file at the limit fits
    in the time budget and in the memory of an ordinary machine.

    Measured: a 24 MB Hearth export took 6.5 s to read and check and about 280 MB of extra
    memory (parsed JSON and the chats made from it), so a file at the 256 MiB limit takes
    about 70 s and about 3 GB; 512 MiB would have been about 6 GB and over the 120 s budget."""

    max_file_bytes: int = 256 * MIB
    max_depth: int = 64  # JSON nesting; a Hearth export is 7 deep, ChatGPT's about 10
    max_chats: int = 50_000  # per file; the rest are named, not imported
    max_messages: int = 100_000  # per chat; a longer chat is skipped and named
    max_text: int = 4_000_000  # characters per message or system prompt; longer is cut, named
    seconds: float = 120.0  # wall clock for reading and checking the whole file: a 256 MiB
    # file takes about 70 s at the measured 3.7 MB/s (24 MB in 6.5 s)


DEFAULT_LIMITS = Limits()

# Times: seconds since 1970 in UTC. Up to the year 3000, which every platform's localtime()
# can show (Windows' stops at 3000-12-31), so every export can print the date.
MIN_TIME = 0.0
MAX_TIME = 32_503_680_000.0  # 3000-01-01 00:00 UTC
MIN_YEAR, MAX_YEAR = 1970, 3000
MAX_COUNT = 2**53  # token counts: exact as JSON numbers, and fit SQLite's INTEGER


@contextmanager
def memory_limit() -> Iterator[None]:
    """Running out of memory while a file is decoded, parsed or checked becomes the import
    limit error rather than a crash (the memory is freed as the error unwinds)."""
    try:
        yield
    except MemoryError:
        raise ImportLimitExceeded(say.too_large_for_memory()) from None


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
        with path.open("rb") as handle, memory_limit():
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
    with memory_limit():
        return _decode(data, name)


def _decode(data: bytes, name: str) -> str:
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
    # UTF-8, even with a few damaged bytes (each becomes U+FFFD) rather than all of its
    # accents and scripts turned into mojibake.
    utf8 = utf8_text(data)
    if utf8 is not None:
        return utf8
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # every byte is a character: never fails


# What the depth scan skips, in one pass: a string, possessively (once a quote opens one it
# always matches, up to the closing quote or the end of an unterminated one, so no input makes
# the scan retry from every escaped quote), or a run of anything that is neither a quote nor a
# bracket.
_SKIP = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)|[^"\[\]{}]++', re.DOTALL)
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_CHUNK = 1 << 20  # brackets summed between looks at the budget (about 40 ms of work)


def too_deep(text: str, limit: int, budget: Budget | None = None) -> bool:
    """Whether JSON `text` nests more than `limit` arrays and objects, found in one linear
    pass without parsing or recursion: strings and everything else but brackets are cut out,
    then the depth is the running sum of +1 for each opening bracket and -1 for each closing
    one, stopping at the first stretch that goes past `limit`. Brackets that do not match
    (json.loads then says what is wrong) stop the parse before any nesting after them.
    `budget`, when given, is checked every million brackets."""
    if budget is not None:
        budget.check()
    brackets = _SKIP.sub("", text)
    depth = 0
    for start in range(0, len(brackets), _CHUNK):
        if budget is not None:
            budget.check()
        chunk = brackets[start : start + _CHUNK]
        sums = list(accumulate(map(_STEP.__getitem__, chunk), initial=depth))
        if max(sums) > limit:
            return True
        depth = sums[-1]
    return False


def parse_json(text: str, limits: Limits, budget: Budget) -> object:
    """`json.loads` held to the depth limit; every failure is a ChatImportError."""
    with memory_limit():
        if too_deep(text, limits.max_depth, budget):
            raise ImportLimitExceeded(say.too_deep(limits.max_depth))
        budget.check()
        data = _loads(text, limits)
    budget.check()
    return data


def _loads(text: str, limits: Limits) -> object:
    try:
        return json.loads(text)
    except RecursionError:  # unbalanced nesting the scan let through
        raise ImportLimitExceeded(say.too_deep(limits.max_depth)) from None
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _jsonl(text):
            raise ChatImportError(say.jsonl()) from None
        raise ChatImportError(say.not_json(f"line {exc.lineno}: {exc.msg}")) from None  # json's
    except ValueError as exc:  # e.g. a number with more digits than Python converts
        raise ChatImportError(say.not_json(str(exc).rstrip("."))) from None


def _jsonl(text: str) -> bool:
    """Whether `text` is JSON lines of chat messages: its first line a {"messages": [...]}."""
    first = text.lstrip().split("\n", 1)[0]
    try:
        value = json.loads(first)
    except ValueError:
        return False
    return isinstance(value, dict) and isinstance(value.get("messages"), list)
