#!/bin/sh
# What a newcomer's machine does: clone this repository's HEAD into a temporary folder, set it
# up with an empty pip cache and a private engine wheelhouse (so llama.cpp is compiled from
# scratch), then run the engine tests and `hearth-app --self-test` under offscreen Qt.
# Only committed work is checked. KEEP=1 leaves the folder for a look afterwards.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/hearth-fresh-XXXXXX")
cleanup() { [ "${KEEP:-0}" = 1 ] && echo "fresh-check: left $work" || rm -rf "$work"; }
trap cleanup EXIT

if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then
    echo "fresh-check: note: uncommitted changes are not part of the check"
fi
git clone --quiet "$root" "$work/hearth"
export PIP_CACHE_DIR="$work/pip-cache" HEARTH_WHEELHOUSE="$work/wheelhouse"
export HEARTH_HOME="$work/home" QT_QPA_PLATFORM=offscreen
unset VIRTUAL_ENV PYTHONPATH || true

began=$(date +%s)
phase() { echo "fresh-check: $1 ($(( $(date +%s) - began )) s so far)"; }
cd "$work/hearth"
phase "set-up starts ($(git rev-parse --short HEAD))"
make setup
phase "set-up done; engine tests"
.venv/bin/python -m pytest -q -p no:cacheprovider tests/core/engine
phase "engine tests passed; self-test"
.venv/bin/hearth-app --self-test
phase "passed"
