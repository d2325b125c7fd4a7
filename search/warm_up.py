"""The Czech and Ukrainian Hunspell dictionaries loaded when a database connection is set up, not
by the first search on it (docs/deployment.md "Search dictionaries warm-up").

PostgreSQL reads and compiles an ispell dictionary the first time a backend process uses it and
keeps it for that backend's life: about 0.8 s for cms_cs and cms_uk together on a quiet 2-core
machine, paid by whichever query uses them first. One word through each of the two
configurations loads both dictionaries at once. It runs on `cms.db.connection_configured`: where
production's connection pool makes a connection, in the pool's thread before any request borrows
it; where Django opens connections itself, as the connection opens. Where the configurations do
not exist (a database before `migrate`) the query finds no rows; without the Hunspell files they
are pass-through dictionaries and cost nothing to load. SEARCH_WARM_UP = False turns it off.
"""

import logging

from django.conf import settings

logger = logging.getLogger("search.warm_up")

# cms_cs and cms_uk each send a word to their Hunspell dictionary right after unaccent, so "a"
# reaches (and loads) both; cms_search uses the same two dictionaries.
WARM_UP_SQL = (
    "SELECT to_tsvector(oid::regconfig, 'a') FROM pg_ts_config "
    "WHERE cfgname IN ('cms_cs', 'cms_uk') AND pg_ts_config_is_visible(oid)"
)


def warm_up(sender, connection, **kwargs) -> None:
    """connection_configured receiver: `connection` is psycopg's, in autocommit."""
    if not settings.SEARCH_WARM_UP:
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute(WARM_UP_SQL)
            cursor.fetchall()
    except sender.Database.Error as error:
        # Only a speed-up: the connection stays usable (autocommit, so nothing is aborted), and
        # the first search loads the dictionaries itself.
        logger.warning("Search dictionaries warm-up failed: %s", error)
