# ctdialogue: two commands for a newcomer.
#   make run   - set up everything (virtualenv from the lock file, SQLite, demo content) and serve
#   make test  - run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# `make run` is a development run unless the caller sets DJANGO_DEBUG itself.
MANAGE := DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py

.PHONY: run test install install-dev migrate demo lint format check lock clean bench messages fonts

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-base: requirements/base.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/base.lock
	touch $@

$(VENV)/.installed-dev: requirements/dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.lock
	touch $@ $(VENV)/.installed-base

install: $(VENV)/.installed-base
install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

run: demo
	@echo "Serving on http://$(HOST):$(PORT)/ (admin at /admin/; create an account with: $(BIN)/python manage.py createsuperuser)"
	$(MANAGE) runserver $(HOST):$(PORT)

# axe-core, for the browser tests; without npm they are skipped with a reason.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the browser tests will be skipped"; fi

test: install-dev node_modules/.package-lock.json
	$(BIN)/pytest --cov --cov-report=term

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The interface's catalogues (locale/): the texts the code marks, merged into each
# language's .po (translate what is new, then run again), compiled to the .mo files
# the site reads (committed, so that the site needs no gettext to run). gettext's
# tools are needed: apt-get install gettext.
LOCALES := -l ar -l zh_Hans -l fr -l ru -l es
IGNORED := --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --ignore 'htmlcov/*'
messages: install-dev
	$(MANAGE) makemessages $(LOCALES) --add-location file --no-obsolete $(IGNORED)
	$(MANAGE) compilemessages $(LOCALES) $(IGNORED)

# The fonts the site serves itself for Arabic and Chinese (static/fonts/, committed),
# from Fontsource's packages on the npm registry: deploy/fonts.py says which and why.
FONT_PACKAGES := @fontsource-variable/noto-sans-arabic@5.3.0 @fontsource/noto-sans-sc@5.3.0
fonts:
	rm -rf build/fonts && mkdir -p build/fonts
	cd build/fonts && npm pack --silent $(FONT_PACKAGES) >/dev/null \
	  && for f in *.tgz; do d=$${f%-*.tgz}; mkdir -p $$d && tar xzf $$f -C $$d; done
	$(PYTHON) deploy/fonts.py build/fonts static
	rm -rf build/fonts

check: install-dev
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Re-pin every dependency after changing pyproject.toml.
lock: install-dev
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements/base.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements/dev.lock

# The benchmark: 100,000 generated events on a PostgreSQL database of its own, served
# by gunicorn with DEBUG off, measured with wrk (Debian's package). About 15 minutes.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/ctdialogue_bench
BENCH_EVENTS ?= 100000
BENCH := DATABASE_URL=$(BENCH_DATABASE_URL) DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=127.0.0.1 \
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-bench-only-not-a-secret} $(BIN)/python manage.py

bench: install
	@command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
	psql "$(BENCH_DATABASE_URL)" -c "SELECT 1" >/dev/null 2>&1 || \
		psql "$(dir $(BENCH_DATABASE_URL))postgres" -c "CREATE DATABASE $(notdir $(BENCH_DATABASE_URL))"
	$(BENCH) migrate --noinput -v0
	$(BENCH) bench --events $(BENCH_EVENTS) --output docs/bench.md

clean:
	rm -rf $(VENV) staticfiles .coverage htmlcov
