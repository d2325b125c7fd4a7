"""Excerpts read a bounded passage of a page's text (search/migrations/0004
`cms_excerpt_passage`): the tokens from EXCERPT_AROUND positions before the first match to as
many after it, counted as to_tsvector counts them; short texts whole."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from search.schema import EXCERPT_AROUND
from tests.factories import EventPageFactory
from tests.search.test_search import SEARCH

pytestmark = pytest.mark.hunspell


def passage(text: str, query: str, around: int = 5, config: str = "cms_cs") -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT cms_excerpt_passage(%s::regconfig, %s, to_tsvector(%s::regconfig, %s), "
            "tsvector_to_array(to_tsvector(%s::regconfig, %s)), %s)",
            [config, text, config, text, config, query, around],
        )
        return cursor.fetchone()[0]


def test_a_short_text_is_used_whole(db):
    text = "Fórum o kybernetické\nbezpečnosti  v Praze."
    assert passage(text, "bezpečnost", around=5) == text


def test_a_long_text_gives_the_tokens_around_the_first_match(db):
    text = " ".join(["alfa"] * 20 + ["kybernetické", "bezpečnosti"] + ["omega"] * 20)
    # Positions 16–26: five before "kybernetické" (21), itself, five after; the blank after the
    # last token has its position.
    expected = " ".join(["alfa"] * 5 + ["kybernetické", "bezpečnosti"] + ["omega"] * 4) + " "
    assert passage(text, "kybernetická bezpečnost", around=5) == expected


def test_positions_are_counted_as_the_index_counts_them(db):
    # A compound word takes three positions (itself and its two parts), a URL three (itself,
    # host, path; its protocol none), so "bezpečnosti" is 9 positions after the compound word
    # and 6 after "fórum"; the passage's tokens rebuild whole words.
    text = (
        "úvod " * 10
        + "česko-ukrajinské fórum https://example.org/program o kybernetické bezpečnosti "
        + "závěr " * 10
    )
    middle = "fórum https://example.org/program o kybernetické bezpečnosti "
    assert passage(text, "bezpečnosti", around=6) == middle + "závěr " * 6
    assert passage(text, "bezpečnosti", around=9) == "česko-ukrajinské " + middle + "závěr " * 9


def test_without_a_match_in_the_text_the_passage_is_its_beginning(db):
    text = " ".join(f"slovo{i}" for i in range(1, 41))
    assert (
        passage(text, "kybernetická", around=5) == " ".join(f"slovo{i}" for i in range(1, 7)) + " "
    )


def test_a_long_page_is_excerpted_around_its_match(graphql):
    filler = " ".join(["A long report about regional cooperation."] * 60)
    text = f"<p>{filler} The Quokkatech summit closed it. {filler}</p>"
    EventPageFactory(title="Annual report", body=[("paragraph", RichText(text))])
    with CaptureQueriesContext(connection) as captured:
        found = graphql(SEARCH, {"query": "quokkatech", "locale": "en"})["data"]["search"]
    (result,) = found["results"]
    assert "The <mark>Quokkatech</mark> summit closed it." in result["excerpt"]
    # At most the passage's words reach ts_headline, which shows up to 30 of them.
    assert len(result["excerpt"].split()) <= 30 + 2
    (excerpts,) = [q["sql"] for q in captured.captured_queries if "ts_headline" in q["sql"]]
    assert "cms_excerpt_passage('cms_en'::regconfig, " in excerpts
    assert f", {EXCERPT_AROUND}), " in excerpts
