"""Local documents in words: a collection's summary, an indexing run's progress."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from app.core.rag.eta import rounded_eta
from app.core.rag.types import CollectionStatus, IndexProgress
from app.ui.models.format import count_text, duration_text

# File types offered in the "Add files" dialog (everything the readers take is indexed
# when it sits in a folder; this list is only the dialog's filter).
FILE_PATTERNS = (
    "*.pdf *.docx *.epub *.md *.markdown *.txt *.rst *.html *.htm *.tex *.csv *.json *.yaml "
    "*.yml *.toml *.py *.js *.ts *.java *.c *.h *.cpp *.go *.rs *.rb *.sh *.sql"
)


def summary_text(status: CollectionStatus) -> str:
    """ "120 files · 1,340 passages · indexed today 14:32"."""
    parts = [
        QCoreApplication.translate("documents", "{0} files").format(count_text(status.files)),
        QCoreApplication.translate("documents", "{0} passages").format(count_text(status.chunks)),
    ]
    if status.indexed_at is None:
        parts.append(
            QCoreApplication.translate("documents", "first indexing not finished")
            if status.files
            else QCoreApplication.translate("documents", "not indexed yet")
        )
    else:
        parts.append(
            QCoreApplication.translate("documents", "indexed {0}").format(
                when_text(status.indexed_at)
            )
        )
    if status.pending:
        parts.append(
            QCoreApplication.translate("documents", "{0} files to finish").format(
                count_text(status.pending)
            )
        )
    return " · ".join(parts)


def when_text(seconds: float) -> str:
    """A time of day today, a date and time before."""
    moment = QDateTime.fromSecsSinceEpoch(int(seconds))
    locale = QLocale()
    if time.localtime(seconds)[:3] == time.localtime()[:3]:
        return QCoreApplication.translate("documents", "today {0}").format(
            locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
        )
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


def progress_text(progress: IndexProgress) -> str:
    """One line about an indexing run."""
    p = progress
    done = QCoreApplication.translate("documents", "{0} of {1} files").format(
        count_text(p.files_done), count_text(p.files_total)
    )
    if p.phase == "scanning":
        return QCoreApplication.translate("documents", "Looking for new and changed files…")
    if p.phase == "paused":
        return QCoreApplication.translate(
            "documents", "Paused at {0}. What is indexed can be searched already."
        ).format(done)
    if p.phase == "cancelled":
        return QCoreApplication.translate(
            "documents", "Cancelled at {0}; what was indexed is kept."
        ).format(done)
    if p.phase == "done":
        text = QCoreApplication.translate(
            "documents", "Up to date: {0} files read, {1} passages added"
        ).format(count_text(p.files_done), count_text(p.chunks_done))
        if p.removed:
            text += " · " + QCoreApplication.translate(
                "documents", "{0} files gone from the folder were removed"
            ).format(p.removed)
        return text
    text = QCoreApplication.translate("documents", "Indexing {0} · {1} passages").format(
        done, count_text(p.chunks_done)
    )
    if p.eta_seconds is not None:
        text += " · " + QCoreApplication.translate("documents", "about {0} left").format(
            duration_text(rounded_eta(p.eta_seconds))
        )
    return text


def progress_fraction(progress: IndexProgress) -> float | None:
    """How far the run is, by bytes read; None when unknown (scanning)."""
    if progress.phase == "scanning" or progress.bytes_total <= 0:
        return None if progress.phase == "scanning" else 1.0
    return min(1.0, progress.bytes_done / progress.bytes_total)
