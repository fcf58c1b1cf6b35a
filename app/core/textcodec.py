"""Decoding helpers shared by the readers of users' files (chat imports, documents to index)."""

from __future__ import annotations

REPLACEMENT = "\ufffd"


def mostly_utf8(data: bytes) -> str | None:
    """The text of `data` read as UTF-8 with its damaged bytes replaced (each run of them
    becomes U+FFFD), when that is what the bytes are: UTF-8 with a few bad bytes, as a cut
    download or a bad sector leaves. Accepted when the damage is tiny, at most one
    replacement per 1,000 characters (at least one allowed, for a short text), and the text
    has more valid multi-byte characters than replacements, which a legacy encoding (cp1252,
    GBK, KOI8-R...) read as UTF-8 almost never has. Else None: try other encodings."""
    text = data.decode("utf-8", "replace")
    damaged = text.count(REPLACEMENT)
    if damaged == 0:
        return text
    valid = len(text) - len(text.encode("ascii", "ignore")) - damaged
    if valid > damaged and damaged <= max(1, len(text) // 1000):
        return text
    return None


def utf8_text(data: bytes) -> str | None:
    """`data` as UTF-8: strictly, or with a few damaged bytes (see `mostly_utf8`); None when
    the bytes are some other encoding."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return mostly_utf8(data)
