"""When an indexing run's time-left estimate is worth showing, and how it reads.

An estimate from the first second or the first few files is noise: the embedding model may
still be loading, and one large file can take as long as a thousand small ones. So an estimate
is given only after `MIN_SECONDS` of real work and `MIN_FRACTION` of the bytes to read, it is
hidden (None) when it comes out longer than `MAX_SECONDS` (a figure like "2745546 s" helps no
one), and it is rounded the way a person would say it. The CLI and the window both show
`IndexProgress.eta_seconds`, which the indexer computes with `estimate_eta`.
"""

from __future__ import annotations

from app.core.rag import texts
from app.core.text import Msg

MIN_SECONDS = 5.0
MIN_FRACTION = 0.02
MAX_SECONDS = 48 * 3600.0


def estimate_eta(done: int, total: int, elapsed: float) -> float | None:
    """Seconds left to read `total - done` more bytes at the rate so far, or None while the
    estimate is unreliable (too early, too little done, or absurdly long)."""
    if total <= 0 or done >= total:
        return None
    if done <= 0 or elapsed < MIN_SECONDS or done < total * MIN_FRACTION:
        return None
    left = (total - done) * elapsed / done
    return left if left <= MAX_SECONDS else None


def rounded_eta(seconds: float) -> int:
    """Seconds rounded as they would be said: to 5 s under a minute, to the minute under an
    hour, to 5 minutes beyond."""
    s = max(0.0, seconds)
    if s < 60:
        return max(5, int(round(s / 5) * 5))
    if s < 3600:
        return int(round(s / 60) * 60)
    return int(round(s / 300) * 300)


def eta_words(seconds: float) -> Msg:
    """ "about 10 s left", "about 3 min left", "about 2 h 5 min left"."""
    s = rounded_eta(seconds)
    if s < 60:
        return texts.ETA_SECONDS(n=s)
    if s < 3600:
        return texts.ETA_MINUTES(n=s // 60)
    hours, minutes = divmod(s // 60, 60)
    return texts.ETA_HOURS_MINUTES(h=hours, m=minutes) if minutes else texts.ETA_HOURS(h=hours)
