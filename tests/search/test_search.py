"""Site search through GraphQL against the demo content, on PostgreSQL with Hunspell.

Relevance per locale (the expected first result), diacritics and inflection, place names across
scripts, ranking, promotions, visibility (nothing the content API hides is ever found, counted
or excerpted), index updates on publish and unpublish, bad input and the query count.

Every test runs three times (the `pages_as` fixture): with the visible pages joined to the search
index (what a process does without a shared content version), as the bitmap of visible pages a
process keeps for the content version (search/ranking.py; production, with Redis), and with that
bitmap and every lexeme of the demo hot, so that searches are ranked from postings
(search/postings.py), which the index's trigger keeps up as the tests publish, edit and unpublish.
All three give the same answers to the same tests.
"""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query as PromotedQuery
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, PageViewRestriction

from cms import content_version
from cms.graphql import lookups
from search import postings
from search.postgres import hunspell_status
from tests.factories import EventPageFactory
from tests.search.postings_state import forget_postings

# Relevance and inflection are measured with the Czech and Ukrainian dictionaries installed.
pytestmark = pytest.mark.hunspell

SEARCH = """
query Search($query: String!, $locale: String, $types: [SearchType!], $topic: String,
             $limit: Int, $offset: Int) {
  search(query: $query, locale: $locale, types: $types, topic: $topic,
         pagination: {limit: $limit, offset: $offset}) {
    totalCount
    pageInfo { offset limit }
    results {
      score promoted excerpt
      page { __typename title path locale ... on EventPage { city } }
    }
  }
}
"""

AUTOCOMPLETE = """
query Autocomplete($prefix: String!, $locale: String, $limit: Int) {
  autocomplete(prefix: $prefix, locale: $locale, limit: $limit) { __typename title path }
}
"""


@pytest.fixture(autouse=True, params=["joined", "kept", "postings"])
def pages_as(request, settings, db, monkeypatch):
    """How the ranking query knows the visible pages: joined, or the bitmap kept per process;
    and with postings for every lexeme, whence the kept searches are ranked."""
    settings.GRAPHQL_LOOKUP_MEMO = request.param != "joined"
    if request.param == "postings":
        settings.SEARCH_POSTINGS_MIN_ENTRIES = 1
        forget_postings(monkeypatch)
        assert postings.refresh().hot > 1000
    cache.clear()
    lookups.clear()
    content_version.current()  # as a running server has it: the query counts leave it out
    yield request.param
    lookups.clear()
    cache.clear()


@pytest.fixture
def search(graphql):
    def run(query, locale="en", expect_errors=False, **variables):
        body = graphql(
            SEARCH, {"query": query, "locale": locale, **variables}, expect_errors=expect_errors
        )
        return body if expect_errors else body["data"]["search"]

    return run


def paths(found):
    return [result["page"]["path"] for result in found["results"]]


def test_hunspell_dictionaries_are_active(db):
    """Without the files (search/install-dictionaries.sh) Czech and Ukrainian lose inflection."""
    assert hunspell_status() == {"cms_cs_hunspell": True, "cms_uk_hunspell": True}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('cms_cs', 'v Praze'), to_tsvector('cms_uk', 'у Києві'), "
            "to_tsvector('cms_en', 'Who are we?')"
        )
        czech, ukrainian, english = cursor.fetchone()
    assert "'praha'" in czech
    assert "'київ'" in ukrainian
    assert english == "'are':2 'we':3 'who':1"


RELEVANCE = [
    # English
    ("en", "artificial intelligence", "/en/events/ai-networking-event-2024/"),
    ("en", "who are we", "/en/who-are-we/"),
    ("en", "AI forum Prague", "/en/events/ai-forum-cz-ua-2024/"),  # city
    ("en", "Brno cybersecurity", "/en/events/cybersecurity-forum-cz-ua-2023/"),  # city
    ("en", "Smart Industry forum", "/en/events/smart-industry-forum-cz-ua-2023/"),  # topic
    ("en", "missions", "/en/events/cybersecurity-expert-mission-2023/"),  # plural
    ("en", "memorandum", "/en/who-are-we/memorandum/"),
    ("en", "Professionals4Ukraine", "/en/news/professionals4ukraine-award/"),
    # Czech
    ("cs", "umělé inteligenci", "/cs/akce/networking-ai-2024/"),  # inflected
    ("cs", "Umělá inteligence", "/cs/akce/networking-ai-2024/"),  # topic
    ("cs", "chytrych mest", "/cs/akce/expertni-mise-chytra-mesta-2023/"),  # unaccented, inflected
    ("cs", "v Brně", "/cs/akce/expertni-mise-chytry-prumysl-2023/"),  # city, inflected
    ("cs", "memoranda", "/cs/kdo-jsme/memorandum/"),  # inflected
    ("cs", "Kdo jsme", "/cs/kdo-jsme/"),
    ("cs", "oceneni", "/cs/aktuality/oceneni-professionals4ukraine/"),  # unaccented
    ("cs", "Prague AI", "/cs/akce/ai-forum-cz-ua-2024/"),  # English name of Praha
    # Ukrainian
    ("uk", "кібербезпеки", "/uk/podii/ekspertna-misiia-kiberbezpeka-2023/"),  # inflected
    ("uk", "Кібербезпека", "/uk/podii/ekspertna-misiia-kiberbezpeka-2023/"),  # topic
    ("uk", "Розумна промисловість", "/uk/podii/ekspertna-misiia-rozumna-promyslovist-2023/"),
    ("uk", "Брно кібербезпека", "/uk/podii/ekspertna-misiia-kiberbezpeka-2023/"),  # city
    ("uk", "Prague AI", "/uk/podii/ai-forum-cz-ua-2024/"),  # Latin name finds Прага/Празі
    ("uk", "меморандуму", "/uk/khto-my/memorandum/"),  # inflected
    ("uk", "Хто ми", "/uk/khto-my/"),
    ("uk", "нагороди", "/uk/novyny/nahoroda-professionals4ukraine/"),  # inflected
]


@pytest.mark.parametrize(("locale", "query", "first"), RELEVANCE)
def test_relevance(search, locale, query, first):
    found = search(query, locale)
    assert paths(found)[0] == first
    assert {result["page"]["locale"] for result in found["results"]} == {locale}


@pytest.mark.parametrize(
    ("locale", "queries"),
    [
        ("cs", ["Františku", "frantisku", "FRANTIŠKU"]),
        ("cs", ["kybernetická bezpečnost", "kyberneticke bezpecnosti", "Kybernetické bezpečnosti"]),
        ("uk", ["кібербезпека", "кібербезпеки", "КІБЕРБЕЗПЕКОЮ"]),
        ("uk", ["Прага", "Празі", "Prague", "Praha"]),
        ("en", ["forum", "forums", "FORUMS"]),
    ],
)
def test_case_diacritics_and_inflection_do_not_matter(search, locale, queries):
    answers = [search(query, locale) for query in queries]
    assert answers[0]["totalCount"] > 0
    # The same pages, the best first; an inflected form may weigh the weaker matches a little
    # differently (e.g. "Празі" against pages that name Прага only as their city).
    assert all(sorted(paths(answer)) == sorted(paths(answers[0])) for answer in answers)
    assert all(answer["totalCount"] == answers[0]["totalCount"] for answer in answers)
    assert all(paths(answer)[0] == paths(answers[0])[0] for answer in answers)


def test_result_gives_the_typed_page_a_score_and_a_highlighted_excerpt(search):
    found = search("umělá inteligence", "cs", limit=1)
    assert found["totalCount"] == 8
    assert found["pageInfo"] == {"offset": 0, "limit": 1}
    (result,) = found["results"]
    assert result["page"] == {
        "__typename": "EventPage",
        "title": "Česko-ukrajinské networkingové setkání o umělé inteligenci",
        "path": "/cs/akce/networking-ai-2024/",
        "locale": "cs",
        "city": "Praha",
    }
    assert result["score"] > 0
    assert result["promoted"] is False
    assert "<mark>umělé</mark> <mark>inteligence</mark>" in result["excerpt"]


def test_excerpt_escapes_html(search):
    EventPageFactory(title="Ostrava meetup", summary="In Ostrava: 3 < 5 & <b>bold</b> claims")
    (result,) = search("ostrava")["results"]
    excerpt = result["excerpt"]
    assert "<mark>Ostrava</mark>: 3 &lt; 5 &amp; " in excerpt
    assert "<" not in excerpt.replace("<mark>", "").replace("</mark>", "")


def test_title_matches_outrank_body_matches(search):
    in_body = EventPageFactory(title="Regional meetup", summary="A meetup about Quokkatech.")
    in_title = EventPageFactory(title="Quokkatech meetup", summary="A regional meetup.")
    found = search("quokkatech")
    assert [result["page"]["title"] for result in found["results"]] == [
        in_title.title,
        in_body.title,
    ]


def test_types_and_topic_filters(search):
    everything = search("forum", "en", limit=100)
    events = search("forum", "en", types=["EVENT"], limit=100)
    pages = search("forum", "en", types=["PAGE", "NEWS"], limit=100)
    assert {r["page"]["__typename"] for r in events["results"]} == {"EventPage"}
    assert "EventPage" not in {r["page"]["__typename"] for r in pages["results"]}
    assert events["totalCount"] + pages["totalCount"] == everything["totalCount"]
    topical = search("cybersecurity", "en", topic="cybersecurity", limit=100)
    assert sorted(paths(topical)) == [
        "/en/events/cybersecurity-expert-mission-2023/",
        "/en/events/cybersecurity-forum-cz-ua-2023/",
        "/en/events/cybersecurity-lessons-webinar/",
        "/en/events/digital-innovation-forum-cz-ua/",
    ]
    assert search("cybersecurity", "en")["totalCount"] > 2  # "Who are we?" and a profile too
    topical = search("forum", "en", topic="cybersecurity", limit=100)
    assert sorted(paths(topical)) == [
        "/en/events/cybersecurity-forum-cz-ua-2023/",
        "/en/events/digital-innovation-forum-cz-ua/",
    ]
    assert search("forum", "en", topic="no-such-topic")["totalCount"] == 0


def test_pagination_counts_every_match(search):
    first = search("forum", "en", limit=8)
    second = search("forum", "en", limit=8, offset=8)
    everything = search("forum", "en", limit=100)
    assert first["totalCount"] == second["totalCount"] == everything["totalCount"] == 13
    assert paths(first) + paths(second) == paths(everything)
    assert len(paths(second)) == 5
    assert search("forum", "en", offset=13)["results"] == []


def test_promoted_pages_come_first_in_the_asked_locale(search, page_id):
    before = search("forum", "en", limit=100)
    assert "/en/ambassadors/" not in paths(before)
    ambassadors = Page.objects.get(url_path="/en/ambassadors/")
    SearchPromotion.objects.create(query=PromotedQuery.get("Forum"), page=ambassadors)

    found = search("  FORUM ", "en", limit=3)
    assert found["totalCount"] == before["totalCount"] + 1
    assert paths(found) == ["/en/ambassadors/", *paths(before)[:2]]
    assert [(r["promoted"], r["score"] is None) for r in found["results"]] == [
        (True, True),
        (False, False),
        (False, False),
    ]
    assert paths(search("forum", "en", limit=2, offset=1)) == paths(before)[:2]
    # In Czech the Czech version of the pinned page comes first.
    assert paths(search("forum", "cs", limit=1)) == ["/cs/ambasadori/"]


def _visible_to_search(search, word, locale="en"):
    found = search(word, locale)
    return found["totalCount"], paths(found)


def test_invisible_pages_are_never_found(search, graphql):
    draft = EventPageFactory(title="Quokkadraft")
    draft.unpublish()
    private = EventPageFactory(title="Quokkaprivate")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = EventPageFactory(title="Quokkaexpired")
    expired.expire_at = timezone.now() - dt.timedelta(days=1)
    expired.save()
    future = EventPageFactory(title="Quokkafuture")
    future.go_live_at = timezone.now() + dt.timedelta(days=1)
    future.save()
    for word in ["quokkadraft", "quokkaprivate", "quokkaexpired", "quokkafuture"]:
        assert _visible_to_search(search, word) == (0, [])
        assert graphql(AUTOCOMPLETE, {"prefix": word})["data"]["autocomplete"] == []


def test_unpublished_translation_and_other_locales_are_not_found(search):
    assert paths(search("Prague AI", "cs"))[0] == "/cs/akce/ai-forum-cz-ua-2024/"
    Page.objects.get(url_path="/cs/akce/ai-forum-cz-ua-2024/").unpublish()
    assert "/cs/akce/ai-forum-cz-ua-2024/" not in paths(search("Prague AI", "cs"))
    assert "/en/events/ai-forum-cz-ua-2024/" not in paths(search("Prague AI", "cs"))  # no fallback
    assert "/en/events/ai-forum-cz-ua-2024/" in paths(search("Prague AI", "en"))
    EventPageFactory(title="Quokkaenglish")
    assert search("quokkaenglish", "cs")["totalCount"] == 0
    assert search("quokkaenglish", "uk")["totalCount"] == 0


def test_index_follows_publish_and_unpublish(search):
    event = EventPageFactory(title="Quokkafest")
    assert paths(search("quokkafest")) == [f"/en/events/{event.slug}/"]
    event.unpublish()
    assert search("quokkafest")["totalCount"] == 0
    # A draft change is not searchable; publishing it replaces the old words in the index.
    event.title = "Wombatfest"
    event.save_revision()
    assert search("wombatfest")["totalCount"] == 0
    event.get_latest_revision().publish()
    assert search("wombatfest")["totalCount"] == 1
    assert search("quokkafest")["totalCount"] == 0


def test_autocomplete(graphql):
    answer = graphql(AUTOCOMPLETE, {"prefix": "kyber", "locale": "cs"})["data"]["autocomplete"]
    assert sorted(page["path"] for page in answer) == [
        "/cs/akce/expertni-mise-kyberbezpecnost-2023/",
        "/cs/akce/forum-kyberbezpecnost-cz-ua-2023/",
        "/cs/akce/webinar-kyberbezpecnost-zkusenosti-ukrajiny/",
    ]
    assert {page["__typename"] for page in answer} == {"EventPage"}
    unaccented = graphql(AUTOCOMPLETE, {"prefix": "cesk", "locale": "cs"})["data"]
    accented = graphql(AUTOCOMPLETE, {"prefix": "Česk", "locale": "cs"})["data"]
    assert unaccented == accented
    assert unaccented["autocomplete"]
    assert graphql(AUTOCOMPLETE, {"prefix": "  ", "locale": "uk"})["data"]["autocomplete"] == []
    assert len(graphql(AUTOCOMPLETE, {"prefix": "f", "limit": 2})["data"]["autocomplete"]) == 2


@pytest.mark.parametrize(
    "query",
    [
        "!!!",
        "& | ! : * ( )",
        "'",
        "\\",
        "--",
        "<>",
        "___",
        "a:* & !b",
        "' OR 1=1 --",
        "forum & | !",
        "кібер:*",
    ],
)
def test_punctuation_and_operators_never_fail(search, query):
    found = search(query, "en")
    assert found["totalCount"] >= 0
    assert all("forum" in r["excerpt"].lower() for r in found["results"]) or not found["results"]


@pytest.mark.parametrize(
    ("query", "code"),
    [("", "INVALID_ARGUMENT"), ("   ", "INVALID_ARGUMENT"), ("x" * 1000, "QUERY_TOO_LONG")],
)
def test_bad_queries_are_errors_with_a_code(search, query, code):
    body = search(query, "en", expect_errors=True)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == code


def test_other_bad_input(search, graphql):
    assert search("forum", "de", expect_errors=True)["errors"][0]["extensions"]["code"] == (
        "LOCALE_NOT_FOUND"
    )
    assert search("for\x00um", "en", expect_errors=True)["errors"][0]["extensions"]["code"] == (
        "INVALID_ARGUMENT"
    )
    assert search("forum", limit=500, expect_errors=True)["errors"][0]["extensions"]["code"] == (
        "PAGE_SIZE_TOO_LARGE"
    )
    body = graphql(AUTOCOMPLETE, {"prefix": "f", "limit": 50}, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID_ARGUMENT"
    body = graphql(AUTOCOMPLETE, {"prefix": "f" * 1000}, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_LONG"


QUERY_COUNT = """
query {
  search(query: "forum", locale: "cs", pagination: {limit: 20}) {
    totalCount
    results {
      score excerpt
      page {
        __typename title path breadcrumbs { title } translations { locale path }
        ... on EventPage { city start topics { name } }
        ... on NewsPage { date topics { name } }
      }
    }
  }
}
"""


def test_query_count_of_a_search_request(graphql, django_assert_num_queries, pages_as):
    """23 queries for a search that finds events, a news item and standard pages (Czech
    "forum" in the demo: 13 pages of three types).

    Locales, site, site roots, view restrictions (the visibility rule), promotions, the ranked
    results (the total comes from the same query when the page is not full), the specific pages
    (one query per type: 3), the excerpts (1); then per page type, in batches: breadcrumbs (2)
    and translations (1), and the topics of the events and of the news (2 each).

    Kept: the first search of a content version also reads the ids of the visible pages and
    the next go-live or expiry time (25); the next one neither those nor the four lookups, which
    the process keeps too (19). With postings, the first search of a process also reads which
    lexemes are hot and what the configuration makes of its word (27); the next one, the same
    19 (its ranking query reads the postings).
    """
    if pages_as == "joined":
        with django_assert_num_queries(23):
            found = graphql(QUERY_COUNT)["data"]["search"]
    else:
        with django_assert_num_queries(25 if pages_as == "kept" else 27):
            first = graphql(QUERY_COUNT)["data"]["search"]
        with django_assert_num_queries(19):
            found = graphql(QUERY_COUNT)["data"]["search"]
        assert found == first
    assert found["totalCount"] == 13
    assert sorted({r["page"]["__typename"] for r in found["results"]}) == [
        "EventPage",
        "NewsPage",
        "StandardPage",
    ]


def test_a_kept_search_tests_a_bit_instead_of_joining_the_pages(graphql, pages_as):
    """The second search of a content version ranks without reading the pages table."""
    graphql(QUERY_COUNT)
    with CaptureQueriesContext(connection) as queries:
        found = graphql(QUERY_COUNT)["data"]["search"]
    ranking = [q["sql"] for q in queries.captured_queries if "COUNT(*) OVER ()" in q["sql"]]
    assert len(ranking) == 1
    assert ("get_bit(" in ranking[0]) == (pages_as != "joined")
    assert ('"wagtailcore_page"' in ranking[0]) == (pages_as == "joined")
    # Czech "forum" is two stems ('forum' | 'for'), which postings do not rank (search/postings.py)
    assert "wagtailsearch_indexentry" in ranking[0] and "search_posting" not in ranking[0]
    assert found["totalCount"] == 13


def test_an_expiry_hides_a_found_page_without_any_signal(search):
    """The kept bitmap is kept for a content version, which knows the next expiry time."""
    event = EventPageFactory(
        title="Quokkaexpiring", expire_at=timezone.now() + dt.timedelta(minutes=1)
    )
    assert _visible_to_search(search, "quokkaexpiring") == (1, [f"/en/events/{event.slug}/"])
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        assert _visible_to_search(search, "quokkaexpiring") == (0, [])


def test_a_scheduled_page_is_found_once_its_time_comes(search):
    event = EventPageFactory(title="Quokkascheduled")
    event.go_live_at = timezone.now() + dt.timedelta(minutes=1)
    event.save()
    assert _visible_to_search(search, "quokkascheduled") == (0, [])
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        assert _visible_to_search(search, "quokkascheduled") == (1, [f"/en/events/{event.slug}/"])


@pytest.mark.parametrize("offset", [13, 14, 50])
def test_total_count_past_the_last_page_is_the_number_of_matches(search, offset):
    """An empty page past the end still counts every match, not the offset."""
    found = search("forum", "en", offset=offset, limit=4)
    assert found["results"] == []
    assert found["pageInfo"] == {"offset": offset, "limit": 4}
    assert found["totalCount"] == 13


def test_total_count_past_the_last_page_with_promotions(search):
    ambassadors = Page.objects.get(url_path="/en/ambassadors/")
    SearchPromotion.objects.create(query=PromotedQuery.get("forum"), page=ambassadors)
    assert search("forum", "en", offset=50)["totalCount"] == 14
    assert search("forum", "en", offset=1, limit=1)["totalCount"] == 14
    assert search("forum", "en", offset=14, limit=1)["totalCount"] == 14
    last = search("forum", "en", offset=13, limit=5)
    assert (last["totalCount"], len(last["results"])) == (14, 1)


UNCOUNTED = """
query Uncounted($query: String!, $locale: String, $limit: Int, $offset: Int) {
  search(query: $query, locale: $locale, pagination: {limit: $limit, offset: $offset}) {
    results { score page { path } }
  }
}
"""

COUNTED_THROUGH_FRAGMENTS = """
query Counted($query: String!, $locale: String, $limit: Int) {
  search(query: $query, locale: $locale, pagination: {limit: $limit}) {
    ... on SearchResults { ...Total }
    results { score page { path } }
  }
}
fragment Total on SearchResults { total: totalCount }
"""


def test_the_total_is_counted_only_when_asked_for(graphql, pages_as):
    """Without `totalCount` the ranking query leaves out its count window and nothing else
    counts; asked for, through an alias in a fragment in an inline fragment, the ranking query
    counts, and no other query does. The results are the same either way."""
    variables = {"query": "forum", "locale": "cs", "limit": 5}
    graphql(UNCOUNTED, variables)  # the first search of a content version keeps the bitmap
    with CaptureQueriesContext(connection) as uncounted:
        plain = graphql(UNCOUNTED, variables)["data"]["search"]
    with CaptureQueriesContext(connection) as counted:
        with_total = graphql(COUNTED_THROUGH_FRAGMENTS, variables)["data"]["search"]

    assert with_total["total"] == 13
    assert len(plain["results"]) == 5
    assert plain["results"] == with_total["results"]
    assert len(uncounted.captured_queries) == len(counted.captured_queries)
    uncounted_sql = [query["sql"] for query in uncounted.captured_queries]
    counted_sql = [query["sql"] for query in counted.captured_queries]
    assert not [sql for sql in uncounted_sql if "COUNT(" in sql.upper()]
    assert [sql for sql in counted_sql if "COUNT(" in sql.upper()] == [
        sql for sql in counted_sql if "COUNT(*) OVER ()" in sql
    ]
    assert len([sql for sql in counted_sql if "COUNT(*) OVER ()" in sql]) == 1


def test_the_total_of_an_empty_page_is_counted_when_read(search, graphql):
    """A page past the end has no rows to count with: the total is then counted on its own, and
    only when asked for."""
    variables = {"query": "forum", "locale": "en", "limit": 4, "offset": 40}
    with CaptureQueriesContext(connection) as uncounted:
        found = graphql(UNCOUNTED, variables)["data"]["search"]
    assert found == {"results": []}
    assert not [q for q in uncounted.captured_queries if "COUNT(" in q["sql"].upper()]
    assert search("forum", "en", offset=40, limit=4)["totalCount"] == 13
