"""Django's PostgreSQL backend, sending `cms.db.connection_configured` for each new connection,
not waiting on its pool for a database that refuses connections, and reading timestamps faster."""

import datetime
from functools import lru_cache

from django.db.backends.postgresql import base
from django.db.backends.postgresql.psycopg_any import BaseTzLoader
from psycopg import adapt

from cms.db import connection_configured
from cms.db.connection import latest_attempt_failed

# Seconds a request waits for a pooled connection while the pool's latest attempt to connect
# failed (the database is down or refuses): long enough for a connection given back or made
# just then, short enough that an outage is answered 503 at once.
WAIT_WHILE_REFUSED = 0.5


class UtcTimestampLoader(BaseTzLoader):
    """Django's loader of `timestamp with time zone` for a UTC connection, parsing with the
    standard library's C `datetime.fromisoformat` instead of psycopg's pure-Python parser.

    Django subclasses psycopg's Python loader (its subclass replaces the time zone), so
    psycopg's C loader is never used: some 200 timestamps of the event cards were ~7% of the
    request's CPU (benchmarks/profile_cards.py). A connection of Django with USE_TZ speaks UTC,
    so PostgreSQL writes `2026-12-04 23:18:26.123456+00`; anything else (another offset, BC
    dates, infinity, years past 9999) goes to Django's loader, which reads or refuses it as
    before. tests/ops/test_timestamps.py holds the two to each other.
    """

    timezone = datetime.UTC

    def load(self, data):
        text = bytes(data)
        if text.endswith(b"+00"):
            try:
                naive = datetime.datetime.fromisoformat(text[:-3].decode())
            except ValueError:
                pass
            else:
                if naive.tzinfo is None:
                    return naive.replace(tzinfo=datetime.UTC)
        return super().load(data)


@lru_cache
def adapters_reading_utc(template: adapt.AdaptersMap) -> adapt.AdaptersMap:
    """Django's adapters of a UTC connection, with the faster timestamp loader."""
    adapters = adapt.AdaptersMap(template)
    adapters.register_loader("timestamptz", UtcTimestampLoader)
    return adapters


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        # Django's create_cursor keeps a connection's loader whose `timezone` is the
        # connection's: ours says UTC, so it is used only where Django's would be UTC too.
        if params.get("context") is not None and self.timezone is datetime.UTC:
            params["context"] = adapters_reading_utc(params["context"])
        return params

    def _configure_connection(self, connection):
        # Django calls this for a connection it opened itself (init_connection_state) and psycopg's
        # pool calls it for each connection it makes (ConnectionPool(configure=…)), never again
        # when a request borrows one: the one place both paths share.
        commit = super()._configure_connection(connection)
        connection_configured.send(type(self), connection=connection, alias=self.alias)
        return commit

    def get_new_connection(self, conn_params):
        pool = self.pool
        if pool is not None:
            # Django's get_new_connection calls getconn() without a timeout: set the pool's own.
            # Every thread sets the same value from the same state, so the race is harmless.
            pool.timeout = WAIT_WHILE_REFUSED if latest_attempt_failed() else self.pool_timeout
        return super().get_new_connection(conn_params)

    @property
    def pool_timeout(self) -> float:
        options = self.settings_dict["OPTIONS"].get("pool")
        return options.get("timeout", 30.0) if isinstance(options, dict) else 30.0
