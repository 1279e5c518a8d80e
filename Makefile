# The SEND Appeal Guide for England: build, serve and test.
# Each target sets up what it needs (Python venvs, npm packages, the wheel the site ships,
# Chromium for the browser tests). Stamp files keep repeated runs quick.

PYTHON ?= python3
PORT ?= 8000

VENV := .venv
PY := $(VENV)/bin/python
DATA_VENV := .venv-data
WHEEL := build/wheels/python_dateutil-4.0.0-py3-none-any.whl
SITE_DIR := site

export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve build test lint clean chromium bench

serve: $(VENV)/.installed node_modules/.installed $(WHEEL)
	SITE_URL=http://127.0.0.1:$(PORT)/ $(PY) -m mkdocs build --strict --site-dir $(SITE_DIR)
	@echo "Serving the site at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	cd $(SITE_DIR) && ../$(PY) -m http.server --bind 127.0.0.1 $(PORT)

build: $(VENV)/.installed node_modules/.installed $(WHEEL)
	$(PY) -m mkdocs build --strict --site-dir $(SITE_DIR)

test: build $(DATA_VENV)/.installed chromium lint
	$(PY) -m scripts.reading_report
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(PY) -m ruff check .

# Builds the site for its own origin, serves it and times it in headless Chromium against our
# targets (scripts/bench_site.py); writes bench-results/site.json. Takes a few minutes.
# `make bench PROFILE=phone` emulates a mid-range phone (bench-results/site-phone.json);
# BENCH_ARGS passes other options, e.g. BENCH_ARGS="--runs 3".
bench: $(VENV)/.installed node_modules/.installed $(WHEEL) chromium
	$(PY) -m scripts.bench_site $(if $(PROFILE),--profile $(PROFILE)) $(BENCH_ARGS)

clean:
	rm -rf $(SITE_DIR) build .pytest_cache .ruff_cache

# CHROMIUM, when set, is the browser to test in (CI points it at Playwright's Chromium, as the
# runner's apt may give a snap wrapper); otherwise Chromium from PATH, installed with apt if missing.
chromium:
	@if [ -n "$$CHROMIUM" ]; then \
	  test -x "$$CHROMIUM" || { echo "CHROMIUM=$$CHROMIUM is not an executable file." >&2; exit 1; }; \
	  echo "Chromium: $$CHROMIUM (from CHROMIUM)"; \
	elif command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
	  echo "Chromium: $$(command -v chromium || command -v chromium-browser)"; \
	else \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update && $$SUDO apt-get install -y chromium; \
	fi

$(VENV)/.installed: requirements/dev.txt requirements/constraints.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -r requirements/dev.txt -c requirements/constraints.txt
	$(PY) -m pip install --no-deps -e .
	touch $@

$(DATA_VENV)/.installed: requirements/holiday-data.txt requirements/holiday-data-constraints.txt
	test -x $(DATA_VENV)/bin/python || $(PYTHON) -m venv $(DATA_VENV)
	$(DATA_VENV)/bin/python -m pip install -r requirements/holiday-data.txt \
	  -c requirements/holiday-data-constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(WHEEL): | $(VENV)/.installed
	$(PY) -m pip download --no-deps --only-binary=:all: python-dateutil==4.0.0 -d build/wheels
	touch $@
