#!/bin/sh
# Build the one-folder app: packaging/build.sh [BIN] -> dist/hearth/ beside this repository's
# root. BIN is the folder holding pyinstaller (default: .venv/bin). Used by `make package` and
# by tests/test_package.py, so both build the same thing.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/.venv/bin}
cd "$root"
"$bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/hearth.spec
cp packaging/hearth.desktop packaging/install-desktop-entry.sh resources/icons/hearth.png \
    dist/hearth/
du -sh dist/hearth
