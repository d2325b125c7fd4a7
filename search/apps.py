from django.apps import AppConfig

from cms.db import connection_configured

from .warm_up import warm_up


class SearchConfig(AppConfig):
    """Site search (search/schema.py); its text search configurations come from a migration."""

    name = "search"

    def ready(self):
        connection_configured.connect(warm_up, dispatch_uid="search.warm_up")
