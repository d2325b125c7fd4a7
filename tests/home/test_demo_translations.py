"""Every cs and uk demo page and snippet is a live wagtail-localize translation of its source,
except the pages the demo leaves in another state on purpose (tests/home/test_demo_content.py)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from events.models import EventIndexPage, EventPage
from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage, Topic
from people.models import Award, Organisation, PeopleIndexPage, PersonPage

TRANSLATED_MODELS = [
    HomePage,
    StandardPage,
    NewsIndexPage,
    NewsPage,
    EventIndexPage,
    EventPage,
    PeopleIndexPage,
    PersonPage,
    Topic,
    Organisation,
    Award,
]

# English slugs of the pages in another state: scheduled (not translated), expired (not live),
# in progress, machine-translated, outdated. (The topic awaiting review keeps its live
# translation; its draft is checked in test_demo_content.py.)
PAGES_IN_ANOTHER_STATE = [
    "ai-forum-cz-ua-next",
    "call-for-ukrainian-experts",
    "uca-business-mission-industry-4-0",
    "ai-in-public-services-webinar",
    "b2b-matchmaking-digital-innovation",
]


def text_values(obj) -> dict[str, str]:
    """The translatable text of an object, field by field."""
    values = {}
    for field in get_translatable_fields(type(obj)):
        if not field.is_translated(obj):
            continue
        model_field = obj._meta.get_field(field.field_name)
        if isinstance(model_field, StreamField):
            values[field.field_name] = str(getattr(obj, field.field_name).raw_data)
        elif isinstance(model_field, models.CharField | models.TextField | RichTextField):
            values[field.field_name] = getattr(obj, field.field_name)
    return values


@pytest.mark.parametrize("model", TRANSLATED_MODELS, ids=lambda model: model.__name__)
@pytest.mark.parametrize("code", ["cs", "uk"])
def test_each_translation_is_made_with_wagtail_localize(locales, model, code):
    source_locale, target_locale = locales["en"], locales[code]
    english_objects = model.objects.filter(locale=source_locale)
    if issubclass(model, Page):
        english_objects = english_objects.exclude(slug__in=PAGES_IN_ANOTHER_STATE)
    assert english_objects.exists()
    for english in english_objects:
        translated = english.get_translation(target_locale)
        source = TranslationSource.objects.get(
            object_id=english.translation_key,
            specific_content_type=ContentType.objects.get_for_model(model),
        )
        assert source.locale == source_locale
        translation = Translation.objects.get(source=source, target_locale=target_locale)
        assert translation.enabled

        segments = StringSegment.objects.filter(source=source)
        assert segments.exists()
        # Every segment of the source has its string translated into this locale.
        for segment in segments:
            assert StringTranslation.objects.filter(
                translation_of_id=segment.string_id,
                context_id=segment.context_id,
                locale=target_locale,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            ).exists()
        assert translation.get_progress() == (segments.count(), segments.count())

        assert translated.live
        if isinstance(translated, Page):
            assert not translated.has_unpublished_changes
        english_text, translated_text = text_values(english), text_values(translated)
        assert english_text.keys() == translated_text.keys()
        differing = [name for name in english_text if english_text[name] != translated_text[name]]
        assert differing, f"{translated} has the same text as its English source"
        if isinstance(translated, Page):
            assert translated.title != english.title
