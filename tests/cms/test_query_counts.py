"""Listings cost the same number of SQL queries for 10 items as for 100 (exact counts).

Each listing asks for what a frontend shows: an image rendition, topics, organisers or
speakers, translations (hreflang) and breadcrumbs. The counts are small constants: one query per
relation per batch, whatever the number of items.
"""

import datetime as dt

import pytest
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone
from wagtail.images.models import Image, Rendition
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage
from home.models import NewsIndexPage, NewsPage, Topic
from people.models import Award, Organisation, PeopleIndexPage, PersonPage

EVENTS = """
query Events($limit: Int!) {
  events(locale: "en", pagination: {limit: $limit}) {
    totalCount
    results {
      title path start
      breadcrumbs { title path }
      translations { locale path }
      mainImage { altText rendition(spec: "fill-480x270", format: "webp") { url width height } }
      topics { name slug }
      organisers { name }
      speakers { name path }
    }
  }
}
"""

NEWS = """
query News($limit: Int!) {
  news(locale: "en", pagination: {limit: $limit}) {
    totalCount
    results {
      title path date
      breadcrumbs { title }
      translations { locale path }
      mainImage { rendition(spec: "fill-480x270") { url } }
      topics { name }
      relatedEvents { title path }
      relatedPeople { name }
    }
  }
}
"""

PEOPLE = """
query People($limit: Int!) {
  people(locale: "en", pagination: {limit: $limit}) {
    totalCount
    results {
      name path role
      breadcrumbs { title }
      translations { locale path }
      photo { srcSet(widths: [480, 960], format: "webp") }
      organisation { name }
      awardProfiles { year award { name } }
    }
  }
}
"""

DETAIL = """
query { page(path: "/cs/akce/ai-forum-cz-ua-2024/") {
  title breadcrumbs { title } translations { path }
  ... on EventPage {
    mainImage { rendition(spec: "fill-960x540", format: "webp") { url } }
    topics { name } organisers { name logo { altText } } speakers { name photo { altText } }
    parentEvent { title } subEvents { title }
    programme { ... on AgendaItemBlock { title speakers { name } } }
  }
} }
"""

EXTRA = 100


@pytest.fixture
def many_items(locales):
    """100 more English events, news items and people, each with its relations."""
    english = locales["en"]
    image = Image.objects.get(title="Demo: Artificial Intelligence")
    topic = Topic.objects.get(locale=english, slug="artificial-intelligence")
    organisation = Organisation.objects.get(locale=english, short_name="MIT")
    award = Award.objects.get(locale=english)
    events_index = EventIndexPage.objects.get(locale=english)
    news_index = NewsIndexPage.objects.get(locale=english)
    people_index = PeopleIndexPage.objects.get(locale=english)
    start = timezone.now() - dt.timedelta(days=3000)
    for n in range(EXTRA):
        person = PersonPage(
            title=f"Person {n:03}",
            slug=f"person-{n}",
            role="Expert",
            organisation=organisation,
            photo=image,
        )
        person.award_profiles.add(person.award_profiles.model(award=award, year=2022, citation="-"))
        people_index.add_child(instance=person)
        event = EventPage(
            title=f"Event {n:03}",
            slug=f"event-{n}",
            start=start,
            end=start,
            summary="-",
            main_image=image,
        )
        event.topics.add(event.topics.model(topic=topic))
        event.organisers.add(event.organisers.model(organisation=organisation))
        event.speakers.add(event.speakers.model(person=person))
        events_index.add_child(instance=event)
        news = NewsPage(
            title=f"News {n:03}", slug=f"news-{n}", date="2000-01-01", summary="-", main_image=image
        )
        news.topics.add(news.topics.model(topic=topic))
        news.related_events.add(news.related_events.model(event=event))
        news.related_people.add(news.related_people.model(person=person))
        news_index.add_child(instance=news)
    assert Locale.get_default() == english


# Both pages of events hold upcoming and past events: one query reads each part of the default
# order (cms/graphql/pagination.py, ordered_in_parts), whatever the page size.
@pytest.mark.parametrize(
    ("query", "root", "expected_queries"),
    [(EVENTS, "events", 18), (NEWS, "news", 17), (PEOPLE, "people", 15)],
    ids=["events", "news", "people"],
)
def test_listing_queries_do_not_grow_with_the_page_size(
    graphql, many_items, django_assert_num_queries, query, root, expected_queries
):
    renditions_before = Rendition.objects.count()
    with django_assert_num_queries(expected_queries):
        small = graphql(query, {"limit": 10})["data"][root]
    with django_assert_num_queries(expected_queries):
        large = graphql(query, {"limit": 100})["data"][root]
    assert len(small["results"]) == 10
    assert len(large["results"]) == 100
    assert large["results"][:10] == small["results"]
    # Every item of the large page carries its relations.
    assert all(item["translations"] for item in large["results"])
    # The renditions the allowlist names exist already (made by load_demo_content): none is
    # generated while answering.
    assert Rendition.objects.count() == renditions_before


def test_detail_by_path_query_count(graphql, django_assert_num_queries):
    with django_assert_num_queries(28):
        data = graphql(DETAIL)["data"]
    assert data["page"]["title"] == "AI fórum CZ-UA 2024"


@pytest.fixture
def compiled_sql(monkeypatch):
    """The SQL statements Django compiles (SQLCompiler.as_sql, subqueries not counted apart)."""
    compiled, depth = [], [0]
    original = SQLCompiler.as_sql

    def as_sql(self, *args, **kwargs):
        depth[0] += 1
        try:
            sql, params = original(self, *args, **kwargs)
        finally:
            depth[0] -= 1
        if depth[0] == 0:
            compiled.append(sql)
        return sql, params

    monkeypatch.setattr(SQLCompiler, "as_sql", as_sql)
    return compiled


def test_after_the_first_listing_only_the_listing_itself_is_compiled_again(
    graphql, many_items, compiled_sql, django_assert_num_queries
):
    """The batch queries of relations (speakers, topics, organisers, images, renditions,
    translations, breadcrumbs) are compiled once per process (cms/db/precompiled.py); a listing's
    own queries, shaped by its filters and ordering, are compiled per request: 7 of its 18."""
    graphql(EVENTS, {"limit": 10})
    compiled_sql.clear()

    with django_assert_num_queries(18):
        graphql(EVENTS, {"limit": 100})

    tables = [sql.split(" FROM ", 1)[1].split(" ", 1)[0].strip('"') for sql in compiled_sql]
    assert tables == [
        # The request's lookups (kept per process when the cache is shared: lookups.py):
        # locales, the site, its locale roots, the view restrictions.
        "wagtailcore_locale",
        "wagtailcore_site",
        "wagtailcore_page",
        "wagtailcore_pageviewrestriction",
        # The listing: its count and the two parts of its order (upcoming, past).
        "events_eventpage",
        "events_eventpage",
        "events_eventpage",
    ]
