# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make run   – install, migrate, load the demo content, create the admin user, serve :8000
#   make test  – install with the dev tools and run the whole suite against PostgreSQL

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
INSTALLED := $(VENV)/.installed

.PHONY: run test install lint format lock schema clean search-dictionaries faults bench \
	messages messages-update gettext

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when the dependency declarations change.
$(INSTALLED): pyproject.toml constraints.txt | $(PY)
	$(PIP) install --quiet -c constraints.txt -e ".[dev]"
	touch $@

install: $(INSTALLED)

run: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --if-empty --quiet-steps
	$(PY) manage.py ensure_admin
	@echo "Admin: http://127.0.0.1:8000/admin/"
	$(PY) manage.py runserver 127.0.0.1:8000

# The admin in Czech and Ukrainian (docs/translation.md): locale/<lang>/LC_MESSAGES/django.po is
# compiled into django.mo (build output, gitignored), again only when the .po changes. Compiling
# needs msgfmt from GNU gettext, a system package: installed on Debian as root, else a hint.
MESSAGES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))
# What makemessages and compilemessages leave alone: other packages' catalogues (the venvs) and
# everything that is not the project's own admin.
MESSAGES_IGNORE := --ignore='.venv*' --ignore=var --ignore=node_modules --ignore=benchmarks \
	--ignore=tests

messages: $(MESSAGES)

locale/%.mo: locale/%.po | $(INSTALLED)
	@command -v msgfmt >/dev/null 2>&1 || $(MAKE) --no-print-directory gettext
	$(PY) manage.py compilemessages --locale $(word 2,$(subst /, ,$@)) $(MESSAGES_IGNORE)

gettext:
	@if command -v msgfmt >/dev/null 2>&1; then exit 0; fi; \
	if [ -f /etc/debian_version ] && [ "$$(id -u)" -eq 0 ]; then \
		echo "Installing gettext (msgfmt compiles the admin's Czech and Ukrainian)…"; \
		apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			gettext >/dev/null; \
	else \
		echo "msgfmt (GNU gettext) is missing: it compiles the admin's Czech and Ukrainian." >&2; \
		echo "  Debian/Ubuntu: sudo apt-get install gettext    macOS: brew install gettext" >&2; \
		exit 1; \
	fi

# After adding or changing admin strings: extract them into locale/{cs,uk}, then translate every
# new or fuzzy entry (tests/translation/test_admin_i18n.py fails while one is left).
messages-update: install
	@command -v xgettext >/dev/null 2>&1 || $(MAKE) --no-print-directory gettext
	$(PY) manage.py makemessages --locale cs --locale uk --add-location file $(MESSAGES_IGNORE)

# Czech and Ukrainian Hunspell dictionaries for PostgreSQL search (Debian as root; else a hint).
search-dictionaries:
	PYTHON=$(PY) bash search/install-dictionaries.sh

test: install search-dictionaries messages
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

# The event cards side by side with wagtail-grapple, Wagtail API v2 and a minimal view, a page by
# path, searches and a mixed load, each under gunicorn on this machine (benchmarks/bench.py;
# BENCH_PAGES pages, default 5,000; about 8 minutes, PostgreSQL and Redis on 127.0.0.1; the peers
# get their own venv .venv-bench); writes docs/performance.md.
bench: install
	$(PY) benchmarks/bench.py

# Re-vendor GraphiQL (cms/static/graphiql/README.md): `npm ci` of its package-lock.json in var/,
# then only the UMD builds and LICENSE files are copied into the app's static files. The source
# map comment is dropped because the map is not vendored (a manifest storage would refuse it).
.PHONY: graphiql
graphiql:
	rm -rf var/graphiql-npm && mkdir -p var/graphiql-npm
	cp cms/static/graphiql/package.json cms/static/graphiql/package-lock.json var/graphiql-npm/
	cd var/graphiql-npm && npm ci --ignore-scripts --no-audit --no-fund
	set -e; src=var/graphiql-npm/node_modules; dst=cms/static/graphiql/vendor; \
	rm -rf $$dst; mkdir -p $$dst/graphiql $$dst/react $$dst/react-dom; \
	grep -v '^//# sourceMappingURL=' $$src/graphiql/graphiql.min.js > $$dst/graphiql/graphiql.min.js; \
	cp $$src/graphiql/graphiql.min.css $$src/graphiql/LICENSE $$dst/graphiql/; \
	cp $$src/react/umd/react.production.min.js $$src/react/LICENSE $$dst/react/; \
	cp $$src/react-dom/umd/react-dom.production.min.js $$src/react-dom/LICENSE $$dst/react-dom/
	rm -rf var/graphiql-npm

clean:
	rm -rf $(VENV) .venv-bench var .pytest_cache .ruff_cache locale/*/LC_MESSAGES/*.mo
