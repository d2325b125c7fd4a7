"""The site search's match, `(title || body) @@ query`, is served by the GIN index of
search/migrations/0002 (without it every search reads all of wagtailsearch_indexentry), which
has no pending list (0003: the list bloated it until the planner stopped using it)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.postgres import compact_text_index
from tests.search.test_search import SEARCH

pytestmark = pytest.mark.hunspell

INDEX = "search_indexentry_text_gin"
MATCH = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@ '


def plan_of(statement: str) -> str:
    """PostgreSQL's plan for the statement when it may not read a whole table (the test
    database is too small for the planner to prefer an index on its own)."""
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute("EXPLAIN " + statement)
            return "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("RESET enable_seqscan")


def test_the_index_exists_on_the_matched_expression(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry' "
            "AND indexname = %s",
            [INDEX],
        )
        assert cursor.fetchall() == [
            (
                f"CREATE INDEX {INDEX} ON public.wagtailsearch_indexentry "
                "USING gin (((title || body))) WITH (fastupdate=off)",
            )
        ]


def test_entries_go_straight_into_the_index(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [INDEX])
        assert cursor.fetchall() == [(["fastupdate=off"],)]


@pytest.mark.parametrize(
    ("locale", "query"),
    [("cs", "kybernetické bezpečnosti"), ("uk", "кібербезпеки"), ("en", "cybersecurity")],
)
def test_results_and_count_match_the_indexed_expression(graphql, locale, query):
    with CaptureQueriesContext(connection) as captured:
        variables = {"query": query, "locale": locale, "limit": 1}
        found = graphql(SEARCH, variables)["data"]["search"]
    assert len(found["results"]) == 1 and found["totalCount"] > 1
    matching = [q["sql"] for q in captured.captured_queries if " @@ " in q["sql"]]
    # The page of results and its totalCount come from one query (search/ranking.py), matching
    # the expression the index is made on...
    assert len(matching) == 1
    assert "COUNT(*) OVER ()" in matching[0]
    assert MATCH in matching[0]
    # ...which the planner reads through the index.
    plan = plan_of(
        "SELECT count(*) FROM wagtailsearch_indexentry "
        f"WHERE (title || body) @@ to_tsquery('cms_{locale}', 'x')"
    )
    assert f"Bitmap Index Scan on {INDEX}" in plan


def index_file() -> int:
    """The index's file: a rebuild writes a new one."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT relfilenode FROM pg_class WHERE relname = %s", [INDEX])
        return cursor.fetchone()[0]


def test_update_index_ends_with_a_compact_rebuild(db, graphql):
    before = index_file()
    call_command("update_index", verbosity=0)
    assert index_file() != before
    test_entries_go_straight_into_the_index(db)
    found = graphql(SEARCH, {"query": "kybernetické bezpečnosti", "locale": "cs", "limit": 1})
    assert found["data"]["search"]["totalCount"] > 1


def test_update_index_of_the_schema_only_rebuilds_nothing(db):
    before = index_file()
    call_command("update_index", schema_only=True, verbosity=0)
    assert index_file() == before


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_searches_go_on_during_the_rebuild(keep_demo_site):
    before = index_file()
    with CaptureQueriesContext(connection) as captured:
        compact_text_index()
    assert [q["sql"] for q in captured.captured_queries] == [f"REINDEX INDEX CONCURRENTLY {INDEX}"]
    assert index_file() != before
