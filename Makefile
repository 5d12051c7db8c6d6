# openai-chat: every target sets itself up (make setup) and can be run again safely.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SPEC   ?= openapi.yaml
STAMP  := $(VENV)/.setup-stamp
PYTEST_ARGS ?=
# The editable install is a tree of links to the package's modules (setuptools' strict mode), so type
# checkers find `openai_chat` as Python does; adding or removing a module links the tree again.
LINKED := $(VENV)/.linked-modules
MODULES := $(shell find facade/openai_chat generated -name '*.py' | LC_ALL=C sort | cksum)
$(shell test "$$(cat $(LINKED) 2>/dev/null)" = "$(MODULES)" || { mkdir -p $(VENV) && echo "$(MODULES)" > $(LINKED); })

.PHONY: setup generate sync-spec check-generated lint typecheck format test test-unit test-pythons demo bench reliability clean

setup: $(STAMP)

$(STAMP): pyproject.toml $(LINKED)
	@echo ">> setting up $(VENV): openai-chat (editable) with its dev and local extras"
	@echo ">> the first run builds the local model server from source, which takes a few minutes"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --disable-pip-version-check --progress-bar off \
		--config-settings editable_mode=strict -e '.[dev,local]'
	@touch $@

generate: setup
	$(BIN)/python scripts/generate.py --spec $(SPEC)
	$(BIN)/python scripts/unasync.py

# Rewrite openapi.yaml from an OpenAI document (YAML or JSON), report the API changes, regenerate.
sync-spec: setup
	@test -n "$(SOURCE)" || { echo "usage: make sync-spec SOURCE=path/to/openai-openapi.yaml" >&2; exit 2; }
	$(BIN)/python scripts/sync_spec.py $(SOURCE)

check-generated: setup
	$(BIN)/python scripts/generate.py --check --spec $(SPEC)
	$(BIN)/python scripts/unasync.py --check

lint: setup
	$(BIN)/ruff check facade scripts tests $(wildcard bench)
	$(BIN)/ruff format --check facade scripts tests $(wildcard bench)

# mypy --strict over the package as installed (the [tool.mypy] section of pyproject.toml)
typecheck: setup
	$(BIN)/mypy

format: setup
	$(BIN)/ruff check --fix facade scripts tests $(wildcard bench)
	$(BIN)/ruff format facade scripts tests $(wildcard bench)

test: lint check-generated typecheck
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	$(BIN)/python scripts/test_pythons.py

test-pythons: setup
	$(BIN)/python scripts/test_pythons.py

demo: setup
	$(BIN)/python scripts/demo.py

bench: setup
	$(BIN)/python -m bench

reliability: setup
	$(BIN)/python -m pytest tests/reliability -q -p no:cacheprovider

test-unit: setup
	$(BIN)/python -m pytest tests/unit $(PYTEST_ARGS)

clean:
	rm -rf build .pytest_cache .ruff_cache .mypy_cache $(STAMP)
