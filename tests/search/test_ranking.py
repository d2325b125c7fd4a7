"""search/ranking.py ranks and counts exactly as Wagtail's PostgreSQL backend does (same order,
same scores, same total), in one query, whatever the page of results, with the pages given as a
queryset or as a bitmap (PageIds); and the `search` field counts a full page's matches without a
second query."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry

from search import ranking
from search.backend import backend_for_locale
from search.query import parse
from search.ranking import PageIds, matches, ranked
from tests.factories import EventPageFactory

pytestmark = pytest.mark.hunspell

QUERIES = [
    ("en", "forum"),
    ("en", "cybersecurity forum"),
    ("en", "Kyiv"),  # place names: a word with other spellings (an OR inside the AND)
    ("cs", "fórum"),
    ("cs", "kybernetické bezpečnosti"),
    ("cs", "Kyjev"),
    ("uk", "форум"),
    ("uk", "кібербезпеки"),
]


def visible_pages(code: str):
    return Page.objects.live().public().filter(locale=Locale.objects.get(language_code=code))


def wagtails(code: str, words: str) -> list[tuple[int, float]]:
    backend = backend_for_locale(code)
    found = backend.search(
        parse(words).wagtail_query(), visible_pages(code), operator="and", order_by_relevance=True
    ).annotate_score("_search_score")
    return [(page.pk, float(page._search_score)) for page in found]


def assert_same(found: list[tuple[int, float]], expected: list[tuple[int, float]]):
    assert [pk for pk, _ in found] == [pk for pk, _ in expected]
    assert [score for _, score in found] == pytest.approx([score for _, score in expected])


def as_bitmap(pages) -> PageIds:
    return PageIds.of(pages.values_list("pk", flat=True))


@pytest.mark.parametrize("given_as", ["queryset", "bitmap"])
@pytest.mark.parametrize(("code", "words"), QUERIES)
def test_the_same_order_scores_and_total_as_wagtails_backend(db, code, words, given_as):
    expected = wagtails(code, words)
    assert expected, "each query finds pages in the demo content"
    backend, parsed, pages = backend_for_locale(code), parse(words), visible_pages(code)
    if given_as == "bitmap":
        pages = as_bitmap(pages)

    found = [
        (pk, float(score))
        for pk, score in matches(backend, pages, parsed).values_list("page_pk", "score")
    ]
    assert_same(found, expected)

    for offset, limit in [(0, 1), (0, 3), (1, 2), (len(expected) - 1, 5), (0, 100)]:
        hits, total = ranked(backend, pages, parsed, offset, limit)
        assert_same(
            [(hit.pk, float(hit._search_score)) for hit in hits], expected[offset : offset + limit]
        )
        # An empty slice counts nothing (the search field then counts with matches()).
        assert total == (len(expected) if offset < len(expected) else None)
        pks = [hit.pk for hit in hits]
        types = dict(Page.objects.filter(pk__in=pks).values_list("pk", "content_type_id"))
        assert [hit.content_type_id for hit in hits] == [types[pk] for pk in pks]


def test_a_slice_past_the_end_has_no_total(db):
    backend, parsed, pages = backend_for_locale("en"), parse("forum"), visible_pages("en")
    assert ranked(backend, pages, parsed, 500, 10) == ([], None)
    assert matches(backend, pages, parsed).count() == len(wagtails("en", "forum"))


def test_one_query_gives_a_full_page_and_the_total(db, django_assert_num_queries):
    backend, parsed, pages = backend_for_locale("en"), parse("forum"), visible_pages("en")
    with django_assert_num_queries(1):
        hits, total = ranked(backend, pages, parsed, 0, 2)
    assert len(hits) == 2 and total == len(wagtails("en", "forum"))


@pytest.mark.parametrize(
    "ids", [[], [0], [7], [8], [0, 1, 7, 8, 9, 15, 16, 63, 64, 1000], list(range(0, 200, 3))]
)
def test_page_ids_are_the_bits_postgresql_reads(db, ids):
    pages = PageIds.of(ids)
    assert len(pages.bits) == max(ids, default=0) // 8 + 1
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n FROM generate_series(0, %s) AS n WHERE get_bit(%s::bytea, n) = 1",
            [len(pages.bits) * 8 - 1, pages.bits],
        )
        assert [n for (n,) in cursor.fetchall()] == sorted(ids)
    assert [n for n in range(len(pages.bits) * 8 + 20) if n in pages] == sorted(ids)
    removed = ids[::2] + [5000]
    assert [n for n in range(1100) if n in pages.without(removed)] == sorted(
        set(ids) - set(removed)
    )


def test_a_page_newer_than_the_bitmap_is_not_in_it(db):
    """A bitmap that ends before a page's id (made before the page was): not found, and no
    error (get_bit fails on a position past the end)."""
    backend, parsed = backend_for_locale("en"), parse("quokkanew")
    before = PageIds.of([1])
    event = EventPageFactory(title="Quokkanew")
    assert event.pk >= len(before.bits) * 8
    assert list(matches(backend, before, parsed).values_list("page_pk", flat=True)) == []
    assert ranked(backend, before, parsed, 0, 10) == ([], None)
    now = as_bitmap(visible_pages("en"))
    assert list(matches(backend, now, parsed).values_list("page_pk", flat=True)) == [event.pk]


def index_entry_of_another_model(object_id: str, word: str) -> IndexEntry:
    return IndexEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Locale),
        object_id=object_id,
        title_norm=1.0,
        autocomplete=word,
        title=word,
        body=word,
        title_text=word,
        body_text=word,
    )


@pytest.mark.parametrize("given_as", ["queryset", "bitmap"])
def test_entries_of_other_objects_are_never_read_as_pages(db, given_as):
    """Index entries of another model matching the words, one whose key is no number (a cast
    would fail), one whose key is a found page's id: neither read as a page."""
    backend, parsed, pages = backend_for_locale("en"), parse("forum"), visible_pages("en")
    expected = [pk for pk, _ in wagtails("en", "forum")]
    index_entry_of_another_model("not-a-page", "forum")
    index_entry_of_another_model(str(expected[0]), "forum")
    if given_as == "bitmap":
        pages = as_bitmap(pages)
    found = list(matches(backend, pages, parsed).values_list("page_pk", flat=True))
    assert found == expected


# Queries of one shape per locale (words, spellings of each), some with apostrophes.
SAME_SHAPES = [
    ("uk", ["форум", "кібербезпеки", "об'єкт", "обʼєкт"]),
    ("en", ["cybersecurity forum", "it's forum", "Prague's network"]),
    ("cs", ["Kyjev", "Lvov"]),  # one word with its other spellings
]


@pytest.fixture
def no_templates(monkeypatch):
    monkeypatch.setattr(ranking, "_templates", {})


@pytest.mark.parametrize(("code", "queries"), SAME_SHAPES)
def test_a_shape_is_compiled_once_and_each_search_fills_in_its_words(
    db, no_templates, code, queries
):
    """The first search of a shape compiles its SQL; the next ones with other words and
    another bitmap run it without Django compiling anything, with their own results."""
    backend, pages = backend_for_locale(code), visible_pages(code)
    parsed = [parse(words) for words in queries]
    assert len({tuple(map(len, one.words)) for one in parsed}) == 1, "one shape"
    expected = {words: wagtails(code, words) for words in queries}
    bitmaps = [as_bitmap(pages), as_bitmap(pages.exclude(pk=Page.objects.order_by("-pk")[0].pk))]

    hits, total = ranked(backend, bitmaps[0], parsed[0], 0, 100)
    assert_same([(hit.pk, float(hit._search_score)) for hit in hits], expected[queries[0]])
    assert [template is not None for template in ranking._templates.values()] == [True]

    django_compiles = ranking._compiled

    def compiled(*args):
        raise AssertionError("compiled again")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ranking, "_compiled", compiled)
        for bits in bitmaps:
            for words, one in zip(queries, parsed, strict=True):
                found, total = ranked(backend, bits, one, 0, 100)
                assert_same([(hit.pk, float(hit._search_score)) for hit in found], expected[words])
                assert total == (len(expected[words]) or None)
                filled = ranking.scoring_sql(backend, bits, one)
                assert ranking._comparable(filled) == ranking._comparable(
                    django_compiles(backend, bits, one)
                )


def test_a_shape_whose_filled_sql_differs_from_djangos_is_compiled_each_time(
    db, no_templates, monkeypatch
):
    """Where the placeholders would not give Django's own SQL and parameters, the shape keeps no
    template and each search compiles: still the right results."""
    monkeypatch.setattr(ranking, "_quoted", lambda word: f"'{word}x'")
    backend, pages = backend_for_locale("en"), as_bitmap(visible_pages("en"))
    for words in ["forum", "cybersecurity"]:
        hits, total = ranked(backend, pages, parse(words), 0, 100)
        assert_same([(hit.pk, float(hit._search_score)) for hit in hits], wagtails("en", words))
    assert list(ranking._templates.values()) == [None]
