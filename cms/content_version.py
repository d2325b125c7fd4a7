"""The content version: one token in the shared cache that changes whenever what the public sees
may have changed. The GraphQL response cache puts it in every key (cms/graphql/response_cache.py),
so a change makes every cached answer unreachable at once, in every process that shares the cache.

- `bump()` writes a new random token. cms/signals.py calls it on publish, unpublish, move and
  delete of pages and snippets (translations included), on changes of sites, locales, view
  restrictions, redirects, search promotions, images and documents, when the search index of an
  object was updated, and after `migrate` (every deploy). Inside a transaction it bumps at once
  and again after the commit: a process that reads the database between the two caches under a
  token that the second bump retires.
- `current()` reads the token from the shared cache at every request (never remembered by a
  process), with the time of the next scheduled change: the API hides a page before its go-live
  time and after its expiry (cms/visibility.py) whether or not `publish_scheduled` has run, so
  once that time has passed the next reader bumps the version itself.

Tokens are random, never counters: a token lost from the cache (evicted, Redis restarted) is
replaced by a new one, never by an old number whose answers may still be cached.
"""

import logging
import uuid
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone
from wagtail.models import Page

from cms.logs import one_line

logger = logging.getLogger("cms.content_version")

KEY = "cms:content-version"


def shared_cache():
    return caches[getattr(settings, "GRAPHQL_RESPONSE_CACHE", {}).get("CACHE", "default")]


def current() -> str | None:
    """The content version now; None when the shared cache cannot hold one (an outage)."""
    cache = shared_cache()
    return _token(cache, cache.get(KEY))


def current_and(key: str) -> tuple[str | None, object]:
    """`current()` and the value of `key` in the shared cache, read in one round trip (the
    response cache's lookup: every request reads the version, most need one more key)."""
    cache = shared_cache()
    found = cache.get_many([KEY, key])
    return _token(cache, found.get(KEY)), found.get(key)


def _token(cache, record: dict | None) -> str | None:
    if record is None:
        cache.add(KEY, _record(next_change_from_database()), timeout=None)
        record = cache.get(KEY)
        if record is None:
            return None
    if record["next"] is not None and record["next"] <= timezone.now().timestamp():
        # A go-live or expiry time has passed: what the public sees changed without a signal.
        record = _write(next_change_from_database())
    return record["token"]


def bump(*moments: datetime | None) -> None:
    """A new version; `moments` are go-live or expiry times the change brought (if any)."""
    try:
        _bump(moments)
    except Exception as error:  # noqa: BLE001 - whatever the backend raises: never fail a publish
        logger.warning(
            "Content version not changed, its cache failed (%s: %s)",
            type(error).__name__,
            one_line(error, 200),
        )


def changed(*moments: datetime | None) -> None:
    """Bump now, and after the commit when inside a transaction (see the module's docstring)."""
    if transaction.get_connection().in_atomic_block:
        bump(*moments)
    transaction.on_commit(lambda: bump(*moments))


def _bump(moments) -> None:
    now = timezone.now().timestamp()
    previous = shared_cache().get(KEY)
    known = previous["next"] if previous is not None else None
    if previous is None or (known is not None and known <= now):
        # The earliest known change is past (or unknown): look for the next one again.
        known = next_change_from_database()
    future = [moment.timestamp() for moment in moments if moment is not None]
    future = [moment for moment in future if moment > now]
    _write(min([moment for moment in [known, *future] if moment is not None], default=None))


def _record(next_change: float | None) -> dict:
    return {"token": uuid.uuid4().hex, "next": next_change}


def _write(next_change: float | None) -> dict:
    record = _record(next_change)
    shared_cache().set(KEY, record, timeout=None)
    return record


def next_change_from_database() -> float | None:
    """The earliest future go-live or expiry time of a live page, as a timestamp."""
    now = timezone.now()
    found = Page.objects.filter(live=True).aggregate(
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
        expire=Min("expire_at", filter=Q(expire_at__gt=now)),
    )
    moments = [moment.timestamp() for moment in found.values() if moment is not None]
    return min(moments, default=None)
