# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make run   – install, migrate, load the demo content, create the admin user, serve :8000
#   make test  – install with the dev tools and run the whole suite against PostgreSQL

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
INSTALLED := $(VENV)/.installed

.PHONY: run test install lint format lock schema clean search-dictionaries faults

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when the dependency declarations change.
$(INSTALLED): pyproject.toml constraints.txt | $(PY)
	$(PIP) install --quiet -c constraints.txt -e ".[dev]"
	touch $@

install: $(INSTALLED)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --if-empty --quiet-steps
	$(PY) manage.py ensure_admin
	@echo "Admin: http://127.0.0.1:8000/admin/"
	$(PY) manage.py runserver 127.0.0.1:8000

# Czech and Ukrainian Hunspell dictionaries for PostgreSQL search (Debian as root; else a hint).
search-dictionaries:
	PYTHON=$(PY) bash search/install-dictionaries.sh

test: install search-dictionaries
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Rewrite the committed GraphQL SDL after changing the API (tests/test_schema.py checks it).
schema: install
	$(PY) manage.py export_schema cms.schema:schema --path schema.graphql

# Pin every installed package for reproducible installs (run after changing pyproject.toml).
lock: $(PY)
	$(PIP) install --quiet -e ".[dev]"
	$(PIP) freeze --exclude-editable | grep -v '^-e ' > constraints.txt

# The production server and worker under load while the database and the worker fail
# (benchmarks/faults.py; about 2 minutes; --write-docs puts the numbers in docs/deployment.md).
faults: install
	$(PY) benchmarks/faults.py --write-docs

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
