"""Local documents in words: a collection's summary, an indexing run's progress.

Each text is a message (`app/core/text.py`) built from the numbers core reports and spoken in
the language in use (`i18n.say`): the widgets build it again on every language switch, so
counts, plurals and dates follow the new language too.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QDateTime, QLocale

from app.core.rag.eta import eta_words
from app.core.rag.types import CollectionStatus, IndexProgress
from app.core.text import DOTS, QT_TRANSLATE_NOOP, Msg, Phrase, When, together
from app.workers import i18n

# File types offered in the "Add files" dialog (everything the readers take is indexed
# when it sits in a folder; this list is only the dialog's filter).
FILE_PATTERNS = (
    "*.pdf *.docx *.epub *.md *.markdown *.txt *.rst *.html *.htm *.tex *.csv *.json *.yaml "
    "*.yml *.toml *.py *.js *.ts *.java *.c *.h *.cpp *.go *.rs *.rb *.sh *.sql"
)

FILES = Phrase(
    "ui.documents.files",
    QT_TRANSLATE_NOOP("Messages", "{n} file"),
    QT_TRANSLATE_NOOP("Messages", "{n} files"),
)
PASSAGES = Phrase(
    "ui.documents.passages",
    QT_TRANSLATE_NOOP("Messages", "{n} passage"),
    QT_TRANSLATE_NOOP("Messages", "{n} passages"),
)
SKIPPED = Phrase("ui.documents.skipped", QT_TRANSLATE_NOOP("Messages", "{n} skipped"))
FIRST_UNFINISHED = Phrase(
    "ui.documents.first-unfinished", QT_TRANSLATE_NOOP("Messages", "first indexing not finished")
)
NOT_INDEXED = Phrase("ui.documents.not-indexed", QT_TRANSLATE_NOOP("Messages", "not indexed yet"))
INDEXED = Phrase("ui.documents.indexed", QT_TRANSLATE_NOOP("Messages", "indexed {when}"))
TODAY = Phrase("ui.documents.today", QT_TRANSLATE_NOOP("Messages", "today {time}"))
TO_FINISH = Phrase(
    "ui.documents.to-finish",
    QT_TRANSLATE_NOOP("Messages", "{n} file to finish"),
    QT_TRANSLATE_NOOP("Messages", "{n} files to finish"),
)
OF_FILES = Phrase(
    "ui.documents.of-files",
    QT_TRANSLATE_NOOP("Messages", "{done} of {n} file"),
    QT_TRANSLATE_NOOP("Messages", "{done} of {n} files"),
)
LOOKING = Phrase(
    "ui.documents.looking", QT_TRANSLATE_NOOP("Messages", "Looking for new and changed files…")
)
PAUSED_AT = Phrase(
    "ui.documents.paused-at",
    QT_TRANSLATE_NOOP("Messages", "Paused at {done}. What is indexed can be searched already."),
)
CANCELLED_AT = Phrase(
    "ui.documents.cancelled-at",
    QT_TRANSLATE_NOOP("Messages", "Cancelled at {done}; what was indexed is kept."),
)
UP_TO_DATE = Phrase(
    "ui.documents.up-to-date",
    QT_TRANSLATE_NOOP("Messages", "Up to date: {files} read, {passages} added"),
)
REMOVED = Phrase(
    "ui.documents.removed",
    QT_TRANSLATE_NOOP("Messages", "{n} file gone from the folder was removed"),
    QT_TRANSLATE_NOOP("Messages", "{n} files gone from the folder were removed"),
)
INDEXING = Phrase(
    "ui.documents.indexing", QT_TRANSLATE_NOOP("Messages", "Indexing {done} · {passages}")
)


def joined(parts: list[Msg]) -> str:
    """Messages on one line, in the language in use, between dots."""
    return i18n.say(together(parts, DOTS))


def summary_text(status: CollectionStatus) -> str:
    """ "120 files · 1,340 passages · indexed today 14:32"."""
    parts = [FILES(n=status.files), PASSAGES(n=status.chunks)]
    if status.indexed_at is None:
        parts.append(FIRST_UNFINISHED() if status.files else NOT_INDEXED())
    else:
        parts.append(INDEXED(when=when_msg(status.indexed_at)))
    if status.pending:
        parts.append(TO_FINISH(n=status.pending))
    return joined(parts)


def when_msg(seconds: float) -> Msg | When:
    """A time of day today (in the locale's form, as it is now), a date and time before."""
    if time.localtime(seconds)[:3] == time.localtime()[:3]:
        moment = QDateTime.fromSecsSinceEpoch(int(seconds))
        clock = QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)
        return TODAY(time=clock)
    return When(seconds)


def progress_text(progress: IndexProgress) -> str:
    """One line about an indexing run."""
    return joined(progress_parts(progress))


def progress_parts(progress: IndexProgress) -> list[Msg]:
    p = progress
    done = OF_FILES(done=p.files_done, n=p.files_total)
    if p.phase == "scanning":
        return [LOOKING()]
    if p.phase == "paused":
        return [PAUSED_AT(done=done)]
    if p.phase == "cancelled":
        return [CANCELLED_AT(done=done)]
    if p.phase == "done":
        parts = [UP_TO_DATE(files=FILES(n=p.files_done), passages=PASSAGES(n=p.chunks_done))]
        if p.removed:
            parts.append(REMOVED(n=p.removed))
        return parts
    parts = [INDEXING(done=done, passages=PASSAGES(n=p.chunks_done))]
    if p.eta_seconds is not None:
        parts.append(eta_words(p.eta_seconds))
    return parts


def progress_fraction(progress: IndexProgress) -> float | None:
    """How far the run is, by bytes read; None when unknown (scanning)."""
    if progress.phase == "scanning" or progress.bytes_total <= 0:
        return None if progress.phase == "scanning" else 1.0
    return min(1.0, progress.bytes_done / progress.bytes_total)
