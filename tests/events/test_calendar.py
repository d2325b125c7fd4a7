"""The iCalendar exports, parsed back the way a calendar application reads them."""

import datetime as dt
import zoneinfo

import icalendar
import pytest
from wagtail.models import Page

from tests.factories import EventPageFactory

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")

ICS_URL = """
query IcsUrl($path: String!) {
  event(path: $path) { title icsUrl }
}
"""

AI_FORUM_CS = {
    "SUMMARY": "AI fórum CZ-UA 2024",
    "DESCRIPTION": "Česko-ukrajinské fórum o umělé inteligenci na Ministerstvu průmyslu a "
    "obchodu v Praze, součást expertní mise o AI.",
    "LOCATION": "Ministerstvo průmyslu a obchodu ČR, budova Na Františku, Na Františku 32, "
    "110 15 Praha 1, Česká republika",
    "URL": "https://example.org/cs/akce/ai-forum-cz-ua-2024/",
}

CS_TITLES_SOONEST_FIRST = [
    "Obchodní mise UCA na Mezinárodní strojírenský veletrh",
    "Smart City & Smart Region: příprava na obnovu Ukrajiny",
]


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def by_summary(calendar) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def texts(event, *names) -> dict[str, str]:
    return {name: str(event[name]) for name in names}


@pytest.fixture
def frontend(settings):
    settings.FRONTEND_BASE_URLS = {"cs": "https://example.org/cs/", "uk": "https://example.org/uk"}


def test_czech_feed_has_every_czech_event_with_time_zone_location_and_url(client, db, frontend):
    calendar = parse(client.get("/events/calendar.ics?locale=cs"))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Czech–Ukrainian Digital Innovation – Akce"
    # The demo's webinar given from Kyiv is in Kyiv time.
    assert sorted(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")) == [
        "Europe/Kyiv",
        "Europe/Prague",
    ]
    events = calendar.walk("VEVENT")
    assert len(events) == 17
    assert [str(event["SUMMARY"]) for event in events][:2] == CS_TITLES_SOONEST_FIRST
    starts = [event.decoded("DTSTART") for event in events]
    assert starts == sorted(starts)

    forum = by_summary(calendar)["AI fórum CZ-UA 2024"]
    assert texts(forum, *AI_FORUM_CS) == AI_FORUM_CS
    assert forum["SUMMARY"].params["LANGUAGE"] == "cs"
    assert forum["DTSTART"].params["TZID"] == "Europe/Prague"
    start, end = forum.decoded("DTSTART"), forum.decoded("DTEND")
    assert start == dt.datetime(2024, 4, 24, 9, 0, tzinfo=PRAGUE)
    assert end == dt.datetime(2024, 4, 24, 13, 0, tzinfo=PRAGUE)
    assert start.utcoffset() == dt.timedelta(hours=2)
    forum_key = Page.objects.get(
        url_path__endswith="/ai-forum-cz-ua-2024/", locale__language_code="cs"
    ).translation_key
    assert str(forum["UID"]) == f"event-{forum_key}-cs@127.0.0.1"
    # Each language version is its own calendar entry, stable across exports.
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == 17
    again = parse(client.get("/events/calendar.ics?locale=cs"))
    assert [str(event["UID"]) for event in again.walk("VEVENT")] == uids


def test_ukrainian_feed_is_in_ukrainian(client, db, frontend):
    calendar = parse(client.get("/events/calendar.ics?locale=uk"))
    forum = by_summary(calendar)["AI-форум CZ-UA 2024"]
    assert forum["SUMMARY"].params["LANGUAGE"] == "uk"
    assert str(forum["URL"]) == "https://example.org/uk/podii/ai-forum-cz-ua-2024/"
    assert len(calendar.walk("VEVENT")) == 17


def test_default_locale_feed_has_no_url_without_a_frontend_base(client, db):
    calendar = parse(client.get("/events/calendar.ics"))
    forum = by_summary(calendar)["AI Forum CZ-UA 2024"]
    assert "URL" not in forum
    assert forum["SUMMARY"].params["LANGUAGE"] == "en"


def test_unknown_locale_is_not_found(client, db):
    response = client.get("/events/calendar.ics?locale=de")
    assert response.status_code == 404


def test_one_event_as_ics_in_its_own_time_zone(client, db, frontend, graphql, page_id):
    event = EventPageFactory(
        title="Kyiv meetup",
        slug="kyiv-meetup",
        time_zone="Europe/Kyiv",
        start=dt.datetime(2030, 3, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Kyiv")),
        end=dt.datetime(2030, 3, 1, 12, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Kyiv")),
        venue="Unit City",
        address="Dorohozhytska St 3",
        city="Kyiv",
        online_url="https://example.com/join",
        registration_url="https://example.com/register",
    )
    response = client.get(f"/events/{event.pk}.ics")
    assert response["Content-Disposition"] == 'inline; filename="kyiv-meetup.ics"'
    calendar = parse(response)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Kyiv"]
    [vevent] = calendar.walk("VEVENT")
    assert texts(vevent, "SUMMARY", "DESCRIPTION", "LOCATION") == {
        "SUMMARY": "Kyiv meetup",
        "DESCRIPTION": "An event made by a test.\n\nhttps://example.com/join\n\n"
        "https://example.com/register",
        "LOCATION": "Unit City, Dorohozhytska St 3, Kyiv",
    }
    assert vevent["DTSTART"].params["TZID"] == "Europe/Kyiv"
    assert vevent.decoded("DTSTART").isoformat() == "2030-03-01T10:00:00+02:00"
    assert vevent.decoded("DTEND").isoformat() == "2030-03-01T12:30:00+02:00"
    event.refresh_from_db()
    assert vevent.decoded("LAST-MODIFIED") == event.last_published_at.replace(microsecond=0)

    assert graphql(ICS_URL, {"path": "/en/events/kyiv-meetup/"})["data"] == {
        "event": {"title": "Kyiv meetup", "icsUrl": f"http://testserver/events/{event.pk}.ics"}
    }
    forum_uk = page_id("/uk/podii/ai-forum-cz-ua-2024/")
    assert graphql(ICS_URL, {"path": "/uk/podii/ai-forum-cz-ua-2024/"})["data"] == {
        "event": {
            "title": "AI-форум CZ-UA 2024",
            "icsUrl": f"http://testserver/events/{forum_uk}.ics",
        }
    }
    forum = by_summary(parse(client.get(f"/events/{forum_uk}.ics")))
    assert list(forum) == ["AI-форум CZ-UA 2024"]


def test_invisible_events_are_in_no_export(client, db):
    draft = EventPageFactory(title="Soon unpublished", slug="soon-unpublished")
    draft.unpublish()
    future = EventPageFactory(title="Not yet", slug="not-yet")
    future.go_live_at = future.start  # scheduled: not visible before it goes live
    future.save()
    titles = set(by_summary(parse(client.get("/events/calendar.ics?locale=en"))))
    assert "Soon unpublished" not in titles and "Not yet" not in titles
    # The demo's 17 visible English events; its scheduled announcement is not there either.
    assert "AI Forum CZ-UA: the next edition" not in titles
    assert len(titles) == 17
    assert client.get(f"/events/{draft.pk}.ics").status_code == 404
    assert client.get(f"/events/{future.pk}.ics").status_code == 404
    assert client.get("/events/999999.ics").status_code == 404
