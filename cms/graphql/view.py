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
"""

import json

from cross_web import HTTPException
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from strawberry.django.views import GraphQLView as StrawberryView
from strawberry.http.parse_content_type import parse_content_type

from .context import Context
from .limits import current_limits

# strawberry's refusal texts -> our codes; any other refusal is BAD_REQUEST.
REFUSAL_CODES = {
    "No GraphQL query found in the request": "QUERY_REQUIRED",
    "mutations are not allowed when using GET": "MUTATION_OVER_GET",
    "GraphQL only supports GET and POST requests.": "METHOD_NOT_ALLOWED",
}


def refusal_response(message: str, code: str, status: int) -> JsonResponse:
    return JsonResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status=status
    )


class RequestRefused(HTTPException):
    """A request the view refuses before GraphQL sees it: HTTP 400 with a code."""

    def __init__(self, message: str, code: str, status_code: int = 400):
        super().__init__(status_code, message)
        self.code = code


class GraphQLView(StrawberryView):
    """POST with JSON and GET for queries; GraphiQL only when DEBUG."""

    allow_queries_via_get = True

    def __init__(self, **kwargs):
        kwargs.setdefault("graphql_ide", "graphiql" if settings.DEBUG else None)
        super().__init__(**kwargs)

    def get_context(self, request, response) -> Context:
        return Context(request=request, response=response)

    def dispatch(self, request, *args, **kwargs):
        # strawberry's dispatch, with our refusals answered in JSON.
        try:
            return self.run(request=request)
        except RequestRefused as refusal:
            return refusal_response(refusal.reason, refusal.code, refusal.status_code)
        except HTTPException as error:
            code = REFUSAL_CODES.get(error.reason, "BAD_REQUEST")
            return refusal_response(error.reason, code, error.status_code)

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
