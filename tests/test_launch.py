"""`hearth-app` checks Qt's libraries before Qt starts: exit 1 and a message, never an abort."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import launch
from app.core import system_libs
from app.core.system_libs import SystemLibrary

ABSENT = SystemLibrary("libhearth-absent.so.9", "libhearth-absent9", "hearth-absent", "gui")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux libraries")
def test_a_missing_library_exits_1_with_the_packages_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], hearth_home: Path
) -> None:
    monkeypatch.setattr(system_libs, "LIBRARIES", (*system_libs.LIBRARIES, ABSENT))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)

    def no_qt(args: list[str]) -> int:
        raise AssertionError("Qt must not start when its libraries are missing")

    monkeypatch.setattr("app.main.main", no_qt)
    assert launch.main(["--self-test"]) == 1
    err = capsys.readouterr().err
    assert "libhearth-absent.so.9" in err and "sudo apt install libhearth-absent9" in err
    log = next(hearth_home.rglob("hearth.log")).read_text(encoding="utf-8")
    assert "libhearth-absent.so.9" in log
