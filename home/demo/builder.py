"""Builds the demo site in English and translates it through wagtail-localize.

Every object is looked up before it is created, so a second run changes nothing. Translations are
made the way translators make them: a TranslationSource for the English object, a Translation per
target locale, a StringTranslation per segment, then the translation is saved and published.
"""

import zoneinfo
from collections import Counter
from collections.abc import Callable
from html import escape

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.graphql.images import allowed_rendition_specs
from events.models import EventIndexPage, EventPage
from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage, Topic
from people.models import Award, Organisation, PeopleIndexPage, PersonPage

from . import content as c
from .images import SQUARE, placeholder_image
from .text import T, translate

SOURCE_LOCALE = "en"
TARGET_LOCALES = ("cs", "uk")
PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")

TOPIC_COLOURS = {
    "artificial-intelligence": (88, 44, 131),
    "smart-cities-regions-communities": (0, 122, 94),
    "smart-industry": (190, 75, 20),
    "cybersecurity": (40, 40, 60),
}


def stream(blocks: list[tuple[str, T]]) -> list[tuple[str, object]]:
    """Turn (block type, text) pairs into StreamField data of the shared block library."""
    data = []
    for block_type, text in blocks:
        if block_type == "heading":
            data.append(("heading", {"text": text.en, "level": "h2"}))
        elif block_type == "paragraph":
            data.append(("paragraph", f"<p>{escape(text.en, quote=False)}</p>"))
        else:
            raise ValueError(f"Unknown demo block type {block_type!r}")
    return data


def rich_text(paragraphs: list[T]) -> str:
    return "".join(f"<p>{escape(paragraph.en, quote=False)}</p>" for paragraph in paragraphs)


def add_rows(rows, field: str, targets) -> None:
    """Fill an inline list of a page (e.g. `event.speakers`) with a row per target, in order."""
    for target in targets:
        rows.add(rows.model(**{field: target}))


class DemoBuilder:
    def __init__(self, log: Callable[[str], None]):
        self.log = log
        self.created = Counter()
        self.source_locale = Locale.objects.get(language_code=SOURCE_LOCALE)
        self.target_locales = [Locale.objects.get(language_code=code) for code in TARGET_LOCALES]
        self.images = {}
        self.topics = {}
        self.organisations = {}
        self.people = {}
        self.events = {}
        self.news = {}

    # --- entry point ------------------------------------------------------------------------

    @transaction.atomic
    def build(self) -> Counter:
        self.build_images()
        self.build_renditions()
        self.build_topics()
        self.build_organisations()
        self.build_award()
        home = self.build_home()
        self.build_standard_pages(home)
        self.section(home, PeopleIndexPage, c.PEOPLE_INDEX, c.PEOPLE, self.new_person, self.people)
        self.section(home, EventIndexPage, c.EVENT_INDEX, c.EVENTS, self.new_event, self.events)
        self.section(home, NewsIndexPage, c.NEWS_INDEX, c.NEWS, self.new_news, self.news)
        self.feature_on_home(home)
        self.point_site_at(home)
        return self.created

    # --- generic helpers --------------------------------------------------------------------

    def step(self, kind: str, label: str, created: bool):
        if created:
            self.created[kind] += 1
        self.log(f"  {'+' if created else '='} {kind}: {label}")

    def publish_snippet(self, instance):
        instance.save()
        instance.save_revision().publish()

    def publish_page(self, parent: Page, page: Page) -> Page:
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def english_snippet(self, kind: str, model, lookup: dict, /, **fields):
        """The English snippet `lookup` finds, or a new one of `lookup` and `fields`, published."""
        snippet = self.english(model, **lookup)
        created = snippet is None
        if created:
            snippet = model(**lookup, **fields, locale=self.source_locale)
            self.publish_snippet(snippet)
        return self.finish(kind, snippet, created)

    def english_page(self, parent: Page, model, data: dict, new: Callable[[dict], Page]) -> Page:
        """The English page of `data` under `parent`, or `new(data)` published there."""
        page = self.child(parent, model, data["slug"])
        created = page is None
        if created:
            page = self.publish_page(parent, new(data))
        return self.finish("page", page, created)

    def finish(self, kind: str, instance, created: bool):
        """Log the English object and make its missing translations; a page's label is its title."""
        label = str(instance)
        self.step(kind, label, created)
        self.translate(instance, label)
        return instance

    def translate(self, instance, label: str):
        """Translate an English object into cs and uk as a translator would, and publish."""
        source = None
        for locale in self.target_locales:
            if instance.has_translation(locale):
                self.step(f"translation ({locale.language_code})", label, created=False)
                continue
            if source is None:
                source, _ = TranslationSource.get_or_create_from_instance(instance)
            translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
            self.enter_string_translations(source, locale)
            self.save_translation(translation)
            self.step(f"translation ({locale.language_code})", label, created=True)

    def save_translation(self, translation: Translation):
        """Save and publish the target of `translation`, then update its reference index.

        wagtail-localize first copies the source with its inline rows (an event's speakers,
        a news item's related people…), then replaces the synchronised rows with new ones.
        Each row's save queues a reference index update of that row, and a worker that runs
        the queue later (the database task backend, `db_worker`) no longer finds the replaced
        rows: EventSpeaker.DoesNotExist, one failed task per replaced row. So no update is
        queued while the translation is saved, and one is queued for the whole object (its
        rows included) once they are final. The publication wagtail-localize runs when the
        transaction commits saves the final rows only, and queues its updates as usual.
        """
        with disable_reference_index_auto_update():
            translation.save_target(publish=True)
        target = translation.get_target_instance()
        update_reference_index_task.enqueue(
            target._meta.app_label, target._meta.model_name, str(target.pk)
        )

    def enter_string_translations(self, source: TranslationSource, locale: Locale):
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": translate(segment.string.data, locale.language_code),
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )

    def english(self, model, **lookup):
        return model.objects.filter(locale=self.source_locale, **lookup).first()

    # --- images -----------------------------------------------------------------------------

    def build_images(self):
        specs = [
            (
                "hero",
                "Demo: network banner",
                "Czech – Ukrainian\nDigital Innovation",
                (17, 69, 126),
                None,
            )
        ]
        specs += [
            (
                f"topic:{topic['slug']}",
                f"Demo: {topic['name'].en}",
                topic["name"].en,
                TOPIC_COLOURS[topic["slug"]],
                None,
            )
            for topic in c.TOPICS
        ]
        specs += [
            (
                f"person:{person['key']}",
                f"Demo portrait: {person['title'].en}",
                person["title"].en.replace(" (", "\n("),
                (90, 90, 110),
                SQUARE,
            )
            for person in c.PEOPLE
        ]
        specs += [
            (
                f"logo:{org['key']}",
                f"Demo logo: {org['name'].en}",
                org["short_name"].en or org["name"].en[:18],
                (230, 230, 235),
                SQUARE,
            )
            for org in c.ORGANISATIONS
        ]
        for key, title, label, colour, size in specs:
            image, created = placeholder_image(
                title, label, colour, **({"size": size} if size else {})
            )
            self.images[key] = image
            self.step("image", title, created)

    def build_renditions(self):
        """Every rendition the API offers exists before the first request asks for it."""
        specs = allowed_rendition_specs()
        for image in self.images.values():
            existing = set(image.renditions.values_list("filter_spec", flat=True))
            missing = [spec for spec in specs if spec not in existing]
            if missing:
                image.get_renditions(*missing)
            self.step("renditions", f"{image.title} ({len(missing)} new)", bool(missing))

    # --- snippets ---------------------------------------------------------------------------

    def build_topics(self):
        for data in c.TOPICS:
            self.topics[data["slug"]] = self.english_snippet(
                "topic",
                Topic,
                {"slug": data["slug"]},
                name=data["name"].en,
                description=data["description"].en,
            )

    def build_organisations(self):
        for data in c.ORGANISATIONS:
            self.organisations[data["key"]] = self.english_snippet(
                "organisation",
                Organisation,
                {"name": data["name"].en},
                short_name=data["short_name"].en,
                kind=data["kind"],
                country=data["country"],
                website=data["website"],
                logo=self.images[f"logo:{data['key']}"],
                description=data["description"].en,
            )

    def build_award(self):
        data = c.AWARD
        self.award = self.english_snippet(
            "award",
            Award,
            {"name": data["name"].en},
            awarded_by=self.organisations[data["awarded_by"]],
            description=data["description"].en,
        )

    # --- pages ------------------------------------------------------------------------------

    def child(self, parent: Page, model, slug: T):
        return model.objects.child_of(parent).filter(slug=slug.en).first()

    def build_home(self) -> HomePage:
        home = HomePage.objects.filter(locale=self.source_locale, depth=2).first()
        created = home is None
        if created:
            home = HomePage(
                title=c.HOME["title"].en,
                slug=c.HOME_SLUG.en,
                intro=c.HOME["intro"].en,
                hero_image=self.images["hero"],
                body=stream(c.HOME["body"]),
                locale=self.source_locale,
            )
            root = Page.get_first_root_node()
            self.remove_wagtail_welcome_page(root)
            self.publish_page(root, home)
        return self.finish("page", home, created)

    def remove_wagtail_welcome_page(self, root: Page):
        """Wagtail's first migration leaves a 'Welcome' page at the home's place; it goes."""
        welcome = root.get_children().filter(
            content_type__app_label="wagtailcore", content_type__model="page", depth=2
        )
        for page in welcome:
            Site.objects.filter(root_page=page).update(root_page=root)
            page.delete()

    def build_standard_pages(self, home: HomePage):
        pages = {}
        for data in c.STANDARD_PAGES:
            parent = pages[data["parent"]] if data["parent"] else home
            pages[data["key"]] = self.english_page(parent, StandardPage, data, self.new_standard)

    def new_standard(self, data: dict) -> StandardPage:
        return StandardPage(
            title=data["title"].en,
            slug=data["slug"].en,
            intro=data["intro"].en,
            body=stream(data["body"]),
        )

    def section(self, home: HomePage, index_model, index_data: dict, items, new, pages: dict):
        """Build an index page under the home and the pages it lists.

        Each page is in `pages` as soon as it exists, so that a later one can point to it (an
        event to its parent event).
        """

        def new_index(data):
            return index_model(title=data["title"].en, slug=data["slug"].en, intro=data["intro"].en)

        index = self.english_page(home, index_model, index_data, new_index)
        (model,) = index_model.allowed_subpage_models()
        for data in items:
            pages[data["key"]] = self.english_page(index, model, data, new)

    def new_person(self, data: dict) -> PersonPage:
        person = PersonPage(
            title=data["title"].en,
            slug=data["slug"].en,
            role=data["role"].en,
            organisation=self.organisations.get(data["organisation"]),
            country=data["country"],
            photo=self.images[f"person:{data['key']}"],
            biography=rich_text([c.FICTIONAL_NOTE, *data["biography"]]),
        )
        for url, label in data["links"]:
            person.links.add(person.links.model(url=url, label=label.en))
        for year, citation in data["awards"]:
            person.award_profiles.add(
                person.award_profiles.model(award=self.award, year=year, citation=citation.en)
            )
        return person

    def new_event(self, data: dict) -> EventPage:
        def optional(key):
            return data[key].en if key in data else ""

        event = EventPage(
            title=data["title"].en,
            slug=data["slug"].en,
            kind=data["kind"],
            start=timezone.make_aware(data["start"], PRAGUE),
            end=timezone.make_aware(data["end"], PRAGUE),
            time_zone="Europe/Prague",
            parent_event=self.events.get(data.get("parent")),
            city=optional("city"),
            venue=optional("venue"),
            address=optional("address"),
            online_url=data.get("online_url", ""),
            summary=data["summary"].en,
            main_image=self.images[f"topic:{data['topics'][0]}"],
            programme=[
                (
                    "agenda_item",
                    {
                        "start_time": item["start"],
                        "end_time": item["end"],
                        "title": item["title"].en,
                        "description": "",
                        "speakers": [self.people[key] for key in item["speakers"]],
                    },
                )
                for item in data.get("programme", [])
            ],
        )
        add_rows(event.topics, "topic", [self.topics[slug] for slug in data["topics"]])
        add_rows(
            event.organisers, "organisation", [self.organisations[k] for k in data["organisers"]]
        )
        add_rows(event.speakers, "person", [self.people[k] for k in data.get("speakers", [])])
        add_rows(
            event.participants, "person", [self.people[k] for k in data.get("participants", [])]
        )
        return event

    def new_news(self, data: dict) -> NewsPage:
        news = NewsPage(
            title=data["title"].en,
            slug=data["slug"].en,
            date=data["date"],
            summary=data["summary"].en,
            main_image=self.images[f"topic:{data['topics'][0]}" if data["topics"] else "hero"],
            body=stream(data["body"]),
        )
        add_rows(news.topics, "topic", [self.topics[slug] for slug in data["topics"]])
        add_rows(news.related_events, "event", [self.events[k] for k in data["events"]])
        add_rows(news.related_people, "person", [self.people[k] for k in data["people"]])
        return news

    def feature_on_home(self, home: HomePage):
        """Featured items point at pages made after the home page, so they are added last.

        The change is published on the English home and synchronised into its translations.
        """
        home = home.specific
        if home.featured_news.exists() or home.featured_events.exists():
            self.step("featured items", home.title, created=False)
            return
        add_rows(home.featured_news, "news", [self.news[key] for key in c.FEATURED_NEWS])
        add_rows(home.featured_events, "event", [self.events[key] for key in c.FEATURED_EVENTS])
        home.save_revision().publish()
        for locale in self.target_locales:
            translation = Translation.objects.get(
                source__object_id=home.translation_key, target_locale=locale
            )
            translation.source.update_from_db()
            self.save_translation(translation)
        self.step("featured items", home.title, created=True)

    def point_site_at(self, home: HomePage):
        site = Site.objects.filter(is_default_site=True).first()
        if site and site.root_page_id == home.id:
            self.step("site", site.site_name or site.hostname, created=False)
            return
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = "Czech–Ukrainian Digital Innovation"
        site.save()
        self.step("site", site.site_name, created=True)
