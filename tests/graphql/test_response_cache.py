"""The response cache of anonymous GraphQL reads and its HTTP side (cms/graphql/response_cache.py).

- A hit answers the identical body without any SQL; every change the public can see makes the
  next read fresh: publish, unpublish, move and delete of a page and of a snippet, a
  translation's publication, a scheduled go-live, an expiry, a redirect.
- Never cached: answers with errors, previews, requests with credentials.
- GET: ETag, Cache-Control and Vary on anonymous successes; If-None-Match of the current ETag
  is answered 304 without SQL; no-store on the rest.
- Two app servers in their own processes sharing a real Redis: a publish is fresh on both at once.
"""

import datetime as dt
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import redis
import time_machine
from django.apps import apps
from django.core.cache import cache, caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from cms.preview import make_token, store_preview
from cms.settings.base import redis_cache_setting
from events.models import EventPage
from home.models import NewsIndexPage, Topic
from tests.factories import EventPageFactory, TopicFactory

ROOT = Path(__file__).resolve().parent.parent.parent
URL = "/graphql/"
REDIS_URL = "redis://127.0.0.1:6379/15"
TEST_CITY = "Cacheville"

FORUM_PATH = "/en/events/ai-forum-cz-ua-2024/"
FORUM_CS_PATH = "/cs/akce/ai-forum-cz-ua-2024/"
FORUM_TITLE = "AI Forum CZ-UA 2024"
FORUM_TITLE_CS = "AI fórum CZ-UA 2024"

FORUM_QUERY = """
query Forum($path: String!) {
  event(path: $path) { title kind city topics { name slug } }
}
"""
# The same document, spaced and commented differently.
FORUM_QUERY_RESPACED = """# the forum
query   Forum( $path : String! ) { event( path :$path ) {
  title kind   city # where
  topics { name slug } } }
"""
CITY_EVENTS_QUERY = """
query CityEvents($city: String!) {
  events(filters: {city: $city}) { totalCount results { title path } }
}
"""
TOPIC_QUERY = """
query Topic($slug: String!) { topic(slug: $slug) { name } }
"""
REDIRECT_QUERY = """
query Redirect($path: String!) { redirect(path: $path) { location statusCode } }
"""
UNKNOWN_LOCALE_QUERY = """
query UnknownLocale { event(path: "/en/events/ai-forum-cz-ua-2024/", locale: "de") { title } }
"""
PREVIEW_QUERY = """
query Preview($token: String!) { page(previewToken: $token) { title } }
"""
SITE_QUERY = "query Site { site { name } }"

FORUM = {
    "event": {
        "title": FORUM_TITLE,
        "kind": "FORUM",
        "city": "Prague",
        "topics": [{"name": "Artificial Intelligence", "slug": "artificial-intelligence"}],
    }
}

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def response_cache(settings):
    """The response cache on, in the tests' local-memory cache, emptied around each test."""
    settings.GRAPHQL_RESPONSE_CACHE = {"ENABLED": True, "TIMEOUT": 3600, "CACHE": "default"}
    settings.GRAPHQL_HTTP_CACHE_MAX_AGE = 0
    settings.GRAPHQL_HTTP_CACHE_S_MAXAGE = 10
    settings.GRAPHQL_HTTP_CACHE_STALE_WHILE_REVALIDATE = 30
    cache.clear()
    yield
    cache.clear()


def post(client, query, variables=None, **extra):
    return client.post(
        URL,
        {"query": query, "variables": variables or {}},
        content_type="application/json",
        **extra,
    )


def get(client, query, variables=None, **extra):
    params = {"query": query}
    if variables is not None:
        params["variables"] = json.dumps(variables)
    return client.get(URL, params, **extra)


def data(client, query, variables=None) -> dict:
    response = post(client, query, variables)
    assert response.status_code == 200, response.content
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def stored_answers() -> int:
    return sum("graphql-response:" in key for key in caches["default"]._cache)


def fresh_after(client, django_assert_num_queries, query, variables, change) -> dict:
    """Read (cached), read again (a hit: no SQL), change, and read: the answer after."""
    before = data(client, query, variables)
    with django_assert_num_queries(0):
        assert data(client, query, variables) == before
    change()
    return data(client, query, variables)


# --- hits -------------------------------------------------------------------------------------


def test_a_hit_serves_the_identical_body_without_sql(client, django_assert_num_queries):
    first = post(client, FORUM_QUERY, {"path": FORUM_PATH})
    assert first.json() == {"data": FORUM}
    assert stored_answers() == 1
    with django_assert_num_queries(0):
        second = post(client, FORUM_QUERY, {"path": FORUM_PATH})
    assert second.status_code == 200
    assert second["Content-Type"] == "application/json"
    assert second.content == first.content


TWO_QUERY = """
query Two($a: String!, $b: String!) { a: event(path: $a) { title } b: event(path: $b) { title } }
"""
TWO_QUERY_RESPACED = """# two
query Two( $a:String! $b:String! ){a:event(path:$a){title}
 b:event(path:$b){title}}"""


def test_spacing_comments_and_variable_order_do_not_matter(client, django_assert_num_queries):
    first = post(client, TWO_QUERY, {"a": FORUM_PATH, "b": FORUM_CS_PATH})
    assert first.json() == {"data": {"a": {"title": FORUM_TITLE}, "b": {"title": FORUM_TITLE_CS}}}
    assert post(client, FORUM_QUERY, {"path": FORUM_PATH}).json() == {"data": FORUM}
    # The variables in the other order, in the JSON text of the body.
    body = json.dumps(
        {"variables": {"b": FORUM_CS_PATH, "a": FORUM_PATH}, "query": TWO_QUERY_RESPACED}
    )
    with django_assert_num_queries(0):
        again = client.post(URL, body, content_type="application/json")
        respaced = post(client, FORUM_QUERY_RESPACED, {"path": FORUM_PATH})
    assert again.content == first.content
    assert respaced.json() == {"data": FORUM}


def test_other_variables_are_another_answer(client):
    assert data(client, FORUM_QUERY, {"path": FORUM_PATH}) == FORUM
    assert data(client, FORUM_QUERY, {"path": FORUM_CS_PATH})["event"]["title"] == FORUM_TITLE_CS
    assert stored_answers() == 2


def test_the_rate_limit_counts_hits(client, settings):
    settings.GRAPHQL_RATE_LIMIT = "2/60"
    assert [post(client, SITE_QUERY).status_code for _ in range(3)] == [200, 200, 429]
    limited = post(client, SITE_QUERY)
    assert limited["Cache-Control"] == "no-store"
    assert limited.json()["errors"][0]["extensions"] == {"code": "RATE_LIMITED"}


# --- what makes the next read fresh -------------------------------------------------------------


def city_events(*events) -> dict:
    return {
        "events": {
            "totalCount": len(events),
            "results": [{"title": title, "path": path} for title, path in events],
        }
    }


@pytest.fixture
def event(db):
    return EventPageFactory(title="Cached event", slug="cached-event", city=TEST_CITY)


CITY = {"city": TEST_CITY}
CACHED_EVENT = ("Cached event", "/en/events/cached-event/")


def test_a_page_publish(client, django_assert_num_queries, event):
    def publish():
        page = EventPage.objects.get(pk=event.pk)
        page.title = "Renamed event"
        page.save_revision().publish()

    after = fresh_after(client, django_assert_num_queries, CITY_EVENTS_QUERY, CITY, publish)
    assert after == city_events(("Renamed event", "/en/events/cached-event/"))


def test_a_page_unpublish(client, django_assert_num_queries, event):
    after = fresh_after(
        client, django_assert_num_queries, CITY_EVENTS_QUERY, CITY, lambda: event.unpublish()
    )
    assert after == city_events()


def test_a_page_move(client, django_assert_num_queries, event):
    news = NewsIndexPage.objects.get(locale__language_code="en")

    def move():
        Page.objects.get(pk=event.pk).move(news, pos="last-child")

    after = fresh_after(client, django_assert_num_queries, CITY_EVENTS_QUERY, CITY, move)
    assert after == city_events(("Cached event", "/en/news/cached-event/"))


def test_a_page_delete(client, django_assert_num_queries, event):
    after = fresh_after(
        client,
        django_assert_num_queries,
        CITY_EVENTS_QUERY,
        CITY,
        lambda: Page.objects.get(pk=event.pk).delete(),
    )
    assert after == city_events()


@pytest.fixture
def topic(db):
    return TopicFactory(name="Cached topic", slug="cached-topic")


TOPIC = {"slug": "cached-topic"}


def test_a_snippet_publish(client, django_assert_num_queries, topic):
    def publish():
        live = Topic.objects.get(pk=topic.pk)
        live.name = "Renamed topic"
        live.save_revision().publish()

    after = fresh_after(client, django_assert_num_queries, TOPIC_QUERY, TOPIC, publish)
    assert after == {"topic": {"name": "Renamed topic"}}


def test_a_snippet_unpublish(client, django_assert_num_queries, topic):
    after = fresh_after(client, django_assert_num_queries, TOPIC_QUERY, TOPIC, topic.unpublish)
    assert after == {"topic": None}


def test_a_snippet_delete(client, django_assert_num_queries, topic):
    after = fresh_after(client, django_assert_num_queries, TOPIC_QUERY, TOPIC, topic.delete)
    assert after == {"topic": None}


def test_a_translation_publish(client, django_assert_num_queries):
    def publish():
        czech = Page.objects.get(url_path=FORUM_CS_PATH).specific
        czech.title = "AI fórum 2024, nově"
        czech.save_revision().publish()

    after = fresh_after(
        client, django_assert_num_queries, FORUM_QUERY, {"path": FORUM_CS_PATH}, publish
    )
    assert after["event"]["title"] == "AI fórum 2024, nově"


def test_a_scheduled_go_live(client, django_assert_num_queries, event):
    event.unpublish()
    page = EventPage.objects.get(pk=event.pk)
    page.go_live_at = timezone.now() + dt.timedelta(minutes=1)
    page.save_revision().publish()  # scheduled: not live until publish_scheduled runs
    before = fresh_after(client, django_assert_num_queries, CITY_EVENTS_QUERY, CITY, lambda: None)
    assert before == city_events()
    # The read stays inside the travel: the page's go-live time is still ahead in real time.
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        call_command("publish_scheduled")
        assert data(client, CITY_EVENTS_QUERY, CITY) == city_events(CACHED_EVENT)


def test_an_expiry_without_publish_scheduled(client, django_assert_num_queries):
    # The API hides an expired page at once (cms/visibility.py); publish_scheduled, which would
    # unpublish it (a signal), has not run: the content version knows the expiry time.
    EventPageFactory(
        title="Cached event",
        slug="cached-event",
        city=TEST_CITY,
        expire_at=timezone.now() + dt.timedelta(minutes=1),
    )
    before = fresh_after(client, django_assert_num_queries, CITY_EVENTS_QUERY, CITY, lambda: None)
    assert before == city_events(CACHED_EVENT)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        assert data(client, CITY_EVENTS_QUERY, CITY) == city_events()


def test_a_redirect(client, django_assert_num_queries):
    def add():
        Redirect.objects.create(
            old_path="/en/old-forum", redirect_page=Page.objects.get(url_path=FORUM_PATH)
        )

    variables = {"path": "/en/old-forum/"}
    after = fresh_after(client, django_assert_num_queries, REDIRECT_QUERY, variables, add)
    assert after == {"redirect": {"location": FORUM_PATH, "statusCode": 301}}


# --- never cached -------------------------------------------------------------------------------


def test_answers_with_errors_are_not_cached(client):
    for _ in range(2):
        body = post(client, UNKNOWN_LOCALE_QUERY).json()
        assert body["errors"][0]["extensions"] == {"code": "LOCALE_NOT_FOUND"}
    assert stored_answers() == 0


def test_previews_are_not_cached(client, event):
    page = EventPage.objects.get(pk=event.pk)
    page.title = "Cached event (draft)"
    token = make_token(page.pk, store_preview(page))
    for method in (post, get):
        response = method(client, PREVIEW_QUERY, {"token": token})
        assert response.json() == {"data": {"page": {"title": "Cached event (draft)"}}}
        assert response["Cache-Control"] == "private, no-store"
        assert "ETag" not in response
    assert stored_answers() == 0


def test_requests_with_credentials_are_not_cached(client):
    response = get(client, SITE_QUERY, HTTP_AUTHORIZATION="Bearer something")
    assert response.json() == {"data": {"site": {"name": "Czech–Ukrainian Digital Innovation"}}}
    assert response["Cache-Control"] == "no-store"
    client.cookies["sessionid"] = "abc"
    assert post(client, SITE_QUERY).status_code == 200
    assert stored_answers() == 0


def test_off_nothing_is_cached(client, settings):
    settings.GRAPHQL_RESPONSE_CACHE = {**settings.GRAPHQL_RESPONSE_CACHE, "ENABLED": False}
    assert data(client, SITE_QUERY) == {"site": {"name": "Czech–Ukrainian Digital Innovation"}}
    assert stored_answers() == 0


# --- HTTP ---------------------------------------------------------------------------------------

PUBLIC = "public, max-age=0, s-maxage=10, stale-while-revalidate=30"


def etag(body: bytes) -> str:
    return f'"{hashlib.sha256(body).hexdigest()[:40]}"'


def vary(response) -> set[str]:
    return {part.strip() for part in response["Vary"].split(",")}


def test_a_get_answer_has_etag_cache_control_and_vary(client):
    response = get(client, FORUM_QUERY, {"path": FORUM_PATH})
    assert response.status_code == 200
    assert response.json() == {"data": FORUM}
    assert response["ETag"] == etag(response.content)
    assert response["Cache-Control"] == PUBLIC
    assert {"Origin", "Accept-Encoding"} <= vary(response)
    hit = get(client, FORUM_QUERY, {"path": FORUM_PATH})
    assert (hit.content, hit["ETag"], hit["Cache-Control"]) == (
        response.content,
        response["ETag"],
        PUBLIC,
    )
    assert {"Origin", "Accept-Encoding"} <= vary(hit)


def test_if_none_match_of_the_current_etag_is_304_without_sql(client, django_assert_num_queries):
    first = get(client, FORUM_QUERY, {"path": FORUM_PATH})
    with django_assert_num_queries(0):
        response = get(client, FORUM_QUERY, {"path": FORUM_PATH}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == first["ETag"]
    assert response["Cache-Control"] == PUBLIC
    assert response["X-Request-ID"]
    # A weak validator of the same body (a compressing proxy's) matches too.
    weak = get(client, FORUM_QUERY, {"path": FORUM_PATH}, HTTP_IF_NONE_MATCH=f"W/{first['ETag']}")
    assert weak.status_code == 304


def test_a_stale_etag_gets_the_new_answer(client, event):
    first = get(client, CITY_EVENTS_QUERY, CITY)
    event.unpublish()
    response = get(client, CITY_EVENTS_QUERY, CITY, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response.json() == {"data": city_events()}
    assert response["ETag"] == etag(response.content) != first["ETag"]


def test_without_the_response_cache_a_matching_etag_is_still_304(client, settings):
    settings.GRAPHQL_RESPONSE_CACHE = {**settings.GRAPHQL_RESPONSE_CACHE, "ENABLED": False}
    first = get(client, SITE_QUERY)
    response = get(client, SITE_QUERY, HTTP_IF_NONE_MATCH=first["ETag"])
    assert (response.status_code, response["ETag"]) == (304, first["ETag"])


def test_errors_over_get_are_no_store(client):
    response = get(client, UNKNOWN_LOCALE_QUERY)
    assert response.status_code == 200
    assert response.json()["errors"][0]["extensions"] == {"code": "LOCALE_NOT_FOUND"}
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response


def test_post_answers_carry_no_http_caching(client):
    response = post(client, SITE_QUERY)
    assert response.status_code == 200
    assert "Cache-Control" not in response
    assert "ETag" not in response


def test_refusals_are_no_store(client):
    mutation = client.get(URL, {"query": "mutation M { __typename }"})
    assert mutation.status_code == 400
    assert mutation.json() == {
        "errors": [
            {
                "message": "mutations are not allowed when using GET",
                "extensions": {"code": "MUTATION_OVER_GET"},
            }
        ]
    }
    assert mutation["Cache-Control"] == "no-store"
    bad = client.post(URL, "[", content_type="application/json")
    assert (bad.status_code, bad["Cache-Control"]) == (400, "no-store")


# --- two app processes sharing Redis -------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_reachable() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{db.get('USER') or 'postgres'}{password}@{host}:{port}/{db['NAME']}"


class Server:
    """`manage.py runserver` in a process of its own, on the test database and the shared Redis."""

    def __init__(self, prefix: str, log: Path):
        self.port = free_port()
        self.log = log
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "CACHE_URL")
        }
        env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.test",
            DATABASE_URL=database_url(),
            TEST_REDIS_URL=REDIS_URL,
            CACHE_KEY_PREFIX=prefix,
        )
        with log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}"]
                + ["--noreload", "--skip-checks"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def query(self, query: str, variables: dict) -> tuple[dict, str]:
        body = json.dumps({"query": query, "variables": variables}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{URL}",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read()), response.headers.get("X-Request-ID")

    def wait_until_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server stopped:\n{self.log.read_text()}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise AssertionError(f"the server did not start:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def shared_redis(settings):
    """This process's cache in Redis db 15 under a prefix of its own; only its keys are removed."""
    if not redis_reachable():
        pytest.skip(f"No Redis at {REDIS_URL} (start one: apt-get install redis-server).")
    prefix = f"cms-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {"default": redis_cache_setting(REDIS_URL, prefix)}
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def ids_past_the_rows(keep_demo_site):
    """An earlier transactional test put the demo site back with its ids (tests/demo_snapshot.py)
    after a flush that restarted the id sequences: move them past the rows before adding any."""
    models = [model for model in apps.get_models() if model._meta.managed]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


@pytest.mark.django_db(transaction=True)
def test_a_publish_is_fresh_at_once_on_two_app_processes(ids_past_the_rows, shared_redis, tmp_path):
    event = EventPageFactory(title="Shared event", slug="shared-event", city=TEST_CITY)
    servers = [Server(shared_redis, tmp_path / f"server-{n}.log") for n in (1, 2)]
    try:
        for server in servers:
            server.wait_until_ready()
        before = city_events(("Shared event", "/en/events/shared-event/"))
        for server in servers:
            assert server.query(CITY_EVENTS_QUERY, CITY)[0] == {"data": before}
        # Both answer from the shared cache now: a row changed behind the API's back (no
        # signal, no new version) does not show.
        EventPage.objects.filter(pk=event.pk).update(title="Changed unseen")
        Page.objects.filter(pk=event.pk).update(title="Changed unseen")
        for server in servers:
            assert server.query(CITY_EVENTS_QUERY, CITY)[0] == {"data": before}
        # A publish in this process bumps the content version in Redis: both are fresh at once.
        page = EventPage.objects.get(pk=event.pk)
        page.title = "Shared event, published"
        page.save_revision().publish()
        after = city_events(("Shared event, published", "/en/events/shared-event/"))
        for server in servers:
            assert server.query(CITY_EVENTS_QUERY, CITY)[0] == {"data": after}
    finally:
        for server in servers:
            server.stop()
