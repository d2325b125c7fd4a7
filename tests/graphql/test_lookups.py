"""The per-process lookups of the API (cms/graphql/lookups.py): the site of a host, its locale
roots and view restrictions, and the locales, kept for one content version.

Each test turns the memo on (GRAPHQL_LOOKUP_MEMO; off by default with the tests' local-memory
cache) and checks that a request after the first skips the lookups, and that a change of what
they hold is seen by the very next request.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from cms import content_version
from cms.graphql import lookups

FORUM = "/en/events/ai-forum-cz-ua-2024/"
FORUM_TITLE = "AI Forum CZ-UA 2024"

EVENTS = """
query Events { events(locale: "en", pagination: {limit: 100}) { results { title } } }
"""
SITE = "query Site { site { name locales { code } } }"

# The tables only the lookups read.
LOOKUP_TABLES = ("wagtailcore_locale", "wagtailcore_site", "wagtailcore_pageviewrestriction")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def memo(settings):
    settings.GRAPHQL_LOOKUP_MEMO = True
    cache.clear()
    lookups.clear()
    yield
    lookups.clear()
    cache.clear()


def run(client, query: str) -> tuple[dict, list[str]]:
    """The answer's data and the SQL it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/graphql/", {"query": query}, content_type="application/json")
    body = response.json()
    assert "errors" not in body, body
    return body["data"], [query["sql"] for query in queries.captured_queries]


def lookups_in(sql: list[str]) -> set[str]:
    return {table for table in LOOKUP_TABLES for statement in sql if f'"{table}"' in statement}


def titles(data: dict) -> list[str]:
    return [event["title"] for event in data["events"]["results"]]


def test_a_second_request_skips_the_lookups(client):
    first, first_sql = run(client, EVENTS)
    second, second_sql = run(client, EVENTS)
    assert second == first
    assert FORUM_TITLE in titles(first)
    assert lookups_in(first_sql) == set(LOOKUP_TABLES)
    assert lookups_in(second_sql) == set()
    assert len(first_sql) - len(second_sql) >= 4


def test_off_every_request_looks_up(client, settings):
    settings.GRAPHQL_LOOKUP_MEMO = False
    run(client, EVENTS)
    _, sql = run(client, EVENTS)
    assert lookups_in(sql) == set(LOOKUP_TABLES)


def test_a_new_view_restriction_hides_the_page_at_once(client):
    before, _ = run(client, EVENTS)
    PageViewRestriction.objects.create(
        page=Page.objects.get(url_path=FORUM),
        restriction_type=PageViewRestriction.PASSWORD,
        password="open sesame",
    )
    after, sql = run(client, EVENTS)
    assert lookups_in(sql) == set(LOOKUP_TABLES)  # the content version changed
    assert titles(after) == [title for title in titles(before) if title != FORUM_TITLE]


def test_a_renamed_site_is_seen_at_once(client):
    before, _ = run(client, SITE)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed network"
    site.save()
    after, _ = run(client, SITE)
    assert after == {"site": {**before["site"], "name": "Renamed network"}}
    assert before["site"]["name"] != "Renamed network"


def test_without_a_content_version_every_request_looks_up(client, monkeypatch):
    """The cache is down: no version is read, so nothing is kept (and the answer is the same)."""

    def down():
        raise ConnectionError("cache down")

    monkeypatch.setattr(content_version, "current", down)
    first, _ = run(client, EVENTS)
    second, sql = run(client, EVENTS)
    assert second == first
    assert lookups_in(sql) == set(LOOKUP_TABLES)
