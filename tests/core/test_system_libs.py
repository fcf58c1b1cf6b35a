"""Qt's system libraries: what is missing is found for real, and named with its packages."""

from __future__ import annotations

import sys

import pytest

from app.core import system_libs
from app.core.system_libs import (
    SystemLibrary,
    install_commands,
    missing_libraries,
    missing_message,
    qt_platform,
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux libraries")
ABSENT = SystemLibrary("libhearth-absent.so.9", "libhearth-absent9", "hearth-absent", "xcb")
CURSOR = SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor", "xcb")


@linux_only
def test_a_library_that_cannot_load_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    present = SystemLibrary("libc.so.6", "libc6", "glibc", "gui")
    monkeypatch.setattr(system_libs, "LIBRARIES", (present, ABSENT))
    assert missing_libraries("xcb") == [ABSENT]
    assert missing_libraries("offscreen") == []  # offscreen needs only the "gui" group


@linux_only
def test_this_system_can_start_qt_offscreen() -> None:
    assert missing_libraries("offscreen") == [], "set-up should have installed these"


def test_install_lines_name_each_package_once() -> None:
    render = SystemLibrary("libxcb-render.so.0", "libxcb-render0", "libxcb", "xcb")
    shape = SystemLibrary("libxcb-shape.so.0", "libxcb-shape0", "libxcb", "xcb")
    apt, dnf = install_commands([CURSOR, render, shape])
    assert apt == "sudo apt install libxcb-cursor0 libxcb-render0 libxcb-shape0"
    assert dnf == "sudo dnf install libxcb xcb-util-cursor"
    assert install_commands([SystemLibrary("libodd.so.1", "", "", "xcb")]) == ("", "")


def test_the_message_names_libraries_and_packages_in_english_and_chinese() -> None:
    english = missing_message([CURSOR], {"LANG": "en_US.UTF-8"})
    assert "libxcb-cursor.so.0" in english and "sudo apt install libxcb-cursor0" in english
    assert "sudo dnf install xcb-util-cursor" in english
    chinese = missing_message([CURSOR], {"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"})
    assert "缺少" in chinese and "sudo apt install libxcb-cursor0" in chinese
    unknown = missing_message([SystemLibrary("libodd.so.1", "", "", "xcb")], {})
    assert "libodd.so.1" in unknown and "package manager" in unknown


def test_the_platform_is_read_like_qt_reads_it() -> None:
    assert qt_platform({}) == "xcb"
    assert qt_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert qt_platform({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    assert qt_platform({"QT_QPA_PLATFORM": "xcb:display=:1"}) == "xcb"
