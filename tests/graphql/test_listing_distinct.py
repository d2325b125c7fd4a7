"""A listing is made DISTINCT only when a filter joins a relation that can repeat a row
(cms/graphql/pagination.py, distinct_if_needed): without one, PostgreSQL can stop at the page's
last item; with one (topics with OR), no event is listed twice."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventIndexPage, EventPage
from home.models import Topic

EVENTS = """
query Events { events(locale: "en", pagination: {limit: 100}) { totalCount results { title } } }
"""
EITHER_TOPIC = """
query Either($a: String!, $b: String!) {
  events(locale: "en", filters: {topic: $a, OR: {topic: $b}}, pagination: {limit: 100}) {
    totalCount results { title }
  }
}
"""

pytestmark = pytest.mark.django_db


def listing_sql(graphql, query, variables=None) -> tuple[dict, list[str]]:
    """The answer and its statements that read event pages."""
    with CaptureQueriesContext(connection) as queries:
        data = graphql(query, variables)["data"]
    return data, [q["sql"] for q in queries.captured_queries if '"events_eventpage"' in q["sql"]]


@pytest.fixture
def two_topic_event(locales):
    """An English event with two topics: both branches of an OR match it."""
    first, second = Topic.objects.filter(locale=locales["en"], live=True).order_by("slug")[:2]
    start = timezone.now() + dt.timedelta(days=40)
    event = EventPage(title="Two topics", slug="two-topics", start=start, end=start, summary="-")
    event.topics.add(event.topics.model(topic=first))
    event.topics.add(event.topics.model(topic=second))
    EventIndexPage.objects.get(locale=locales["en"]).add_child(instance=event)
    return first.slug, second.slug


def test_a_plain_listing_is_not_distinct(graphql):
    data, sql = listing_sql(graphql, EVENTS)
    titles = [event["title"] for event in data["events"]["results"]]
    assert len(titles) == len(set(titles)) == data["events"]["totalCount"]
    assert sql and not any("DISTINCT" in statement for statement in sql)


def test_a_filter_across_topics_lists_each_event_once(graphql, two_topic_event):
    first, second = two_topic_event
    data, sql = listing_sql(graphql, EITHER_TOPIC, {"a": first, "b": second})
    titles = [event["title"] for event in data["events"]["results"]]
    assert titles.count("Two topics") == 1
    assert len(titles) == len(set(titles)) == data["events"]["totalCount"]
    assert all("DISTINCT" in statement for statement in sql)
