# storydesk: one entry point. `make demo` and `make test` set everything up themselves.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.setup-stamp
# Evaluation data sits beside the project; CI sets STORYDESK_SHARED=../shared.
export STORYDESK_SHARED ?= $(if $(wildcard ../shared/datasets),../shared,)

.PHONY: setup demo test test-fast lint bench eval serve browser-deps clean help

help:
	@echo "make demo   - set up, then brief the bundled examples into demo-out/"
	@echo "make test   - set up, then run the whole test suite"
	@echo "make bench  - measure end-to-end throughput vs spaCy alone (needs ../shared)"
	@echo "make eval   - summarization ROUGE, quotes, timeline dates, cleaning (needs ../shared)"
	@echo "make lint   - ruff and mypy"
	@echo "make serve  - the local web UI and JSON API over storydesk.db (run or ingest first)"

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): pyproject.toml requirements.lock | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev,model,eval]'
	touch $(STAMP)

# Debian's Chromium for the browser tests and the README screenshot (never `playwright install`).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

setup: $(STAMP) browser-deps

demo: $(STAMP)
	$(VENV)/bin/storydesk run examples/articles --out demo-out

test: setup
	$(PY) -m pytest -n 2 -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not browser and not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check storydesk tests benchmarks
	$(VENV)/bin/ruff format --check storydesk tests benchmarks
	$(VENV)/bin/mypy storydesk

serve: $(STAMP)
	$(VENV)/bin/storydesk serve --db $(or $(DB),storydesk.db)

bench: $(STAMP)
	$(PY) benchmarks/pipeline.py --out benchmarks/results/pipeline.json

# Test sets (reported) then development sets (tuned on); parses are cached in .cache/.
eval: $(STAMP)
	$(VENV)/bin/storydesk eval summarize duc2004 multinews duc2007-update duc2006 duc2007-main \
	  --out benchmarks/results/summarization.json
	$(VENV)/bin/storydesk eval timeline --out benchmarks/results/timeline.json
	$(VENV)/bin/storydesk eval quotes --split test --out benchmarks/results/quotes.json
	$(VENV)/bin/storydesk eval clean --out benchmarks/results/clean.json
	$(PY) benchmarks/report.py

clean:
	rm -rf demo-out out .pytest_cache .mypy_cache .ruff_cache
