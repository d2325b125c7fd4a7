from django.apps import AppConfig
from wagtail.signals import page_published

from cms.db import connection_configured

from .warm_up import warm_up


class SearchConfig(AppConfig):
    """Site search (search/schema.py); its text search configurations come from a migration."""

    name = "search"

    def ready(self):
        connection_configured.connect(warm_up, dispatch_uid="search.warm_up")
        # Why here: tasks imports models, which are not loaded when this module is.
        from .tasks import refresh_soon

        page_published.connect(refresh_soon, dispatch_uid="search.postings.refresh_soon")
