"""The Redis cache (cms/cache.py) against a real Redis, and what an outage of it does.

Against the Redis on 127.0.0.1:6379, database 15, under a key prefix of each test's own (only
those keys are removed afterwards): values round-trip; when the connection drops (a proxy in
front of Redis is cut) reads miss, writes do nothing, counters fail open and one WARNING is
logged, until Redis answers again. Against a port nothing listens on: the API still answers 200
with fresh data. And the settings are built from the environment: REDIS_URL, CACHE_URL, the
response cache's default, the frontend cache purge backends.
"""

import json
import logging
import socket
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
import redis
from django.core.cache import caches

from cms import cache as cms_cache
from cms.graphql import response_cache
from cms.settings.base import redis_cache_setting
from events.models import EventPage
from tests.factories import EventPageFactory

from .test_production import printed_json, production_env

ROOT = Path(__file__).resolve().parent.parent.parent
REDIS = ("127.0.0.1", 6379)
REDIS_URL = "redis://127.0.0.1:6379/15"
UNREACHABLE_URL = "redis://127.0.0.1:1/15"
OUTAGE_WARNING = "Redis cache unavailable ("
RECOVERED = "Redis cache available again"

CITY_EVENTS_QUERY = """
query CityEvents($city: String!) { events(filters: {city: $city}) { results { title } } }
"""


def redis_reachable() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.fixture(autouse=True)
def fresh_outage_state():
    """Outages are remembered per server and process; each test starts without one."""
    cms_cache._outages.clear()
    response_cache._cache_failing = False
    yield
    cms_cache._outages.clear()


@pytest.fixture
def prefix():
    """A key prefix of the test's own in db 15; its keys, and only those, are removed after."""
    if not redis_reachable():
        pytest.skip(f"No Redis at {REDIS_URL} (start one: apt-get install redis-server).")
    name = f"cms-test-{uuid.uuid4().hex[:12]}"
    yield name
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{name}:*"))
    if keys:
        client.delete(*keys)


def use_cache(settings, url: str, key_prefix: str = "cms-test"):
    setting = redis_cache_setting(url, key_prefix)
    setting["OPTIONS"]["RETRY_AFTER_SECONDS"] = 0  # ask Redis again at once after a failure
    settings.CACHES = {"default": setting}
    return caches["default"]


def outage_records(caplog) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "cms.cache" and record.levelno == logging.WARNING
    ]


def test_values_round_trip_through_redis(settings, prefix):
    cache = use_cache(settings, REDIS_URL, prefix)
    cache.set("answer", {"data": [1, 2]}, 60)
    assert cache.get("answer") == {"data": [1, 2]}
    assert cache.add("answer", "other") is False
    assert cache.add("counter", 1) is True
    assert cache.incr("counter") == 2
    assert cache.get_many(["answer", "counter", "nothing"]) == {
        "answer": {"data": [1, 2]},
        "counter": 2,
    }
    assert cache.has_key("answer") is True
    cache.delete("answer")
    assert cache.get("answer", "missing") == "missing"
    with pytest.raises(ValueError):
        cache.incr("nothing")  # Django's contract for a missing counter is kept
    stored = sorted(
        key.decode() for key in redis.Redis.from_url(REDIS_URL).scan_iter(f"{prefix}:*")
    )
    assert stored == [f"{prefix}:1:counter"]


def test_one_redis_client_per_connection_pool(settings, prefix):
    """Django makes a redis.Redis at every cache call; ours keeps one per pool (cms/cache.py)."""
    cache = use_cache(settings, REDIS_URL, prefix)
    client = cache._cache.get_client("answer")
    assert cache._cache.get_client("other", write=True) is client  # one server, one pool
    cache.set("answer", 42, 60)
    assert cache._cache.get_client("answer") is client
    assert cache.get_many(["answer", "nothing"]) == {"answer": 42}


class Proxy:
    """A TCP proxy in front of the real Redis that can be cut (an outage) and restored."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.up = True
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self.accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/15"

    def accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            upstream = socket.create_connection(REDIS)
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        self.up = False
        with self.lock:
            sockets, self.sockets = self.sockets, []
        for end in sockets:
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            end.close()

    def restore(self):
        self.up = True

    def close(self):
        self.cut()
        self.server.close()


@pytest.fixture
def proxy(prefix):
    proxy = Proxy()
    yield proxy
    proxy.close()


def test_an_outage_reads_as_misses_warns_once_and_ends(settings, prefix, proxy, caplog):
    caplog.set_level(logging.INFO, logger="cms.cache")
    cache = use_cache(settings, proxy.url, prefix)
    cache.set("kept", "before", 60)
    assert cache.get("kept") == "before"

    proxy.cut()
    assert cache.get("kept", "miss") == "miss"
    cache.set("kept", "during", 60)  # nothing stored, nothing raised
    assert cache.add("new", 1) is False
    assert cache.incr("kept") == 1  # a rate limit counter fails open
    assert cache.get_many(["kept"]) == {}
    assert cache.delete("kept") is False
    assert [message.startswith(OUTAGE_WARNING) for message in outage_records(caplog)] == [True]

    proxy.restore()
    assert cache.get("kept") == "before"  # neither the write nor the delete reached Redis
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.INFO] == [RECOVERED]
    assert len(outage_records(caplog)) == 1


def test_an_unreachable_redis_answers_misses_at_once(settings, caplog):
    cache = use_cache(settings, UNREACHABLE_URL)
    for _ in range(5):
        assert cache.get("anything", "default") == "default"
        assert cache.incr("counter", 3) == 3
    assert len(outage_records(caplog)) == 1
    assert outage_records(caplog)[0] == (
        "Redis cache unavailable (ConnectionError: Error 111 connecting to 127.0.0.1:1. "
        "Connection refused.); serving uncached until it answers again"
    )


@pytest.mark.django_db
def test_the_api_answers_fresh_data_while_redis_is_down(client, settings, caplog):
    use_cache(settings, UNREACHABLE_URL)
    settings.GRAPHQL_RESPONSE_CACHE = {"ENABLED": True, "TIMEOUT": 3600, "CACHE": "default"}
    settings.GRAPHQL_RATE_LIMIT = "100/60"
    event = EventPageFactory(title="Before the outage", slug="outage-event", city="Outageville")

    def titles() -> list[str]:
        response = client.get(
            "/graphql/",
            {"query": CITY_EVENTS_QUERY, "variables": json.dumps({"city": "Outageville"})},
        )
        assert response.status_code == 200, response.content
        body = response.json()
        assert "errors" not in body
        return [result["title"] for result in body["data"]["events"]["results"]]

    assert titles() == ["Before the outage"]
    page = EventPage.objects.get(pk=event.pk)
    page.title = "Published during the outage"
    page.save_revision().publish()
    assert titles() == ["Published during the outage"]
    assert titles() == ["Published during the outage"]
    assert len(outage_records(caplog)) == 1


# --- settings from the environment --------------------------------------------------------------

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "cache": s.CACHES["default"],
    "response_cache": s.GRAPHQL_RESPONSE_CACHE["ENABLED"],
    "persisted": s.GRAPHQL_PERSISTED_QUERIES,
    "frontend_cache": s.WAGTAILFRONTENDCACHE,
    "frontend_cache_app": "wagtail.contrib.frontend_cache" in s.INSTALLED_APPS,
}))
"""
CACHE_ENV = ("REDIS_", "CACHE_URL", "CACHE_KEY_PREFIX", "FRONTEND_CACHE_", "GRAPHQL_")


def production_settings(**environment) -> dict:
    env = {
        key: value
        for key, value in production_env(**environment).items()
        if key in environment or not key.startswith(CACHE_ENV)
    }
    return printed_json(PRINT_SETTINGS, env)


def test_redis_url_builds_the_resilient_redis_cache():
    found = production_settings(REDIS_URL="redis://cache.internal:6379/2", CACHE_KEY_PREFIX="cms1")
    assert found == {
        "cache": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": "redis://cache.internal:6379/2",
            "KEY_PREFIX": "cms1",
            "OPTIONS": {
                "socket_connect_timeout": 0.25,
                "socket_timeout": 0.5,
                "RETRY_AFTER_SECONDS": 2.0,
            },
        },
        "response_cache": True,
        "persisted": "apq",
        "frontend_cache": {},
        "frontend_cache_app": False,
    }


def test_without_redis_url_cache_url_still_works_and_local_memory_is_the_default():
    database = production_settings(CACHE_URL="dbcache://cms_cache")
    assert database["cache"] == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cms_cache",
    }
    assert database["response_cache"] is True  # shared by every process
    local = production_settings()
    assert local["cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert local["response_cache"] is False  # a publish would reach one process only


def test_frontend_cache_purging_is_built_from_the_environment():
    found = production_settings(
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
        FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone-1",
        FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN="token-1",
        FRONTEND_CACHE_HOSTNAMES="example.org,www.example.org",
    )
    assert found["frontend_cache"] == {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish.internal:6081",
            "HOSTNAMES": ["example.org", "www.example.org"],
        },
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": "token-1",
            "ZONEID": "zone-1",
            "HOSTNAMES": ["example.org", "www.example.org"],
        },
    }
    assert found["frontend_cache_app"] is True


def test_a_misspelt_persisted_queries_mode_stops_the_process():
    env = {
        key: value
        for key, value in production_env(GRAPHQL_PERSISTED_QUERIES="allow").items()
        if not key.startswith(("REDIS_", "CACHE_URL"))
    }
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "GRAPHQL_PERSISTED_QUERIES must be off, apq or allowlist, not 'allow'" in done.stderr
