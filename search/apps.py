from django.apps import AppConfig
from django.db.backends.signals import connection_created

from .warm_up import warm_up


class SearchConfig(AppConfig):
    """Site search (search/schema.py); its text search configurations come from a migration."""

    name = "search"

    def ready(self):
        connection_created.connect(warm_up, dispatch_uid="search.warm_up")
