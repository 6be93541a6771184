# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON_VERSION := $(shell cat .python-version)
PYTHON ?= $(shell command -v python$(PYTHON_VERSION) || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# Development defaults; production sets real values in the environment.
export DEBUG ?= 1

.PHONY: run test lint venv deps dev-deps migrate seed clean bench profile messages

# Links in email point where this server answers (SITE_URL in production).
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: deps migrate seed
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# var/ holds the embedded SQLite database: makemigrations --check opens it.
test: dev-deps | var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

venv: $(BIN)/python

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == tuple(map(int, "$(PYTHON_VERSION)".split("."))), f"Python $(PYTHON_VERSION) is needed, found {sys.version.split()[0]}"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

deps: $(BIN)/.deps

$(BIN)/.deps: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

dev-deps: $(BIN)/.dev-deps

$(BIN)/.dev-deps: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(BIN)/.deps

var:
	@mkdir -p var

migrate: deps | var
	$(BIN)/python manage.py migrate --no-input

seed: deps
	$(BIN)/python manage.py seed_demo

# Refresh the Spanish catalogue from the marked strings, then compile it (needs gettext).
# compilemessages compiles every LOCALE_PATHS entry: locale/ and the hand-written
# locale_overrides/ ("tú" versions of allauth's and Django's strings, README).
messages: deps
	$(BIN)/python manage.py makemessages --locale es --no-obsolete --no-location \
		--ignore '.venv/*' --ignore 'var/*' --ignore 'node_modules/*' --ignore 'benchmarks/*'
	$(BIN)/python manage.py compilemessages --locale es --ignore '.venv/*'

lint: dev-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) var

# Load benchmark and soak (benchmarks/, README "Measuring"). Uses DATABASE_URL and
# REDIS_URL when set, else its own SQLite file: never the development database.
bench: export DATABASE_URL := $(or $(DATABASE_URL),sqlite:///$(CURDIR)/var/bench.sqlite3)
bench: deps
	@mkdir -p var
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y wrk; \
	  else echo "make bench needs wrk: run 'sudo apt-get install wrk' first." >&2; exit 1; fi; }
	$(BIN)/python manage.py bench --create-database
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py bench $(BENCH_ARGS)

# Where a warm request's time goes, per bench endpoint: middleware, view, queries,
# post cards, rendering (README "Measuring"). Its own small database, like bench's.
profile: export DATABASE_URL := $(or $(DATABASE_URL),sqlite:///$(CURDIR)/var/profile.sqlite3)
profile: dev-deps
	@mkdir -p var
	$(BIN)/python manage.py bench --create-database
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py profile $(PROFILE_ARGS)
