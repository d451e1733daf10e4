# Two commands matter: `make demo` (set up, then run the bundled corpus) and `make test` (set up, then all checks).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup browser postgres demo test lint types pytest bench eval clean

setup: $(STAMP) browser postgres

# Headless Chromium and its driver for the browser tests (tests/test_browser.py), from Debian's packages when they
# are missing and we can install them (root with apt-get); elsewhere those tests skip with the reason.
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
		|| echo "note: could not install chromium and chromium-driver; the browser tests will skip"; \
	else echo "note: no chromium/chromedriver and not root; the browser tests will skip"; fi

# PostgreSQL's server binaries (initdb, pg_ctl) for the tests of `--db postgresql://...` (tests/test_postgres*.py start
# a throwaway server of their own), from Debian's package when they are missing and we can install it (root with
# apt-get); elsewhere those tests skip with the reason.
postgres:
	@if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then :; \
	elif ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
		|| echo "note: could not install postgresql; the PostgreSQL tests will skip"; \
	else echo "note: no PostgreSQL server binaries and not root; the PostgreSQL tests will skip"; fi

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
