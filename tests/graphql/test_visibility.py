"""What the public may see through /graphql/: one test per visibility rule.

Only live pages, without a view restriction on themselves or an ancestor, not expired, past their
go-live time and inside the current site are ever returned; a live page's unpublished draft
changes never show; snippets (topics, organisations, awards) only when live.

Every test talks to the endpoint over HTTP with Django's test client and compares the whole
`data` of the answer.
"""

import datetime as dt
import json

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.rich_text import RichText

from events.models import EventIndexPage
from home.models import HomePage, StandardPage, Topic
from people.models import Award, Organisation
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

URL = "/graphql/"

# --- demo pages the tests use (url_path = tree path below the root) ----------------------------

FORUM = "/en/events/ai-forum-cz-ua-2024/"
FORUM_CS = "/cs/akce/ai-forum-cz-ua-2024/"
FORUM_UK = "/uk/podii/ai-forum-cz-ua-2024/"
MISSION = "/en/events/ai-expert-mission-2024/"
NETWORKING = "/en/events/ai-networking-event-2024/"
WEBINAR_EVENT = "/en/events/smart-city-smart-region-webinar-2023/"
WHO = "/en/who-are-we/"
MEMORANDUM = "/en/who-are-we/memorandum/"

FORUM_TITLE = "AI Forum CZ-UA 2024"
FORUM_TITLE_CS = "AI fórum CZ-UA 2024"
FORUM_TITLE_UK = "AI-форум CZ-UA 2024"
NETWORKING_TITLE = "Czech – Ukrainian networking event on Artificial Intelligence"
# The other events the demo's home page features.
DIGITAL_FORUM_TITLE = "Digital Innovation Forum CZ-UA: Rebuilding Ukraine"
CYBER_FORUM_TITLE = "Cybersecurity Forum CZ-UA 2023"
NETWORKING_TITLE_CS = "Česko-ukrajinské networkingové setkání o umělé inteligenci"
MEMORANDUM_TITLE = "Memorandum on cooperation in the field of digital innovation"
MEMORANDUM_TITLE_CS = "Memorandum o spolupráci v oblasti digitálních inovací"

TEST_CITY = "Testville"

# --- queries ------------------------------------------------------------------------------------

DRAFT_EVENT_QUERY = """
query DraftEvent($path: String!, $id: ID!, $city: String!) {
  all: events { totalCount }
  inCity: events(filters: {city: $city}) { totalCount results { title path } }
  byPath: event(path: $path) { title }
  byId: event(id: $id) { title }
  page(id: $id) { title }
}
"""

FORUM_WITH_DRAFT_QUERY = """
query ForumWithDraft($forumId: ID!, $missionId: ID!) {
  event(path: "/en/events/ai-forum-cz-ua-2024/") { title summary }
  page(id: $forumId) { title }
  partsOfMission: events(filters: {parentEvent: $missionId}) { totalCount results { title } }
  mission: event(id: $missionId) { subEvents { title } }
  czech: event(path: "/cs/akce/ai-forum-cz-ua-2024/") { translations { locale title } }
}
"""

TOPIC_WITH_DRAFT_QUERY = """
{
  topic(slug: "artificial-intelligence") { name description }
  topics { totalCount results { name } }
}
"""

PRIVATE_PAGES_QUERY = """
query PrivatePages($whoId: ID!, $memorandumId: ID!) {
  who: page(path: "/en/who-are-we/") { title }
  memorandum: page(path: "/en/who-are-we/memorandum/") { title }
  whoById: page(id: $whoId) { title }
  memorandumById: page(id: $memorandumId) { title }
  czechMemorandum: page(path: "/cs/kdo-jsme/memorandum/") {
    title
    breadcrumbs { title path }
    translations { locale path }
  }
  czechWho: page(path: "/cs/kdo-jsme/") { translations { locale path } }
  links: page(path: "/en/links/") {
    ... on StandardPage {
      body {
        ... on CallToActionBlock { text page { title path } }
        ... on ParagraphBlock { html }
      }
    }
  }
}
"""

HIDDEN_EVENT_QUERY = """
query HiddenEvent($forumId: ID!, $missionId: ID!) {
  events { totalCount }
  partsOfMission: events(filters: {parentEvent: $missionId}) { totalCount results { title } }
  byPath: event(path: "/en/events/ai-forum-cz-ua-2024/") { title }
  byId: event(id: $forumId) { title }
  page(id: $forumId) { title }
  home { featuredEvents { title } }
  mission: event(id: $missionId) { subEvents { title } }
  networking: event(path: "/en/events/ai-networking-event-2024/") { parentEvent { title } }
  czech: event(path: "/cs/akce/ai-forum-cz-ua-2024/") { title translations { locale } }
}
"""

DRAFT_ANCESTOR_QUERY = """
{
  who: page(path: "/en/who-are-we/") { title }
  memorandum: page(path: "/en/who-are-we/memorandum/") { title breadcrumbs { title path } }
  czechWho: page(path: "/cs/kdo-jsme/") { translations { locale } }
}
"""

TIMED_QUERY = """
query Timed($forumId: ID!, $missionId: ID!) {
  partsOfMission: events(filters: {parentEvent: $missionId}) { totalCount results { title } }
  byPath: event(path: "/en/events/ai-forum-cz-ua-2024/") { title }
  page(id: $forumId) { title }
  czech: event(path: "/cs/akce/ai-forum-cz-ua-2024/") { translations { locale } }
}
"""

CZECH_EVENT_COUNT_QUERY = """
{ events(locale: "cs") { totalCount } }
"""

UNPUBLISHED_TRANSLATION_QUERY = """
query UnpublishedTranslation($csId: ID!, $enId: ID!, $missionId: ID!) {
  byCzechId: event(id: $csId, locale: "cs") { id title locale isFallback path }
  byEnglishId: event(id: $enId, locale: "cs") { id title locale isFallback path }
  byPath: event(path: "/cs/akce/ai-forum-cz-ua-2024/") { id locale isFallback }
  withoutFallback: event(id: $csId, locale: "cs", fallback: false) { id }
  byPathWithoutFallback: event(path: "/cs/akce/ai-forum-cz-ua-2024/", fallback: false) { id }
  czech: events(locale: "cs") { totalCount }
  czechWithFallback: events(locale: "cs", fallback: true) { totalCount }
  partsOfMission: events(locale: "cs", fallback: true, filters: {parentEvent: $missionId}) {
    totalCount
    results { id title locale isFallback path }
  }
}
"""

NEWS_RELATIONS_QUERY = """
{
  newsItem(path: "/en/news/smart-city-smart-region-webinar/") {
    relatedEvents { title }
    topics { name }
  }
  czech: newsItem(path: "/cs/aktuality/webinar-smart-city-smart-region/", fallback: false) {
    relatedEvents { title }
    topics { name }
  }
  topics { totalCount results { name } }
  topic(slug: "smart-cities-regions-communities") { name }
  forum: event(path: "/en/events/smart-cities-forum-cz-ua-2023/") { topics { name } }
}
"""

TRANSLATIONS_QUERY = """
{
  english: event(path: "/en/events/ai-forum-cz-ua-2024/") { translations { locale path title } }
  czech: event(path: "/cs/akce/ai-forum-cz-ua-2024/") { translations { locale path title } }
  ukrainian: event(path: "/uk/podii/ai-forum-cz-ua-2024/", fallback: false) { title }
}
"""

ORGANISATIONS_QUERY = """
query Organisations($id: ID!) {
  organisations { totalCount results { name } }
  organisation(id: $id) { name }
  awards { results { name awardedBy { name } } }
  people { results { name organisation { name } } }
}
"""

AWARDS_QUERY = """
query Awards($id: ID!) {
  awards { totalCount results { name } }
  czechAwards: awards(locale: "cs") { totalCount results { name } }
  award(id: $id) { name }
  people { results { name awardProfiles { year award { name } } } }
}
"""

SITE_QUERY = """
query Site($demoEventId: ID!, $otherHomeId: ID!, $otherPageId: ID!) {
  site { name }
  home { title }
  events { totalCount }
  demoEvent: page(id: $demoEventId) { title }
  otherHome: page(id: $otherHomeId) { title path }
  otherPage: page(id: $otherPageId) { title path }
  otherPageByPath: page(path: "/en/partner-page/") { title path }
}
"""

LISTINGS = ("events", "news", "people", "topics", "organisations", "awards")
SCOPES = {
    "En": 'locale: "en"',
    "Cs": 'locale: "cs"',
    "CsFallback": 'locale: "cs", fallback: true',
    "Uk": 'locale: "uk"',
    "UkFallback": 'locale: "uk", fallback: true',
}
# Every listing in every locale, with and without fallback, all of it in one page.
COUNTS_QUERY = (
    "{\n"
    + "\n".join(
        f"  {listing}{scope}: {listing}({arguments}, pagination: {{limit: 100}}) "
        "{ totalCount results { id } }"
        for listing in LISTINGS
        for scope, arguments in SCOPES.items()
    )
    + "\n}"
)

WINDOW_QUERY = """
{
  events(locale: "cs", fallback: true, pagination: {offset: 16, limit: 5}) {
    totalCount
    results { title }
  }
}
"""


# --- helpers ------------------------------------------------------------------------------------


def _data(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def post(client, query, **variables):
    """POST a query as JSON and return its `data` (asserting there are no errors)."""
    response = client.post(
        URL, {"query": query, "variables": variables}, content_type="application/json"
    )
    return _data(response)


def get(client, query, **variables):
    """The same over GET, with the query and variables in the query string."""
    response = client.get(URL, {"query": query, "variables": json.dumps(variables)})
    return _data(response)


def page_at(url_path):
    return Page.objects.get(url_path=url_path).specific


def id_of(url_path):
    return str(Page.objects.get(url_path=url_path).pk)


def restrict(url_path, restriction_type, **kwargs):
    return PageViewRestriction.objects.create(
        page=page_at(url_path), restriction_type=restriction_type, **kwargs
    )


def forum_ids():
    return {"forumId": id_of(FORUM), "missionId": id_of(MISSION)}


def add_draft_event(**kwargs):
    """An English event that was saved as a draft and never published."""
    event = EventPageFactory.build(live=False, **kwargs)
    EventIndexPage.objects.get(url_path="/en/events/").add_child(instance=event)
    event.save_revision()
    event.refresh_from_db()
    assert not event.live and event.first_published_at is None
    return event


@pytest.fixture
def links_page(homes):
    """A published English page that links to the memorandum by a button and in its text."""
    memorandum = page_at(MEMORANDUM)
    page = StandardPage(
        title="Links",
        slug="links",
        intro="",
        body=[
            ("call_to_action", {"text": "Read the memorandum", "page": memorandum, "url": ""}),
            (
                "paragraph",
                RichText(f'<p>See <a linktype="page" id="{memorandum.pk}">the memorandum</a>.</p>'),
            ),
        ],
    )
    homes["en"].add_child(instance=page)
    page.save_revision().publish()
    return page


# --- drafts -------------------------------------------------------------------------------------


def test_draft_event_is_in_no_listing_count_or_lookup(client):
    published = EventPageFactory(title="Published test event", city=TEST_CITY)
    draft = add_draft_event(title="Draft test event", city=TEST_CITY)

    data = post(
        client,
        DRAFT_EVENT_QUERY,
        path=f"/en/events/{draft.slug}/",
        id=str(draft.pk),
        city=TEST_CITY,
    )

    assert data == {
        "all": {"totalCount": 18},  # the 17 visible demo events and the published test event
        "inCity": {
            "totalCount": 1,
            "results": [{"title": "Published test event", "path": f"/en/events/{published.slug}/"}],
        },
        "byPath": None,
        "byId": None,
        "page": None,
    }


def test_unpublished_draft_changes_of_a_live_page_never_show(client):
    forum = page_at(FORUM)
    published_summary = forum.summary
    forum.title = "Draft title nobody approved"
    forum.summary = "Draft summary nobody approved."
    forum.save_revision()
    forum = page_at(FORUM)
    assert forum.has_unpublished_changes
    assert forum.get_latest_revision_as_object().title == "Draft title nobody approved"

    data = post(client, FORUM_WITH_DRAFT_QUERY, **forum_ids())

    assert data == {
        "event": {"title": FORUM_TITLE, "summary": published_summary},
        "page": {"title": FORUM_TITLE},
        "partsOfMission": {
            "totalCount": 2,
            "results": [{"title": NETWORKING_TITLE}, {"title": FORUM_TITLE}],
        },
        "mission": {"subEvents": [{"title": FORUM_TITLE}, {"title": NETWORKING_TITLE}]},
        "czech": {
            "translations": [
                {"locale": "en", "title": FORUM_TITLE},
                {"locale": "cs", "title": FORUM_TITLE_CS},
                {"locale": "uk", "title": FORUM_TITLE_UK},
            ]
        },
    }


def test_unpublished_draft_changes_of_a_live_snippet_never_show(client, locales):
    topic = Topic.objects.get(slug="artificial-intelligence", locale=locales["en"])
    published_description = topic.description
    topic.name = "Draft topic name"
    topic.description = "Draft description."
    topic.save_revision()
    topic = Topic.objects.get(pk=topic.pk)
    assert topic.live and topic.has_unpublished_changes

    data = post(client, TOPIC_WITH_DRAFT_QUERY)

    assert data == {
        "topic": {"name": "Artificial Intelligence", "description": published_description},
        "topics": {
            "totalCount": 4,
            "results": [
                {"name": "Artificial Intelligence"},
                {"name": "Cybersecurity"},
                {"name": "Smart Cities-Regions-Communities"},
                {"name": "Smart Industry"},
            ],
        },
    }


def test_a_draft_ancestor_is_left_out_of_breadcrumbs_and_translations(client):
    page_at(WHO).unpublish()

    data = post(client, DRAFT_ANCESTOR_QUERY)

    # Only a view restriction covers descendants; a draft parent hides itself only.
    assert data == {
        "who": None,
        "memorandum": {"title": MEMORANDUM_TITLE, "breadcrumbs": []},
        "czechWho": {"translations": [{"locale": "cs"}, {"locale": "uk"}]},
    }


# --- view restrictions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS]
)
def test_private_page_and_its_children_are_hidden_everywhere(client, links_page, restriction_type):
    variables = {"whoId": id_of(WHO), "memorandumId": id_of(MEMORANDUM)}
    czech_memorandum = {
        "title": MEMORANDUM_TITLE_CS,
        "breadcrumbs": [{"title": "Kdo jsme?", "path": "/cs/kdo-jsme/"}],
        "translations": [
            {"locale": "en", "path": "/en/who-are-we/memorandum/"},
            {"locale": "cs", "path": "/cs/kdo-jsme/memorandum/"},
            {"locale": "uk", "path": "/uk/khto-my/memorandum/"},
        ],
    }
    before = post(client, PRIVATE_PAGES_QUERY, **variables)
    assert before == {
        "who": {"title": "Who are we?"},
        "memorandum": {"title": MEMORANDUM_TITLE},
        "whoById": {"title": "Who are we?"},
        "memorandumById": {"title": MEMORANDUM_TITLE},
        "czechMemorandum": czech_memorandum,
        "czechWho": {
            "translations": [
                {"locale": "en", "path": "/en/who-are-we/"},
                {"locale": "cs", "path": "/cs/kdo-jsme/"},
                {"locale": "uk", "path": "/uk/khto-my/"},
            ]
        },
        "links": {
            "body": [
                {
                    "text": "Read the memorandum",
                    "page": {"title": MEMORANDUM_TITLE, "path": "/en/who-are-we/memorandum/"},
                },
                {"html": '<p>See <a href="/en/who-are-we/memorandum/">the memorandum</a>.</p>'},
            ]
        },
    }

    restriction = restrict(WHO, restriction_type)
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.create(name="Network members"))

    data = post(client, PRIVATE_PAGES_QUERY, **variables)

    assert (
        data
        == {
            "who": None,
            "memorandum": None,  # the child of the private page
            "whoById": None,
            "memorandumById": None,
            "czechMemorandum": {
                **czech_memorandum,
                "translations": czech_memorandum["translations"][1:],
            },
            "czechWho": {
                "translations": [
                    {"locale": "cs", "path": "/cs/kdo-jsme/"},
                    {"locale": "uk", "path": "/uk/khto-my/"},
                ]
            },
            "links": {
                "body": [
                    {"text": "Read the memorandum", "page": None},
                    {"html": "<p>See <a>the memorandum</a>.</p>"},
                ]
            },
        }
    )


def test_password_protected_event_is_hidden_everywhere(client):
    restrict(FORUM, PageViewRestriction.PASSWORD, password="open sesame")

    data = post(client, HIDDEN_EVENT_QUERY, **forum_ids())

    assert data == {
        "events": {"totalCount": 16},
        "partsOfMission": {"totalCount": 1, "results": [{"title": NETWORKING_TITLE}]},
        "byPath": None,
        "byId": None,
        "page": None,
        "home": {"featuredEvents": [{"title": DIGITAL_FORUM_TITLE}, {"title": CYBER_FORUM_TITLE}]},
        "mission": {"subEvents": [{"title": NETWORKING_TITLE}]},
        "networking": {
            "parentEvent": {"title": "Mission of Ukrainian experts on Artificial Intelligence"}
        },
        "czech": {"title": FORUM_TITLE_CS, "translations": [{"locale": "cs"}, {"locale": "uk"}]},
    }


def test_event_of_a_private_parent_event_loses_its_parent(client):
    restriction = restrict(MISSION, PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Mission members"))

    data = post(client, HIDDEN_EVENT_QUERY, **forum_ids())

    assert data == {
        "events": {"totalCount": 16},
        # The parts stay public, but filtering by the private mission lists none of them, as
        # their parentEvent is null (it listed both before; the filter revealed the mission).
        "partsOfMission": {"totalCount": 0, "results": []},
        "byPath": {"title": FORUM_TITLE},
        "byId": {"title": FORUM_TITLE},
        "page": {"title": FORUM_TITLE},
        "home": {
            "featuredEvents": [
                {"title": DIGITAL_FORUM_TITLE},
                {"title": FORUM_TITLE},
                {"title": CYBER_FORUM_TITLE},
            ]
        },
        "mission": None,
        "networking": {"parentEvent": None},
        "czech": {
            "title": FORUM_TITLE_CS,
            "translations": [{"locale": "en"}, {"locale": "cs"}, {"locale": "uk"}],
        },
    }


# --- publishing schedule ------------------------------------------------------------------------

FORUM_HIDDEN_BY_SCHEDULE = {
    "partsOfMission": {"totalCount": 1, "results": [{"title": NETWORKING_TITLE}]},
    "byPath": None,
    "page": None,
    "czech": {"translations": [{"locale": "cs"}, {"locale": "uk"}]},
}


def test_expired_page_is_hidden_over_get(client):
    now = timezone.now()
    Page.objects.filter(url_path=FORUM).update(expire_at=now - dt.timedelta(minutes=1))
    # Expiring tomorrow is still visible today.
    Page.objects.filter(url_path=NETWORKING).update(expire_at=now + dt.timedelta(days=1))
    assert page_at(FORUM).live

    data = get(client, TIMED_QUERY, **forum_ids())

    assert data == FORUM_HIDDEN_BY_SCHEDULE


def test_page_before_its_go_live_time_is_hidden(client):
    now = timezone.now()
    Page.objects.filter(url_path=FORUM).update(live=True, go_live_at=now + dt.timedelta(days=1))
    # A go-live time in the past is no obstacle.
    Page.objects.filter(url_path=NETWORKING).update(go_live_at=now - dt.timedelta(minutes=1))

    data = post(client, TIMED_QUERY, **forum_ids())

    assert data == FORUM_HIDDEN_BY_SCHEDULE


# --- translations -------------------------------------------------------------------------------


def test_unpublished_translation_falls_back_to_english(client):
    assert post(client, CZECH_EVENT_COUNT_QUERY) == {"events": {"totalCount": 17}}
    page_at(FORUM_CS).unpublish()
    assert post(client, CZECH_EVENT_COUNT_QUERY) == {"events": {"totalCount": 16}}

    forum_id = id_of(FORUM)
    data = post(
        client,
        UNPUBLISHED_TRANSLATION_QUERY,
        csId=id_of(FORUM_CS),
        enId=forum_id,
        missionId=id_of(MISSION),
    )

    english_forum = {
        "id": forum_id,
        "title": FORUM_TITLE,
        "locale": "en",
        "isFallback": True,
        "path": FORUM,
    }
    assert data == {
        "byCzechId": english_forum,
        "byEnglishId": english_forum,
        "byPath": {"id": forum_id, "locale": "en", "isFallback": True},
        "withoutFallback": None,
        "byPathWithoutFallback": None,
        "czech": {"totalCount": 16},
        "czechWithFallback": {"totalCount": 17},
        "partsOfMission": {
            "totalCount": 2,
            "results": [
                {
                    "id": id_of("/cs/akce/networking-ai-2024/"),
                    "title": NETWORKING_TITLE_CS,
                    "locale": "cs",
                    "isFallback": False,
                    "path": "/cs/akce/networking-ai-2024/",
                },
                english_forum,
            ],
        },
    }


def test_translations_list_only_live_translations(client):
    all_three = [
        {"locale": "en", "path": FORUM, "title": FORUM_TITLE},
        {"locale": "cs", "path": FORUM_CS, "title": FORUM_TITLE_CS},
        {"locale": "uk", "path": FORUM_UK, "title": FORUM_TITLE_UK},
    ]
    assert post(client, TRANSLATIONS_QUERY) == {
        "english": {"translations": all_three},
        "czech": {"translations": all_three},
        "ukrainian": {"title": FORUM_TITLE_UK},
    }

    page_at(FORUM_UK).unpublish()

    assert post(client, TRANSLATIONS_QUERY) == {
        "english": {"translations": all_three[:2]},
        "czech": {"translations": all_three[:2]},
        "ukrainian": None,
    }


# --- relations to drafts ------------------------------------------------------------------------


def test_unpublished_related_event_is_left_out(client):
    page_at(WEBINAR_EVENT).unpublish()

    data = post(client, NEWS_RELATIONS_QUERY)

    assert data == {
        "newsItem": {
            "relatedEvents": [],
            "topics": [{"name": "Smart Cities-Regions-Communities"}],
        },
        # The Czech event is still live, so the Czech news item keeps it.
        "czech": {
            "relatedEvents": [{"title": "Smart City & Smart Region: příprava na obnovu Ukrajiny"}],
            "topics": [{"name": "Chytrá města, regiony a komunity"}],
        },
        "topics": {
            "totalCount": 4,
            "results": [
                {"name": "Artificial Intelligence"},
                {"name": "Cybersecurity"},
                {"name": "Smart Cities-Regions-Communities"},
                {"name": "Smart Industry"},
            ],
        },
        "topic": {"name": "Smart Cities-Regions-Communities"},
        "forum": {"topics": [{"name": "Smart Cities-Regions-Communities"}]},
    }


def test_draft_topic_is_left_out(client, locales):
    topic = Topic.objects.get(slug="smart-cities-regions-communities", locale=locales["en"])
    topic.live = False
    topic.save()

    data = post(client, NEWS_RELATIONS_QUERY)

    assert data == {
        "newsItem": {
            "relatedEvents": [
                {"title": "Smart City & Smart Region: Preparing for Rebuilding Ukraine"}
            ],
            "topics": [],
        },
        # The Czech topic is still live.
        "czech": {
            "relatedEvents": [{"title": "Smart City & Smart Region: příprava na obnovu Ukrajiny"}],
            "topics": [{"name": "Chytrá města, regiony a komunity"}],
        },
        "topics": {
            "totalCount": 3,
            "results": [
                {"name": "Artificial Intelligence"},
                {"name": "Cybersecurity"},
                {"name": "Smart Industry"},
            ],
        },
        "topic": None,
        "forum": {"topics": []},
    }


def test_draft_organisation_is_left_out(client, locales):
    alliance = Organisation.objects.get(name="Ukrainian Cluster Alliance", locale=locales["en"])
    cluster = Organisation.objects.get(
        name="Sample Digital Cluster (fictional)", locale=locales["en"]
    )
    for organisation in (alliance, cluster):
        organisation.live = False
        organisation.save()

    data = post(client, ORGANISATIONS_QUERY, id=str(alliance.pk))

    assert data == {
        "organisations": {
            "totalCount": 2,
            "results": [
                {"name": "Business Club Ukraine"},
                {"name": "Ministry of Industry and Trade of the Czech Republic"},
            ],
        },
        "organisation": None,
        "awards": {"results": [{"name": "Professionals4Ukraine", "awardedBy": None}]},
        "people": {
            "results": [
                {"name": "Emily Example (sample)", "organisation": None},
                {"name": "Jana Ukázková (sample)", "organisation": None},
                {"name": "Petr Vzorový (sample)", "organisation": None},
            ]
        },
    }


def test_draft_award_is_left_out(client, locales):
    award = Award.objects.get(locale=locales["en"])
    award.live = False
    award.save()

    data = post(client, AWARDS_QUERY, id=str(award.pk))

    assert data == {
        "awards": {"totalCount": 0, "results": []},
        # The Czech award is still live.
        "czechAwards": {"totalCount": 1, "results": [{"name": "Professionals4Ukraine"}]},
        "award": None,
        "people": {
            "results": [
                {"name": "Emily Example (sample)", "awardProfiles": []},
                {"name": "Jana Ukázková (sample)", "awardProfiles": []},
                {"name": "Petr Vzorový (sample)", "awardProfiles": []},
            ]
        },
    }


# --- sites --------------------------------------------------------------------------------------


@pytest.fixture
def partner_site(locales):
    """A second site on host 127.0.0.1 with a home page and one page of its own."""
    home = Page.get_first_root_node().add_child(
        instance=HomePage(
            title="Partner site", slug="partner", intro="Partner.", locale=locales["en"]
        )
    )
    page = home.add_child(
        instance=StandardPage(title="Partner page", slug="partner-page", intro="", body=[])
    )
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, site_name="Partner")
    yield home, page
    # The rollback does not reach Wagtail's cached site root paths.
    Site.clear_site_root_paths_cache()


def test_pages_of_another_site_are_hidden(client, partner_site):
    other_home, other_page = partner_site
    variables = {
        "demoEventId": id_of(FORUM),
        "otherHomeId": str(other_home.pk),
        "otherPageId": str(other_page.pk),
    }

    assert post(client, SITE_QUERY, **variables) == {
        "site": {"name": "Czech–Ukrainian Digital Innovation"},
        "home": {"title": "Czech – Ukrainian Cooperation in the Field of Digital Innovation"},
        "events": {"totalCount": 17},
        "demoEvent": {"title": FORUM_TITLE},
        "otherHome": None,
        "otherPage": None,
        "otherPageByPath": None,
    }

    # The same query on the other site's host sees that site only.
    response = client.post(
        URL,
        {"query": SITE_QUERY, "variables": variables},
        content_type="application/json",
        HTTP_HOST="127.0.0.1",
    )
    assert _data(response) == {
        "site": {"name": "Partner"},
        "home": {"title": "Partner site"},
        "events": {"totalCount": 0},
        "demoEvent": None,
        "otherHome": {"title": "Partner site", "path": "/en/"},
        "otherPage": {"title": "Partner page", "path": "/en/partner-page/"},
        "otherPageByPath": {"title": "Partner page", "path": "/en/partner-page/"},
    }


# --- counts -------------------------------------------------------------------------------------


def hide_a_bit_of_everything(locales):
    """One hidden object of each kind, in different locales."""
    now = timezone.now()
    EventPageFactory(title="English-only test event", city=TEST_CITY)  # visible, English only
    add_draft_event(title="Draft test event", city=TEST_CITY)
    page_at(FORUM_CS).unpublish()
    restrict(NETWORKING, PageViewRestriction.PASSWORD, password="open sesame")
    Page.objects.filter(url_path="/uk/podii/ekspertna-misiia-shi-2024/").update(
        expire_at=now - dt.timedelta(minutes=1)
    )
    page_at("/en/news/industry-4-0-bilateral-agenda/").unpublish()
    Page.objects.filter(url_path="/cs/ambasadori/jana-ukazkova-ukazka/").update(
        go_live_at=now + dt.timedelta(days=1)
    )
    for model, filters in (
        (Topic, {"slug": "cybersecurity", "locale": locales["en"]}),
        (Organisation, {"name": "Business Club Ukraine", "locale": locales["en"]}),
        (Award, {"locale": locales["cs"]}),
    ):
        snippet = model.objects.get(**filters)
        snippet.live = False
        snippet.save()


def test_total_count_equals_the_visible_results(client, locales):
    hide_a_bit_of_everything(locales)

    data = post(client, COUNTS_QUERY)

    counts = {
        alias: {"totalCount": listing["totalCount"], "results": len(listing["results"])}
        for alias, listing in data.items()
    }
    expected = {
        # 17 visible demo events + the English-only one; en: networking is private; cs: the
        # forum is unpublished (English fills in with fallback); uk: the mission has expired.
        "eventsEn": 17,
        "eventsCs": 16,
        "eventsCsFallback": 18,
        "eventsUk": 16,
        "eventsUkFallback": 18,
        # 5 visible demo news items; one English one is unpublished.
        "newsEn": 4,
        "newsCs": 5,
        "newsCsFallback": 5,
        "newsUk": 5,
        "newsUkFallback": 5,
        # The Czech Jana goes live tomorrow.
        "peopleEn": 3,
        "peopleCs": 2,
        "peopleCsFallback": 3,
        "peopleUk": 3,
        "peopleUkFallback": 3,
        # The English cybersecurity topic is a draft.
        "topicsEn": 3,
        "topicsCs": 4,
        "topicsCsFallback": 4,
        "topicsUk": 4,
        "topicsUkFallback": 4,
        # The English Business Club Ukraine is a draft.
        "organisationsEn": 3,
        "organisationsCs": 4,
        "organisationsCsFallback": 4,
        "organisationsUk": 4,
        "organisationsUkFallback": 4,
        # The Czech award is a draft.
        "awardsEn": 1,
        "awardsCs": 0,
        "awardsCsFallback": 1,
        "awardsUk": 1,
        "awardsUkFallback": 1,
    }
    assert counts == {
        alias: {"totalCount": count, "results": count} for alias, count in expected.items()
    }
    for alias, listing in data.items():
        ids = [item["id"] for item in listing["results"]]
        assert len(set(ids)) == len(ids), f"{alias} lists an item twice"


def test_total_count_of_a_page_window_counts_every_visible_result(client, locales):
    hide_a_bit_of_everything(locales)

    data = post(client, WINDOW_QUERY)

    assert data == {
        "events": {
            "totalCount": 18,
            "results": [
                {"title": "Smart City & Smart Region: příprava na obnovu Ukrajiny"},
                {"title": "Obchodní mise UCA na Mezinárodní strojírenský veletrh"},
            ],
        }
    }
