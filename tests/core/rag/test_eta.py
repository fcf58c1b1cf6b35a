"""The time-left rule shared by `hearth docs index` and the documents window."""

from __future__ import annotations

import pytest

from app.cli_docs import _progress_line
from app.core.rag.eta import MAX_SECONDS, estimate_eta, eta_words
from app.core.rag.types import IndexProgress


def test_no_estimate_too_early_or_from_too_little() -> None:
    gb = 1_000_000_000
    assert estimate_eta(0, gb, 30.0) is None  # nothing read yet
    assert estimate_eta(gb // 2, gb, 1.0) is None  # a second is no basis
    assert estimate_eta(1_000, gb, 60.0) is None  # 0.0001 % read is no basis
    assert estimate_eta(gb, gb, 60.0) is None  # finished: nothing to estimate
    assert estimate_eta(10, 0, 60.0) is None


def test_the_reported_case_is_hidden_not_shown_as_a_month() -> None:
    # ~2745546 s came from a few bytes read after a long model load: hidden now
    assert estimate_eta(30_000_000, 1_000_000_000, 86_000.0) is None
    assert estimate_eta(int(0.021 * 1e9), int(1e9), 7_200.0) is None  # > 48 h: unreliable
    left = estimate_eta(250, 1_000, 10.0)
    assert left == pytest.approx(30.0)
    assert left is not None and left <= MAX_SECONDS


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0.4, "about 5 s left"),
        (12.0, "about 10 s left"),
        (58.0, "about 1 min left"),
        (185.0, "about 3 min left"),
        (3_599.0, "about 1 h left"),
        (7_500.0, "about 2 h 5 min left"),
    ],
)
def test_eta_words_read_like_a_person_says_them(seconds: float, words: str) -> None:
    assert str(eta_words(seconds)) == words


def test_the_cli_line_uses_the_core_value() -> None:
    base = IndexProgress("Docs", "indexing", 3, 10, 40, 300, 1000)
    assert "left" not in _progress_line(base)
    line = _progress_line(IndexProgress("Docs", "indexing", 3, 10, 40, 300, 1000, eta_seconds=185))
    assert line.endswith("· about 3 min left") and " s left" not in line


def test_the_indexer_rates_only_what_it_read() -> None:
    import time

    from app.core.rag.indexer import _eta, _Tally

    assert _eta(_Tally(bytes_total=1000, bytes_done=500)) is None  # nothing read yet
    started = time.monotonic() - 60
    # 900 bytes of unchanged files were done for free; 50 of the 100 to read took a minute
    tally = _Tally(bytes_total=1000, bytes_done=950, bytes_free=900, work_started=started)
    assert _eta(tally) == pytest.approx(60.0, rel=0.05)
