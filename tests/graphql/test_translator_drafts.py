"""A translator's saved draft never reaches the public, although wagtail-localize writes it into
the live page's row: the API answers from the live revision."""

from wagtail_localize.models import StringSegment, StringTranslation, Translation

from events.models import EventPage
from people.models import PersonPage

EVENT = """
query { event(path: "/cs/akce/ai-forum-cz-ua-2024/") { title summary } }
"""
# The latest of the network's own forums (the demo's current ones start later).
LISTING = """
query { events(locale: "cs", filters: {kind: FORUM, startsBefore: "2025-01-01T00:00:00Z"},
               pagination: {limit: 1}) {
  results { title summary } } }
"""
PERSON = """
query { person(path: "/uk/ambasadory/yana-ukazkova-zrazok/") {
  name links { label } awardProfiles { citation } } }
"""


def save_translator_draft(english, locale, changes: dict[str, str]):
    """What the translation editor does when a translator changes strings and saves a draft."""
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=locale
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in changes:
            StringTranslation.objects.filter(
                translation_of=segment.string, context=segment.context, locale=locale
            ).update(data=changes[segment.string.data])
    translation.save_target(publish=False)


def test_draft_of_a_live_translation_stays_private(graphql, locales):
    english = EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")
    save_translator_draft(
        english,
        locales["cs"],
        {english.title: "KONCEPT titulku", english.summary: "KONCEPT shrnutí"},
    )
    row = EventPage.objects.get(locale=locales["cs"], slug="ai-forum-cz-ua-2024")
    # The premise: the draft really sits in the live row.
    assert row.title == "KONCEPT titulku"
    assert row.has_unpublished_changes

    published = {
        "title": "AI fórum CZ-UA 2024",
        "summary": "Česko-ukrajinské fórum o umělé inteligenci na Ministerstvu průmyslu a "
        "obchodu v Praze, součást expertní mise o AI.",
    }
    assert graphql(EVENT)["data"] == {"event": published}
    assert graphql(LISTING)["data"] == {"events": {"results": [published]}}


def test_draft_inline_texts_stay_private(graphql, locales):
    english = PersonPage.objects.get(locale=locales["en"], slug="jana-ukazkova-sample")
    citation = english.award_profiles.get().citation
    save_translator_draft(english, locales["uk"], {"Website": "ЧЕРНЕТКА", citation: "ЧЕРНЕТКА"})
    assert graphql(PERSON)["data"] == {
        "person": {
            "name": "Яна Указкова (зразок)",
            "links": [{"label": "Вебсайт"}],
            "awardProfiles": [
                {
                    "citation": "За поєднання українських і чеських промислових кластерів "
                    "у перші місяці війни."
                }
            ],
        }
    }
