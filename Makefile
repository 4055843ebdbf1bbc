# Two commands for a fresh Debian machine (README):
#   make run    set everything up and open Seuil on the default local database
#   make test   set everything up and run lint, types, import contracts, tests (SQLite + PostgreSQL)
VENV ?= .venv
PYTHON ?= python3
export VENV PYTHON

.PHONY: run test setup translations screenshots clean

run:
	@bash scripts/setup.sh run
	@$(VENV)/bin/python -m desktop_app

test:
	@bash scripts/test.sh

setup:
	@bash scripts/setup.sh test

translations:
	@$(VENV)/bin/python scripts/i18n.py update
	@$(VENV)/bin/python scripts/i18n.py check

screenshots:
	@QT_QPA_PLATFORM=offscreen $(VENV)/bin/python scripts/screenshots.py resources/screenshots

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache resources/i18n/*.qm
