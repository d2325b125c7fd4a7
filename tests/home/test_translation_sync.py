"""After the English source changes and translations are synced, synchronised fields follow the
source, translated text stays translated, and an image a translator overrode stays theirs."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from events.models import EventPage
from tests.factories import UserFactory

NEW_SUMMARY = "The forum moves by one day; the programme stays the same."
NEW_PARAGRAPH = "<p>Bring your passport: the building asks for it at the entrance.</p>"


@pytest.fixture
def english_forum(locales):
    return EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")


@pytest.fixture
def ukrainian_override_image(english_forum, locales):
    """A Ukrainian translator swaps the forum's picture for one with Ukrainian text in it."""
    source = TranslationSource.objects.get(object_id=english_forum.translation_key)
    segment = OverridableSegment.objects.get(source=source, context__path="main_image")
    image = Image.objects.get(title="Demo: Cybersecurity")
    SegmentOverride.objects.create(
        locale=locales["uk"], context=segment.context, data_json=json.dumps(image.pk)
    )
    source.translations.get(target_locale=locales["uk"]).save_target(publish=True)
    return image


def test_sync_follows_the_source_and_keeps_translations(
    client, locales, english_forum, ukrainian_override_image
):
    original_image = english_forum.main_image
    czech_before = english_forum.get_translation(locales["cs"])
    assert czech_before.summary.startswith("Česko-ukrajinské fórum o umělé inteligenci")

    # The editor changes the English event: new dates, a new summary, one more paragraph.
    english_forum.start += dt.timedelta(days=1)
    english_forum.end += dt.timedelta(days=1)
    english_forum.summary = NEW_SUMMARY
    english_forum.body.append(("paragraph", NEW_PARAGRAPH))
    english_forum.save_revision().publish()

    # ...and syncs the translations from the admin, publishing them.
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    source = TranslationSource.objects.get(object_id=english_forum.translation_key)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    assert response.status_code == 302

    czech = EventPage.objects.get(pk=czech_before.pk)
    ukrainian = english_forum.get_translation(locales["uk"])

    # Synchronised fields follow the source.
    assert (czech.start, czech.end) == (english_forum.start, english_forum.end)
    assert czech.start.date() == dt.date(2024, 4, 25)
    assert czech.main_image == original_image
    # Translated text stays translated.
    assert czech.title == "AI fórum CZ-UA 2024"
    assert czech.venue == "Ministerstvo průmyslu a obchodu ČR, budova Na Františku"
    assert [item.value["title"] for item in czech.programme][0] == "Zahájení a přivítání"
    assert ukrainian.title == "AI-форум CZ-UA 2024"
    # New source text waits for its translation, shown in English meanwhile; the paragraph
    # translated before stays translated.
    assert czech.summary == NEW_SUMMARY
    paragraphs = [block.value.source for block in czech.body if block.block_type == "paragraph"]
    assert paragraphs[0].startswith("<p>Fórum propojilo české a ukrajinské firmy")
    assert paragraphs[1:] == [NEW_PARAGRAPH]
    # The Ukrainian translator's own picture survives the sync.
    assert ukrainian.main_image == ukrainian_override_image
    assert ukrainian.start == english_forum.start
