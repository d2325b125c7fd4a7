"""Our PostgreSQL database backend: Django's, plus a signal when a server connection is set up.

`connection_configured` is sent once per new PostgreSQL connection, whether Django opened it
itself (`CONN_MAX_AGE`) or a connection pool made it (`OPTIONS["pool"]`, psycopg_pool): in the
pool's case it runs in the pool's own thread, before any request gets the connection. Django's
`connection_created` cannot do that job: with a pool it fires each time a request borrows a
connection, and never where the pool makes one. search/warm_up.py loads the search dictionaries
through it (docs/deployment.md "Database connections").
"""

from django.dispatch import Signal

# Arguments: sender (the DatabaseWrapper class), connection (psycopg's connection, autocommit),
# alias (the database alias).
connection_configured = Signal()

ENGINE = "cms.db.postgresql"


def with_our_engine(database: dict) -> dict:
    """A DATABASES entry on Django's PostgreSQL backend switched to ours; others unchanged."""
    if database.get("ENGINE") == "django.db.backends.postgresql":
        database["ENGINE"] = ENGINE
    return database
