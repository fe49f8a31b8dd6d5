# The two commands: `make demo` and `make test`. Both create .venv and install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint typecheck unit bench bench-search bench-growth system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements-reference.txt
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pip install -q --no-deps -r requirements-reference.txt
	rm -f $(VENV)/.installed-* && touch $@

demo: $(STAMP)
	$(BIN)/dateline demo

# System packages the test suite drives for real: headless Chromium for the UI tests, and Perl with its XML parser
# for tilse's ROUGE-1.5.5 (the reference our ROUGE is checked against).
APT_NEEDS := chromium perl libxml-parser-perl
system-deps:
	@missing=$$(for p in $(APT_NEEDS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing >/dev/null; fi; fi

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: $(STAMP) system-deps lint typecheck unit

# Benchmarks print figures (peers side by side); they need ../shared/data and take long. Not part of `make test`.
bench: $(STAMP)
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/timex.py
	$(BIN)/python benchmarks/entities.py
	$(BIN)/python benchmarks/tls.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/backfill.py --articles 20000
	$(BIN)/python benchmarks/load.py --duration 60 --clients 20

BENCH_DIR ?= /tmp/dateline-bench
# One ingest of a million generated articles, watched as it grows (about two hours on two cores; 15 GB of disk).
# ENGINE=dask runs it on a LocalCluster.
ENGINE ?= local
bench-growth: $(STAMP)
	mkdir -p $(BENCH_DIR)
	$(BIN)/python benchmarks/growth.py --articles 1000000 --workers 2 --engine $(ENGINE) --folder $(BENCH_DIR)

# As-of search latency at 106k and 1M articles: builds two large databases under $(BENCH_DIR) (about 10 GB).
bench-search: $(STAMP)
	mkdir -p $(BENCH_DIR)
	$(BIN)/python benchmarks/search.py build --db $(BENCH_DIR)/r1.db
	$(BIN)/python benchmarks/search.py query --db $(BENCH_DIR)/r1.db
	cp $(BENCH_DIR)/r1.db $(BENCH_DIR)/r10.db
	$(BIN)/python benchmarks/search.py scale --db $(BENCH_DIR)/r10.db --copies 10
	$(BIN)/python benchmarks/search.py query --db $(BENCH_DIR)/r10.db

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
