"""Outdated detection after a source publish, the "Translation status" report and its CSV, and
the dashboard panel of a translator."""

import csv
import io

import pytest
from django.urls import reverse

from cms.translation.report import build_rows
from events.models import EventPage
from tests.factories import EventPageFactory, UserFactory

FORUM = "AI Forum CZ-UA 2024"


@pytest.fixture
def english_forum(locales):
    return EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")


def statuses(title, locales=None):
    return {row.locale: row.status for row in build_rows(locales) if row.title == title}


def test_demo_translations_are_up_to_date_but_for_its_samples_of_each_state(db):
    """The demo leaves a few items in each other state on purpose (tests/home/
    test_demo_content.py has them all); the AI forum and everything else are up to date."""
    rows = build_rows()
    assert rows
    others = {(row.title, row.locale) for row in rows if row.status != "up to date"}
    assert len(others) == 8
    assert statuses(FORUM) == {"cs": "up to date", "uk": "up to date"}


def test_publishing_the_source_marks_translations_outdated(english_forum):
    assert statuses(FORUM) == {"cs": "up to date", "uk": "up to date"}
    english_forum.summary = "A changed English summary."
    english_forum.save_revision().publish()
    assert statuses(FORUM) == {"cs": "outdated", "uk": "outdated"}


def test_new_english_content_is_missing(db):
    event = EventPageFactory(title="A brand new forum")
    assert statuses(event.title) == {"cs": "missing", "uk": "missing"}


def test_report_filters_and_csv(client, english_forum):
    english_forum.summary = "A changed English summary."
    english_forum.save_revision().publish()
    EventPageFactory(title="A brand new forum")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("translation_status_report")

    page = client.get(url)
    assert page.status_code == 200
    assert FORUM in page.content.decode()

    response = client.get(url, {"locale": "uk", "status": "outdated", "content_type": "event page"})
    assert [(row.title, row.locale) for row in response.context["rows"]] == [
        (FORUM, "uk"),
        # The demo's own outdated translation.
        ("B2B matchmaking for Czech and Ukrainian digital companies", "uk"),
    ]

    response = client.get(url, {"locale": "cs", "status": "missing", "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode())))
    assert table[0] == ["title", "content type", "locale", "status", "percent translated"]
    assert ["A brand new forum", "event page", "cs", "missing", "0"] in table
    assert all(row[2] == "cs" and row[3] == "missing" for row in table[1:])


def test_translator_sees_only_their_locale(client, english_forum):
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    rows = client.get(reverse("translation_status_report")).context["rows"]
    assert rows and {row.locale for row in rows} == {"uk"}
    rows = client.get(reverse("translation_status_report"), {"locale": "cs"}).context["rows"]
    assert {row.locale for row in rows} == {"uk"}


def test_dashboard_panel_for_a_translator(client, english_forum):
    english_forum.summary = "A changed English summary."
    english_forum.save_revision().publish()
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-translation-status-panel" in html
    assert 'data-locale="uk"' in html and 'data-locale="cs"' not in html
    assert "status=outdated" in html


def test_translator_sees_what_changed_in_the_source(client, english_forum, locales):
    old_summary = english_forum.summary
    english_forum.summary = "A changed English summary."
    english_forum.save_revision().publish()
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    ukrainian = english_forum.get_translation(locales["uk"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[ukrainian.pk])).content.decode()
    assert 'data-changed-field="summary"' in html
    assert "<del>" + old_summary.replace("'", "&#x27;") in html
    assert "<ins>A changed English summary.</ins>" in html
