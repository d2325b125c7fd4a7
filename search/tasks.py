"""Background work of the site search."""

import logging

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
