"""Event rules an editor meets as form errors, never as a crash."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from events.models import EventPage
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def test_event_cannot_end_before_it_starts():
    event = EventPageFactory.build()
    event.end = event.start - dt.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert error.value.message_dict == {"end": ["The event cannot end before it starts."]}


def test_event_cannot_be_part_of_itself():
    event = EventPageFactory()
    event.parent_event = event
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert error.value.message_dict == {"parent_event": ["An event cannot be part of itself."]}


def test_default_time_zone_is_prague():
    event = EventPageFactory()
    assert event.time_zone == "Europe/Prague"
    assert str(EventPage.objects.get(pk=event.pk).tzinfo) == "Europe/Prague"
