"""Per-client rate limit of /graphql/ (cms/graphql/ratelimit.py): N requests pass, the next is
429 with Retry-After and a JSON body; clients have their own counters; windows reset; a broken
cache lets requests through."""

import logging

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from cms.graphql import ratelimit
from cms.graphql.ratelimit import client_key, parse_rate

from .conftest import BROKEN_CACHE

pytestmark = pytest.mark.django_db

URL = "/graphql/"
QUERY = "{ site { name } }"


@pytest.fixture(autouse=True)
def limited(settings):
    cache.clear()
    settings.GRAPHQL_RATE_LIMIT = "3/60"
    ratelimit._cache_failing = False
    yield
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """ratelimit's time, set by the test: the start of a window."""
    moment = {"t": 1_800_000_000.0}  # a multiple of 60
    monkeypatch.setattr(ratelimit, "now", lambda: moment["t"])
    return moment


def post(client, address="192.0.2.1", query=QUERY, **extra):
    return client.post(
        URL, {"query": query}, content_type="application/json", REMOTE_ADDR=address, **extra
    )


def assert_limited(response, retry_after=None):
    assert response.status_code == 429, response.content
    assert response["Content-Type"] == "application/json"
    if retry_after is not None:
        assert response["Retry-After"] == str(retry_after)
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json() == {
        "errors": [
            {
                "message": "Too many requests: at most 3 every 60 seconds from one client "
                f"(GRAPHQL_RATE_LIMIT). Retry in {response['Retry-After']} seconds.",
                "extensions": {"code": "RATE_LIMITED"},
            }
        ]
    }
    assert response["X-Request-ID"]


def test_the_request_over_the_limit_is_refused(client, clock, django_assert_num_queries):
    for _ in range(3):
        assert post(client).status_code == 200
    clock["t"] += 20
    # Counted before parsing or executing: no SQL, whatever the document.
    with django_assert_num_queries(0):
        response = post(client, query="{ not even valid")
    assert_limited(response, retry_after=40)


def test_get_requests_count_too(client, clock):
    for _ in range(3):
        assert client.get(URL, {"query": QUERY}, REMOTE_ADDR="192.0.2.1").status_code == 200
    assert_limited(client.get(URL, {"query": QUERY}, REMOTE_ADDR="192.0.2.1"))


def test_clients_have_their_own_counters(client, clock):
    for _ in range(3):
        assert post(client, "192.0.2.1").status_code == 200
    assert_limited(post(client, "192.0.2.1"))
    assert post(client, "192.0.2.2").status_code == 200
    assert post(client, "2001:db8::1").status_code == 200


def test_the_window_resets(client, clock):
    for _ in range(3):
        assert post(client).status_code == 200
    assert_limited(post(client))
    clock["t"] += 60
    assert post(client).status_code == 200


def test_the_limit_is_logged_once_per_client_and_window(client, clock, caplog):
    caplog.set_level(logging.WARNING, logger="cms.graphql.ratelimit")
    for _ in range(6):
        post(client)
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(records) == 1
    assert "client=192.0.2.1 limit=3/60s" in records[0].getMessage()


def test_a_broken_cache_lets_requests_through(client, settings, caplog):
    settings.CACHES = {**settings.CACHES, "broken": BROKEN_CACHE}
    settings.GRAPHQL_RATE_LIMIT_CACHE = "broken"
    for _ in range(6):
        assert post(client).status_code == 200
    warnings = [r for r in caplog.records if r.name == "cms.graphql.ratelimit"]
    assert len(warnings) == 1  # once, not per request
    assert warnings[0].levelname == "WARNING"
    assert "ConnectionError" in warnings[0].getMessage()
    # The cache works again: counted again, and said so.
    settings.GRAPHQL_RATE_LIMIT_CACHE = "default"
    for _ in range(3):
        assert post(client).status_code == 200
    assert post(client).status_code == 429


@pytest.mark.parametrize("value", ["", "0", "0/60", "10/0", None])
def test_an_empty_limit_is_off(client, settings, value):
    settings.GRAPHQL_RATE_LIMIT = value
    for _ in range(5):
        assert post(client).status_code == 200


def test_parse_rate():
    assert parse_rate("300/60") == (300, 60)
    assert parse_rate(" 5 / 1 ") == (5, 1)
    with pytest.raises(ImproperlyConfigured):
        parse_rate("300 per minute")


def test_forwarded_for_is_ignored_without_trusted_proxies(client, clock):
    for index in range(3):
        assert post(client, HTTP_X_FORWARDED_FOR=f"198.51.100.{index}").status_code == 200
    assert_limited(post(client, HTTP_X_FORWARDED_FOR="198.51.100.9"))


def test_behind_a_trusted_proxy_the_address_it_saw_counts(client, clock, settings):
    settings.GRAPHQL_RATE_LIMIT_TRUSTED_PROXIES = 1
    proxy = "10.0.0.5"
    # What the client wrote in X-Forwarded-For (left) changes nothing; what the proxy added does.
    for index in range(3):
        forwarded = f"198.51.100.{index}, 203.0.113.7"
        assert post(client, proxy, HTTP_X_FORWARDED_FOR=forwarded).status_code == 200
    assert_limited(post(client, proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7"))
    assert post(client, proxy, HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 200


def test_client_keys():
    assert client_key("192.0.2.1") == "192.0.2.1"
    assert client_key("192.0.2.1:5678") == "192.0.2.1"
    assert client_key("::ffff:192.0.2.1") == "192.0.2.1"
    # One /64 network, one client.
    assert (
        client_key("2001:db8:1:2::1") == client_key("2001:db8:1:2:ffff::9") == ("2001:db8:1:2::/64")
    )
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert client_key("[2001:db8::1]") == "2001:db8::/64"
    assert client_key("garbage") == "unknown"
