"""search/postings.py: searches whose words are each one hot lexeme are ranked from postings,
with exactly the scores, order and totals of the ranking from the index entries; the postings
follow every write of the index in its transaction; a refresh makes lexemes hot and drops them;
a search whose lexeme stopped being hot ranks from the entries; publishing enqueues a refresh at
most once per interval."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext
from wagtail.search.models import IndexEntry

from search import postings, tasks
from search.backend import backend_for_locale
from search.models import HotLexeme, Posting
from search.query import parse
from search.ranking import ranked
from tests.factories import EventPageFactory
from tests.search.postings_state import forget_postings
from tests.search.test_ranking import (
    as_bitmap,
    assert_same,
    index_entry_of_another_model,
    visible_pages,
    wagtails,
)
from tests.search.test_search import SEARCH

pytestmark = pytest.mark.hunspell

# Words that are each one lexeme (ranked from postings once hot), in the three locales.
ONE_LEXEME_WORDS = [
    ("en", "forum"),
    ("en", "cybersecurity forum"),
    ("cs", "fóra"),  # the dictionary makes it the one lexeme "forum"
    ("cs", "digitální průmysl"),
    ("cs", "kybernetické bezpečnosti"),
    ("uk", "форум"),
    ("uk", "кібербезпеки"),
    ("uk", "форум форум"),  # the same word twice: its posting joined to itself
]
SLICES = [(0, 1), (0, 3), (1, 2), (2, 100), (0, 100), (500, 10)]

# The postings every entry should have for the hot lexemes: what refresh() and the trigger write.
EXPECTED_POSTINGS = """
SELECT hot.lexeme, entry.id, entry.object_id::integer, entry.content_type_id, entry.title_norm,
       ts_rank(hot.weights::real[], entry.title, cms_lexeme_query(hot.lexeme)),
       ts_rank(hot.weights::real[], entry.body, cms_lexeme_query(hot.lexeme))
FROM wagtailsearch_indexentry AS entry
JOIN search_hot_lexeme AS hot ON hot.lexeme = ANY (tsvector_to_array(entry.title || entry.body))
WHERE entry.object_id ~ '^[0-9]{1,9}$'
"""
KEPT_POSTINGS = """
SELECT lexeme, entry_id, page_id, content_type_id, title_norm, title_rank, body_rank
FROM search_posting
"""


@pytest.fixture
def hot(db, settings, monkeypatch):
    """Every lexeme of the demo content hot."""
    settings.SEARCH_POSTINGS_MIN_ENTRIES = 1
    forget_postings(monkeypatch)
    return postings.refresh()


def from_entries(monkeypatch):
    """The ranking from the index entries alone, as before postings."""
    monkeypatch.setattr(postings, "query_lexemes", lambda backend, parsed: None)


def rows(sql: str) -> set[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return set(cursor.fetchall())


def assert_postings_follow_the_index():
    expected = rows(EXPECTED_POSTINGS)
    assert expected, "the hot lexemes are in some entries"
    assert rows(KEPT_POSTINGS) == expected


def rank(code: str, words: str, offset=0, limit=100, counted=True):
    hits, total = ranked(
        backend_for_locale(code), as_bitmap(visible_pages(code)), parse(words), offset, limit,
        counted,
    )  # fmt: skip
    return [(hit.pk, hit.content_type_id, hit._search_score) for hit in hits], total


@pytest.mark.parametrize(("code", "words"), ONE_LEXEME_WORDS)
def test_ranked_from_postings_exactly_as_from_the_entries(hot, monkeypatch, code, words):
    backend, parsed = backend_for_locale(code), parse(words)
    assert postings.query_lexemes(backend, parsed) is not None, "ranked from postings"
    found = {}
    for offset, limit in SLICES:
        for counted in (True, False):
            with CaptureQueriesContext(connection) as queries:
                found[(offset, limit, counted)] = rank(code, words, offset, limit, counted)
            [ranking] = [q["sql"] for q in queries.captured_queries if "get_bit(" in q["sql"]]
            assert "search_posting" in ranking and "wagtailsearch_indexentry" not in ranking

    from_entries(monkeypatch)
    expected = wagtails(code, words)
    assert len(expected) > 3
    for (offset, limit, counted), got in found.items():
        # The same floats, not close ones: the same arithmetic on the same ranks.
        assert got == rank(code, words, offset, limit, counted)
        hits, total = got
        assert_same([(pk, score) for pk, _, score in hits], expected[offset : offset + limit])
        assert total == (len(expected) if counted and offset < len(expected) else None)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", "Kyiv"),  # a place name: one word with its other spellings
        ("cs", "fórum"),  # two stems from the dictionary: 'forum' | 'for'
        ("cs", "fórum digitální"),
        ("uk", "об'єкт"),  # two apostrophes: two spellings
        ("en", "quokkanever"),  # in no entry, so not hot
    ],
)
def test_other_searches_are_ranked_from_the_entries(hot, code, words):
    assert postings.query_lexemes(backend_for_locale(code), parse(words)) is None
    with CaptureQueriesContext(connection) as queries:
        hits, total = rank(code, words)
    [ranking] = [q["sql"] for q in queries.captured_queries if "get_bit(" in q["sql"]]
    assert "search_posting" not in ranking
    assert_same([(pk, score) for pk, _, score in hits], wagtails(code, words))


def test_postings_follow_each_write_of_the_index(hot):
    """Created, edited (the word gone from the title and the body), deleted: the postings are
    those of the index after each step, and a search through them finds what Wagtail finds."""
    assert hot.postings == Posting.objects.count()
    assert_postings_follow_the_index()
    event = EventPageFactory(title="Forum of forums", summary="The forum for everyone")
    assert Posting.objects.filter(page_id=event.pk, lexeme="forum").count() == 1
    assert_postings_follow_the_index()
    hits, _ = rank("en", "forum")
    assert event.pk in [pk for pk, _, _ in hits]
    assert_same([(pk, score) for pk, _, score in hits], wagtails("en", "forum"))

    event.title, event.summary = "Meetup", "A meetup for everyone"
    event.save_revision().publish()
    assert not Posting.objects.filter(page_id=event.pk, lexeme="forum").exists()
    assert_postings_follow_the_index()
    hits, _ = rank("en", "forum")
    assert event.pk not in [pk for pk, _, _ in hits]

    event.delete()
    assert not Posting.objects.filter(page_id=event.pk).exists()
    assert_postings_follow_the_index()


def test_a_new_title_norm_reaches_the_postings(hot):
    entry = IndexEntry.objects.filter(postings_of_entry()).first()
    IndexEntry.objects.filter(pk=entry.pk).update(title_norm=0.5)
    assert set(Posting.objects.filter(entry_id=entry.pk).values_list("title_norm", flat=True)) == {
        0.5
    }
    assert_postings_follow_the_index()


def postings_of_entry():
    return Exists(Posting.objects.filter(entry_id=OuterRef("pk")))


def test_truncating_the_index_deletes_the_postings(hot):
    assert Posting.objects.exists()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE wagtailsearch_indexentry")
    assert not Posting.objects.exists()


def test_entries_of_other_objects_get_postings_that_no_page_search_reads(hot):
    """An entry of another model under a found page's id: its posting is kept (the postings
    follow the index), and no search reads it as that page."""
    expected = wagtails("en", "forum")
    index_entry_of_another_model("not-a-page", "forum")
    other = index_entry_of_another_model(str(expected[0][0]), "forum")
    assert Posting.objects.filter(entry_id=other.pk, lexeme="forum").exists()
    assert_postings_follow_the_index()
    hits, total = rank("en", "forum")
    assert_same([(pk, score) for pk, _, score in hits], expected)
    assert total == len(expected)


def test_refresh_makes_frequent_lexemes_hot_and_drops_rare_ones(db, settings, monkeypatch):
    forget_postings(monkeypatch)
    settings.SEARCH_POSTINGS_MIN_ENTRIES = 10
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, ndoc FROM ts_stat('SELECT title || body FROM wagtailsearch_indexentry "
            "WHERE object_id ~ ''^[0-9]{1,9}$''')"
        )
        entries = dict(cursor.fetchall())
    first = postings.refresh()
    assert set(HotLexeme.objects.values_list("lexeme", flat=True)) == {
        word for word, n in entries.items() if n >= 10
    }
    assert (first.added, first.dropped, first.hot) == (first.hot, 0, first.hot)
    assert_postings_follow_the_index()

    # At 20, lexemes of 10-19 entries stay (no coming and going at the threshold); below 10 go.
    again = postings.refresh(20)
    assert set(HotLexeme.objects.values_list("lexeme", flat=True)) == {
        word for word, n in entries.items() if n >= 10
    }
    assert (again.added, again.dropped) == (0, 0)
    last = postings.refresh(40)
    assert set(HotLexeme.objects.values_list("lexeme", flat=True)) == {
        word for word, n in entries.items() if n >= 20
    }
    assert last.dropped == len([n for n in entries.values() if 10 <= n < 20]) > 0
    assert_postings_follow_the_index()


def test_other_weights_make_every_lexeme_hot_again_with_them(hot, monkeypatch):
    """The project's search fields' boosts changed: the postings are ranked again, with the new
    weights, and a search waits for that (ranks from the entries) instead of using old ranks."""
    new = "{0.1,0.2,0.4,1.0}"
    monkeypatch.setattr(postings, "get_sql_weights", lambda: new)
    assert postings.query_lexemes(backend_for_locale("en"), parse("forum")) is None
    refreshed = postings.refresh()
    assert (refreshed.added, refreshed.dropped) == (hot.hot, hot.hot)
    assert set(HotLexeme.objects.values_list("weights", flat=True)) == {new}
    assert_postings_follow_the_index()


def test_a_lexeme_no_longer_hot_is_ranked_from_the_entries(hot, django_assert_num_queries):
    """A refresh dropped the lexeme after this process read the hot set: the ranking query finds
    that out itself and the search is ranked from the entries, with the right results."""
    backend, pages, parsed = (
        backend_for_locale("en"),
        as_bitmap(visible_pages("en")),
        parse("forum"),
    )
    expected = ranked(backend, pages, parsed, 0, 100)
    HotLexeme.objects.filter(lexeme="forum").delete()
    Posting.objects.filter(lexeme="forum").delete()
    with django_assert_num_queries(2):
        assert ranked(backend, pages, parsed, 0, 100) == expected
    assert_same([(hit.pk, hit._search_score) for hit in expected[0]], wagtails("en", "forum"))


def test_a_search_of_a_known_shape_is_one_query(hot, django_assert_num_queries):
    backend, pages = backend_for_locale("en"), as_bitmap(visible_pages("en"))
    ranked(backend, pages, parse("forum"), 0, 100)
    parsed = parse("cybersecurity")
    with django_assert_num_queries(2):  # what the configuration makes of a new word
        ranked(backend, pages, parsed, 0, 100)
    with django_assert_num_queries(1):
        hits, total = ranked(backend, pages, parsed, 0, 100)
    expected = wagtails("en", "cybersecurity")
    assert_same([(hit.pk, hit._search_score) for hit in hits], expected)
    assert total == len(expected)


@pytest.mark.parametrize("lexeme", ["abc", "l'homme", "a\\b", "ще'", "'x", "a b", "x:y", "&|!"])
def test_a_lexeme_is_its_own_query_whatever_its_characters(db, lexeme):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_to_tsvector(ARRAY[%s]) @@ cms_lexeme_query(%s), "
            "querytree(cms_lexeme_query(%s)), numnode(cms_lexeme_query(%s))",
            [lexeme, lexeme, lexeme, lexeme],
        )
        matches, tree, nodes = cursor.fetchone()
    assert matches and nodes == 1
    assert postings._one_lexeme(tree) == lexeme


def test_publishing_enqueues_a_refresh_at_most_once_per_interval(
    db, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.SEARCH_POSTINGS_MIN_ENTRIES = 1
    settings.SEARCH_POSTINGS_REFRESH_SECONDS = 3600
    forget_postings(monkeypatch)
    event = EventPageFactory(title="Forum")
    cache.delete(tasks.REFRESH_KEY)
    refreshes = []
    refresh = postings.refresh
    monkeypatch.setattr(postings, "refresh", lambda: refreshes.append(refresh()) or refreshes[-1])
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert len(refreshes) == 1 and refreshes[0].added > 1000
    assert HotLexeme.objects.count() == refreshes[0].hot
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert len(refreshes) == 1
    cache.delete(tasks.REFRESH_KEY)


def test_the_command_refreshes_and_says_what_it_did(db, settings, monkeypatch, capsys):
    forget_postings(monkeypatch)
    settings.SEARCH_POSTINGS_MIN_ENTRIES = 0
    call_command("refresh_search_postings")
    assert "No postings" in capsys.readouterr().out
    call_command("refresh_search_postings", min_entries=5)
    out = capsys.readouterr().out
    count = HotLexeme.objects.count()
    assert count > 100
    assert out.startswith(f"{count} hot lexemes ({count} added, 0 dropped), ")
    assert f"{Posting.objects.count()} postings written" in out


@pytest.mark.parametrize(("code", "words"), [("en", "forum"), ("uk", "кібербезпеки форум")])
def test_the_search_field_answers_the_same_from_postings(
    hot, graphql, settings, monkeypatch, code, words
):
    """Through GraphQL, with the bitmap a process keeps: the same page of results, scores,
    excerpts and total, ranked from postings or from the entries."""
    settings.GRAPHQL_LOOKUP_MEMO = True
    cache.clear()
    variables = {"query": words, "locale": code, "limit": 3, "offset": 1}
    graphql(SEARCH, variables)  # keeps the bitmap of the content version
    with CaptureQueriesContext(connection) as queries:
        found = graphql(SEARCH, variables)["data"]["search"]
    [ranking] = [q["sql"] for q in queries.captured_queries if "get_bit(" in q["sql"]]
    assert "search_posting" in ranking
    from_entries(monkeypatch)
    assert found == graphql(SEARCH, variables)["data"]["search"]
    assert found["totalCount"] >= 4 and len(found["results"]) == 3
    cache.clear()
