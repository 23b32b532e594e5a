# dyadwatch: `make demo` and `make test` are the whole quick start on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.duckdb

.PHONY: demo test lint clean bench bench-memory bench-query profile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/dyadwatch ingest examples/corpus --db $(DEMO_DB)
	$(BIN)/dyadwatch summary --db $(DEMO_DB)
	$(BIN)/dyadwatch events --db $(DEMO_DB) --dyad USA PAK --limit 10

# The HTML tests render pages in headless Chromium (Debian's package); installed here when missing.
test: $(VENV)/.installed-dev
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "warning: could not install chromium; the HTML rendering tests will be skipped (fail under CI)"
	$(BIN)/python -m pytest

# Throughput, overhead over bare spaCy, memory, workers and query speed: benchmarks/README.md.
bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/run.py

# Memory over a long ingest (5,000 documents, about 6 minutes of CPU): RSS per 500 documents, growth, 100,000 estimate.
bench-memory: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/memory_curve.py

bench-query: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/query.py

profile: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/profile_pipeline.py

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache
