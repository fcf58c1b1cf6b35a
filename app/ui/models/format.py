"""Numbers as the Models window shows them: sizes in decimal units (as Hugging Face shows
them), counts with the locale's grouping, durations in words."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.models.fit import Verdict


def size_text(n: int) -> str:
    """ "98.2 MB", "4.92 GB"."""
    return QLocale().formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def memory_text(n: int) -> str:
    """RAM and VRAM the way the system reports them: "16 GB" for 16 GiB."""
    return QLocale().formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def count_text(n: int) -> str:
    return QLocale().toString(n)


def date_text(when: datetime | None) -> str:
    return when.date().isoformat() if when is not None else ""


def duration_text(seconds: float) -> str:
    """ "12 s", "3 min", "1 h 20 min"."""
    s = max(0, round(seconds))
    if s < 60:
        return QCoreApplication.translate("format", "{0} s").format(s)
    if s < 3600:
        return QCoreApplication.translate("format", "{0} min").format(round(s / 60))
    return QCoreApplication.translate("format", "{0} h {1} min").format(s // 3600, (s % 3600) // 60)


def verdict_text(verdict: Verdict) -> str:
    return {
        Verdict.FITS_GPU: QCoreApplication.translate("format", "Fits in GPU"),
        Verdict.FITS_RAM: QCoreApplication.translate("format", "Fits in RAM"),
        Verdict.TIGHT: QCoreApplication.translate("format", "Tight"),
        Verdict.TOO_BIG: QCoreApplication.translate("format", "Too big"),
    }[verdict]


VERDICT_COLOURS = {
    Verdict.FITS_GPU: "#1f9d55",
    Verdict.FITS_RAM: "#2f855a",
    Verdict.TIGHT: "#c27c0e",
    Verdict.TOO_BIG: "#d64545",
}
