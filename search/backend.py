"""The search backend: Wagtail's database backend, with a text search configuration per locale.

On PostgreSQL it is Wagtail's PostgreSQL backend, except that

- each object is indexed with the configuration of its locale (LOCALE_CONFIGS: `cms_en`,
  `cms_cs`, `cms_uk`; search/postgres.py); objects without a locale with SEARCH_CONFIG;
- a query is parsed with the configuration of the locale searched: `for_locale(code)`;
- autocomplete uses AUTOCOMPLETE_CONFIG (unaccent, no stemming) instead of the hard-wired
  `simple`.

On any other database (the embedded SQLite run) it is whatever Wagtail's database backend picks
there, so searches still answer, without stemming. Switching to OpenSearch/Elasticsearch is a
settings change (docs/search.md).
"""

from collections import defaultdict

from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend


def backend_for_locale(language_code: str):
    """The default search backend, parsing queries like the pages of this locale are indexed."""
    backend = get_search_backend()
    config = getattr(backend, "locale_configs", {}).get(language_code)
    return get_search_backend(SEARCH_CONFIG=config) if config else backend


def search_config(backend) -> str | None:
    """The text search configuration a backend parses queries with (None: not PostgreSQL)."""
    return getattr(backend, "config", None) if connection.vendor == "postgresql" else None


def SearchBackend(params):  # noqa: N802  (Wagtail looks the backend up by this name)
    if connection.vendor != "postgresql":
        return DatabaseSearchBackend(params)

    # Only PostgreSQL gets here: the SQLite of `make run` never loads the PostgreSQL backend.
    from wagtail.search.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class LocaleIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Index each locale's objects with that locale's configuration."""
            groups = defaultdict(list)
            for obj in objs:
                groups[getattr(obj, "locale_id", None)].append(obj)
            codes = dict(Locale.objects.values_list("pk", "language_code")) if groups else {}
            default = self.backend.config
            try:
                for locale_id, group in groups.items():
                    code = codes.get(locale_id)
                    self.backend.config = self.backend.locale_configs.get(code, default)
                    super().add_items(model, group)
            finally:
                self.backend.config = default

    class SiteSearchBackend(PostgresSearchBackend):
        index_class = LocaleIndex

        def __init__(self, params):
            super().__init__(params)
            self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG") or "simple"
            self.locale_configs = params.get("LOCALE_CONFIGS") or {}

    return SiteSearchBackend(params)
