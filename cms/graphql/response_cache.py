"""Cached answers of anonymous GraphQL reads, and their HTTP caching headers.

The view (cms/graphql/view.py) calls `prepare()` where execution starts, after the rate limit
counted the request: it resolves persisted queries (cms/graphql/persisted.py), then answers from
the cache when it can (raising `Answered`); `Prepared.finish()` stores what execution answered
and sets the headers.

What is cached (GRAPHQL_RESPONSE_CACHE, in the shared cache): answers of queries (never
mutations) without a `previewToken` argument, from anonymous requests (no Authorization header,
no session cookie), with HTTP 200 and no `errors`. The key is a sha256 of

- the document as graphql-core prints it (spacing and comments do not matter), operationName,
  the variables as canonical JSON;
- the site: the Wagtail Site the request's host names (looked up once per host and content
  version in each process);
- the schema, the limits and the persisted-query mode: a deploy that changes them misses too.

An answer is stored with the content version (cms/content_version.py) it was executed under, and
served only while that is the current version, which is read from the shared cache at every
request: a publish anywhere changes it, and every process then misses at once (and overwrites the
stale answer). The version is not in the key so that it and the answer are read in one round
trip (`content_version.current_and`); the key uses the site found for the host under the last
version this process saw, and is read again in the rare case that the new version's lookup
finds another site.

HTTP (GET only; POST answers are not cacheable by HTTP caches): a successful anonymous query
gets a strong `ETag` (sha256 of the body), `Cache-Control: public, max-age, s-maxage,
stale-while-revalidate` (GRAPHQL_HTTP_CACHE_*) and `Vary: Origin, Accept-Encoding`; with
`If-None-Match` of the cached answer's ETag it is answered 304 without running anything (no SQL).
Other GET answers, and answers with errors, get `Cache-Control: no-store`; a preview keeps its own
`private, no-store`. When the cache fails (Redis down) requests run uncached.
"""

import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from wagtail.models import Site

from cms import content_version
from cms.logs import one_line

from . import persisted
from .limits import current_limits

logger = logging.getLogger("cms.graphql")

VARY = ("Origin", "Accept-Encoding")
NO_STORE = "no-store"

_cache_failing = False


class Answered(Exception):
    """An answer given before execution: a cached answer, a 304, a persisted-query refusal."""

    def __init__(self, response):
        super().__init__()
        self.response = response


def enabled() -> bool:
    return bool(getattr(settings, "GRAPHQL_RESPONSE_CACHE", {}).get("ENABLED", False))


def timeout() -> int:
    return int(getattr(settings, "GRAPHQL_RESPONSE_CACHE", {}).get("TIMEOUT", 3600))


def cache_control() -> str:
    return (
        f"public, max-age={settings.GRAPHQL_HTTP_CACHE_MAX_AGE}, "
        f"s-maxage={settings.GRAPHQL_HTTP_CACHE_S_MAXAGE}, "
        f"stale-while-revalidate={settings.GRAPHQL_HTTP_CACHE_STALE_WHILE_REVALIDATE}"
    )


def is_anonymous(request) -> bool:
    return (
        "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def etag_of(body: bytes) -> str:
    return f'"{hashlib.sha256(body).hexdigest()[:40]}"'


def matches(request, etag: str) -> bool:
    """If-None-Match names `etag` (weak comparison, as RFC 9110 asks for If-None-Match)."""
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    given = parse_etags(header)
    return "*" in given or etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in given}


# --- the shared cache, tolerated when it fails -------------------------------------------------


def safely(operation: Callable, fallback=None):
    """`operation()`, or `fallback` when the cache raises (backends other than cms/cache.py's
    raise on outages): a WARNING once, until it works again."""
    global _cache_failing
    try:
        result = operation()
    except Exception as error:  # noqa: BLE001 - whatever the backend raises: run uncached
        if not _cache_failing:
            _cache_failing = True
            logger.warning(
                "GraphQL response cache not used, its cache failed (%s: %s)",
                type(error).__name__,
                one_line(error, 200),
            )
        return fallback
    _cache_failing = False
    return result


def shared_cache():
    return caches[getattr(settings, "GRAPHQL_RESPONSE_CACHE", {}).get("CACHE", "default")]


# --- the key ----------------------------------------------------------------------------------

_fingerprints: dict[int, tuple[object, str]] = {}
_site_ids: dict[tuple, tuple[str, int]] = {}  # (host, port) -> (content version, Site pk)


def schema_fingerprint(schema) -> str:
    cached = _fingerprints.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = _fingerprints[id(schema)] = (
            schema,
            hashlib.sha256(schema.as_str().encode()).hexdigest(),
        )
    return cached[1]


def _host(request) -> tuple:
    return (request._get_raw_host(), request.get_port())


def site_id(request, version: str) -> int:
    """The pk of the Site answering this host: one lookup per host and content version."""
    host = _host(request)
    known = _site_ids.get(host)
    if known is not None and known[0] == version:
        return known[1]
    site = Site.find_for_request(request)  # keeps it on the request for the Context too
    found = site.pk if site is not None else 0
    if len(_site_ids) > 256:
        _site_ids.clear()
    _site_ids[host] = (version, found)
    return found


def guessed_site_id(request) -> int | None:
    """The Site pk this host had under the last content version seen (None: never seen); only
    a guess until that version is confirmed (`site_id`)."""
    known = _site_ids.get(_host(request))
    return known[1] if known is not None else None


def cache_key(request, data, document, schema, site: int) -> str:
    payload = json.dumps(
        [
            schema_fingerprint(schema),
            current_limits(),
            bool(getattr(settings, "GRAPHQL_INTROSPECTION", True)),
            persisted.current_mode(),
            document.text,
            data.operation_name or "",
            data.variables or {},
            site,
        ],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return "graphql-response:" + hashlib.sha256(payload.encode()).hexdigest()


# --- one request ------------------------------------------------------------------------------


@dataclasses.dataclass
class Prepared:
    """What `prepare` found out about a request, for `finish`."""

    request: object
    request_data: object
    http_cacheable: bool = False  # GET of a query, anonymous, no preview: public headers
    key: str | None = None  # where its answer is cached; None: not cached
    version: str | None = None  # the content version it is stored with
    cache: object = None

    def finish(self, response, response_data):
        """Headers for an executed answer; store it when it may be cached; maybe a 304."""
        if response.has_header("Cache-Control"):
            return response  # a preview or an outage decided already (no-store)
        succeeded = response.status_code == 200 and not response_data.get("errors")
        if not succeeded or (self.is_get and not self.http_cacheable):
            response["Cache-Control"] = NO_STORE
            return response
        body = response.content
        etag = etag_of(body)
        if self.key is not None:
            entry = (self.version, etag, body)
            safely(lambda: self.cache.set(self.key, entry, timeout()))
        if self.is_get:
            return self.http_answer(response, etag)
        return response

    @property
    def is_get(self) -> bool:
        return self.request.method == "GET"

    def http_answer(self, response, etag: str):
        if matches(self.request, etag):
            response = HttpResponseNotModified()
        response["ETag"] = etag
        response["Cache-Control"] = cache_control()
        patch_vary_headers(response, VARY)
        return response

    def cached_answer(self, etag: str, body: bytes):
        response = HttpResponse(body, content_type="application/json")
        if self.is_get:
            return self.http_answer(response, etag)
        return response


class VersionReader:
    """The content version of one request: read at most once, and only when needed (alone when
    called, or by `prepare` together with the cached answer)."""

    __slots__ = ("is_read", "value")

    def __init__(self):
        self.is_read = False
        self.value = None

    def __call__(self) -> str | None:
        if not self.is_read:
            self.known(safely(content_version.current))
        return self.value

    def known(self, value: str | None) -> None:
        self.is_read = True
        self.value = value


def lookup(
    request, data, document, schema, cache, version: VersionReader
) -> tuple[str | None, str | None, object]:
    """(key, content version, what the cache holds at the key) for a cacheable request; the key
    is None when no version could be read (the cache failed)."""
    guess = guessed_site_id(request)
    if guess is not None and not version.is_read:
        key = cache_key(request, data, document, schema, guess)
        current, entry = safely(lambda: content_version.current_and(key), (None, None))
        version.known(current)
        if current is None:
            return None, None, None
        site = site_id(request, current)
        if site == guess:
            return key, current, entry
    elif (current := version()) is None:
        return None, None, None
    else:
        site = site_id(request, current)
    key = cache_key(request, data, document, schema, site)
    return key, current, safely(lambda: cache.get(key))


def prepare(request, data, schema, version: VersionReader | None = None) -> Prepared:
    """Resolve persisted queries and answer from the cache (Answered) when it can. `version`
    reads the request's content version (the view shares it with the Context)."""
    cache = shared_cache()
    version = version or VersionReader()
    try:
        query = persisted.resolve(data.query, data.operation_name, data.extensions, cache, version)
    except persisted.PersistedQueryError as error:
        raise Answered(refusal(error, data.operation_name)) from None
    data = dataclasses.replace(data, query=query)
    prepared = Prepared(request=request, request_data=data, cache=cache)
    document = persisted.analyse(query, data.operation_name) if query is not None else None
    if document is None or document.operation_type != "query" or document.asks_for_preview:
        return prepared
    if not is_anonymous(request):
        return prepared
    prepared.http_cacheable = request.method == "GET"
    if enabled():
        prepared.key, prepared.version, entry = lookup(
            request, data, document, schema, cache, version
        )
        # Stored under another content version: stale, never served (it is overwritten).
        if prepared.key is not None and isinstance(entry, tuple) and len(entry) == 3:
            stored_version, etag, body = entry
            if stored_version == prepared.version:
                raise Answered(prepared.cached_answer(etag, body))
    return prepared


def refusal(error: persisted.PersistedQueryError, operation_name: str | None) -> JsonResponse:
    response = JsonResponse(
        {"errors": [{"message": error.message, "extensions": {"code": error.code}}]}
    )
    response["Cache-Control"] = NO_STORE
    # Not found is a step of the APQ protocol (the client sends the document next), not a fault.
    log = logger.info if error.code == persisted.NOT_FOUND else logger.warning
    log(
        "GraphQL request refused (HTTP 200): operation=%s codes=%s message=%s",
        one_line(operation_name or "-", 100),
        error.code,
        one_line(error.message),
        extra={"codes": [error.code]},
    )
    return response
