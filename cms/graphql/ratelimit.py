"""A per-client rate limit on GraphQL requests (docs/deployment.md, "Rate limits").

`GRAPHQL_RATE_LIMIT = "300/60"` lets each client make 300 requests in each 60-second window;
the next ones are answered HTTP 429 with `Retry-After` (the seconds left in the window) and
`{"errors": [{"message": …, "extensions": {"code": "RATE_LIMITED"}}]}`. Empty or "0" turns the
limit off. The counters are fixed windows in Django's cache (`GRAPHQL_RATE_LIMIT_CACHE`, an alias
of CACHES): one `add` and one `incr` per request, atomic in the local-memory and Redis backends.
A fixed window lets a client send up to twice the limit around a window's end; that is the price
of one counter per client.

A client is its address: REMOTE_ADDR, or, behind `GRAPHQL_RATE_LIMIT_TRUSTED_PROXIES` proxies,
the address the outermost of them saw (the n-th entry of X-Forwarded-For from the right; entries
further left are whatever the client wrote, and are never trusted). IPv6 clients are counted per
/64 network, the block one subscriber usually gets.

`rate_limited(request)` is called by the view where execution starts: after the HTTP request is
read, before the document is parsed or executed, and before the response cache
(cms/graphql/response_cache.py) answers: cached answers and 304s count like executed ones.

When the cache cannot be read or written, requests are let through (the API must not fail
because its counters did) and a WARNING is logged once, until the cache works again.
"""

import ipaddress
import logging
import math
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

from cms.clients import forwarded_for
from cms.logs import one_line

logger = logging.getLogger("cms.graphql.ratelimit")

RATE_LIMITED = "RATE_LIMITED"
RATE = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")

_cache_failing = False


def now() -> float:
    """The time windows are counted in (tests set it)."""
    return time.time()


def parse_rate(value) -> tuple[int, int] | None:
    """`"requests/seconds"` as (requests, seconds); None when the limit is off."""
    if value is None or str(value).strip() in ("", "0"):
        return None
    match = RATE.fullmatch(str(value))
    if match is None:
        raise ImproperlyConfigured(
            f"GRAPHQL_RATE_LIMIT must be 'requests/seconds' (e.g. '300/60'), empty or 0, "
            f"not {value!r}."
        )
    requests, seconds = int(match.group(1)), int(match.group(2))
    if requests == 0 or seconds == 0:
        return None
    return requests, seconds


def current_rate() -> tuple[int, int] | None:
    return parse_rate(getattr(settings, "GRAPHQL_RATE_LIMIT", ""))


def client_address(request) -> str:
    """The client's address as the rate limit counts it (see the module's docstring)."""
    hops = getattr(settings, "GRAPHQL_RATE_LIMIT_TRUSTED_PROXIES", 0)
    return client_key(forwarded_for(request, hops))


def client_key(address: str) -> str:
    """An address as a counter name: IPv4 as is, IPv6 as its /64 network."""
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        # "1.2.3.4:5678" from a proxy that adds the port; anything else counts as one client.
        host = address.rsplit(":", 1)[0] if address.count(":") == 1 else ""
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            return "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def rate_limited(request) -> int | None:
    """Count this request for its client: None when it may run, else the seconds to wait."""
    global _cache_failing
    rate = current_rate()
    if rate is None:
        return None
    limit, window = rate
    client = client_address(request)
    moment = now()
    slot = int(moment // window)
    key = f"graphql-rate:{limit}/{window}:{client}:{slot}"
    try:
        cache = caches[getattr(settings, "GRAPHQL_RATE_LIMIT_CACHE", "default")]
        count = 1 if cache.add(key, 1, timeout=window + 1) else _increment(cache, key, window)
    except Exception as error:  # noqa: BLE001 - whatever the backend raises: let it through
        if not _cache_failing:
            _cache_failing = True
            logger.warning(
                "GraphQL rate limit not applied, its cache failed (%s: %s); requests are let "
                "through until it works again",
                type(error).__name__,
                one_line(error, 200),
            )
        return None
    if _cache_failing:
        _cache_failing = False
        logger.warning("GraphQL rate limit applied again, its cache works")
    if count <= limit:
        return None
    retry_after = max(1, math.ceil((slot + 1) * window - moment))
    log = logger.warning if count == limit + 1 else logger.debug  # once per client and window
    log(
        "GraphQL rate limit exceeded: client=%s limit=%s/%ss; refused for %s s",
        client,
        limit,
        window,
        retry_after,
    )
    return retry_after


def _increment(cache, key: str, window: int) -> int:
    try:
        return cache.incr(key)
    except ValueError:  # the key expired between add and incr: a new window
        cache.set(key, 1, timeout=window + 1)
        return 1
