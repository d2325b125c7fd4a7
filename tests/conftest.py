import io
import os
from datetime import date

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale, Site

from cms.graphql import lookups
from home.models import HomePage
from search.postgres import hunspell_status

# keep_demo_site: transactional tests put the demo site back after the flush.
pytest_plugins = ["tests.demo_snapshot"]

# The day the demo's current events and news are counted from (load_demo_content --today), so
# that what the tests expect never moves; tests of upcoming and past events, and of the
# scheduled page, freeze time at this day with time_machine.
DEMO_TODAY = date(2026, 12, 1)

START_POSTGRES_HINT = """
PostgreSQL is not reachable at {host}:{port} as user {user!r}: {error}

The tests run against a real PostgreSQL. Start one, for example:
  Debian/Ubuntu:  sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
  macOS (brew):   brew services start postgresql
  Docker:         docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16
or point DATABASE_URL at one: DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/cms make test
"""


def pytest_sessionstart(session):
    """Stop at once, with instructions, when the test database server is not there."""
    database = settings.DATABASES["default"]
    if "postgresql" not in database["ENGINE"]:
        pytest.exit("The test suite runs on PostgreSQL; DATABASE_URL points elsewhere.", 2)
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    user = database.get("USER") or "postgres"
    try:
        psycopg.connect(
            host=host,
            port=port,
            user=user,
            password=database.get("PASSWORD") or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error as error:
        message = START_POSTGRES_HINT.format(host=host, port=port, user=user, error=error)
        pytest.exit(message, returncode=2)


@pytest.fixture(autouse=True)
def fresh_site_root_paths():
    """Wagtail caches the sites' root paths in the cache, which outlives a test's rolled-back
    transaction: a Site a test made would still be found by the next test's admin pages. The
    API's per-process lookups (cms/graphql/lookups.py) outlive it too."""
    Site.clear_site_root_paths_cache()
    lookups.clear()
    yield
    Site.clear_site_root_paths_cache()
    lookups.clear()


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploads and renditions of a test run go to a folder of their own."""
    path = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = str(path)
    return path


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, media_root):
    """The demo site is built once per run; each test then runs in a rolled-back transaction."""
    output = io.StringIO()
    with django_db_blocker.unblock():
        call_command("load_demo_content", "--today", DEMO_TODAY.isoformat(), stdout=output)
    return output.getvalue()


# Tests marked `hunspell` need the Czech and Ukrainian dictionaries in PostgreSQL. `make test`
# installs them on Debian when it runs as root (search/install-dictionaries.sh). Without root they
# cannot be written into PostgreSQL's tsearch_data folder, so those tests are skipped with a
# message saying how to install them, unless SEARCH_DICTIONARIES=required (CI sets it): then a
# missing dictionary is a failure, never a silent skip. The search tests and the docs' search
# examples (tests/test_docs_examples.py) use the marker.
HUNSPELL_MISSING = (
    "Czech/Ukrainian Hunspell dictionaries are not installed in PostgreSQL: inflection tests "
    "skipped. Install them as root on the database host: bash search/install-dictionaries.sh"
)


@pytest.fixture(scope="session")
def hunspell_installed(django_db_setup, django_db_blocker) -> bool:
    with django_db_blocker.unblock():
        return all(hunspell_status().values())


@pytest.fixture(autouse=True)
def _needs_hunspell(request):
    if request.node.get_closest_marker("hunspell") is None:
        return
    if request.getfixturevalue("hunspell_installed"):
        return
    if os.environ.get("SEARCH_DICTIONARIES") == "required":
        pytest.fail(HUNSPELL_MISSING.replace("skipped", "required (SEARCH_DICTIONARIES=required)"))
    pytest.skip(HUNSPELL_MISSING)


@pytest.fixture
def demo_load_output(django_db_setup):
    return django_db_setup


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def homes(locales):
    return {code: HomePage.objects.get(locale=locale, depth=2) for code, locale in locales.items()}


@pytest.fixture
def graphql(client, db):
    """Run a query as a frontend does: POST JSON to /graphql/; returns the decoded body."""

    def run(query: str, variables: dict | None = None, expect_errors: bool = False) -> dict:
        response = client.post(
            "/graphql/",
            data={"query": query, "variables": variables or {}},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
        body = response.json()
        if not expect_errors:
            assert "errors" not in body, body.get("errors")
        return body

    return run


@pytest.fixture
def page_id(db):
    """The id of the page at a url_path such as '/cs/akce/ai-forum-cz-ua-2024/'."""
    from wagtail.models import Page

    def lookup(url_path: str) -> str:
        return str(Page.objects.get(url_path=url_path).pk)

    return lookup
