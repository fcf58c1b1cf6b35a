"""What every benchmark here times with: the best of a few runs of one job."""

from __future__ import annotations

import time
from collections.abc import Callable


def best(job: Callable[[], object], repeats: int = 5) -> float:
    """The shortest of `repeats` runs of `job`, in seconds (the least disturbed by the rest
    of the machine)."""
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        job()
        times.append(time.perf_counter() - began)
    return min(times)
