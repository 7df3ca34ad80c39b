# Two commands on a fresh machine: `make run` serves the portal, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000
WORKERS ?= 2

.PHONY: prepare run worker dev test format messages lock hooks clean-venv

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# requirements.txt and requirements-dev.txt are locks (`make lock`): every package, sub-dependencies
# included, at one version with its hashes. Stamps make re-runs fast: pip runs again only when a
# lock changes.
$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

# Local secrets, generated once and never committed (.gitignore).
.env:
	$(PYTHON) -c 'import secrets; print("SECRET_KEY=" + secrets.token_urlsafe(50)); print("DEMO_STAFF_PASSWORD=" + secrets.token_urlsafe(12))' > $@
	@echo "Generated .env with a new SECRET_KEY and demo staff password."

prepare: $(VENV)/.runtime-installed .env
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) setup_demo

# gunicorn, and beside it the Celery worker that sends emails and builds exports, with beat (the
# reminders, email retries) inside it. Ctrl+C reaches both; the trap waits for the worker to stop.
run: prepare
	@echo "Serving the portal at http://127.0.0.1:$(PORT)/ with a Celery worker (Ctrl+C stops both)"
	@trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(VENV)/bin/celery -A portal worker --beat --concurrency $(WORKERS) --loglevel INFO & worker=$$!; \
	$(VENV)/bin/gunicorn portal.wsgi:application --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--worker-class gthread --threads 4 --access-logfile -

# The worker alone, as each production machine runs it (README "Background work").
worker: $(VENV)/.runtime-installed .env
	$(VENV)/bin/celery -A portal worker --beat --concurrency $(WORKERS) --loglevel INFO

dev: prepare
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:$(PORT)

# Test-only tools of the quality gates, pinned in package.json: axe-core (accessibility) and
# vnu.jar (the Nu Html Checker). Without npm those gates skip and say why.
node_modules/.installed: package.json
	@if command -v npm >/dev/null 2>&1; then \
		npm install --no-package-lock --ignore-scripts --no-audit --no-fund --loglevel=error \
			&& touch $@; \
	else \
		echo "npm not found: the accessibility and HTML gates will skip (apt-get install npm)"; \
	fi

test: $(VENV)/.dev-installed .env node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Git hooks of .pre-commit-config.yaml (ruff, file hygiene) on every commit, for those who want
# them; `make test` and CI do not use them. Git worktrees share one hooks folder, so a branch
# without the config (one older than it) commits as before instead of being refused.
hooks: $(VENV)/.dev-installed
	$(VENV)/bin/pre-commit install --allow-missing-config

# Refresh the Chinese catalogue after changing user-facing strings, then translate and compile.
messages: $(VENV)/.dev-installed .env
	$(MANAGE) makemessages --locale zh_Hans --ignore ".venv/*" --ignore "staticfiles/*" --ignore "node_modules/*" --ignore "tests/*" --ignore "bench/*"
	$(MANAGE) compilemessages --locale zh_Hans --ignore ".venv/*"

# Recompile the locks from requirements.in and requirements-dev.in, keeping every version already
# locked unless asked, e.g. `make lock LOCK_ARGS="--upgrade-package django"` (or "--upgrade").
# pip-tools runs from a throwaway venv rather than .venv: it drives pip's internals, so it gets the
# pip it was released against, not whatever pip .venv upgraded to; and the tool that writes the
# locks then has no place in them.
PIP_TOOLS := pip==26.3 pip-tools==7.6.2
LOCK_ARGS ?=
PIP_COMPILE_OPTIONS := --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links
lock:
	@lockenv=$$(mktemp -d) && trap 'rm -rf "$$lockenv"' EXIT && \
	$(PYTHON) -m venv "$$lockenv" && \
	"$$lockenv/bin/python" -m pip install --quiet $(PIP_TOOLS) && \
	export CUSTOM_COMPILE_COMMAND="make lock" && \
	"$$lockenv/bin/pip-compile" $(PIP_COMPILE_OPTIONS) $(LOCK_ARGS) --output-file=requirements.txt requirements.in && \
	"$$lockenv/bin/pip-compile" $(PIP_COMPILE_OPTIONS) $(LOCK_ARGS) --output-file=requirements-dev.txt requirements-dev.in
	@echo "Locks updated: review the diff of requirements.txt and requirements-dev.txt, then commit them."

clean-venv:
	rm -rf $(VENV)
