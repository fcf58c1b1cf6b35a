"""The packaged app, built by PyInstaller from a clean clone of this repository's HEAD and run
as a user would run it: its self-test, and a first start in empty user folders.

Marked `package` (`make test-package` runs only these). The build takes 3 to 8 minutes here,
so `make test` and CI run them too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.package, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("the package test clones the repository: it needs git and a git checkout")
    clone = tmp_path_factory.mktemp("clean") / "hearth"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    tools = Path(sys.executable).parent  # this venv's pyinstaller
    built = subprocess.run(
        ["sh", str(clone / "packaging" / "build.sh"), str(tools)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    app = clone / "dist" / "hearth" / "hearth"
    assert app.is_file() and os.access(app, os.X_OK)
    return app


def user_env(home: Path) -> dict[str, str]:
    """A user with empty folders: no HEARTH_HOME, the XDG folders under `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEARTH_", "XDG_"))}
    env |= {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return env


def run_app(app: Path | str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the packaged app as that user would, with these arguments."""
    return subprocess.run(
        [str(app), *args], env=user_env(home), capture_output=True, text=True, timeout=300
    )


def test_the_bundle_passes_its_self_test_without_touching_user_data(
    bundle: Path, tmp_path: Path
) -> None:
    done = run_app(bundle, tmp_path, "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert [line.split(" (")[0] for line in lines[:6]] == [
        "ok   engine build",
        "ok   window painted",
        "ok   model loaded",
        "ok   answer generated",
        "ok   documents indexed and searched",
        "ok   chat written and read back",
    ]
    assert "CPU build needs" in lines[0] and "AVX2" in lines[0]  # what the build asks of a CPU
    assert "AVX512" not in lines[0] and "AMX" not in lines[0]
    assert "SmolLM2" in lines[2] and "Paris" in lines[3]
    assert lines[-1].startswith("self-test passed")
    assert not (tmp_path / "data" / "Hearth").exists()  # a temporary home, then removed


def test_first_start_uses_the_users_folders_and_reaches_for_nothing(
    bundle: Path, tmp_path: Path
) -> None:
    done = run_app(bundle, tmp_path, "--quit-after-paint")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "painted heavy="  # no hub client (nor model) before paint
    assert (tmp_path / "data" / "Hearth" / "models").is_dir()  # platformdirs, not the bundle
    assert (tmp_path / "config" / "Hearth").is_dir()
    assert not any(bundle.parent.rglob("*.sqlite3"))  # nothing written inside the app folder


def test_a_broken_models_folder_gives_guidance_not_a_crash(bundle: Path, tmp_path: Path) -> None:
    (tmp_path / "data" / "Hearth").mkdir(parents=True)
    (tmp_path / "data" / "Hearth" / "models").write_text("in the way")
    done = run_app(bundle, tmp_path, "--quit-after-paint")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("painted")
    assert "banner: Hearth cannot use the folder" in done.stdout and "restart Hearth" in done.stdout
    assert "Traceback" not in done.stderr


def test_the_desktop_entry_launches_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """The installer writes an entry whose Exec line is this copy of the app, with the icon."""
    done = run_app(bundle.parent / "install-desktop-entry.sh", tmp_path)
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "data" / "applications" / "hearth.desktop").read_text()
    assert f'Exec="{bundle}"' in entry and "Icon=hearth" in entry
    assert (tmp_path / "data" / "icons" / "hicolor" / "256x256" / "apps" / "hearth.png").is_file()
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    command = exec_line.removeprefix("Exec=").strip('"')
    started = run_app(command, tmp_path, "--quit-after-paint")
    assert started.returncode == 0 and started.stdout.startswith("painted")


def test_the_bundle_stays_within_a_gigabyte_with_its_starter_model(bundle: Path) -> None:
    files = [p for p in bundle.parent.rglob("*") if p.is_file() and not p.is_symlink()]
    size_mb = sum(p.stat().st_size for p in files) / 1_000_000
    assert size_mb <= 1000, f"the bundle is {size_mb:.0f} MB (bench/package.py shows the parts)"
    internal = bundle.parent / "_internal"
    assert (internal / "resources" / "starter").is_dir()
    assert not (internal / "torch" / "test").exists() and not (internal / "scipy").exists()
