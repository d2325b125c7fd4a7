"""psycopg's connection for the pool, noting whether the latest attempt to open one failed.

A request that finds the database refusing is answered 503 at once, as it was before the pool
(cms/db/postgresql/base.py reads `latest_attempt_failed()`), instead of waiting the pool's whole
timeout for a connection that cannot come. Process-wide: a deployment has one database.
"""

import psycopg

_latest = {"failed": False}


def latest_attempt_failed() -> bool:
    return _latest["failed"]


class ObservedConnection(psycopg.Connection):
    @classmethod
    def connect(cls, *args, **kwargs):
        try:
            connection = super().connect(*args, **kwargs)
        except psycopg.OperationalError:
            _latest["failed"] = True
            raise
        _latest["failed"] = False
        return connection
