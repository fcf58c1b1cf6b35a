"""Set-up's system step: the libraries Qt's window needs, and a font for Chinese text.

    .venv/bin/python packaging/system_packages.py
    python3 packaging/system_packages.py --build-tools   # before the engine is compiled

Where apt-get and root are available, installs the Debian/Ubuntu packages that are missing
(app/core/system_libs.py knows which library each provides). Elsewhere it prints the exact apt
and dnf lines and goes on: the tests run under offscreen Qt, which needs only the first group.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.system_libs import SystemLibrary, install_commands, missing_libraries

CJK_FONT = SystemLibrary("Noto Sans CJK", "fonts-noto-cjk", "google-noto-sans-cjk-fonts", "font")


def has_cjk_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
    return "noto sans cjk" in listed.lower()


def missing() -> list[SystemLibrary]:
    found = missing_libraries("xcb")
    return found + ([] if has_cjk_font() else [CJK_FONT])


def apt_install(packages: list[str]) -> bool:
    """`apt-get install`, refreshing the package lists once if the first try fails."""
    command = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]
    if _quiet(command) == 0:
        return True
    _quiet(["apt-get", "update", "-qq"])
    return _quiet(command) == 0


def _quiet(command: list[str]) -> int:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=False).returncode


def build_tools() -> int:
    """A C/C++ compiler for llama.cpp (CMake and Ninja come from PyPI with the build)."""
    if shutil.which("c++") or shutil.which("g++") or shutil.which("clang++"):
        return 0
    if shutil.which("apt-get") is not None and os.geteuid() == 0:
        print("system: installing build-essential (a C/C++ compiler for llama.cpp)", flush=True)
        if apt_install(["build-essential"]):
            return 0
    print("note: llama.cpp needs a C/C++ compiler. Install one with one of:")
    print("        sudo apt install build-essential")
    print("        sudo dnf install gcc-c++ make")
    return 0  # the engine build then stops with its own message and log


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    if sys.argv[1:] == ["--build-tools"]:
        return build_tools()
    lacking = missing()
    if not lacking:
        print("system: Qt's libraries and a CJK font are present")
        return 0
    packages = sorted({lib.debian for lib in lacking if lib.debian})
    can_apt = shutil.which("apt-get") is not None and os.geteuid() == 0
    if can_apt and packages:
        print(f"system: installing {' '.join(packages)}", flush=True)
        if apt_install(packages):
            lacking = missing()
    if not lacking:
        return 0
    apt, dnf = install_commands(lacking)
    names = ", ".join(lib.soname for lib in lacking)
    print(f"note: this system lacks {names}; the window (or Chinese text) needs them.")
    print("      Install them with one of:")
    for line in (apt, dnf):
        if line:
            print(f"        {line}")
    return 0  # the tests run offscreen; `hearth-app` names what is missing when it starts


if __name__ == "__main__":
    raise SystemExit(main())
