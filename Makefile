# Two commands for a newcomer: `make serve` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test lint build validate bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# axe-core and the Nu HTML Checker for the browser tests (package-lock.json), when npm is here.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --ignore-scripts; \
	else echo "npm not found: the accessibility and HTML checks will be skipped"; fi

## Validate the records, then serve the catalogue with live reload on http://127.0.0.1:8000
## (--dirty: an edit rewrites only the pages it changes; see generator/mkdocs_plugin/plugin.py)
serve: $(STAMP)
	$(BIN)/pipeline validate
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

## Run every test (browser tests run when Chromium is installed)
test: $(STAMP) node_modules/.package-lock.json
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks

build: $(STAMP)
	$(BIN)/pipeline build

validate: $(STAMP)
	$(BIN)/pipeline validate

## Benchmark validate and build at 100 to 10,000 projects (minutes; see benchmarks/README.md)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/run.py --json benchmarks/results/latest.json

## Regenerate docs/cli.md and .github/CODEOWNERS from the code and the records
docs: $(STAMP)
	$(BIN)/python -m generator.cli.reference > docs/cli.md
	$(BIN)/pipeline codeowners

clean:
	rm -rf site .venv .pytest_cache node_modules
