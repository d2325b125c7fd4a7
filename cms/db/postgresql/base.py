"""Django's PostgreSQL backend, sending `cms.db.connection_configured` for each new connection,
and not waiting on its pool for a database that refuses connections."""

from django.db.backends.postgresql import base

from cms.db import connection_configured
from cms.db.connection import latest_attempt_failed

# Seconds a request waits for a pooled connection while the pool's latest attempt to connect
# failed (the database is down or refuses): long enough for a connection given back or made
# just then, short enough that an outage is answered 503 at once.
WAIT_WHILE_REFUSED = 0.5


class DatabaseWrapper(base.DatabaseWrapper):
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
