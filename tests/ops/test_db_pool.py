"""Production's database pool (cms/settings/production.py, cms/db/): its settings, and that a
database refusing connections is answered at once rather than after the pool's whole timeout.
The warm-up of each pooled connection is tested in tests/search/test_warm_up.py."""

import copy

import psycopg
import pytest
from django.db import OperationalError, connections
from django.db.utils import ConnectionHandler

from cms.db import connection as observed
from cms.db.connection import ObservedConnection, latest_attempt_failed
from cms.db.postgresql.base import WAIT_WHILE_REFUSED

from .test_production import printed_json, production_env

POOL_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "d = s.DATABASES['default']; p = dict(d['OPTIONS'].get('pool') or {}); "
    "p['connection_class'] = getattr(p.get('connection_class'), '__qualname__', None); "
    "print(json.dumps([d['ENGINE'], d['CONN_MAX_AGE'], p]))"
)


def production_database_settings(**env) -> list:
    return printed_json(POOL_SETTINGS, production_env(**env))


def test_production_pools_connections_by_default():
    assert production_database_settings(GUNICORN_THREADS="6") == [
        "cms.db.postgresql",
        0,
        {
            "min_size": 1,
            "max_size": 6,
            "timeout": 10.0,
            "max_lifetime": 3600.0,
            "reconnect_timeout": 5.0,
            "connection_class": "ObservedConnection",
            "name": "cms",
        },
    ]


def test_the_pool_can_be_sized_or_turned_off():
    engine, _, pool = production_database_settings(
        DATABASE_POOL_SIZE="3", DATABASE_POOL_TIMEOUT="4", DATABASE_POOL_MAX_LIFETIME="600"
    )
    assert (pool["max_size"], pool["timeout"], pool["max_lifetime"]) == (3, 4.0, 600.0)
    assert production_database_settings(DATABASE_POOL="false", CONN_MAX_AGE="90") == [
        "cms.db.postgresql",
        90,
        {"connection_class": None},
    ]


@pytest.fixture
def attempts():
    """The process-wide note of the latest connection attempt, as the test found it."""
    saved = observed._latest["failed"]
    yield
    observed._latest["failed"] = saved


def test_the_latest_attempt_to_connect_is_noted(db, attempts):
    params = connections["default"].get_connection_params()
    params.pop("cursor_factory", None)
    with pytest.raises(psycopg.OperationalError, match="cms_no_such_database"):
        ObservedConnection.connect(**{**params, "dbname": "cms_no_such_database"})
    assert latest_attempt_failed() is True
    ObservedConnection.connect(**params).close()
    assert latest_attempt_failed() is False


def test_a_refusing_database_is_answered_without_waiting_out_the_pool(db, attempts):
    down = {
        **copy.deepcopy(connections["default"].settings_dict),
        "NAME": "cms_no_such_database",
        "CONN_MAX_AGE": 0,
        "OPTIONS": {
            "pool": {
                "min_size": 1,
                "max_size": 1,
                "timeout": 3.0,
                "reconnect_timeout": 5.0,
                "connection_class": ObservedConnection,
            }
        },
    }
    databases = ConnectionHandler({"default": down})
    wrapper = databases["default"]
    try:
        observed._latest["failed"] = False
        # The first request cannot know yet: it waits the pool's timeout, meanwhile the pool
        # tries, fails and notes it.
        with pytest.raises(OperationalError, match="couldn't get a connection after 3.00 sec"):
            wrapper.ensure_connection()
        assert latest_attempt_failed() is True
        # The next ones wait half a second, each an outage (the API answers them 503).
        for _ in range(3):
            with pytest.raises(
                OperationalError,
                match=f"couldn't get a connection after {WAIT_WHILE_REFUSED:.2f} sec",
            ):
                wrapper.ensure_connection()
        assert not wrapper.pool.closed
    finally:
        wrapper.close_pool()
