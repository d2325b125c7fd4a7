"""What every API request looks up and almost never changes, kept per process for one content
version: the site of a host, the site's public scope (its locale roots and view restrictions),
the locales.

Without it each request pays four queries before its own (locales, the site of its host, root
paths, restricted paths). The content version (cms/content_version.py) changes whenever one of
these may have: sites, locales and view restrictions saved or deleted, pages published, moved or
deleted (a restriction's or a root's path moves with its page), and every deploy (`migrate`).
So the lookups are kept under the version the request read and dropped when it changes; a
request that reads no version (the cache is down) looks everything up itself, as before.

That only holds when every process reads the same version: a cache shared between processes
(Redis). With a per-process cache (local memory) one worker's change would not reach the others,
so the memo is on only when GRAPHQL_LOOKUP_MEMO says so, by default when the cache is shared
(cms/settings/base.py). Tests clear it between tests (tests/conftest.py), since a rolled-back
test leaves its version in the cache.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings

# (content version, {key: value}); replaced whole when the version changes, so that a thread
# reading it never sees entries of another version.
_memo: tuple[str | None, dict] = (None, {})
MAX_ENTRIES = 256  # hosts are few; a client cannot grow this without bound through Host headers


def enabled() -> bool:
    return bool(getattr(settings, "GRAPHQL_LOOKUP_MEMO", False))


def remembered(
    version: str | None,
    key: tuple,
    compute: Callable[[], Any],
    still_good: Callable[[Any], bool] | None = None,
) -> Any:
    """`compute()`, once per process for this content version and key (again when `still_good`
    says the kept value is not)."""
    global _memo
    if version is None or not enabled():
        return compute()
    known, entries = _memo
    if known != version:
        entries = {}
        _memo = (version, entries)
    if key not in entries or (still_good is not None and not still_good(entries[key])):
        if len(entries) >= MAX_ENTRIES:
            entries.clear()
        entries[key] = compute()
    return entries[key]


def clear() -> None:
    global _memo
    _memo = (None, {})
