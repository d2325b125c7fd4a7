"""A new database connection has the Hunspell dictionaries loaded before anything uses it
(search/warm_up.py on cms.db.connection_configured): a connection Django opens itself, and each
connection production's pool makes, in the pool's thread, once. SEARCH_WARM_UP off skips it; a
database without our configurations connects as usual.

What a server process holds is read from PostgreSQL itself: each loaded text search dictionary
has a "TS dictionary" memory context named after it (pg_backend_memory_contexts)."""

import copy
import logging

import pytest
from django.db import connections
from django.db.utils import ConnectionHandler

from cms.db import connection_configured
from cms.db.pool import open_pools, wait_until_filled
from search.warm_up import WARM_UP_SQL

LOADED = (
    "SELECT to_tsvector(oid::regconfig, 'a') FROM pg_ts_config "
    "WHERE cfgname IN ('cms_cs', 'cms_uk') AND pg_ts_config_is_visible(oid)"
)
HUNSPELL = {"cms_cs_hunspell", "cms_uk_hunspell"}
DICTIONARIES_LOADED = (
    "SELECT ident FROM pg_backend_memory_contexts WHERE name = 'TS dictionary' ORDER BY ident"
)


def dictionaries_loaded(cursor) -> set[str]:
    cursor.execute(DICTIONARIES_LOADED)
    return {ident for (ident,) in cursor.fetchall()}


def a_connection_like_default(alias: str, **changes):
    default = connections["default"]
    settings_dict = {**copy.deepcopy(default.settings_dict), **changes}
    return type(default)(settings_dict, alias=alias)


@pytest.fixture
def fresh_connection(db, settings):
    """A second connection to the test database, outside the test's transaction (with the
    warm-up on, whatever the test settings say)."""
    settings.SEARCH_WARM_UP = True
    connection = a_connection_like_default("fresh")
    yield connection
    connection.close()


@pytest.fixture
def configured():
    """Every connection_configured sent during the test: (alias, psycopg connection)."""
    sent = []

    def receiver(sender, connection, alias, **kwargs):
        sent.append((alias, connection))

    connection_configured.connect(receiver)
    yield sent
    connection_configured.disconnect(receiver)


def test_a_new_connection_has_the_dictionaries_loaded(fresh_connection, configured):
    assert WARM_UP_SQL == LOADED
    fresh_connection.ensure_connection()
    assert configured == [("fresh", fresh_connection.connection)]
    with fresh_connection.cursor() as cursor:
        assert HUNSPELL <= dictionaries_loaded(cursor)
        # Both configurations exist in the test database (search's migration), one row each.
        cursor.execute(WARM_UP_SQL)
        assert cursor.fetchall() == [("'a':1",), ("'a':1",)]


def test_the_setting_off_skips_it(fresh_connection, settings):
    settings.SEARCH_WARM_UP = False
    with fresh_connection.cursor() as cursor:
        assert dictionaries_loaded(cursor) & HUNSPELL == set()


def test_a_database_without_the_configurations_connects_as_usual(fresh_connection, configured):
    """The maintenance database has no cms_* configurations (like ours before `migrate`)."""
    fresh_connection.settings_dict["NAME"] = "postgres"
    with fresh_connection.cursor() as cursor:
        assert dictionaries_loaded(cursor) & HUNSPELL == set()
        cursor.execute("SELECT current_database()")
        assert cursor.fetchone() == ("postgres",)
    assert [alias for alias, _ in configured] == ["fresh"]


def test_other_databases_send_no_signal(db, settings, configured):
    settings.SEARCH_WARM_UP = True
    sqlite = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    )["default"]
    try:
        with sqlite.cursor() as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone() == (1,)
    finally:
        sqlite.close()
    assert configured == []


@pytest.fixture
def pooled(db, settings):
    """A connection of the test database through a pool of two, as production sets it up."""
    settings.SEARCH_WARM_UP = True
    connection = a_connection_like_default(
        "pooled", CONN_MAX_AGE=0, OPTIONS={"pool": {"min_size": 2, "max_size": 2, "timeout": 20}}
    )
    yield connection
    connection.close()
    connection.close_pool()


def test_the_pool_sets_each_connection_up_once_before_it_is_borrowed(pooled, configured):
    pool = pooled.pool
    pool.open()
    assert wait_until_filled(pool, timeout=30)
    made = {id(raw) for _, raw in configured}
    assert [alias for alias, _ in configured] == ["pooled", "pooled"] and len(made) == 2

    borrowed = set()
    for _ in range(6):  # as six requests would: borrow, use, give back
        with pooled.cursor() as cursor:
            assert HUNSPELL <= dictionaries_loaded(cursor)
        borrowed.add(id(pooled.connection))
        pooled.close()
    assert borrowed <= made
    assert len(configured) == 2  # borrowing sets nothing up again


def pooled_databases(**changes) -> ConnectionHandler:
    """Databases like the test settings' with a pool, as production's settings make them."""
    default = {**copy.deepcopy(connections["default"].settings_dict), "CONN_MAX_AGE": 0, **changes}
    return ConnectionHandler({"default": default})


def test_open_pools_waits_for_them_to_fill(db, settings, configured):
    settings.SEARCH_WARM_UP = True
    databases = pooled_databases(OPTIONS={"pool": {"min_size": 1, "max_size": 3, "timeout": 20}})
    try:
        open_pools(timeout=30, databases=databases)
        # Grown from the settings' one to the most a worker's threads use.
        assert databases["default"].pool.get_stats()["pool_available"] == 3
        assert [alias for alias, _ in configured] == ["default"] * 3
    finally:
        databases["default"].close_pool()


def test_open_pools_gives_up_waiting_on_a_database_that_is_down(db, caplog):
    """A worker starts serving (503s) rather than hanging; the pool stays open to retry."""
    databases = pooled_databases(
        NAME="cms_no_such_database", OPTIONS={"pool": {"min_size": 1, "max_size": 1}}
    )
    try:
        with caplog.at_level(logging.WARNING, logger="cms.db"):
            open_pools(timeout=0.5, databases=databases)
        assert [r.getMessage() for r in caplog.records if r.name == "cms.db"] == [
            "Database pool 'default' holds 0 of its 1 connections after 0.5 s; serving anyway"
        ]
        assert not databases["default"].pool.closed
    finally:
        databases["default"].close_pool()
