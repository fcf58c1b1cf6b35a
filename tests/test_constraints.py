"""Every package in the set-up is pinned, so a fresh machine installs what was tested here."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*(\S+)", line)
        if match:
            found[canonical(match.group(1))] = match.group(2)
    return found


def test_every_installed_package_is_pinned_at_its_installed_version() -> None:
    pinned = pins()
    loose = []
    for dist in metadata.distributions():
        name = canonical(dist.metadata["Name"])
        if name in {"hearth", "pip", "setuptools", "wheel"}:
            continue
        want = pinned.get(name)
        # torch's local build tag (+cpu) is not part of the pin.
        if want is None or dist.version.split("+")[0] != want.split("+")[0]:
            loose.append(f"{name} {dist.version} (pinned: {want})")
    assert not loose, "run `make lock` after changing dependencies: " + ", ".join(sorted(loose))


def test_no_package_is_pinned_twice() -> None:
    names = [
        canonical(m.group(1))
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if (m := re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==", line))
    ]
    assert len(names) == len(set(names))
