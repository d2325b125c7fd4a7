"""A new database connection loads the Hunspell dictionaries at once (search/warm_up.py), unless
SEARCH_WARM_UP is off; a database without our configurations or another vendor is left alone."""

import copy

import pytest
from django.db import connections
from django.db.utils import ConnectionHandler
from django.test.utils import CaptureQueriesContext

from search.warm_up import WARM_UP_SQL

LOADED = (
    "SELECT to_tsvector(oid::regconfig, 'a') FROM pg_ts_config "
    "WHERE cfgname IN ('cms_cs', 'cms_uk') AND pg_ts_config_is_visible(oid)"
)


@pytest.fixture
def fresh_connection(db, settings):
    """A second connection to the test database, outside the test's transaction (with the
    warm-up on, whatever the test settings say)."""
    settings.SEARCH_WARM_UP = True
    default = connections["default"]
    # Settings of its own: a test points it at another database.
    connection = type(default)(copy.deepcopy(default.settings_dict), alias="fresh")
    yield connection
    connection.close()


def queries_when_connecting(connection) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        connection.close()
        connection.ensure_connection()
    return [query["sql"] for query in captured.captured_queries]


def test_a_new_connection_warms_the_dictionaries_up(fresh_connection):
    assert queries_when_connecting(fresh_connection) == [LOADED]
    assert WARM_UP_SQL == LOADED
    # Both configurations exist in the test database (search's migration), one row each.
    with fresh_connection.cursor() as cursor:
        cursor.execute(WARM_UP_SQL)
        assert cursor.fetchall() == [("'a':1",), ("'a':1",)]


def test_the_setting_off_skips_it(fresh_connection, settings):
    settings.SEARCH_WARM_UP = False
    assert queries_when_connecting(fresh_connection) == []


def test_a_database_without_the_configurations_connects_as_usual(fresh_connection):
    """The maintenance database has no cms_* configurations (like ours before `migrate`)."""
    fresh_connection.settings_dict["NAME"] = "postgres"
    assert queries_when_connecting(fresh_connection) == [LOADED]
    with fresh_connection.cursor() as cursor:
        cursor.execute(WARM_UP_SQL)
        assert cursor.fetchall() == []
        cursor.execute("SELECT current_database()")
        assert cursor.fetchone() == ("postgres",)


def test_other_databases_are_left_alone(db, settings):
    settings.SEARCH_WARM_UP = True
    sqlite = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    )["default"]
    try:
        assert queries_when_connecting(sqlite) == []
    finally:
        sqlite.close()
