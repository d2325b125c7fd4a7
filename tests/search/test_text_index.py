"""The site search's match, `(title || body) @@ query`, is served by the GIN index of
search/migrations/0002 (without it every search reads all of wagtailsearch_indexentry)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
                "USING gin (((title || body)))",
            )
        ]


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
