"""The events API from a frontend developer's seat: full answers on the demo content."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from tests.conftest import DEMO_TODAY
from tests.factories import EventPageFactory

# Noon (UTC) of the day the demo's current events are counted from: tests of the default order
# (upcoming first) run at that moment.
DEMO_NOW = dt.datetime.combine(DEMO_TODAY, dt.time(12), tzinfo=dt.UTC)

EVENT_DETAIL = """
query Event($path: String!) {
  page(path: $path) {
    __typename id title seoTitle searchDescription slug path url locale isFallback
    breadcrumbs { id title path locale }
    translations { id locale path title }
    ... on EventPage {
      kind start end timeZone city venue address onlineUrl registrationUrl summary
      topics { name slug locale isFallback }
      organisers { name shortName kind country countryName website locale }
      speakers { name path role country }
      participants { name }
      parentEvent { title path }
      subEvents { title }
      programme {
        __typename
        ... on AgendaItemBlock { startTime endTime day title description speakers { name } }
      }
      body { __typename }
      mainImage { title altText width height focalPoint { x } }
    }
  }
}
"""

EVENTS = """
query Events($locale: String, $filters: EventFilter, $fallback: Boolean = false,
             $pagination: OffsetPaginationInput) {
  events(locale: $locale, filters: $filters, fallback: $fallback, pagination: $pagination) {
    totalCount
    pageInfo { offset limit }
    results { slug title locale isFallback start }
  }
}
"""

EVENT_BY_ID = """
query Event($id: ID!, $locale: String, $fallback: Boolean = true) {
  event(id: $id, locale: $locale, fallback: $fallback) { title path locale isFallback }
}
"""

SUB_EVENTS = """
query { event(path: "/uk/podii/ekspertna-misiia-shi-2024/") {
  title subEvents { title start } parentEvent { title } } }
"""

EVENT_INDEX = """
query Index($locale: String) { eventIndex(locale: $locale) { title path intro locale } }
"""


def test_czech_ai_forum_in_full(graphql, page_id):
    data = graphql(EVENT_DETAIL, {"path": "/cs/akce/ai-forum-cz-ua-2024/"})["data"]
    assert data == {
        "page": {
            "__typename": "EventPage",
            "id": page_id("/cs/akce/ai-forum-cz-ua-2024/"),
            "title": "AI fórum CZ-UA 2024",
            "seoTitle": "",
            "searchDescription": "",
            "slug": "ai-forum-cz-ua-2024",
            "path": "/cs/akce/ai-forum-cz-ua-2024/",
            "url": None,
            "locale": "cs",
            "isFallback": False,
            "breadcrumbs": [
                {"id": page_id("/cs/akce/"), "title": "Akce", "path": "/cs/akce/", "locale": "cs"}
            ],
            "translations": [
                {
                    "id": page_id("/en/events/ai-forum-cz-ua-2024/"),
                    "locale": "en",
                    "path": "/en/events/ai-forum-cz-ua-2024/",
                    "title": "AI Forum CZ-UA 2024",
                },
                {
                    "id": page_id("/cs/akce/ai-forum-cz-ua-2024/"),
                    "locale": "cs",
                    "path": "/cs/akce/ai-forum-cz-ua-2024/",
                    "title": "AI fórum CZ-UA 2024",
                },
                {
                    "id": page_id("/uk/podii/ai-forum-cz-ua-2024/"),
                    "locale": "uk",
                    "path": "/uk/podii/ai-forum-cz-ua-2024/",
                    "title": "AI-форум CZ-UA 2024",
                },
            ],
            "kind": "FORUM",
            "start": "2024-04-24T09:00:00+02:00",
            "end": "2024-04-24T13:00:00+02:00",
            "timeZone": "Europe/Prague",
            "city": "Praha",
            "venue": "Ministerstvo průmyslu a obchodu ČR, budova Na Františku",
            "address": "Na Františku 32, 110 15 Praha 1, Česká republika",
            "onlineUrl": "",
            "registrationUrl": "",
            "summary": "Česko-ukrajinské fórum o umělé inteligenci na Ministerstvu průmyslu a "
            "obchodu v Praze, součást expertní mise o AI.",
            "topics": [
                {
                    "name": "Umělá inteligence",
                    "slug": "artificial-intelligence",
                    "locale": "cs",
                    "isFallback": False,
                }
            ],
            "organisers": [
                {
                    "name": "Ministerstvo průmyslu a obchodu České republiky",
                    "shortName": "MPO",
                    "kind": "SIGNATORY",
                    "country": "CZ",
                    "countryName": "Česko",
                    "website": "https://www.mpo.gov.cz/en/",
                    "locale": "cs",
                },
                {
                    "name": "Ukrajinská klastrová aliance",
                    "shortName": "UCA",
                    "kind": "SIGNATORY",
                    "country": "UA",
                    "countryName": "Ukrajina",
                    "website": "",
                    "locale": "cs",
                },
            ],
            "speakers": [
                {
                    "name": "Jana Ukázková (ukázka)",
                    "path": "/cs/ambasadori/jana-ukazkova-ukazka/",
                    "role": "Manažerka klastru pro digitální inovace",
                    "country": "CZ",
                },
                {
                    "name": "Petr Vzorový (ukázka)",
                    "path": "/cs/ambasadori/petr-vzorovy-ukazka/",
                    "role": "Konzultant pro kybernetickou bezpečnost",
                    "country": "CZ",
                },
            ],
            "participants": [{"name": "Emily Example (ukázka)"}],
            "parentEvent": {
                "title": "Mise ukrajinských expertů v oblasti umělé inteligence",
                "path": "/cs/akce/expertni-mise-ai-2024/",
            },
            "subEvents": [],
            "programme": [
                {
                    "__typename": "AgendaItemBlock",
                    "startTime": "09:00",
                    "endTime": "09:30",
                    "day": None,
                    "title": "Zahájení a přivítání",
                    "description": "",
                    "speakers": [],
                },
                {
                    "__typename": "AgendaItemBlock",
                    "startTime": "09:30",
                    "endTime": "11:00",
                    "day": None,
                    "title": "Panel: AI v českých a ukrajinských firmách",
                    "description": "",
                    "speakers": [
                        {"name": "Jana Ukázková (ukázka)"},
                        {"name": "Petr Vzorový (ukázka)"},
                    ],
                },
                {
                    "__typename": "AgendaItemBlock",
                    "startTime": "11:00",
                    "endTime": "13:00",
                    "day": None,
                    "title": "B2B jednání",
                    "description": "",
                    "speakers": [],
                },
            ],
            "body": [{"__typename": "HeadingBlock"}, {"__typename": "ParagraphBlock"}],
            "mainImage": {
                "title": "Demo: Artificial Intelligence",
                "altText": "Demo: Artificial Intelligence",
                "width": 1600,
                "height": 900,
                "focalPoint": None,
            },
        }
    }


def test_mission_lists_its_parts_in_ukrainian(graphql):
    assert graphql(SUB_EVENTS)["data"] == {
        "event": {
            "title": "Місія українських експертів у сфері штучного інтелекту",
            "subEvents": [
                {"title": "AI-форум CZ-UA 2024", "start": "2024-04-24T09:00:00+02:00"},
                {
                    "title": "Чесько-український нетворкінг зі штучного інтелекту",
                    "start": "2024-04-24T14:00:00+02:00",
                },
            ],
            "parentEvent": None,
        }
    }


@pytest.fixture
def at_demo_today():
    with time_machine.travel(DEMO_NOW, tick=False):
        yield


# The demo's events that have not ended on its day, soonest first (a mission under way first).
DEMO_UPCOMING_SOONEST_FIRST = [
    ("uca-business-mission-industry-4-0", "2026-11-30T09:00:00+01:00"),
    ("cybersecurity-lessons-webinar", "2026-12-15T11:00:00+02:00"),
    ("digital-innovation-expert-mission", "2027-01-13T09:00:00+01:00"),
    ("digital-innovation-forum-cz-ua", "2027-01-15T09:00:00+01:00"),
    ("b2b-matchmaking-digital-innovation", "2027-01-15T14:00:00+01:00"),
]

ALL_PAST_LATEST_FIRST = [
    ("ai-in-public-services-webinar", "2026-11-10T10:00:00+01:00"),
    ("ai-networking-event-2024", "2024-04-24T14:00:00+02:00"),
    ("ai-forum-cz-ua-2024", "2024-04-24T09:00:00+02:00"),
    ("ai-expert-mission-2024", "2024-04-22T09:00:00+02:00"),
    ("cybersecurity-forum-cz-ua-2023", "2023-11-29T09:00:00+01:00"),
    ("cybersecurity-expert-mission-2023", "2023-11-27T09:00:00+01:00"),
    ("smart-industry-forum-cz-ua-2023", "2023-10-12T09:00:00+02:00"),
    ("smart-cities-forum-cz-ua-2023", "2023-04-26T09:00:00+02:00"),
    # Two missions start at the same moment; ties keep creation order.
    ("smart-cities-expert-mission-2023", "2023-04-24T09:00:00+02:00"),
    ("smart-industry-expert-mission-2023", "2023-04-24T09:00:00+02:00"),
    ("smart-city-smart-region-webinar-2023", "2023-02-03T10:00:00+01:00"),
    ("uca-business-mission-msv-brno-2022", "2022-10-05T09:00:00+02:00"),
]


def slugs_and_starts(data):
    return [(item["slug"], item["start"]) for item in data["events"]["results"]]


def test_upcoming_events_come_first_soonest_first_then_past_latest_first(graphql, at_demo_today):
    soon = EventPageFactory(title="Soon", slug="soon", start=timezone.now() + dt.timedelta(days=2))
    later = EventPageFactory(
        title="Later", slug="later", start=timezone.now() + dt.timedelta(days=40)
    )
    upcoming = [slug for slug, _ in DEMO_UPCOMING_SOONEST_FIRST]
    upcoming = [upcoming[0], soon.slug, upcoming[1], later.slug, *upcoming[2:]]
    data = graphql(EVENTS, {"locale": "en", "pagination": {"limit": 100}})["data"]
    assert data["events"]["totalCount"] == 19
    assert data["events"]["pageInfo"] == {"offset": 0, "limit": 100}
    assert [slug for slug, _ in slugs_and_starts(data)] == [
        *upcoming,
        *(slug for slug, _ in ALL_PAST_LATEST_FIRST),
    ]
    data = graphql(EVENTS, {"locale": "en", "filters": {"upcoming": True}})["data"]
    assert [item["slug"] for item in data["events"]["results"]] == upcoming
    past = graphql(EVENTS, {"locale": "en", "filters": {"upcoming": False}})["data"]
    assert slugs_and_starts(past) == ALL_PAST_LATEST_FIRST


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            {"kind": "FORUM"},
            [
                "digital-innovation-forum-cz-ua",
                "ai-forum-cz-ua-2024",
                "cybersecurity-forum-cz-ua-2023",
                "smart-industry-forum-cz-ua-2023",
                "smart-cities-forum-cz-ua-2023",
            ],
        ),
        (
            {"kind": "WEBINAR"},
            [
                "cybersecurity-lessons-webinar",
                "ai-in-public-services-webinar",
                "smart-city-smart-region-webinar-2023",
            ],
        ),
        (
            {"topic": "cybersecurity"},
            [
                "cybersecurity-lessons-webinar",
                "digital-innovation-forum-cz-ua",
                "cybersecurity-forum-cz-ua-2023",
                "cybersecurity-expert-mission-2023",
            ],
        ),
        (
            {"city": "brno"},
            [
                "uca-business-mission-industry-4-0",
                "cybersecurity-forum-cz-ua-2023",
                "cybersecurity-expert-mission-2023",
                "smart-industry-forum-cz-ua-2023",
                "smart-industry-expert-mission-2023",
                "uca-business-mission-msv-brno-2022",
            ],
        ),
        (
            {
                "startsAfter": "2024-04-23T00:00:00+02:00",
                "startsBefore": "2024-04-24T12:00:00+02:00",
            },
            ["ai-forum-cz-ua-2024"],
        ),
    ],
)
def test_event_filters(graphql, at_demo_today, filters, expected):
    data = graphql(EVENTS, {"locale": "en", "filters": filters})["data"]
    assert [item["slug"] for item in data["events"]["results"]] == expected
    assert data["events"]["totalCount"] == len(expected)


def test_filter_by_parent_event_accepts_the_id_of_any_translation(graphql, page_id):
    mission_cs = page_id("/cs/akce/expertni-mise-ai-2024/")
    data = graphql(EVENTS, {"locale": "uk", "filters": {"parentEvent": mission_cs}})["data"]
    assert [(item["title"], item["locale"]) for item in data["events"]["results"]] == [
        ("Чесько-український нетворкінг зі штучного інтелекту", "uk"),
        ("AI-форум CZ-UA 2024", "uk"),
    ]


def test_czech_city_filter_uses_czech_names(graphql):
    data = graphql(EVENTS, {"locale": "cs", "filters": {"city": "Praha"}})["data"]
    assert data["events"]["totalCount"] == 8
    assert {item["locale"] for item in data["events"]["results"]} == {"cs"}


def test_ordering_argument_overrides_the_default(graphql):
    query = """{ events(ordering: [{title: ASC}], pagination: {limit: 3}) {
        results { title } } }"""
    assert graphql(query)["data"]["events"]["results"] == [
        {"title": "AI Forum CZ-UA 2024"},
        {"title": "B2B matchmaking for Czech and Ukrainian digital companies"},
        {"title": "Cybersecurity Forum CZ-UA 2023"},
    ]


def test_pagination_pages_through_the_listing(graphql, at_demo_today):
    first = graphql(EVENTS, {"locale": "en", "pagination": {"offset": 0, "limit": 4}})["data"]
    second = graphql(EVENTS, {"locale": "en", "pagination": {"offset": 4, "limit": 4}})["data"]
    assert first["events"]["totalCount"] == second["events"]["totalCount"] == 17
    everything = DEMO_UPCOMING_SOONEST_FIRST + ALL_PAST_LATEST_FIRST
    assert slugs_and_starts(first) + slugs_and_starts(second) == everything[:8]
    default = graphql(EVENTS, {"locale": "en"})["data"]
    assert default["events"]["pageInfo"] == {"offset": 0, "limit": 20}


def test_untranslated_event_falls_back_to_english(graphql):
    event = EventPageFactory(title="Only in English", slug="only-in-english")
    answer = graphql(EVENT_BY_ID, {"id": str(event.pk), "locale": "uk"})["data"]
    assert answer == {
        "event": {
            "title": "Only in English",
            "path": "/en/events/only-in-english/",
            "locale": "en",
            "isFallback": True,
        }
    }
    no_fallback = graphql(EVENT_BY_ID, {"id": str(event.pk), "locale": "uk", "fallback": False})
    assert no_fallback["data"] == {"event": None}

    listing = graphql(EVENTS, {"locale": "uk", "pagination": {"limit": 100}})["data"]["events"]
    assert listing["totalCount"] == 17
    assert "only-in-english" not in [item["slug"] for item in listing["results"]]

    with_fallback = graphql(
        EVENTS, {"locale": "uk", "fallback": True, "pagination": {"limit": 100}}
    )["data"]["events"]
    # The demo's scheduled English event is not there: it is not visible in any locale.
    assert with_fallback["totalCount"] == 18
    fallback_items = [item for item in with_fallback["results"] if item["isFallback"]]
    assert fallback_items == [
        {
            "slug": "only-in-english",
            "title": "Only in English",
            "locale": "en",
            "isFallback": True,
            "start": fallback_items[0]["start"],
        }
    ]


def test_event_by_id_returns_the_asked_translation(graphql, page_id):
    english = page_id("/en/events/ai-forum-cz-ua-2024/")
    assert graphql(EVENT_BY_ID, {"id": english, "locale": "uk"})["data"] == {
        "event": {
            "title": "AI-форум CZ-UA 2024",
            "path": "/uk/podii/ai-forum-cz-ua-2024/",
            "locale": "uk",
            "isFallback": False,
        }
    }


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "en",
            {
                "title": "Events",
                "path": "/en/events/",
                "locale": "en",
                "intro": "Forums, expert missions, webinars and fairs of the Czech – Ukrainian "
                "network.",
            },
        ),
        (
            "uk",
            {
                "title": "Події",
                "path": "/uk/podii/",
                "locale": "uk",
                "intro": "Форуми, експертні місії, вебінари та ярмарки чесько-української мережі.",
            },
        ),
    ],
)
def test_event_index(graphql, locale, expected):
    assert graphql(EVENT_INDEX, {"locale": locale})["data"] == {"eventIndex": expected}


def test_url_is_absolute_when_the_frontend_base_url_is_configured(graphql, settings):
    settings.FRONTEND_BASE_URLS = {"cs": "https://example.org/cs/"}
    query = """{ cs: event(path: "/cs/akce/ai-forum-cz-ua-2024/") { url }
                 en: event(path: "/en/events/ai-forum-cz-ua-2024/") { url } }"""
    assert graphql(query)["data"] == {
        "cs": {"url": "https://example.org/cs/akce/ai-forum-cz-ua-2024/"},
        "en": {"url": None},
    }


# --- the parentEvent filter never reveals a parent the reader cannot see ----------------------

PARENT_FILTER = """
query Parts($locale: String, $fallback: Boolean = false, $parent: ID!) {
  events(locale: $locale, fallback: $fallback, filters: {parentEvent: $parent}) {
    totalCount
    results { slug locale parentEvent { path } }
  }
}
"""


def restrict(page):
    from wagtail.models import PageViewRestriction

    return PageViewRestriction.objects.create(page=page, restriction_type="login")


def parts(graphql, parent, locale="en", fallback=False):
    variables = {"locale": locale, "fallback": fallback, "parent": parent}
    return graphql(PARENT_FILTER, variables)["data"]["events"]


def test_parts_of_a_private_event_are_not_listed_by_its_id(graphql, page_id):
    """A private forum and a public mission elsewhere in the tree that is part of it: the
    mission is public (it is not below the forum), but filtering by the forum's id lists
    nothing, as the mission's own parentEvent is null."""
    from events.models import EventPage

    forum = EventPage.objects.get(url_path="/en/events/ai-forum-cz-ua-2024/")
    mission = EventPageFactory(title="Follow-up mission", slug="follow-up", parent_event=forum)
    assert parts(graphql, str(forum.pk)) == {
        "totalCount": 1,
        "results": [
            {
                "slug": "follow-up",
                "locale": "en",
                "parentEvent": {"path": "/en/events/ai-forum-cz-ua-2024/"},
            }
        ],
    }

    restrict(forum)
    assert parts(graphql, str(forum.pk)) == {"totalCount": 0, "results": []}
    # The id of a public translation does not reveal the private English forum either.
    assert parts(graphql, page_id("/cs/akce/ai-forum-cz-ua-2024/")) == {
        "totalCount": 0,
        "results": [],
    }
    # The mission itself stays public; it just does not say what it is part of.
    listing = graphql(EVENTS, {"locale": "en", "pagination": {"limit": 100}})["data"]["events"]
    assert "follow-up" in [item["slug"] for item in listing["results"]]
    detail = graphql(EVENT_DETAIL, {"path": "/en/events/follow-up/"})["data"]["page"]
    assert detail["parentEvent"] is None
    # A Czech reader with fallback sees the public Czech forum as the mission's parent: listed.
    assert parts(graphql, str(forum.pk), locale="cs", fallback=True) == {
        "totalCount": 1,
        "results": [
            {
                "slug": "follow-up",
                "locale": "en",
                "parentEvent": {"path": "/cs/akce/ai-forum-cz-ua-2024/"},
            }
        ],
    }
    assert mission.live


def test_parts_of_a_private_event_in_every_locale_are_not_listed(graphql, page_id):
    from events.models import EventPage

    mission_cs = page_id("/cs/akce/expertni-mise-ai-2024/")
    assert parts(graphql, mission_cs, locale="uk")["totalCount"] == 2
    # wagtail-localize gives a translation the view restrictions of its source.
    for mission in EventPage.objects.filter(
        url_path__in=[
            "/en/events/ai-expert-mission-2024/",
            "/cs/akce/expertni-mise-ai-2024/",
            "/uk/podii/ekspertna-misiia-shi-2024/",
        ]
    ):
        restrict(mission)
    for locale in ("en", "cs", "uk"):
        for fallback in (False, True):
            assert parts(graphql, mission_cs, locale, fallback) == {
                "totalCount": 0,
                "results": [],
            }
    # The forum and the networking event, public and beside the mission, are still listed.
    listing = graphql(EVENTS, {"locale": "uk", "pagination": {"limit": 100}})["data"]["events"]
    assert listing["totalCount"] == 16
    assert "ai-forum-cz-ua-2024" in [item["slug"] for item in listing["results"]]
