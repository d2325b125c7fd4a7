"""Background work of the site search."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django_tasks import task

from . import postings

logger = logging.getLogger("search.postings")


@task()
def refresh_postings() -> str | None:
    """Which lexemes are hot follows the content as it grows (search/postings.py)."""
    refreshed = postings.refresh()
    if refreshed is None:
        return None
    logger.info("Search postings refreshed: %s", postings.describe(refreshed))
    return postings.describe(refreshed)


REFRESH_KEY = "search:postings-refresh"


def refresh_soon(**kwargs) -> None:
    """page_published receiver: a refresh after this transaction, unless one was enqueued in the
    last SEARCH_POSTINGS_REFRESH_SECONDS (by any process: the key is in the shared cache)."""
    seconds = settings.SEARCH_POSTINGS_REFRESH_SECONDS
    if not seconds or not postings.enabled() or not cache.add(REFRESH_KEY, True, timeout=seconds):
        return
    transaction.on_commit(refresh_postings.enqueue)
