# Every target sets up .venv itself, so a machine with only python3 and make can run any of them.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: setup test check lint regenerate regenerate-check changes changelog watch bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[check,compat]' --group dev
	touch $(STAMP)

## setup: create .venv and install the project with its development tools
setup: $(STAMP)

## test: every test, the drift check and the linters
test: $(STAMP) lint
	$(BIN)/python scripts/regenerate --ci
	$(BIN)/python -m pytest

## check: the main job, the contract suite against the bundled reference server
check: $(STAMP) regenerate-check
	$(BIN)/ollama-contract check --reference

## lint: ruff and mypy --strict on the hand-written code
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/mypy scripts/regenerate scripts/regen
	$(BIN)/mypy scripts/bench
	$(BIN)/mypy scripts/task_lines
	$(BIN)/mypy bench

## regenerate: rebuild generated_client/ from openapi.yaml
regenerate: $(STAMP)
	$(BIN)/python scripts/regenerate

## regenerate-check: fail with a diff when generated_client/ is stale
regenerate-check: $(STAMP)
	$(BIN)/python scripts/regenerate --check

## changes: what the work tree's spec changes for users since REF (default HEAD), one verdict a line
REF ?= HEAD
changes: $(STAMP)
	$(BIN)/python scripts/regenerate --changes $(REF)

## changelog: the same report as a Markdown entry for CHANGELOG.md
changelog: $(STAMP)
	$(BIN)/python scripts/regenerate --changelog $(REF)

## watch: regenerate, report and run the spec's tests on every save of openapi.yaml or codegen/
watch: $(STAMP)
	$(BIN)/python scripts/regenerate --watch

## bench: benchmarks, ending with one `budget ...` line per budget
bench: $(STAMP)
	$(BIN)/python scripts/bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
