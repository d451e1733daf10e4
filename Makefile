# Two commands matter: `make demo` (set up, then run the bundled corpus) and `make test` (set up, then all checks).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint types pytest bench eval clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . || $(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: setup
	$(BIN)/truceline demo

lint: setup
	$(BIN)/ruff format --check truceline tests bench
	$(BIN)/ruff check truceline tests bench

types: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest -q

test: lint types pytest

bench: setup
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) truceline-demo.db truceline.db
