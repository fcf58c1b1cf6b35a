"""Read a file's text: plain text (encoding detected), Markdown, code, HTML; PDF, DOCX and EPUB
through `extract_docs`. Anything that cannot be read raises `FileSkipped` with the reason.

This runs inside the reader sandbox (`reader.py`), which adds the time and memory limits.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import FileSkipped
from app.core.rag import texts
from app.core.rag.types import Section
from app.core.text import Size
from app.core.textcodec import utf8_text

MARKDOWN = frozenset({".md", ".markdown", ".mdown", ".mkd"})
PLAIN = frozenset({".txt", ".text", ".rst", ".adoc", ".org", ".tex", ".log", ".csv", ".tsv"})
_CODE_WORDS = (
    ".py .pyi .js .jsx .ts .tsx .mjs .java .kt .kts .scala .c .h .cc .cpp .hpp .cs .go "
    ".rs .rb .php .swift .m .mm .lua .r .jl .sh .bash .zsh .ps1 .bat .sql .css .scss "
    ".json .yaml .yml .toml .ini .cfg .conf .xml .gradle .cmake .dart .ex .exs .hs .ml "
    ".clj .vue .svelte"
)
CODE = frozenset(_CODE_WORDS.split())
HTML = frozenset({".html", ".htm", ".xhtml"})
DOCUMENTS = frozenset({".pdf", ".docx", ".epub"})
# Text files without a suffix that people keep with their documents.
NAMED = frozenset({"readme", "license", "changelog", "makefile", "dockerfile", "notes", "todo"})


@dataclass(frozen=True)
class Limits:
    """How much one file may cost. The sandbox enforces the time and memory; the readers
    check sizes before they read."""

    text_bytes: int = 20 * 1024 * 1024
    document_bytes: int = 200 * 1024 * 1024
    unzipped_bytes: int = 300 * 1024 * 1024
    zip_ratio: int = 200
    seconds: float = 60.0
    memory_bytes: int = 2 * 1024 * 1024 * 1024


DEFAULT_LIMITS = Limits()


def kind_of(path: Path) -> str | None:
    """ "markdown", "text", "code", "html", "pdf", "docx", "epub", or None (not a document)."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN:
        return "markdown"
    if suffix in PLAIN or (not suffix and path.name.lower() in NAMED):
        return "text"
    if suffix in CODE:
        return "code"
    if suffix in HTML:
        return "html"
    if suffix in DOCUMENTS:
        return suffix[1:]
    return None


def extract(path: Path, kind: str, limits: Limits = DEFAULT_LIMITS) -> list[Section]:
    """The file's text as sections; raises `FileSkipped` with a reason a user can act on."""
    size = _size(path)
    budget = limits.document_bytes if kind in ("pdf", "docx", "epub") else limits.text_bytes
    if size == 0:
        raise FileSkipped(texts.EMPTY())
    if size > budget:
        raise FileSkipped(texts.TOO_LARGE(size=Size(size), limit=Size(budget)))
    if kind in ("pdf", "docx", "epub"):
        from app.core.rag import extract_docs

        sections = extract_docs.READERS[kind](path, limits)
    elif kind == "html":
        sections = [html_section(decode_text(_read(path)))]
    else:
        text = decode_text(_read(path))
        sections = [Section(text, markdown=kind == "markdown")]
    sections = [s for s in sections if s.text.strip()]
    if not sections:
        raise FileSkipped(texts.NO_TEXT())
    return sections


def decode_text(data: bytes) -> str:
    """Bytes to text. In order: UTF-8/UTF-16 by their marks; UTF-8; UTF-8 with a few damaged
    bytes (at most one per 1,000 characters, see `mostly_utf8`), kept as UTF-8 with U+FFFD for
    them; Western European (cp1252) when that reading looks like text in one Western language
    or English with typographic quotes, dashes and symbols; the encoding
    charset_normalizer finds (CJK, Cyrillic, Greek, Central European...), Western first
    among equally good guesses; else the most plausible single-byte reading. Binary data
    (NUL bytes, or no encoding fits) raises `FileSkipped`."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise FileSkipped(texts.BINARY())
    utf8 = utf8_text(data)
    if utf8 is not None:
        return utf8
    sample = data[: 4 * 1024 * 1024]
    western = _western(sample)
    if western:
        return data.decode(western, errors="replace")
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if matches:
        # The least chaotic guess can be a near neighbour (Baltic for French); among guesses
        # about as clean, the one that reads most like a language wins, Western on a tie.
        least = min(m.percent_chaos for m in matches)
        best = max(
            (m for m in matches if m.percent_chaos <= least + 10),
            key=lambda m: (m.percent_coherence, m.encoding in _WESTERN_NAMES),
        )
        return data.decode(best.encoding, errors="replace")
    scored = [(s, enc) for enc in _SINGLE_BYTE if (s := _plausibility(sample, enc)) is not None]
    if not scored:
        raise FileSkipped(texts.UNKNOWN_ENCODING())
    return data.decode(max(scored)[1], errors="replace")


# The accented letters of Western European languages, one set per language. Text decoded as
# cp1252 counts as Western only when all its accented letters fit one of them: French read as
# Central European (cp1250) turns "crème" into "crčme", and Czech read as Western mixes ø with
# í and ý, which no Western language does.
_WESTERN_LETTERS = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüßéè",  # German
        "áéíóúñüï",  # Spanish
        "áâãàçéêíóôõúü",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "áéíóúàèëïöüç",  # Dutch
        "àèéíïòóúüç",  # Catalan
        "æøåéóüäö",  # Danish, Norwegian
        "åäöéü",  # Swedish, Finnish
        "áðéíóúýþæö",  # Icelandic
    )
)
_WESTERN_MARKS = frozenset("“”‘’„‚–—…•€£¥¢©®™°±§¶·«»‹›¡¿×÷\xa0\xadªº²³¹µ¼½¾")
_WESTERN_NAMES = frozenset({"cp1252", "latin_1", "iso8859_15", "iso8859_1"})
_SINGLE_BYTE = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "koi8_r")


def _western(data: bytes) -> str | None:
    """ "cp1252" when the bytes read as cp1252 give text in one Western language: few
    accented letters (under 30 % of the letters), all from one language's set, or none and
    only a few typographic marks (’ “ ” – — … € •, under 30 % of the letters: English), and
    no symbol inside a word but an apostrophe (’ in "it’s"); else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    accented: set[str] = set()
    letters = wide = marks = 0
    previous = " "
    for index, char in enumerate(text):
        if char.isascii():
            if char.isalpha():
                letters += 1
            previous = char
            continue
        if char.isalpha():
            letters += 1
            wide += 1
            accented.add(char.lower())
        elif char in _WESTERN_MARKS:
            marks += 1
            following = text[index + 1] if index + 1 < len(text) else " "
            if previous.isalpha() and following.isalpha() and char not in "’·\xad":
                return None  # "Za¿ó³æ": a symbol inside a word is a letter of another script
        else:
            return None  # a control character, or a symbol no Western text uses
        previous = char
    if not accented:  # English (or any Western text) with only typographic marks
        return "cp1252" if 0 < marks <= 0.3 * letters else None
    if wide > 0.3 * letters:
        return None
    if not any(accented <= language for language in _WESTERN_LETTERS):
        return None
    return "cp1252"


def _plausibility(data: bytes, encoding: str) -> float | None:
    """How much the bytes read as `encoding` look like words: non-ASCII letters count for,
    symbols and control characters inside words and words that mix scripts count against.
    None when the bytes do not decode at all."""
    import unicodedata

    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    score = 0.0
    for word in text.split():
        scripts = set()
        for char in word:
            if char.isascii():
                if char.isalpha():
                    scripts.add("LATIN")
                continue
            if char.isalpha():
                scripts.add(unicodedata.name(char, "?").split()[0])
                score += 1
            elif unicodedata.category(char).startswith("C"):
                score -= 5
            elif unicodedata.category(char)[0] in "SP" and not unicodedata.category(
                char
            ).startswith("P"):
                score -= 2
        if len(scripts) > 1:
            score -= 3 * len(word)
    return score


def html_section(markup: str) -> Section:
    """An HTML page as Markdown-like text: headings marked with #, blocks on their own lines,
    scripts, styles and navigation dropped."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node is not None else ""
    title = title or ""
    for node in tree.css("script, style, noscript, template, nav, svg, head"):
        node.decompose()
    for node in tree.css("h1, h2, h3, h4, h5, h6"):
        node.insert_before("\n\n" + "#" * int(str(node.tag)[1]) + " ")
        node.insert_after("\n\n")
    for node in tree.css("p, li, br, div, tr, pre, blockquote, dt, dd, section, article"):
        node.insert_after("\n")
    root = tree.body or tree.root
    text = root.text(separator="") if root is not None else ""
    return Section(_tidy(text), title=title, markdown=True)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError as exc:
        raise FileSkipped(texts.UNREADABLE(detail=str(exc.strerror or exc))) from exc


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileSkipped(texts.UNREADABLE(detail=str(exc.strerror or exc))) from exc
