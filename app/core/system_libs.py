"""The system libraries Qt's window needs on Linux, checked before Qt starts.

Qt aborts the process when its xcb platform plugin cannot load, and its message names only the
first missing library. `missing_libraries` finds every one (each soname opened on its own, then
the plugin itself, which catches a library this table does not know) so that the app can exit
with one clear message naming the packages, and set-up can install them.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SystemLibrary:
    soname: str
    debian: str  # Debian and Ubuntu package
    fedora: str  # Fedora, RHEL and openSUSE-like package (dnf)
    needed_by: str  # "gui": every Qt window, offscreen too; "xcb": the X11 platform plugin


LIBRARIES = (
    # what libQt6Gui itself links to (found with readelf -d on PySide6 6.11's libraries)
    SystemLibrary("libEGL.so.1", "libegl1", "libglvnd-egl", "gui"),
    SystemLibrary("libGL.so.1", "libgl1", "libglvnd-glx", "gui"),
    SystemLibrary("libfontconfig.so.1", "libfontconfig1", "fontconfig", "gui"),
    SystemLibrary("libfreetype.so.6", "libfreetype6", "freetype", "gui"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0", "glib2", "gui"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon", "gui"),
    SystemLibrary("libX11.so.6", "libx11-6", "libX11", "gui"),
    # what the xcb platform plugin adds (libqxcb.so, libQt6XcbQpa.so.6)
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb", "xcb"),
    SystemLibrary("libxcb.so.1", "libxcb1", "libxcb", "xcb"),
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor", "xcb"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm", "xcb"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0", "xcb-util-image", "xcb"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms", "xcb"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0", "libxcb", "xcb"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0", "libxcb", "xcb"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil", "xcb"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0", "libxcb", "xcb"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0", "libxcb", "xcb"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1", "libxcb", "xcb"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1", "xcb-util", "xcb"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb", "xcb"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb", "xcb"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11", "xcb"),
)

_NOT_FOUND = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")


def qt_platform(environ: dict[str, str] | None = None) -> str:
    """The platform plugin Qt will try first: QT_QPA_PLATFORM, else xcb on Linux (Wayland
    sessions included: Qt falls back to xcb when its Wayland plugin cannot start)."""
    env = os.environ if environ is None else environ
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip().lower()
    return chosen or "xcb"


def missing_libraries(platform: str | None = None) -> list[SystemLibrary]:
    """The libraries Qt needs for `platform` that this system cannot load; [] off Linux."""
    if not sys.platform.startswith("linux"):
        return []
    platform = platform or qt_platform()
    groups = ("gui", "xcb") if platform == "xcb" else ("gui",)
    wanted = [lib for lib in LIBRARIES if lib.needed_by in groups]
    missing = [lib for lib in wanted if not _loadable(lib.soname)]
    if not missing and platform == "xcb":
        unknown = _plugin_failure("libqxcb.so")
        if unknown is not None:
            missing.append(SystemLibrary(unknown, "", "", "xcb"))
    return missing


def _loadable(soname: str) -> bool:
    bundled = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle may carry its own copy
    if bundled is not None and (Path(bundled) / soname).exists():
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _plugin_failure(plugin: str) -> str | None:
    """The library named when the platform plugin itself fails to load, if it does."""
    path = _plugins_dir() / "platforms" / plugin
    if not path.exists():
        return None
    try:
        ctypes.CDLL(str(path))
    except OSError as exc:
        found = _NOT_FOUND.search(str(exc))
        return found.group(1) if found else str(exc)
    return None


def _plugins_dir() -> Path:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return Path("/nonexistent")
    return Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins"


def install_commands(missing: list[SystemLibrary]) -> tuple[str, str]:
    """The apt and dnf lines that install what is missing (unknown libraries left out)."""
    debian = sorted({lib.debian for lib in missing if lib.debian})
    fedora = sorted({lib.fedora for lib in missing if lib.fedora})
    return (
        "sudo apt install " + " ".join(debian) if debian else "",
        "sudo dnf install " + " ".join(fedora) if fedora else "",
    )


def _chinese(environ: dict[str, str]) -> bool:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if environ.get(name):
            return environ[name].lower().startswith("zh")
    return False


def missing_message(missing: list[SystemLibrary], environ: dict[str, str] | None = None) -> str:
    """What the user is told, in Chinese where the locale is Chinese (Qt's translations are not
    loaded yet: Qt has not started)."""
    env = dict(os.environ) if environ is None else environ
    names = ", ".join(lib.soname for lib in missing)
    apt, dnf = install_commands(missing)
    lines = [line for line in (apt, dnf) if line]
    if _chinese(env):
        head = f"Hearth 无法打开窗口：系统缺少 Qt 需要的库（{names}）。"
        tail = (
            "请安装以下软件包后重新启动 Hearth：" if lines else "请用系统的软件包管理器安装它们。"
        )
    else:
        head = f"Hearth cannot open its window: this system lacks libraries Qt needs ({names})."
        tail = (
            "Install these packages, then start Hearth again:"
            if lines
            else "Install them with your system's package manager."
        )
    return "\n".join([head, tail, *("  " + line for line in lines)])
