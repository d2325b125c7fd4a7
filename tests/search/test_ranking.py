"""search/ranking.py ranks and counts exactly as Wagtail's PostgreSQL backend does (same order,
same scores, same total), in one query, whatever the page of results; and the `search` field
counts a full page's matches without a second query."""

import pytest
from wagtail.models import Locale, Page

from search.backend import backend_for_locale
from search.query import parse
from search.ranking import matches, ranked

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


@pytest.mark.parametrize(("code", "words"), QUERIES)
def test_the_same_order_scores_and_total_as_wagtails_backend(db, code, words):
    expected = wagtails(code, words)
    assert expected, "each query finds pages in the demo content"
    backend, parsed, pages = backend_for_locale(code), parse(words), visible_pages(code)

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
