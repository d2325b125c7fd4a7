"""One page of organic search results and how many there are, in one query over the search index
(PostgreSQL).

Wagtail's PostgreSQL backend ranks pages: it joins every page of the database to its index entry
(on the entry's text `object_id`), sorts the matches with all their page columns, then counts the
matches in a second query. At 50,000 pages a Czech search matching 15,000 of them spent ~105 ms
on the results and ~38 ms on the count (EXPLAIN ANALYZE, benchmarks/profile_cards.py
--scenario search-cs). This query starts from the index entries (through the GIN index on
`title || body`, search/migrations/0002), keeps those of visible pages, and sorts only (page id,
content type, score), counting the matches in the same pass: ~60 ms for both.

The match and the score are Wagtail's own expressions (the same `title || body @@ query`, the same
ts_rank weights, title_norm and per-word product), so the order and the scores are those of
`backend.search(…, order_by_relevance=True).annotate_score(…)`, ties broken on the page id
descending as there; tests/search/test_ranking.py compares the two.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchVectorField
from django.db.models import BigIntegerField, CharField, Count, F, QuerySet, Window
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from wagtail.models import Page
from wagtail.search.models import IndexEntry
from wagtail.search.utils import get_descendants_content_types_pks

from .query import ParsedQuery


@dataclass(frozen=True)
class Hit:
    """What the search field needs of a found page before it loads it."""

    pk: int
    content_type_id: int
    _search_score: float


def matches(backend, pages: QuerySet, parsed: ParsedQuery) -> QuerySet:
    """The index entries of `pages` that match, with `score` and `page_pk`, best first."""
    # The backend's query compiler builds the tsquery and the rank as Wagtail ranks pages (its
    # _build_rank_expression: no public name); only the vectors are read from the index entry
    # itself instead of through the page's relation.
    compiler = backend.query_compiler_class(
        pages, parsed.wagtail_query(), operator="and", order_by_relevance=True
    )
    config = compiler.get_config(backend)
    score = compiler._build_rank_expression(
        [(F("title"), F("title_norm")), (F("body"), 1.0)], config
    )
    page_ids = pages.annotate(text_pk=Cast("pk", CharField(max_length=50))).values("text_pk")
    return (
        IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(Page), object_id__in=page_ids
        )
        # The expression of the GIN index, so the planner reads the matches from it.
        .alias(text=CombinedExpression(F("title"), "||", F("body"), SearchVectorField()))
        .filter(text=compiler.build_tsquery(compiler.query, config=config))
        .annotate(score=score, page_pk=Cast("object_id", BigIntegerField()))
        .order_by("-score", "-page_pk")
    )


def ranked(backend, pages: QuerySet, parsed: ParsedQuery, offset: int, limit: int):
    """([Hit], total): the hits from `offset` to `offset + limit`, and how many entries match
    (None when the slice is empty: nothing was there to count with)."""
    rows = list(
        matches(backend, pages, parsed)
        .annotate(total=Window(Count("*")))
        .values_list("page_pk", "content_type_id", "score", "total")[offset : offset + limit]
    )
    hits = [Hit(pk, content_type_id, score) for pk, content_type_id, score, _ in rows]
    return hits, (rows[0][3] if rows else None)
