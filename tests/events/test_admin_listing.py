"""The admin's "Events" listing (events/admin.py): dates in each event's time zone, type, forum,
locale and status; each forum followed by its parts; filters; what a translator may see.

The demo site's events are removed first, so that each test lists exactly the events it makes.
"""

import datetime as dt

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission

from events.models import EventIndexPage, EventPage
from people.models import PersonPage
from tests.factories import EventPageFactory, UserFactory

LISTING_URL = "/admin/events/"
UTC = dt.UTC
# A Monday; every event below is placed relative to it.
NOW = dt.datetime(2027, 5, 3, 10, 0, tzinfo=UTC)
HEADERS = ["", "Title {count}", "Start", "End", "Type", "Part of", "Locale", "Status"]


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A UTC time in May 2027 (April when `day` is below 1)."""
    return dt.datetime(2027, 5, 1, hour, minute, tzinfo=UTC) + dt.timedelta(days=day - 1)


@pytest.fixture
def no_demo_events(db):
    EventPage.objects.all().delete()


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def events(no_demo_events, clock, locales):
    """A forum with two expert missions (made latest first), a webinar before it, a draft
    webinar after it, a past fair, and the forum and one mission in Czech."""
    forum = EventPageFactory(title="Smart City Forum", start=at(13, 7), end=at(13, 15))
    brno = EventPageFactory(
        title="Mission to Brno",
        kind="expert_mission",
        parent_event=forum,
        start=at(15, 6),
        end=at(16, 15),
    )
    kyiv = EventPageFactory(
        title="Mission to Kyiv",
        kind="expert_mission",
        parent_event=forum,
        start=at(14, 6),
        end=at(14, 15),
        time_zone="Europe/Kyiv",
    )
    webinar = EventPageFactory(title="AI Webinar", kind="webinar", start=at(6, 12), end=at(6, 13))
    draft = EventPageFactory(title="Draft webinar", kind="webinar", start=at(32, 8), end=at(32, 9))
    draft.unpublish()
    fair = EventPageFactory(title="Cyber Fair", kind="trade_fair", start=at(-10, 7), end=at(-8, 15))
    cs_forum = translate(forum, locales["cs"], "Fórum chytrých měst")
    # Links to pages in a translation keep pointing at the English page (wagtail-localize).
    cs_brno = translate(brno, locales["cs"], "Mise do Brna")
    assert cs_brno.parent_event_id == forum.pk
    return {
        "forum": forum,
        "brno": brno,
        "kyiv": kyiv,
        "webinar": webinar,
        "draft": draft,
        "fair": fair,
        "cs_forum": cs_forum,
        "cs_brno": cs_brno,
    }


def translate(event: EventPage, locale, title: str) -> EventPage:
    translation = event.copy_for_translation(locale)
    translation.title = title
    translation.save_revision().publish()
    return translation


@pytest.fixture
def editor(client, db, clock):
    """Logged in at the frozen time, or the session would have expired by then."""
    client.force_login(UserFactory(groups=["Editors"]))
    return client


def log_in(client, group: str):
    client.force_login(UserFactory(groups=[group]))
    return client


def get_listing(client, query: str = "") -> BeautifulSoup:
    response = client.get(LISTING_URL + query)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    # Screen-reader-only words ("Current page status:") are not what the eye reads.
    for hidden in soup.select(".w-sr-only"):
        hidden.decompose()
    return soup


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def field_labels(soup) -> set[str]:
    """The form's labels, without the mark of required fields."""
    return {text(label).removesuffix("*").strip() for label in soup.select("label")}


def headers(soup) -> list[str]:
    return [text(th) for th in soup.select("table.listing thead th")]


def rows(soup) -> list[list[str]]:
    """Each row's cells as the eye reads them, without the bulk-action checkbox."""
    return [
        [text(td) for td in tr.find_all("td")[1:]] for tr in soup.select("table.listing tbody tr")
    ]


def titles(soup) -> list[str]:
    return [row[0] for row in rows(soup)]


def test_events_are_listed_by_date_with_missions_under_their_forum(editor, events):
    soup = get_listing(editor)

    assert headers(soup) == [header.format(count="1-8 of 8 events") for header in HEADERS]
    assert rows(soup) == [
        [
            "AI Webinar",
            "Thu 6 May 2027, 14:00 CEST",
            "Thu 6 May 2027, 15:00 CEST",
            "Webinar",
            "",
            "English",
            "live",
        ],
        [
            "Smart City Forum",
            "Thu 13 May 2027, 09:00 CEST",
            "Thu 13 May 2027, 17:00 CEST",
            "Forum",
            "",
            "English",
            "live",
        ],
        [
            "↳ Mission to Kyiv",
            "Fri 14 May 2027, 09:00 EEST",
            "Fri 14 May 2027, 18:00 EEST",
            "Expert mission",
            "Smart City Forum",
            "English",
            "live",
        ],
        [
            "↳ Mission to Brno",
            "Sat 15 May 2027, 08:00 CEST",
            "Sun 16 May 2027, 17:00 CEST",
            "Expert mission",
            "Smart City Forum",
            "English",
            "live",
        ],
        [
            "Fórum chytrých měst",
            "Thu 13 May 2027, 09:00 CEST",
            "Thu 13 May 2027, 17:00 CEST",
            "Forum",
            "",
            "Czech",
            "live",
        ],
        [
            "↳ Mise do Brna",
            "Sat 15 May 2027, 08:00 CEST",
            "Sun 16 May 2027, 17:00 CEST",
            "Expert mission",
            "Fórum chytrých měst",
            "Czech",
            "live",
        ],
        [
            "Draft webinar",
            "Tue 1 Jun 2027, 10:00 CEST",
            "Tue 1 Jun 2027, 11:00 CEST",
            "Webinar",
            "",
            "English",
            "draft",
        ],
        [
            "Cyber Fair",
            "Tue 20 Apr 2027, 09:00 CEST",
            "Thu 22 Apr 2027, 17:00 CEST",
            "Trade fair or business mission",
            "",
            "English",
            "live",
        ],
    ]
    # The title links to the editor.
    links = [a["href"] for a in soup.select("table.listing tbody td.title a")]
    assert links[:2] == [
        f"/admin/pages/{events['webinar'].pk}/edit/",
        f"/admin/pages/{events['forum'].pk}/edit/",
    ]

    # A column's header sorts by that column alone: nothing is nested.
    assert titles(get_listing(editor, "?ordering=-start")) == [
        "Draft webinar",
        "Mission to Brno",
        "Mise do Brna",
        "Mission to Kyiv",
        "Smart City Forum",
        "Fórum chytrých měst",
        "AI Webinar",
        "Cyber Fair",
    ]


# Query string -> titles listed, with the events of the `events` fixture at NOW.
FILTERS = {
    "?kind=expert_mission": ["Mission to Kyiv", "Mission to Brno", "Mise do Brna"],
    "?kind=forum&kind=webinar": [
        "AI Webinar",
        "Smart City Forum",
        "Fórum chytrých měst",
        "Draft webinar",
    ],
    "?locale=cs": ["Fórum chytrých měst", "↳ Mise do Brna"],
    "?locale=en&kind=forum": ["Smart City Forum"],
    "?when=past": ["Cyber Fair"],
    "?when=upcoming": [
        "AI Webinar",
        "Smart City Forum",
        "↳ Mission to Kyiv",
        "↳ Mission to Brno",
        "Fórum chytrých měst",
        "↳ Mise do Brna",
        "Draft webinar",
    ],
    "?when=upcoming&kind=webinar": ["AI Webinar", "Draft webinar"],
}
# Searches sorted by a column: query string -> titles listed.
SEARCHES = {
    "?q=mission&ordering=start": ["Mission to Kyiv", "Mission to Brno"],
    "?q=mission&ordering=-end": ["Mission to Brno", "Mission to Kyiv"],
    "?q=mission&when=past": [],
    "?q=webinar&kind=webinar&ordering=-start": ["Draft webinar", "AI Webinar"],
}
# Searches in the order of relevance, also when asked for an order search results cannot have.
RELEVANCE_SEARCHES = ["?q=mission", "?q=mission&ordering=grouped", "?q=mission&ordering=locale"]
# Values a filter does not know: each is shown as the filter's error and filters nothing.
WRONG_FILTERS = ["?part_of=999999", "?part_of=forum", "?kind=party", "?when=soon"]


def test_filters_and_search(editor, events):
    # One test for every filter and search: the events take seconds to make.
    listed = {query: titles(get_listing(editor, query)) for query in FILTERS}
    assert listed == FILTERS

    searched = {query: titles(get_listing(editor, query)) for query in SEARCHES}
    assert searched == SEARCHES
    for query in RELEVANCE_SEARCHES:
        assert sorted(titles(get_listing(editor, query))) == ["Mission to Brno", "Mission to Kyiv"]
    # Search results name their forum too.
    assert rows(get_listing(editor, "?q=mise&locale=cs")) == [
        [
            "Mise do Brna",
            "Sat 15 May 2027, 08:00 CEST",
            "Sun 16 May 2027, 17:00 CEST",
            "Expert mission",
            "Fórum chytrých měst",
            "Czech",
            "live",
        ]
    ]
    forum = events["forum"].pk
    assert titles(get_listing(editor, f"?q=mission&part_of={forum}&ordering=start")) == [
        "Mission to Kyiv",
        "Mission to Brno",
    ]

    # A forum's parts in every locale (the Czech one links to the English forum).
    soup = get_listing(editor, f"?part_of={events['forum'].pk}")

    assert titles(soup) == ["Mission to Kyiv", "Mission to Brno", "Mise do Brna"]
    options = [(o["value"], text(o)) for o in soup.select("select[name=part_of] option")]
    # Only events that have parts, each copy named with its language.
    assert options == [
        ("", "---------"),
        (str(events["forum"].pk), "Smart City Forum (English)"),
        (str(events["cs_forum"].pk), "Fórum chytrých měst (Czech)"),
    ]

    for query in WRONG_FILTERS:
        soup = get_listing(editor, query)

        assert len(rows(soup)) == 8, query
        errors = [text(error) for error in soup.select("[data-field-errors] .error-message")]
        assert len(errors) == 1 and errors[0].startswith("Select a valid choice."), query


def test_upcoming_and_past_follow_the_clock(editor, events, clock):
    # The forum is over, its Kyiv mission under way, its Brno mission ahead.
    clock.move_to(at(14, 12))

    assert titles(get_listing(editor, "?when=upcoming")) == [
        "Mission to Kyiv",
        "Mission to Brno",
        "Mise do Brna",
        "Draft webinar",
    ]
    assert titles(get_listing(editor, "?when=past")) == [
        "Smart City Forum",
        "Fórum chytrých měst",
        "AI Webinar",
        "Cyber Fair",
    ]
    # Unfiltered, the forum stays among the upcoming events until its last mission has ended.
    assert titles(get_listing(editor)) == [
        "Smart City Forum",
        "↳ Mission to Kyiv",
        "↳ Mission to Brno",
        "Fórum chytrých měst",
        "↳ Mise do Brna",
        "Draft webinar",
        "AI Webinar",
        "Cyber Fair",
    ]

    clock.move_to(at(16, 20))
    assert titles(get_listing(editor)) == [
        "Draft webinar",
        "Smart City Forum",
        "↳ Mission to Kyiv",
        "↳ Mission to Brno",
        "Fórum chytrých měst",
        "↳ Mise do Brna",
        "AI Webinar",
        "Cyber Fair",
    ]


def test_translators_see_only_the_events_of_their_locale(client, events):
    czech = get_listing(log_in(client, "Translators (cs)"))

    assert rows(czech) == [
        [
            "Fórum chytrých měst",
            "Thu 13 May 2027, 09:00 CEST",
            "Thu 13 May 2027, 17:00 CEST",
            "Forum",
            "",
            "Czech",
            "live",
        ],
        [
            "↳ Mise do Brna",
            "Sat 15 May 2027, 08:00 CEST",
            "Sun 16 May 2027, 17:00 CEST",
            "Expert mission",
            "Fórum chytrých měst",
            "Czech",
            "live",
        ],
    ]
    # Nor are the English forums offered as a filter.
    options = [text(o) for o in czech.select("select[name=part_of] option")]
    assert options == ["---------", "Fórum chytrých měst (Czech)"]

    # There are no Ukrainian events.
    ukrainian = get_listing(log_in(client, "Translators (uk)"))
    assert headers(ukrainian)[2:] == HEADERS[2:]
    assert rows(ukrainian) == []


def test_without_page_permissions_there_is_no_listing_and_no_menu_item(client, db):
    user = UserFactory()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)

    response = client.get(LISTING_URL)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert f'"{LISTING_URL}"' not in client.get("/admin/").content.decode()


def test_the_menu_links_the_listing_and_add_opens_the_form_in_the_locale(client, locales):
    client.force_login(UserFactory(groups=["Editors"]))

    assert f'"{LISTING_URL}"' in client.get("/admin/").content.decode()
    for code in ("en", "cs"):
        index = EventIndexPage.objects.get(locale=locales[code])
        response = client.get(f"{LISTING_URL}choose_parent/?locale={code}")
        assert response["Location"] == f"/admin/pages/add/events/eventpage/{index.pk}/"


@pytest.mark.parametrize("count", [3, 10])
def test_the_query_count_does_not_grow_with_the_events(
    editor, no_demo_events, count, django_assert_num_queries
):
    forum = EventPageFactory(title="Forum", start=at(10, 8), end=at(10, 16))
    for number in range(1, count):
        EventPageFactory(
            kind="expert_mission" if number % 2 else "webinar",
            parent_event=forum if number % 2 else None,
            start=at(10 + number, 8),
            end=at(10 + number, 16),
        )

    get_listing(editor)  # a running server has Wagtail's site root paths cached already
    with django_assert_num_queries(23):
        soup = get_listing(editor)
    assert len(rows(soup)) == count


def test_the_event_editor_labels_fields_for_editors(client, db):
    client.force_login(UserFactory(groups=["Editors"]))
    event = EventPage.objects.filter(locale__language_code="en").first()

    soup = BeautifulSoup(client.get(f"/admin/pages/{event.pk}/edit/").content, "html.parser")

    labels = field_labels(soup)
    assert {"Type", "Start", "End", "Time zone", "Part of", "Online link", "Registration link"} <= (
        labels
    )
    assert not {"Kind", "Parent event", "Online url", "Registration url"} & labels
    help_texts = [text(element) for element in soup.select("[data-field-help]")]
    assert (
        "The larger event this one is part of, e.g. the forum a workshop belongs to or the "
        "expert mission a forum is held during; empty for an event on its own." in help_texts
    )
    buttons = {text(button) for button in soup.select("button")}
    assert {"Add topic", "Add organiser", "Add speaker", "Add participant"} <= buttons


def test_the_person_editor_calls_the_title_full_name(client, db):
    client.force_login(UserFactory(groups=["Editors"]))
    person = PersonPage.objects.filter(locale__language_code="en").first()

    soup = BeautifulSoup(client.get(f"/admin/pages/{person.pk}/edit/").content, "html.parser")

    labels = field_labels(soup)
    assert {"Full name", "Link text", "Web address"} <= labels
    assert "Title" not in labels
    assert soup.select_one("#id_title")["placeholder"] == "Full name*"
