"""What went wrong in a GraphQL request: the client's mistake, a database outage, or a bug.

- **Client errors**: GraphQL syntax and validation errors, our `ApiError`s (cms/graphql/errors.py,
  limit refusals included). Logged at WARNING, one line per request, with the request id, the
  operation name and the codes; no traceback.
- **Database outage**: an `OperationalError` or `InterfaceError` of Django's database layer
  (the server is down, refuses connections, killed our backend, or the connection broke). The
  error is masked like any unexpected error and given `extensions.code: "SERVICE_UNAVAILABLE"`;
  the view answers HTTP 503 with `Retry-After` (cms/graphql/view.py) and drops the broken
  connection so that the next request connects again. Logged at ERROR, one line per request,
  without a traceback (an outage would otherwise print one traceback per request).
- **Unexpected errors** (bugs): masked as "Internal server error." and logged at ERROR with their
  traceback.

strawberry logs every error at ERROR with a traceback through its `strawberry.execution` logger
in `Schema.process_errors`; `ApiSchema` replaces that with the above.
"""

import logging

from django.db import InterfaceError, OperationalError, connections
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry import Schema
from strawberry.extensions import MaskErrors
from strawberry.types import ExecutionContext

from cms.logs import current_request_id, one_line

from .errors import is_unexpected

logger = logging.getLogger("cms.graphql")

SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
MASKED_MESSAGE = "Internal server error."
# Codes given in the log to GraphQL's own errors, which carry none in the answer.
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"

# Errors of the database connection, not of a query: the database cannot answer now.
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def is_outage_exception(exception: BaseException | None) -> bool:
    """`exception`, or an exception it was raised from, is a database outage."""
    seen = 0
    while exception is not None and seen < 10:
        if isinstance(exception, OUTAGE_ERRORS):
            return True
        exception = exception.__cause__ or exception.__context__
        seen += 1
    return False


def is_outage(error: GraphQLError) -> bool:
    return is_outage_exception(error.original_error)


def error_code(error: GraphQLError) -> str:
    code = (error.extensions or {}).get("code")
    if code:
        return str(code)
    if isinstance(error, GraphQLSyntaxError):
        return PARSE_FAILED
    return VALIDATION_FAILED


class OutageAwareMaskErrors(MaskErrors):
    """strawberry's MaskErrors; a masked database outage keeps the code SERVICE_UNAVAILABLE."""

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        if is_outage(error):
            masked.extensions = {"code": SERVICE_UNAVAILABLE}
        return masked


def mask_errors() -> OutageAwareMaskErrors:
    return OutageAwareMaskErrors(should_mask_error=is_unexpected, error_message=MASKED_MESSAGE)


def has_outage(errors) -> bool:
    """The (masked) errors of a result include a database outage."""
    return any((error.extensions or {}).get("code") == SERVICE_UNAVAILABLE for error in errors)


def discard_broken_connections() -> None:
    """Close the database connections that no longer work, so the next request reconnects.

    Django does the same when a request finishes (close_old_connections), but not under the test
    client, and a connection that is not closed keeps failing until it is. A connection inside a
    transaction block is left alone: ATOMIC_REQUESTS is off, so that is only a test's own
    transaction, which closing would break.
    """
    for connection in connections.all(initialized_only=True):
        if connection.connection is None or connection.in_atomic_block:
            continue
        if not connection.is_usable():
            connection.close()


def operation_label(execution_context: ExecutionContext | None) -> str:
    if execution_context is None:
        return "-"
    try:
        name = execution_context.operation_name
    except Exception:  # noqa: BLE001 - a document that did not parse has no operations
        name = None
    return one_line(name, 64) if name else "-"


def report_errors(errors: list[GraphQLError], execution_context: ExecutionContext | None) -> None:
    """Log the errors of one request: see the module's docstring."""
    request_id = current_request_id() or "-"
    operation = operation_label(execution_context)
    client, outages, unexpected = [], [], []
    for error in errors:
        if is_outage(error):
            outages.append(error)
        elif is_unexpected(error):
            unexpected.append(error)
        else:
            client.append(error)
    extra = {"request_id": request_id, "operation": operation}
    if client:
        codes = sorted({error_code(error) for error in client})
        more = f" (+{len(client) - 1} more)" if len(client) > 1 else ""
        logger.warning(
            "GraphQL client error: operation=%s codes=%s message=%s%s",
            operation,
            ",".join(codes),
            one_line(client[0].message),
            more,
            extra={**extra, "codes": codes},
        )
    if outages:
        original = outages[0].original_error
        logger.error(
            "GraphQL request failed, database unavailable (HTTP 503): operation=%s error=%s: %s",
            operation,
            type(original).__name__,
            one_line(original),
            extra={**extra, "codes": [SERVICE_UNAVAILABLE]},
        )
    for error in unexpected:
        path = ".".join(str(key) for key in error.path or ()) or "-"
        logger.error(
            "GraphQL server error: operation=%s path=%s error=%s: %s",
            operation,
            path,
            type(error.original_error).__name__,
            one_line(error.message),
            exc_info=error.original_error,
            extra=extra,
        )


class ApiSchema(Schema):
    """The schema, with errors logged by kind (report_errors) instead of strawberry's way."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        report_errors(errors, execution_context)
