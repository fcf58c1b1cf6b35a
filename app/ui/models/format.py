"""Numbers as the Models window shows them, in the user's locale: sizes in decimal units (as
Hugging Face shows them), counts with the locale's grouping, durations in words, dates in the
locale's short form. Sizes, counts and durations are `app/workers/i18n.py`'s; only memory is
shown the way the system reports it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale

from app.core.models.fit import Verdict
from app.workers import i18n

size_text = i18n.size_text  # "98.2 MB", "4.9 GB"
count_text = i18n.count_text  # "12,345"
duration_text = i18n.duration_text  # "12 s", "3 min", "1 h 20 min"


def memory_text(n: int) -> str:
    """RAM and VRAM the way the system reports them: "16 GB" for 16 GiB."""
    return QLocale().formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def date_text(when: datetime | None) -> str:
    """The day, in the locale's short date form; "" when not known."""
    if when is None:
        return ""
    day = QDate(when.year, when.month, when.day)
    return QLocale().toString(day, QLocale.FormatType.ShortFormat)


def verdict_text(verdict: Verdict) -> str:
    """ "Fits in GPU", "Fits in RAM", "Tight", "Too big", in the user's language."""
    return i18n.say(verdict.words)


VERDICT_COLOURS = {
    Verdict.FITS_GPU: "#1f9d55",
    Verdict.FITS_RAM: "#2f855a",
    Verdict.TIGHT: "#c27c0e",
    Verdict.TOO_BIG: "#d64545",
}
