"""Requests to /graphql/ that are not GraphQL requests in JSON: HTTP 400 with a JSON error body.

The body is GraphQL-shaped, `{"errors": [{"message": …, "extensions": {"code": …}}]}`, and the
view answers before decoding or parsing anything it need not (never a 500, never SQL).
"""

import pytest

pytestmark = pytest.mark.django_db

URL = "/graphql/"
SITE_NAME = "{ site { name } }"
VALID_BODY = '{"query": "{ site { name } }"}'

NOT_AN_OBJECT = 'The request body must be a JSON object, such as {"query": "{ site { name } }"}.'
INVALID_JSON = "The request body is not valid JSON."


def refused(response, message, code):
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"errors": [{"message": message, "extensions": {"code": code}}]}


@pytest.mark.parametrize(
    "body", ["null", "1", "[]", '"x"', "true", '[{"query": "{ site { name } }"}]']
)
def test_json_that_is_not_an_object_is_refused(client, body, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.post(URL, body, content_type="application/json")
    refused(response, NOT_AN_OBJECT, "INVALID_REQUEST")


@pytest.mark.parametrize(
    "body",
    ["{not json", "", '{"query": "{ site { name } }"', "[" * 100_000],
    ids=["garbage", "empty", "truncated", "nested-too-deep"],
)
def test_invalid_json_is_refused(client, settings, body):
    settings.GRAPHQL_LIMITS = {**settings.GRAPHQL_LIMITS, "MAX_BODY_BYTES": 1_000_000}
    # (The test client sets no Content-Type for an empty body unless told.)
    response = client.post(
        URL, body, content_type="application/json", CONTENT_TYPE="application/json"
    )
    refused(response, INVALID_JSON, "INVALID_JSON")


def test_post_without_a_content_type_is_refused(client):
    response = client.post(URL, "", content_type="")
    refused(
        response,
        "POST a JSON body with Content-Type: application/json.",
        "UNSUPPORTED_CONTENT_TYPE",
    )


def test_body_that_is_not_utf8_is_refused(client):
    response = client.post(URL, b'{"query": "\xff"}', content_type="application/json")
    refused(response, INVALID_JSON, "INVALID_JSON")


@pytest.mark.parametrize(
    "body,message",
    [
        ('{"query": 1}', "'query' must be a string or null."),
        (
            '{"query": "{ site { name } }", "variables": []}',
            "'variables' must be an object or null.",
        ),
        (
            '{"query": "{ site { name } }", "operationName": 5}',
            "'operationName' must be a string or null.",
        ),
        (
            '{"query": "{ site { name } }", "extensions": "x"}',
            "'extensions' must be an object or null.",
        ),
    ],
    ids=["query", "variables", "operationName", "extensions"],
)
def test_members_of_the_wrong_type_are_refused(client, body, message):
    response = client.post(URL, body, content_type="application/json")
    refused(response, message, "INVALID_REQUEST")


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/graphql", "application/jsonx"],
)
def test_post_of_another_content_type_is_refused(client, content_type):
    response = client.post(URL, VALID_BODY, content_type=content_type)
    refused(
        response,
        f"POST a JSON body with Content-Type: application/json, not {content_type!r}.",
        "UNSUPPORTED_CONTENT_TYPE",
    )


def test_form_post_is_refused(client):
    response = client.post(URL, {"query": SITE_NAME})  # multipart/form-data
    refused(
        response,
        "POST a JSON body with Content-Type: application/json, not 'multipart/form-data'.",
        "UNSUPPORTED_CONTENT_TYPE",
    )


def test_json_with_a_charset_is_accepted(client, settings):
    response = client.post(URL, VALID_BODY, content_type="application/json; charset=utf-8")
    assert response.status_code == 200
    assert response.json() == {"data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}}


def test_body_size_limit(client, settings, django_assert_num_queries):
    largest = VALID_BODY + " " * (100_000 - len(VALID_BODY))
    response = client.post(URL, largest, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == {"data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}}

    with django_assert_num_queries(0):
        response = client.post(URL, largest + " ", content_type="application/json")
    refused(
        response,
        "The request body is larger than 100000 bytes (MAX_BODY_BYTES).",
        "BODY_TOO_LARGE",
    )


def test_body_size_limit_is_a_setting(client, settings):
    settings.GRAPHQL_LIMITS = {**settings.GRAPHQL_LIMITS, "MAX_BODY_BYTES": len(VALID_BODY) - 1}
    response = client.post(URL, VALID_BODY, content_type="application/json")
    refused(
        response,
        f"The request body is larger than {len(VALID_BODY) - 1} bytes (MAX_BODY_BYTES).",
        "BODY_TOO_LARGE",
    )


def test_declared_length_over_the_limit_is_refused_unread(client):
    # The body is not read: were it, the test client would fail to supply the declared bytes.
    response = client.post(
        URL, VALID_BODY, content_type="application/json", CONTENT_LENGTH="1000000000"
    )
    refused(
        response,
        "The request body is larger than 100000 bytes (MAX_BODY_BYTES).",
        "BODY_TOO_LARGE",
    )


def test_get_with_variables_that_are_not_json_is_refused(client):
    response = client.get(URL, {"query": SITE_NAME, "variables": "{not json"})
    refused(response, "The variables and extensions parameters must be valid JSON.", "INVALID_JSON")


def test_a_valid_post_still_works(client, settings):
    response = client.post(URL, VALID_BODY, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == {"data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}}
