"""Fixtures of the operations tests: a database connection outside the test transaction that
can be killed or pointed at a closed port, and a cache backend that always fails."""

import socket
import time

import psycopg
import pytest
from django.core.cache.backends.base import BaseCache
from django.db import connection


class BrokenCache(BaseCache):
    """A cache whose server is unreachable: every operation raises."""

    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise ConnectionError("cache server unreachable")

    add = get = set = touch = delete = incr = clear = has_key = _fail


BROKEN_CACHE = {"BACKEND": "tests.ops.conftest.BrokenCache"}


@pytest.fixture
def live_db(django_db_setup, django_db_blocker):
    """The test database in autocommit, outside any test transaction: the connection can be
    killed, closed and opened again as in production. (Tests using it only read.)"""
    with django_db_blocker.unblock():
        connection.close()
        yield connection
        connection.close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Database:
    """Switches the connection's server off (a closed port) and on again."""

    def __init__(self):
        self.original = {key: connection.settings_dict.get(key) for key in ("HOST", "PORT")}

    def down(self):
        connection.close()
        connection.settings_dict.update({"HOST": "127.0.0.1", "PORT": str(closed_port())})

    def up(self):
        connection.settings_dict.update(self.original)

    def kill_backend(self):
        """pg_terminate_backend of our open connection, from a second connection."""
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        settings = connection.settings_dict
        with psycopg.connect(
            host=settings["HOST"] or "127.0.0.1",
            port=settings["PORT"] or 5432,
            user=settings["USER"] or "postgres",
            password=settings["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
            for _ in range(50):
                alive = admin.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid]
                ).fetchone()[0]
                if not alive:
                    return
                time.sleep(0.1)
        raise AssertionError(f"backend {pid} still alive")


@pytest.fixture
def database(live_db):
    switch = Database()
    yield switch
    switch.up()
