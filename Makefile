# Quick start: `make run` (sets up, runs the ETL on the bundled sample corpus, prints a trend report)
# and `make test` (sets up with the test extras, lints, type-checks, runs the whole suite).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
WAREHOUSE ?= warehouse

.PHONY: run test setup setup-test lint typecheck bench bench-speed bench-robustness clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

run: setup
	$(BIN)/etl run --warehouse $(WAREHOUSE)
	$(BIN)/etl report --warehouse $(WAREHOUSE) --measure killed --by year

lint: setup-test
	$(BIN)/ruff check etl tests benchmarks

typecheck: setup-test
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest

# Benchmarks print figures; they are not part of `make test`.
bench: setup-test
	$(BIN)/python benchmarks/quality.py

bench-speed: setup-test
	$(BIN)/python benchmarks/throughput.py --articles 10000

bench-robustness: setup-test
	$(BIN)/python -m benchmarks.robustness --seeds 8

clean:
	rm -rf $(WAREHOUSE)/*/ $(WAREHOUSE)/warehouse.duckdb $(WAREHOUSE)/.lock
