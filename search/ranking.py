"""One page of organic search results and how many there are, in one query over the search index
(PostgreSQL).

Wagtail's PostgreSQL backend ranks pages: it joins every page of the database to its index entry
(on the entry's text `object_id`), sorts the matches with all their page columns, then counts the
matches in a second query. At 50,000 pages a Czech search matching 15,000 of them spent ~105 ms
on the results and ~38 ms on the count (EXPLAIN ANALYZE, benchmarks/profile_cards.py
--scenario search-cs). This query starts from the index entries (through the GIN index on
`title || body`, search/migrations/0002), keeps those of visible pages, scores them, and only
then counts and sorts (page id, content type, score): ~28 ms for both on a compact index
(search/migrations/0003), ~40 ms on one bloated by a pending list.

Two details carry most of that:
- the visible pages are joined on the page's integer id (the entry's `object_id` cast), so
  PostgreSQL hashes the ids as they come instead of casting each page id to text and
  de-duplicating them first (~10 ms at 50,000 pages);
- the entries are scored in a subquery and the window that counts them sees only the narrow
  scored rows: counted beside the wide entries (their vectors), the window spilled to disk
  (~13 ms).

The match and the score are Wagtail's own expressions (the same `title || body @@ query`, the same
ts_rank weights, title_norm and per-word product), so the order and the scores are those of
`backend.search(…, order_by_relevance=True).annotate_score(…)`, ties broken on the page id
descending as there; tests/search/test_ranking.py compares the two.

Which pages may be found comes in one of two forms:
- a Page queryset (the visibility rule with the asked-for types and topic), joined to the
  matching entries: PostgreSQL evaluates the rule for every page of the locale and hashes them
  (~30% of the query at 50,000 pages, whatever the rule's indexes: it is the join itself);
- `PageIds`, the same pages as a bitmap, which each matching entry tests with one `get_bit`:
  the Czech and Ukrainian bench searches at 50,000 pages take ~0.73× the time of the join
  (psql, alternating runs). The search field keeps the bitmap per process for the content
  version (search/schema.py), so it is computed once per change of what the public sees.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchVectorField
from django.db import connections
from django.db.models import (
    BigIntegerField,
    BinaryField,
    Case,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from django.db.models.lookups import In, LessThan
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


@dataclass(frozen=True)
class PageIds:
    """A set of page ids as a bitmap: page i is bit i % 8 of byte i // 8, the order of
    PostgreSQL's get_bit(bytea, n). 50,000 pages take 6 kB."""

    bits: bytes

    @classmethod
    def of(cls, ids: Iterable[int]) -> "PageIds":
        ids = list(ids)
        # One byte at least: get_bit has no valid position in an empty bytea.
        bits = bytearray((max(ids, default=0) >> 3) + 1)
        for page_id in ids:
            bits[page_id >> 3] |= 1 << (page_id & 7)
        return cls(bytes(bits))

    def without(self, ids: Iterable[int]) -> "PageIds":
        bits = bytearray(self.bits)
        for page_id in ids:
            if page_id >> 3 < len(bits):
                bits[page_id >> 3] &= 0xFF ^ (1 << (page_id & 7))
        return PageIds(bytes(bits))

    def __contains__(self, page_id: int) -> bool:
        return page_id >> 3 < len(self.bits) and bool(self.bits[page_id >> 3] >> (page_id & 7) & 1)

    def holds(self, content_type_ids: list[int]) -> Case:
        """1 when an index entry is of a page in the set, else 0 (SQL).

        Nested CASEs fix the order of the tests, which a WHERE clause does not (PostgreSQL
        orders its conditions by estimated cost): the object id is cast only for a page's entry,
        and get_bit only sees positions inside the bitmap (past its end it fails; a page newer
        than the bitmap is not in the set).
        """
        page_id = Cast("object_id", IntegerField())
        bit = Func(
            Value(self.bits, output_field=BinaryField()),
            page_id,
            function="get_bit",
            output_field=IntegerField(),
        )
        inside = Case(
            When(LessThan(page_id, len(self.bits) * 8), then=bit),
            default=Value(0),
            output_field=IntegerField(),
        )
        return Case(
            When(In(F("content_type_id"), list(content_type_ids)), then=inside),
            default=Value(0),
            output_field=IntegerField(),
        )


def matches(backend, pages: QuerySet | PageIds, parsed: ParsedQuery) -> QuerySet:
    """The index entries of `pages` that match, with `score` and `page_pk`, best first."""
    # The backend's query compiler builds the tsquery and the rank as Wagtail ranks pages (its
    # _build_rank_expression: no public name); only the vectors are read from the index entry
    # itself instead of through the page's relation.
    compiler = backend.query_compiler_class(
        pages if isinstance(pages, QuerySet) else Page.objects.all(),
        parsed.wagtail_query(),
        operator="and",
        order_by_relevance=True,
    )
    config = compiler.get_config(backend)
    score = compiler._build_rank_expression(
        [(F("title"), F("title_norm")), (F("body"), 1.0)], config
    )
    page_types = get_descendants_content_types_pks(Page)
    entries = IndexEntry.objects.filter(content_type_id__in=page_types)
    if isinstance(pages, PageIds):
        entries = entries.alias(in_pages=pages.holds(page_types)).filter(in_pages=1)
    else:
        # Every indexed page's object_id is its integer id; the content types are filtered on
        # the entry itself, so the cast never meets another model's key.
        visible = pages.filter(pk=Cast(OuterRef("object_id"), IntegerField()))
        entries = entries.filter(Exists(visible))
    return (
        entries
        # The expression of the GIN index, so the planner reads the matches from it.
        .alias(text=CombinedExpression(F("title"), "||", F("body"), SearchVectorField()))
        .filter(text=compiler.build_tsquery(compiler.query, config=config))
        .annotate(score=score, page_pk=Cast("object_id", BigIntegerField()))
        .order_by("-score", "-page_pk")
    )


# Around the scoring query's SQL (it holds braces: no str.format). OFFSET 0 keeps PostgreSQL
# from folding the subquery into the window's input.
COUNTED_PAGE = (
    "SELECT page_pk, content_type_id, score, COUNT(*) OVER () FROM (",
    " OFFSET 0) AS scored ORDER BY score DESC, page_pk DESC LIMIT %s OFFSET %s",
)
# The same page without the count: the window is ~20% of the query where 15,000 entries match.
UNCOUNTED_PAGE = (
    "SELECT page_pk, content_type_id, score, NULL FROM (",
    COUNTED_PAGE[1],
)


def ranked(
    backend,
    pages: QuerySet | PageIds,
    parsed: ParsedQuery,
    offset: int,
    limit: int,
    counted: bool = True,
):
    """([Hit], total): the hits from `offset` to `offset + limit`, and how many entries match
    (None when not `counted`, or when the slice is empty: nothing was there to count with)."""
    scored = (
        matches(backend, pages, parsed).order_by().values("page_pk", "content_type_id", "score")
    )
    sql, params = scored.query.get_compiler(scored.db).as_sql()
    before, after = COUNTED_PAGE if counted else UNCOUNTED_PAGE
    with connections[scored.db].cursor() as cursor:
        cursor.execute(before + sql + after, [*params, limit, offset])
        rows = cursor.fetchall()
    hits = [Hit(pk, content_type_id, score) for pk, content_type_id, score, _ in rows]
    return hits, (rows[0][3] if rows else None)
