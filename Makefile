# humandesk — `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HD     := $(VENV)/bin/humandesk
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements.lock
	$(VENV)/bin/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install pinned dependencies

run: install ## Migrate, load the demo workspace and serve http://127.0.0.1:8000
	$(HD) migrate --noinput
	$(HD) demo --if-empty
	$(HD) serve

demo: install ## Reset the database to the demo workspace
	$(HD) migrate --noinput
	$(HD) demo --reset

test: install ## Run the whole test suite (SQLite; PostgreSQL/Redis parts when reachable)
	$(VENV)/bin/pytest
	$(PY) -m tests.run_postgres

lint: install ## ruff
	$(VENV)/bin/ruff check humandesk tests bench

messages: install ## Extract and compile UI translations (ru, en, es)
	cd humandesk && ../$(HD) makemessages -l ru -l en -l es --no-obsolete
	cd humandesk && ../$(HD) compilemessages

bench: install ## Run every benchmark and print the tables
	$(PY) -m bench

clean: ## Remove the virtualenv and the local database
	rm -rf $(VENV) var

.PHONY: help install run demo test lint messages bench clean
