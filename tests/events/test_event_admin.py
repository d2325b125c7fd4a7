"""An editor creates an event in the admin; a wrong date is a form error, nothing is lost."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventIndexPage, EventPage
from tests.factories import UserFactory


def event_form(**overrides):
    data = {
        "title": "Smart City Forum CZ-UA 2027",
        "slug": "smart-city-forum-cz-ua-2027",
        "kind": "forum",
        "start": "2027-05-20 09:00",
        "end": "2027-05-20 16:00",
        "time_zone": "Europe/Prague",
        "city": "Brno",
        "venue": "",
        "address": "",
        "online_url": "",
        "registration_url": "https://example.com/register",
        "summary": "A forum on smart cities.",
        "topics": inline_formset([]),
        "organisers": inline_formset([]),
        "speakers": inline_formset([]),
        "participants": inline_formset([]),
        "programme": streamfield([]),
        "body": streamfield([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def add_url(locales):
    index = EventIndexPage.objects.get(locale=locales["en"])
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])


def test_event_ending_before_it_starts_is_a_form_error(admin_client, add_url):
    response = admin_client.post(add_url, event_form(end="2027-05-19 16:00"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["end"] == ["The event cannot end before it starts."]
    # What the editor typed is still in the form.
    assert form.data["title"] == "Smart City Forum CZ-UA 2027"
    assert not EventPage.objects.filter(slug="smart-city-forum-cz-ua-2027").exists()


def test_valid_event_is_created_and_published(admin_client, add_url):
    response = admin_client.post(add_url, event_form())
    assert response.status_code == 302
    event = EventPage.objects.get(slug="smart-city-forum-cz-ua-2027")
    assert event.live
    assert event.locale.language_code == "en"
    assert event.start.isoformat() == "2027-05-20T07:00:00+00:00"
