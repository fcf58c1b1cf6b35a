"""Small real disks for the fault probes: a tmpfs of a few MiB (root only), and filling one."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_tmpfs(folder: Path, size: str = "3m") -> Iterator[Path]:
    """A tmpfs of `size` mounted on `folder` (made here), unmounted afterwards. Skips the test,
    with the reason, when not root or when mounting fails."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (the RLIMIT_FSIZE probes still run)")
    folder.mkdir(parents=True, exist_ok=True)
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        pytest.skip(f"a tmpfs could not be mounted here: {made.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_disk(folder: Path, leave: int = 0) -> Path:
    """Fill the disk holding `folder` but about `leave` bytes; return the filler file."""
    filler = folder / "filler"

    def free() -> int:
        stats = os.statvfs(folder)
        return stats.f_bavail * stats.f_frsize

    with filler.open("ab", buffering=0) as handle:
        try:
            handle.write(b"\0" * max(free() - leave, 0))
            while free() > leave:
                handle.write(b"\0" * 4096)
        except OSError:
            pass
    return filler
