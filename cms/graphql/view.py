"""The /graphql/ endpoint: strawberry's Django view, with requests that are not GraphQL refused.

A POST must be `application/json`, at most GRAPHQL_LIMITS["MAX_BODY_BYTES"] long, valid UTF-8
JSON, and a JSON object whose `query` and `operationName` are strings (or null) and whose
`variables` and `extensions` are objects (or null). Anything else is answered HTTP 400 with a
GraphQL-shaped body, `{"errors": [{"message": …, "extensions": {"code": …}}]}`, before the
document is parsed (never a 500). Bad variables JSON in a GET is refused the same way.

Documents that parse are checked by cms/graphql/limits.py; those refusals, like GraphQL syntax
and validation errors, answer HTTP 200 with `errors` (our clients ask for application/json).
strawberry's own refusals (no query, a mutation over GET, another HTTP method) are given the
same JSON shape, with the codes of REFUSAL_CODES.

Caching and persisted queries (cms/graphql/response_cache.py, cms/graphql/persisted.py): after
the rate limit counted a request, persisted queries are resolved (APQ, allowlist) and an
anonymous query may be answered from the response cache, or with 304 to a GET whose
If-None-Match is the cached answer's ETag, without executing; executed answers get their
ETag/Cache-Control headers there. Refusals answer with `Cache-Control: no-store`.

Operations (docs/deployment.md): every answer carries `X-Request-ID` (the client's when sane,
else a new one; cms/logs.py), and the request's log lines carry it too. A client over the rate
limit is answered HTTP 429 with `Retry-After` (RATE_LIMITED; cms/graphql/ratelimit.py), counted
where execution starts. A request that meets a database outage is answered HTTP 503 with
`Retry-After` and its GraphQL body, the errors masked with the code SERVICE_UNAVAILABLE
(cms/graphql/failures.py), and the broken connection is closed so the next request reconnects.
Refusals are logged at WARNING in one line; GraphiQL is served when GRAPHIQL is on (by default
only with DEBUG), from the project's own static files (cms/graphql/ide.py).
"""

import json
import logging
from typing import Any

from cross_web import HTTPException
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from strawberry.django.views import GraphQLView as StrawberryView
from strawberry.http.parse_content_type import parse_content_type

from cms.logs import REQUEST_ID_HEADER, bound_request_id, one_line, request_id_for

from .context import Context
from .failures import (
    MASKED_MESSAGE,
    OUTAGE_ERRORS,
    SERVICE_UNAVAILABLE,
    discard_broken_connections,
    has_outage,
)
from .ide import render_graphiql
from .limits import current_limits
from .ratelimit import RATE_LIMITED, current_rate, rate_limited
from .response_cache import Answered, VersionReader, prepare

logger = logging.getLogger("cms.graphql")

# strawberry's refusal texts -> our codes; any other refusal is BAD_REQUEST.
REFUSAL_CODES = {
    "No GraphQL query found in the request": "QUERY_REQUIRED",
    "mutations are not allowed when using GET": "MUTATION_OVER_GET",
    "GraphQL only supports GET and POST requests.": "METHOD_NOT_ALLOWED",
    # A browser's GET without a query while GraphiQL is off (GRAPHIQL).
    "Not Found": "NOT_FOUND",
}


def refusal_response(message: str, code: str, status: int) -> JsonResponse:
    response = JsonResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status=status
    )
    response["Cache-Control"] = "no-store"
    return response


class RequestRefused(HTTPException):
    """A request the view refuses before GraphQL sees it: HTTP 400 with a code."""

    def __init__(self, message: str, code: str, status_code: int = 400):
        super().__init__(status_code, message)
        self.code = code


class RateLimited(RequestRefused):
    """The client is over GRAPHQL_RATE_LIMIT: HTTP 429 with Retry-After."""

    def __init__(self, retry_after: int):
        limit, window = current_rate() or (0, 0)
        super().__init__(
            f"Too many requests: at most {limit} every {window} seconds from one client "
            f"(GRAPHQL_RATE_LIMIT). Retry in {retry_after} seconds.",
            RATE_LIMITED,
            status_code=429,
        )
        self.retry_after = retry_after


def graphiql_enabled() -> bool:
    """GRAPHIQL when set, else DEBUG (read at each request)."""
    enabled = getattr(settings, "GRAPHIQL", None)
    return settings.DEBUG if enabled is None else bool(enabled)


def outage_response() -> JsonResponse:
    """A database outage outside execution: the answer execution would give, 503."""
    data = {
        "data": None,
        "errors": [{"message": MASKED_MESSAGE, "extensions": {"code": SERVICE_UNAVAILABLE}}],
    }
    return mark_outage(JsonResponse(data))


def mark_outage(response):
    response.status_code = 503
    response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # logged once already, by cms/graphql/failures.py
    return response


class GraphQLView(StrawberryView):
    """POST with JSON and GET for queries; GraphiQL only when GRAPHIQL (by default DEBUG)."""

    allow_queries_via_get = True

    def __init__(self, **kwargs):
        # Django makes a view instance per request, so the setting is read at each request.
        kwargs.setdefault("graphql_ide", "graphiql" if graphiql_enabled() else None)
        super().__init__(**kwargs)
        self.outage = False
        self.prepared = None  # response_cache.prepare's findings, for create_response
        self.counted = False  # the rate limit and prepare ran already (answer_get_early)
        # The request's content version, read once for the response cache and the Context.
        self.content_version = VersionReader()

    def render_graphql_ide(self, request):
        # Our self-hosted page (cms/graphql/ide.py) instead of strawberry's, which uses a CDN.
        return render_graphiql(request)

    def get_context(self, request, response) -> Context:
        return Context(request=request, response=response, content_version=self.content_version)

    def dispatch(self, request, *args, **kwargs):
        request_id = request_id_for(request)
        with bound_request_id(request_id):
            response = self.answer(request)
        response[REQUEST_ID_HEADER] = request_id
        return response

    def answer(self, request):
        # strawberry's dispatch, with our refusals answered in JSON.
        try:
            if request.method == "GET":
                self.answer_get_early(request)
            return self.run(request=request)
        except Answered as answered:  # from the response cache, or a persisted-query refusal
            return answered.response
        except RequestRefused as refusal:
            response = refusal_response(refusal.reason, refusal.code, refusal.status_code)
            if isinstance(refusal, RateLimited):
                response["Retry-After"] = str(refusal.retry_after)
                response["Cache-Control"] = "no-store"
                response._has_been_logged = True  # ratelimit.py logs once per client and window
            else:
                log_refusal(response, refusal.code, refusal.reason)
            return response
        except HTTPException as error:
            code = REFUSAL_CODES.get(error.reason, "BAD_REQUEST")
            response = refusal_response(error.reason, code, error.status_code)
            log_refusal(response, code, error.reason)
            return response
        except OUTAGE_ERRORS as error:
            # A database error outside GraphQL execution (none is expected there today).
            logger.error(
                "GraphQL request failed, database unavailable (HTTP 503): operation=- error=%s: %s",
                type(error).__name__,
                one_line(error),
            )
            discard_broken_connections()
            return outage_response()

    def answer_get_early(self, request) -> None:
        """A GET's way to the response cache without strawberry's set-up for execution (its
        response and context objects, a measurable part of a cache hit): the same checks that
        `run` makes before `execute_single`, then `count_and_prepare`, which raises Answered
        for a cached answer or a 304. Otherwise `run` goes on as usual, without counting the
        request again."""
        adapter = self.request_adapter_class(request)
        if self.should_render_graphql_ide(adapter):
            return  # run() renders GraphiQL or refuses, as before
        request_data = self.parse_request_data(adapter)
        if isinstance(request_data, list):
            return
        self.count_and_prepare(request, request_data)

    def parse_request_data(self, adapter) -> Any:
        # As strawberry's execute_operation parses the request.
        try:
            return self.parse_http_body(adapter)
        except json.JSONDecodeError as error:
            raise HTTPException(400, "Unable to parse request body as JSON") from error
        except KeyError as error:
            raise HTTPException(400, "File(s) missing in form data") from error

    def count_and_prepare(self, request, request_data) -> None:
        # Where execution starts: the request is read, its document not parsed yet. This is the
        # rate limit's hook (cms/graphql/ratelimit.py), before the response cache so that its
        # hits are counted too.
        retry_after = rate_limited(request)
        if retry_after is not None:
            raise RateLimited(retry_after)
        self.counted = True
        self.prepared = prepare(request, request_data, self.schema, self.content_version)

    def execute_single(self, request, *args, **kwargs):
        if not self.counted:
            self.count_and_prepare(request, kwargs["request_data"])
        kwargs["request_data"] = self.prepared.request_data
        return super().execute_single(request, *args, **kwargs)

    def process_result(self, request, result):
        if result.errors and has_outage(result.errors):
            self.outage = True
        return super().process_result(request, result)

    def create_response(self, response_data, sub_response):
        response = super().create_response(response_data, sub_response)
        if self.outage:
            mark_outage(response)
            discard_broken_connections()
        if self.prepared is not None:
            response = self.prepared.finish(response, response_data)
        return response

    def should_render_graphql_ide(self, request):
        # A persisted query over GET names its document in `extensions`, not `query`.
        return super().should_render_graphql_ide(request) and not request.query_params.get(
            "extensions"
        )

    def parse_http_body(self, request):
        if request.method == "POST":
            check_post_body(request.request, self.decode_json)
        return super().parse_http_body(request)

    def parse_query_params(self, params):
        try:
            return super().parse_query_params(params)
        except RequestRefused as refusal:
            raise RequestRefused(
                "The variables and extensions parameters must be valid JSON.", refusal.code
            ) from None

    def decode_json(self, data):
        try:
            return json.loads(data)
        # JSONDecodeError, bytes that are not UTF-8, or nesting too deep for the decoder.
        except (ValueError, RecursionError):
            raise RequestRefused("The request body is not valid JSON.", "INVALID_JSON") from None


def log_refusal(response, code: str, message: str) -> None:
    """One WARNING line for a request refused before GraphQL ran (instead of django.request's)."""
    logger.warning(
        "GraphQL request refused (HTTP %s): operation=- codes=%s message=%s",
        response.status_code,
        code,
        one_line(message),
        extra={"codes": [code]},
    )
    response._has_been_logged = True


def check_post_body(request, decode) -> None:
    """Refuse a POST whose body is not a GraphQL request in JSON (RequestRefused)."""
    content_type, _ = parse_content_type(request.content_type or "")
    if content_type != "application/json":
        given = f", not {content_type!r}" if content_type else ""
        raise RequestRefused(
            f"POST a JSON body with Content-Type: application/json{given}.",
            "UNSUPPORTED_CONTENT_TYPE",
        )
    limit = current_limits()["MAX_BODY_BYTES"]
    too_large = RequestRefused(
        f"The request body is larger than {limit} bytes (MAX_BODY_BYTES).", "BODY_TOO_LARGE"
    )
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise too_large
    try:
        body = request.body
    except RequestDataTooBig:
        raise too_large from None
    if len(body) > limit:
        raise too_large
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestRefused("The request body is not valid JSON.", "INVALID_JSON") from None
    data = decode(body)
    if not isinstance(data, dict):
        raise RequestRefused(
            'The request body must be a JSON object, such as {"query": "{ site { name } }"}.',
            "INVALID_REQUEST",
        )
    for key, kind, types in (
        ("query", "a string", str),
        ("operationName", "a string", str),
        ("variables", "an object", dict),
        ("extensions", "an object", dict),
    ):
        if data.get(key) is not None and not isinstance(data[key], types):
            raise RequestRefused(f"{key!r} must be {kind} or null.", "INVALID_REQUEST")
