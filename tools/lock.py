"""Pin every package the tested set-up holds, so a fresh machine installs the same set.

`make lock` rewrites the part of constraints.txt below the marker line with `pip freeze` of
.venv: every package not pinned above it (by hand, with a reason) gets its tested version.
Without it, a fresh clone resolves transitive packages anew; transformers 5.25 pulled in
`kernels`, whose data PyInstaller does not collect, and the bundle broke on a clean machine.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "constraints.txt"
MARKER = "# ---- Everything else, as tested (make lock rewrites what follows) ----"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned_by_hand(lines: list[str]) -> set[str]:
    names = set()
    for line in lines:
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==", line)
        if match:
            names.add(canonical(match.group(1)))
    return names


def main() -> int:
    python = ROOT / ".venv" / "bin" / "python"
    frozen = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--exclude-editable"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    text = CONSTRAINTS.read_text(encoding="utf-8")
    head = text.split(MARKER)[0].rstrip("\n").splitlines()
    by_hand = pinned_by_hand(head)
    rest = sorted(
        (line for line in frozen if "==" in line and " @ " not in line),
        key=lambda line: canonical(line.split("==")[0]),
    )
    rest = [line for line in rest if canonical(line.split("==")[0]) not in by_hand]
    CONSTRAINTS.write_text("\n".join([*head, "", MARKER, *rest]) + "\n", encoding="utf-8")
    print(f"constraints.txt: {len(by_hand)} pinned by hand, {len(rest)} as tested")
    return 0


if __name__ == "__main__":
    sys.exit(main())
