"""The events' default order read in two parts (cms/graphql/pagination.py, ordered_in_parts):
upcoming events by start, then past events by start descending, each part a query PostgreSQL
can answer from the index on start, and only the parts a page touches are read."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.test_graphql import (  # noqa: F401  (at_demo_today is a fixture)
    ALL_PAST_LATEST_FIRST,
    DEMO_UPCOMING_SOONEST_FIRST,
    at_demo_today,
)

PAGE = """
query Page($offset: Int!, $limit: Int!, $filters: EventFilter) {
  events(locale: "en", filters: $filters, pagination: {offset: $offset, limit: $limit}) {
    pageInfo { offset limit }
    results { slug }
  }
}
"""

EVERY_EVENT = [slug for slug, _ in DEMO_UPCOMING_SOONEST_FIRST + ALL_PAST_LATEST_FIRST]
UPCOMING = len(DEMO_UPCOMING_SOONEST_FIRST)  # 5 upcoming, then 12 past

pytestmark = pytest.mark.usefixtures("at_demo_today")


def page_of(graphql, offset: int, limit: int, filters=None) -> tuple[list[str], list[str]]:
    """The slugs of one page, and the statements that read event pages for it."""
    variables = {"offset": offset, "limit": limit, "filters": filters}
    with CaptureQueriesContext(connection) as queries:
        data = graphql(PAGE, variables)["data"]["events"]
    assert data["pageInfo"] == {"offset": offset, "limit": limit}
    sql = [q["sql"] for q in queries.captured_queries if 'FROM "events_eventpage"' in q["sql"]]
    return [item["slug"] for item in data["results"]], sql


@pytest.mark.parametrize("limit", [1, 2, 5, 7, 20])
def test_every_page_is_the_slice_of_the_whole_order(graphql, limit):
    assert len(EVERY_EVENT) == 17
    for offset in range(len(EVERY_EVENT) + 2):
        slugs, _ = page_of(graphql, offset, limit)
        assert slugs == EVERY_EVENT[offset : offset + limit], (offset, limit)


def order_by_clause(statement: str) -> str:
    return statement.split("ORDER BY", 1)[1]


def test_a_page_of_upcoming_events_reads_the_upcoming_part_only(graphql):
    slugs, sql = page_of(graphql, 1, 3)
    assert slugs == EVERY_EVENT[1:4]
    assert len(sql) == 1
    assert '"events_eventpage"."end" >=' in sql[0]
    # The index's order, not CASE expressions every row must be computed for.
    assert re.match(
        r'\s*"events_eventpage"\."start" ASC, "events_eventpage"\."page_ptr_id" ASC',
        order_by_clause(sql[0]),
    )
    assert sql[0].rstrip().endswith("LIMIT 3 OFFSET 1")


def test_a_page_across_both_parts_reads_each_once(graphql):
    slugs, sql = page_of(graphql, UPCOMING - 2, 5)
    assert slugs == EVERY_EVENT[UPCOMING - 2 : UPCOMING + 3]
    assert len(sql) == 2
    assert sql[0].rstrip().endswith(f"LIMIT 5 OFFSET {UPCOMING - 2}")
    assert '"events_eventpage"."end" <' in sql[1]
    assert re.match(r'\s*"events_eventpage"\."start" DESC', order_by_clause(sql[1]))
    assert sql[1].rstrip().endswith("LIMIT 3")


def test_a_page_of_past_events_counts_the_upcoming_part_it_skips(graphql):
    slugs, sql = page_of(graphql, UPCOMING + 4, 3)
    assert slugs == EVERY_EVENT[UPCOMING + 4 : UPCOMING + 7]
    assert len(sql) == 3
    assert "COUNT(*)" in sql[1] and '"events_eventpage"."end" >=' in sql[1]
    assert sql[2].rstrip().endswith("LIMIT 3 OFFSET 4")


def test_filters_apply_to_both_parts(graphql):
    # Two upcoming and two past Cybersecurity events (tests/events/test_graphql.py).
    cybersecurity = [
        "cybersecurity-lessons-webinar",
        "digital-innovation-forum-cz-ua",
        "cybersecurity-forum-cz-ua-2023",
        "cybersecurity-expert-mission-2023",
    ]
    for offset in range(5):
        slugs, _ = page_of(graphql, offset, 2, {"topic": "cybersecurity"})
        assert slugs == cybersecurity[offset : offset + 2]
    either = {"topic": "cybersecurity", "OR": {"kind": "WEBINAR"}}
    webinars_or_cybersecurity = [
        "cybersecurity-lessons-webinar",
        "digital-innovation-forum-cz-ua",
        "ai-in-public-services-webinar",
        "cybersecurity-forum-cz-ua-2023",
        "cybersecurity-expert-mission-2023",
        "smart-city-smart-region-webinar-2023",
    ]
    for offset in range(7):
        slugs, _ = page_of(graphql, offset, 3, either)
        assert slugs == webinars_or_cybersecurity[offset : offset + 3]


def test_a_client_ordering_is_one_query_in_its_own_order(graphql):
    query = """{ events(locale: "en", ordering: [{start: DESC}], pagination: {limit: 3}) {
        results { slug } } }"""
    with CaptureQueriesContext(connection) as queries:
        results = graphql(query)["data"]["events"]["results"]
    latest_first = sorted(
        DEMO_UPCOMING_SOONEST_FIRST + ALL_PAST_LATEST_FIRST, key=lambda e: e[1], reverse=True
    )
    assert [item["slug"] for item in results] == [slug for slug, _ in latest_first[:3]]
    sql = [q["sql"] for q in queries.captured_queries if 'FROM "events_eventpage"' in q["sql"]]
    assert len(sql) == 1
    # Not split: no condition on the end time.
    assert '"events_eventpage"."end"' not in sql[0].split(" WHERE ", 1)[1]
    assert order_by_clause(sql[0]).strip().startswith('"events_eventpage"."start" DESC')
