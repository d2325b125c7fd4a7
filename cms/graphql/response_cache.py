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
- the content version (cms/content_version.py), read from the shared cache at every request: a
  publish anywhere changes it, and every process then misses at once;
- the schema, the limits and the persisted-query mode: a deploy that changes them misses too.

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
_site_ids: dict[tuple, int] = {}


def schema_fingerprint(schema) -> str:
    cached = _fingerprints.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = _fingerprints[id(schema)] = (
            schema,
            hashlib.sha256(schema.as_str().encode()).hexdigest(),
        )
    return cached[1]


def site_id(request, version: str) -> int:
    """The pk of the Site answering this host: one lookup per host and content version."""
    memo = (version, request._get_raw_host(), request.get_port())
    found = _site_ids.get(memo)
    if found is None:
        site = Site.find_for_request(request)  # keeps it on the request for the Context too
        found = site.pk if site is not None else 0
        if len(_site_ids) > 256:
            _site_ids.clear()
        _site_ids[memo] = found
    return found


def cache_key(request, data, document, schema, version: str) -> str:
    payload = json.dumps(
        [
            schema_fingerprint(schema),
            current_limits(),
            bool(getattr(settings, "GRAPHQL_INTROSPECTION", True)),
            persisted.current_mode(),
            document.text,
            data.operation_name or "",
            data.variables or {},
            site_id(request, version),
            version,
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
            safely(lambda: self.cache.set(self.key, (etag, body), timeout()))
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

    def cached_answer(self, entry):
        etag, body = entry
        response = HttpResponse(body, content_type="application/json")
        if self.is_get:
            return self.http_answer(response, etag)
        return response


def version_reader() -> Callable[[], str | None]:
    """The content version of one request: read at most once, and only when needed."""
    versions: list[str | None] = []

    def version() -> str | None:
        if not versions:
            versions.append(safely(content_version.current))
        return versions[0]

    return version


def prepare(request, data, schema, version: Callable[[], str | None] | None = None) -> Prepared:
    """Resolve persisted queries and answer from the cache (Answered) when it can. `version`
    reads the request's content version (the view shares it with the Context)."""
    cache = shared_cache()
    version = version or version_reader()
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
    if enabled() and (current := version()) is not None:
        prepared.key = cache_key(request, data, document, schema, current)
        entry = safely(lambda: cache.get(prepared.key))
        if entry is not None:
            raise Answered(prepared.cached_answer(entry))
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
