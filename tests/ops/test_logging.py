"""Logging (cms/logs.py, cms/graphql/failures.py): client errors in one WARNING line with the
request id, operation and codes, no traceback; unexpected errors at ERROR with the traceback;
X-Request-ID echoed, generated or replaced."""

import logging
import re

import pytest
from wagtail.models import Site

from cms.logs import LINE_FORMAT, RequestIdFilter

pytestmark = pytest.mark.django_db

URL = "/graphql/"


def post(client, query, request_id=None, **data):
    headers = {"HTTP_X_REQUEST_ID": request_id} if request_id is not None else {}
    return client.post(URL, {"query": query, **data}, content_type="application/json", **headers)


def formatted(record) -> str:
    """The record as the console handler of LOGGING writes it."""
    RequestIdFilter().filter(record)
    return logging.Formatter(LINE_FORMAT).format(record)


def loud(caplog):
    return [record for record in caplog.records if record.levelno >= logging.WARNING]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("query Broken { site { nope } }", "GRAPHQL_VALIDATION_FAILED"),
        ("query Broken { site { name ", "GRAPHQL_PARSE_FAILED"),
        ('query Broken { events(locale: "xx") { totalCount } }', "LOCALE_NOT_FOUND"),
        ("query Broken { events { results { title } } }", "QUERY_TOO_DEEP"),
    ],
    ids=["validation", "syntax", "api-error", "limit"],
)
def test_a_client_error_is_one_warning_line(client, caplog, settings, query, code):
    settings.GRAPHQL_LIMITS = {**settings.GRAPHQL_LIMITS, "MAX_DEPTH": 1}
    caplog.set_level(logging.INFO)
    # operationName names the operation even when the document does not parse.
    response = post(client, query, request_id="req-123.abc_X", operationName="Broken")
    assert response.status_code == 200
    assert response.json()["errors"]
    [record] = loud(caplog)
    assert record.levelname == "WARNING"
    assert record.name == "cms.graphql"
    assert record.exc_info is None
    assert record.request_id == "req-123.abc_X"
    assert record.codes == [code]
    line = formatted(record)
    assert "\n" not in line
    assert "[req-123.abc_X]" in line
    assert "operation=Broken" in line
    assert f"codes={code}" in line
    assert "Traceback" not in caplog.text


def test_a_refused_request_is_one_warning_line(client, caplog):
    response = client.post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400
    [record] = loud(caplog)  # not django.request's "Bad Request" as well
    assert record.levelname == "WARNING"
    assert "codes=INVALID_JSON" in record.getMessage()
    assert formatted(record).count("\n") == 0
    assert record.request_id == response["X-Request-ID"]


def test_newlines_a_client_sends_cannot_make_log_lines(client, caplog):
    post(client, "query Q { site { nope\n2025-01-01 ERROR forged } }")
    [record] = loud(caplog)
    assert "\n" not in formatted(record)


def test_an_unexpected_error_is_logged_at_error_with_its_traceback(client, caplog, monkeypatch):
    def fail(request):
        raise RuntimeError("boom in a resolver")

    monkeypatch.setattr(Site, "find_for_request", fail)
    response = post(client, "query SiteName { site { name } }", request_id="abc")
    assert response.status_code == 200
    assert response.json()["errors"][0]["message"] == "Internal server error."
    [record] = loud(caplog)
    assert record.levelname == "ERROR"
    assert record.request_id == "abc"
    assert "operation=SiteName" in record.getMessage()
    assert record.exc_info[0] is RuntimeError
    line = formatted(record)
    assert "Traceback (most recent call last)" in line
    assert "boom in a resolver" in line
    # strawberry's own logger does not log it a second time.
    assert not [r for r in caplog.records if r.name == "strawberry.execution"]


def test_an_outage_is_one_error_line_without_traceback(client, caplog, monkeypatch):
    from django.db import OperationalError

    def fail(request):
        raise OperationalError("connection to server failed:\nConnection refused")

    monkeypatch.setattr(Site, "find_for_request", fail)
    response = post(client, "{ site { name } }")
    assert response.status_code == 503
    [record] = loud(caplog)  # not django.request's "Service Unavailable" as well
    assert record.levelname == "ERROR"
    assert record.exc_info is None
    assert "OperationalError" in record.getMessage()
    assert "\n" not in formatted(record)


def test_the_request_id_is_echoed(client):
    response = post(client, "{ site { name } }", request_id="frontend-42")
    assert response["X-Request-ID"] == "frontend-42"


@pytest.mark.parametrize("given", [None, "", "has space", "x" * 65, "ünïcode", "a\tb"])
def test_a_missing_or_insane_request_id_is_replaced(client, given):
    response = post(client, "{ site { name } }", request_id=given)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_refusals_carry_the_request_id_too(client):
    response = client.post(URL, "[]", content_type="application/json", HTTP_X_REQUEST_ID="r1")
    assert response.status_code == 400
    assert response["X-Request-ID"] == "r1"


def test_records_outside_a_request_get_a_dash():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "hello", None, None)
    assert formatted(record).endswith("WARNING x [-] hello")
