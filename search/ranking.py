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
from psycopg import Binary
from wagtail.models import Page
from wagtail.search.models import IndexEntry
from wagtail.search.utils import get_descendants_content_types_pks

from . import postings
from .query import ParsedQuery
from .query import quoted_lexeme as _quoted


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
    if isinstance(pages, PageIds):
        found = postings.ranked(
            backend,
            parsed,
            pages.bits,
            offset,
            limit,
            counted,
            compiled=lambda: scoring_sql(backend, pages, parsed),
        )
        if found is not None:
            rows, total = found
            return [Hit(*row) for row in rows], total
        sql, params = scoring_sql(backend, pages, parsed)
    else:
        sql, params = _compiled(backend, pages, parsed)
    before, after = COUNTED_PAGE if counted else UNCOUNTED_PAGE
    with connections[IndexEntry.objects.db].cursor() as cursor:
        cursor.execute(before + sql + after, [*params, limit, offset])
        rows = cursor.fetchall()
    hits = [Hit(pk, content_type_id, score) for pk, content_type_id, score, _ in rows]
    return hits, (rows[0][3] if rows else None)


def _compiled(backend, pages: QuerySet | PageIds, parsed: ParsedQuery) -> tuple[str, list]:
    """The SQL of the scoring query (page id, content type, score of each match) and its
    parameters, built and compiled by Django."""
    scored = (
        matches(backend, pages, parsed).order_by().values("page_pk", "content_type_id", "score")
    )
    sql, params = scored.query.get_compiler(scored.db).as_sql()
    return sql, list(params)


# Building and compiling the scoring query cost ~3 ms of a search, ~25% of its CPU in the app
# (benchmarks/profile_cards.py on a 2-core machine), the same work each time for a query of the
# same shape. With the pages as a bitmap its SQL depends only on the locale's configuration,
# how many words the query has and how many spellings each, and the page types; the words, the
# bitmap and its length are parameters. So it is compiled once per process for each shape, and
# a search puts its own values in the parameters.
MAX_SHAPES = 256


@dataclass(frozen=True)
class _Template:
    sql: str
    params: list
    words: dict[int, tuple[int, int]]  # parameter index → (word, spelling)
    bits: int  # parameter index of the bitmap
    size: int  # parameter index of the bitmap's length in bits


_templates: dict[tuple, _Template | None] = {}
# Bytes of the two placeholder bitmaps: their lengths in bits tell the length's parameter apart.
PLACEHOLDER_SIZES = (3, 5)


def scoring_sql(backend, pages: PageIds, parsed: ParsedQuery) -> tuple[str, list]:
    """What `_compiled` gives for a bitmap, from the SQL compiled for the query's shape."""
    shape = (
        backend.config,
        tuple(len(group) for group in parsed.words),
        tuple(get_descendants_content_types_pks(Page)),
    )
    if shape in _templates:
        template = _templates[shape]
        if template is None:
            return _compiled(backend, pages, parsed)
        return _filled(template, pages, parsed.words)
    own = _compiled(backend, pages, parsed)
    template = _template(backend, parsed.words)
    # Kept only where it gives exactly what Django compiles for this search; otherwise (a word
    # Wagtail's query compiler would treat differently) this shape compiles each time.
    if template is not None and _comparable(_filled(template, pages, parsed.words)) != (
        _comparable(own)
    ):
        template = None
    if len(_templates) >= MAX_SHAPES:
        _templates.clear()
    _templates[shape] = template
    return own


def _template(backend, words: list[list[str]]) -> _Template | None:
    """The scoring SQL compiled twice with placeholder words and bitmaps of two sizes: the
    parameters that differ are where a search's values go."""
    first, second = (
        _compiled(
            backend, PageIds(bytes(size)), ParsedQuery(text="", words=_placeholders(words, tag))
        )
        for tag, size in zip("ab", PLACEHOLDER_SIZES, strict=True)
    )
    if first[0] != second[0] or len(first[1]) != len(second[1]):
        return None
    names = {
        _quoted(name): (i, j)
        for i, group in enumerate(_placeholders(words, "a"))
        for j, name in enumerate(group)
    }
    slots, bits, size = {}, [], []
    for index, (one, other) in enumerate(zip(first[1], second[1], strict=True)):
        if _comparable_value(one) == _comparable_value(other):
            continue
        if isinstance(one, str) and one in names:
            slots[index] = names[one]
        elif isinstance(one, Binary):
            bits.append(index)
        elif [one, other] == [size * 8 for size in PLACEHOLDER_SIZES]:
            size.append(index)
        else:
            return None
    if len(slots) < len(names) or len(bits) != 1 or len(size) != 1:
        return None
    return _Template(first[0], first[1], slots, bits[0], size[0])


def _filled(template: _Template, pages: PageIds, words: list[list[str]]) -> tuple[str, list]:
    params = list(template.params)
    for index, (i, j) in template.words.items():
        params[index] = _quoted(words[i][j])
    params[template.bits] = Binary(pages.bits)
    params[template.size] = type(params[template.size])(len(pages.bits) * 8)
    return template.sql, params


def _placeholders(words: list[list[str]], tag: str) -> list[list[str]]:
    return [[f"cmsslot{tag}{i}x{j}" for j in range(len(group))] for i, group in enumerate(words)]


def _comparable(compiled: tuple[str, list]) -> tuple[str, list]:
    sql, params = compiled
    return sql, [_comparable_value(param) for param in params]


def _comparable_value(param):
    """Parameters as values: psycopg's Binary wrappers compare by identity."""
    return (Binary, bytes(param.obj)) if isinstance(param, Binary) else (type(param), param)
