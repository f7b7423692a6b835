# Two commands for a newcomer: `make serve` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# uv lives in a venv of its own: `uv sync` makes .venv exactly what uv.lock says, and would
# remove anything it did not install there, uv included.
TOOLS := .tools
UV := $(TOOLS)/bin/uv
# Install only what uv.lock pins (hashes checked), with the Python on PATH, never a download.
SYNC := UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --python $(PYTHON)

.PHONY: serve test install lint build validate bench docs lock clean

$(UV): .ci/uv-requirements.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --require-hashes -r .ci/uv-requirements.txt
	touch $(UV)

$(STAMP): uv.lock pyproject.toml $(UV)
	$(SYNC) --extra test
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
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Pipeline and its test tools, exactly as uv.lock pins them (make serve and make test do this)
install: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks maintenance
	$(BIN)/ruff format --check generator tests benchmarks maintenance

build: $(STAMP)
	$(BIN)/pipeline build

validate: $(STAMP)
	$(BIN)/pipeline validate

## Benchmark validate and build at 100 to 10,000 projects (minutes; see benchmarks/README.md)
bench: $(STAMP)
	$(SYNC) --extra test --extra bench
	rm -f $(STAMP) # the next `make test` syncs back to the test extra alone
	$(BIN)/python benchmarks/run.py --json benchmarks/results/latest.json

## Regenerate docs/cli.md and .github/CODEOWNERS from the code and the records
docs: $(STAMP)
	$(BIN)/python -m generator.cli.reference > docs/cli.md
	$(BIN)/pipeline codeowners

## After changing the ranges in pyproject.toml: pin the newest versions they allow in uv.lock
lock: $(UV)
	UV_PYTHON_DOWNLOADS=never $(UV) lock --python $(PYTHON)

clean:
	rm -rf site .venv .tools .pytest_cache node_modules
