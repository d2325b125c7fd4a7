"""load_demo_content builds the network's site from the seed, in en, cs and uk, idempotently."""

import datetime as dt
import io
import zoneinfo

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from events.models import EventPage
from home.demo import content
from home.models import HomePage, NewsPage, Topic
from people.models import Award, Organisation, PersonPage

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
LOCALES = ["en", "cs", "uk"]


def expected_paths(code: str) -> set[str]:
    """Every page path of one locale, from the slugs the demo text gives for that locale."""

    def slug(text):
        return text.in_locale(code)

    home = f"/{slug(content.HOME_SLUG)}/"
    who, memorandum = content.STANDARD_PAGES
    paths = {
        home,
        f"{home}{slug(who['slug'])}/",
        f"{home}{slug(who['slug'])}/{slug(memorandum['slug'])}/",
    }
    for index, items in (
        (content.NEWS_INDEX, content.NEWS),
        (content.EVENT_INDEX, content.EVENTS),
        (content.PEOPLE_INDEX, content.PEOPLE),
    ):
        index_path = f"{home}{slug(index['slug'])}/"
        paths.add(index_path)
        paths.update(f"{index_path}{slug(item['slug'])}/" for item in items)
    return paths


@pytest.mark.parametrize("code", LOCALES)
def test_tree_exists_in_each_locale(homes, code):
    home = homes[code]
    pages = Page.objects.descendant_of(home, inclusive=True)
    assert {page.url_path for page in pages} == expected_paths(code)
    assert len(expected_paths(code)) == 24
    assert all(page.live for page in pages)
    assert home.get_parent().is_root()


def test_site_points_at_the_english_home(homes):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == homes["en"].id
    assert site.site_name == "Czech–Ukrainian Digital Innovation"
    # Wagtail's placeholder 'Welcome' page is gone: only the three locale homes sit at the root.
    assert {page.specific_class for page in Page.get_first_root_node().get_children()} == {HomePage}
    assert Page.get_first_root_node().get_children().count() == 3


# (English slug, kind, start, end in Prague time, English city, English slug of the parent event)
EXPECTED_EVENTS = [
    (
        "ai-expert-mission-2024",
        "expert_mission",
        (2024, 4, 22, 9),
        (2024, 4, 26, 17),
        "Prague",
        None,
    ),
    (
        "ai-forum-cz-ua-2024",
        "forum",
        (2024, 4, 24, 9),
        (2024, 4, 24, 13),
        "Prague",
        "ai-expert-mission-2024",
    ),
    (
        "ai-networking-event-2024",
        "other",
        (2024, 4, 24, 14),
        (2024, 4, 24, 18),
        "Prague",
        "ai-expert-mission-2024",
    ),
    (
        "smart-cities-expert-mission-2023",
        "expert_mission",
        (2023, 4, 24, 9),
        (2023, 4, 28, 17),
        "Prague",
        None,
    ),
    (
        "smart-cities-forum-cz-ua-2023",
        "forum",
        (2023, 4, 26, 9),
        (2023, 4, 26, 16),
        "Prague",
        "smart-cities-expert-mission-2023",
    ),
    (
        "smart-industry-expert-mission-2023",
        "expert_mission",
        (2023, 4, 24, 9),
        (2023, 4, 28, 17),
        "Brno",
        None,
    ),
    (
        "smart-industry-forum-cz-ua-2023",
        "forum",
        (2023, 10, 12, 9),
        (2023, 10, 12, 16),
        "Brno",
        "smart-industry-expert-mission-2023",
    ),
    (
        "cybersecurity-expert-mission-2023",
        "expert_mission",
        (2023, 11, 27, 9),
        (2023, 12, 1, 17),
        "Brno",
        None,
    ),
    (
        "cybersecurity-forum-cz-ua-2023",
        "forum",
        (2023, 11, 29, 9),
        (2023, 11, 29, 16),
        "Brno",
        "cybersecurity-expert-mission-2023",
    ),
    (
        "uca-business-mission-msv-brno-2022",
        "trade_fair",
        (2022, 10, 5, 9),
        (2022, 10, 7, 17),
        "Brno",
        None,
    ),
    (
        "smart-city-smart-region-webinar-2023",
        "webinar",
        (2023, 2, 3, 10),
        (2023, 2, 3, 12),
        "Online",
        None,
    ),
]


def prague(parts):
    return dt.datetime(*parts, tzinfo=PRAGUE)


def test_english_events_have_the_dates_and_places_of_the_seed(locales):
    events = EventPage.objects.filter(locale=locales["en"]).select_related("parent_event")
    actual = sorted(
        (
            event.slug,
            event.kind,
            event.start,
            event.end,
            event.city,
            event.parent_event.slug if event.parent_event else None,
        )
        for event in events
    )
    expected = sorted(
        (slug, kind, prague(start), prague(end), city, parent)
        for slug, kind, start, end, city, parent in EXPECTED_EVENTS
    )
    assert actual == expected
    assert all(event.time_zone == "Europe/Prague" for event in events)


def test_czech_ai_forum_is_a_translation_with_synchronised_facts(locales):
    forum = EventPage.objects.get(locale=locales["cs"], url_path="/cs/akce/ai-forum-cz-ua-2024/")
    english = forum.get_translation(locales["en"])
    assert forum.title == "AI fórum CZ-UA 2024"
    assert forum.city == "Praha"
    assert forum.venue == "Ministerstvo průmyslu a obchodu ČR, budova Na Františku"
    assert forum.address == "Na Františku 32, 110 15 Praha 1, Česká republika"
    assert (forum.start, forum.end) == (english.start, english.end)
    assert forum.start == prague((2024, 4, 24, 9))
    assert forum.kind == "forum"
    # Snippet relations point at the Czech snippets; page relations follow the source page.
    assert [item.topic.name for item in forum.topics.all()] == ["Umělá inteligence"]
    assert [item.organisation.name for item in forum.organisers.all()] == [
        "Ministerstvo průmyslu a obchodu České republiky",
        "Ukrajinská klastrová aliance",
    ]
    assert forum.parent_event.translation_key == english.parent_event.translation_key
    assert [item.person.translation_key for item in forum.speakers.all()] == [
        item.person.translation_key for item in english.speakers.all()
    ]
    agenda_titles = [item.value["title"] for item in forum.programme]
    assert agenda_titles == [
        "Zahájení a přivítání",
        "Panel: AI v českých a ukrajinských firmách",
        "B2B jednání",
    ]


def test_ukrainian_home_page_text(homes):
    home = homes["uk"]
    assert home.title == "Чесько-українська співпраця у сфері цифрових інновацій"
    headings = [block.value["text"] for block in home.body if block.block_type == "heading"]
    assert headings == ["З чого ми почали?", "Що відбувається зараз?"]
    assert [item.news.translation_key for item in home.featured_news.all()] == [
        NewsPage.objects.get(slug="professionals4ukraine-award").translation_key,
        NewsPage.objects.get(slug="smart-city-smart-region-webinar").translation_key,
    ]
    assert home.featured_events.count() == 2


EXPECTED_TOPICS = {
    "en": {
        "Artificial Intelligence",
        "Smart Cities-Regions-Communities",
        "Smart Industry",
        "Cybersecurity",
    },
    "cs": {
        "Umělá inteligence",
        "Chytrá města, regiony a komunity",
        "Chytrý průmysl",
        "Kybernetická bezpečnost",
    },
    "uk": {
        "Штучний інтелект",
        "Розумні міста, регіони та громади",
        "Розумна промисловість",
        "Кібербезпека",
    },
}


@pytest.mark.parametrize("code", LOCALES)
def test_snippets_exist_and_are_live_in_each_locale(locales, code):
    locale = locales[code]
    topics = Topic.objects.filter(locale=locale)
    assert {topic.name for topic in topics} == EXPECTED_TOPICS[code]
    assert {topic.slug for topic in topics} == {
        "artificial-intelligence",
        "smart-cities-regions-communities",
        "smart-industry",
        "cybersecurity",
    }
    organisations = Organisation.objects.filter(locale=locale)
    assert sorted((org.kind, org.country.code) for org in organisations) == [
        ("member", "CZ"),
        ("partner", "CZ"),
        ("signatory", "CZ"),
        ("signatory", "UA"),
    ]
    award = Award.objects.get(locale=locale)
    assert award.awarded_by.locale == locale
    assert (
        award.awarded_by.translation_key
        == Organisation.objects.get(locale=locales["en"], short_name="UCA").translation_key
    )
    assert all(obj.live for obj in [*topics, *organisations, award])


@pytest.mark.parametrize(
    ("code", "marker", "note"),
    [
        ("en", "(sample)", "Fictional sample profile of the demo site"),
        ("cs", "(ukázka)", "Smyšlený ukázkový profil demo webu"),
        ("uk", "(зразок)", "Вигаданий зразковий профіль демонстраційного сайту"),
    ],
)
def test_people_are_fictional_and_say_so(locales, code, marker, note):
    people = PersonPage.objects.filter(locale=locales[code])
    assert people.count() == 3
    for person in people:
        assert person.title.endswith(marker)
        assert note in person.biography
        profiles = list(person.award_profiles.all())
        assert [(profile.award.locale_id, profile.year) for profile in profiles] == [
            (locales[code].id, 2022)
        ]


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            Image,
            Topic,
            Organisation,
            Award,
            TranslationSource,
            Translation,
            StringTranslation,
        )
    }


def test_second_run_changes_nothing_and_says_so(db, demo_load_output):
    assert (
        "Created: 1 award, 1 featured items, 12 image, 4 organisation, 24 page" in demo_load_output
    )
    before = counts()
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    assert counts() == before
    text = output.getvalue()
    assert "Demo content already present; nothing changed." in text
    assert "  + " not in text
    # The closing summary: live/all per locale for each page type and snippet.
    assert "  event pages" in text and "11/11     11/11     11/11" in text
    assert "  topics" in text and "4/4       4/4       4/4" in text


def test_if_empty_leaves_an_existing_site_alone(db):
    before = counts()
    output = io.StringIO()
    call_command("load_demo_content", "--if-empty", stdout=output)
    assert counts() == before
    assert "The site already has content; demo content not loaded." in output.getvalue()
