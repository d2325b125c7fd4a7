"""GraphQL during a database outage: HTTP 503 with Retry-After and the GraphQL body (masked, code
SERVICE_UNAVAILABLE), never 200 with an error; the next request after the outage answers 200."""

import pytest
from django.db import InterfaceError, OperationalError
from wagtail.models import Site

URL = "/graphql/"
QUERY = "query SiteName { site { name } }"


def post(client, query=QUERY, **extra):
    return client.post(URL, {"query": query}, content_type="application/json", **extra)


def assert_outage(response):
    assert response.status_code == 503, response.content
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["errors"], body
    for error in body["errors"]:
        assert error["message"] == "Internal server error."
        assert error["extensions"] == {"code": "SERVICE_UNAVAILABLE"}
    return body


def assert_ok(response):
    assert response.status_code == 200, response.content
    body = response.json()
    assert "errors" not in body, body
    assert body["data"]["site"]["name"]


def test_no_request_answers_200_with_an_error_while_the_database_is_down(client, database):
    outcomes = []
    assert_ok(post(client))
    database.down()
    for _ in range(5):
        response = post(client)
        outcomes.append(response.status_code)
        assert_outage(response)
    # A GET (cacheable) too.
    assert_outage(client.get(URL, {"query": QUERY}))
    database.up()
    assert_ok(post(client))
    assert outcomes == [503] * 5


def test_a_killed_connection_costs_one_503_and_is_replaced(client, database):
    assert_ok(post(client))
    database.kill_backend()
    assert_outage(post(client))
    # The broken connection was closed: the next request connects again.
    assert_ok(post(client))
    assert_ok(post(client))


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_errors_of_a_resolver_answer_503(client, monkeypatch, settings, error):
    settings.OUTAGE_RETRY_AFTER_SECONDS = 5
    with monkeypatch.context() as patch:
        patch.setattr(Site, "find_for_request", lambda request: (_ for _ in ()).throw(error("x")))
        body = assert_outage(post(client))
    assert body["data"] is None  # `site` is non-null: the whole answer is null
    assert_ok(post(client))


@pytest.mark.django_db
def test_a_wrapped_database_error_is_an_outage_too(client, monkeypatch):
    def fail(request):
        try:
            raise OperationalError("connection refused")
        except OperationalError as error:
            raise RuntimeError("could not load the site") from error

    monkeypatch.setattr(Site, "find_for_request", fail)
    assert_outage(post(client))


@pytest.mark.django_db
def test_other_errors_stay_200_and_masked(client, monkeypatch):
    def fail(request):
        raise ValueError("a bug")

    monkeypatch.setattr(Site, "find_for_request", fail)
    response = post(client)
    assert response.status_code == 200
    error = response.json()["errors"][0]
    assert error["message"] == "Internal server error."
    assert "extensions" not in error
    assert "Retry-After" not in response
