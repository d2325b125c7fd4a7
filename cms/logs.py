"""Request ids and one-line log records (docs/deployment.md, "Logging and request ids").

Every request to /graphql/ gets a request id: the client's `X-Request-ID` when it is a sane token
(1 to 64 characters of `A-Z a-z 0-9 . _ -`), else a new one (uuid4 hex). The view binds it for
the time of the request (`bound_request_id`) and echoes it in the `X-Request-ID` response header;
`RequestIdFilter`, on the console handler of LOGGING, puts it on every record logged meanwhile as
`record.request_id` ("-" outside a request), and the formatter prints it.

Only the standard library here: LOGGING names the filter, so this module is imported while Django
configures logging, before the apps are loaded.
"""

import logging
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_META = "HTTP_X_REQUEST_ID"
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
NO_REQUEST_ID = "-"

# The format of the console handler (cms/settings/base.py, LOGGING).
LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def request_id_for(request) -> str:
    """The client's X-Request-ID when it is a sane token, else a new id."""
    given = request.META.get(REQUEST_ID_META, "")
    if SANE_REQUEST_ID.fullmatch(given):
        return given
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    return _request_id.get()


@contextmanager
def bound_request_id(request_id: str) -> Iterator[str]:
    """Log records made inside carry `request_id`."""
    token = _request_id.set(request_id)
    try:
        yield request_id
    finally:
        _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Gives every record a `request_id`: the one it was logged with, the bound one, or "-"."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = current_request_id() or NO_REQUEST_ID
        return True


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def one_line(text: object, limit: int = 300) -> str:
    """`text` fit for one log line: control characters (newlines too) escaped, cut at `limit`.

    Messages carry what clients sent (field names, operation names), so nobody can forge a log
    line with a newline.
    """
    value = _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", str(text))
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return value
