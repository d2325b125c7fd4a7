"""Builds the demo site in English and translates it through wagtail-localize.

Every object is looked up before it is created, so a second run changes nothing. Translations are
made the way translators make them: a TranslationSource for the English object, a Translation per
target locale, a StringTranslation per segment, then the translation is saved and published.

Dates of "now" are counted from `today` (home/demo/when.py), so a demo built on any day has
upcoming and past events; the same `today` gives the same site.
"""

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from html import escape

from django.db import transaction
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
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
from . import states
from .blocks import stream_data
from .event_content import EVENTS
from .images import SQUARE, placeholder_document, placeholder_image
from .news_content import NEWS
from .text import T, translate
from .when import PRAGUE_TIME_ZONE, day, moment

SOURCE_LOCALE = "en"
TARGET_LOCALES = ("cs", "uk")


def rich_text(paragraphs: list[T]) -> str:
    return "".join(f"<p>{escape(paragraph.en, quote=False)}</p>" for paragraph in paragraphs)


def add_rows(rows, field: str, targets) -> None:
    """Fill an inline list of a page (e.g. `event.speakers`) with a row per target, in order."""
    for target in targets:
        rows.add(rows.model(**{field: target}))


class DemoBuilder:
    def __init__(self, log: Callable[[str], None], today: dt.date | None = None):
        self.log = log
        self.today = today or timezone.localdate()
        self.created = Counter()
        self.source_locale = Locale.objects.get(language_code=SOURCE_LOCALE)
        self.target_locales = [Locale.objects.get(language_code=code) for code in TARGET_LOCALES]
        self.images = {}
        self.documents = {}
        self.topics = {}
        self.organisations = {}
        # English pages by their key in the content modules: what blocks and relations point at.
        self.pages = {}

    # --- entry point ------------------------------------------------------------------------

    @transaction.atomic
    def build(self) -> Counter:
        self.build_images()
        self.build_documents()
        self.build_renditions()
        self.build_topics()
        self.build_organisations()
        self.build_award()
        home = self.build_home()
        self.build_standard_pages(home)
        self.section(home, PeopleIndexPage, "people-index", c.PEOPLE_INDEX, c.PEOPLE)
        self.section(home, EventIndexPage, "events-index", c.EVENT_INDEX, EVENTS)
        self.section(home, NewsIndexPage, "news-index", c.NEWS_INDEX, NEWS)
        self.feature_on_home(home)
        self.point_site_at(home)
        self.build_redirects()
        return self.created

    # --- what blocks point at (blocks.Targets) ------------------------------------------------

    def page_id(self, key: str) -> int:
        return self.pages[key].pk

    def image_id(self, key: str) -> int:
        return self.images[key].pk

    def document_id(self, key: str) -> int:
        return self.documents[key].pk

    def stream(self, data: dict, field: str) -> list[dict]:
        return stream_data(data.get(field, []), self, data["key"], field)

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

    def english_snippet(self, kind: str, model, lookup: dict, /, state=None, **fields):
        """The English snippet `lookup` finds, or a new one of `lookup` and `fields`, published,
        with its translations, left in `state` (home/demo/states.py) when it is new."""
        snippet = self.english(model, **lookup)
        created = snippet is None
        if created:
            snippet = model(**lookup, **fields, locale=self.source_locale)
            self.publish_snippet(snippet)
        self.finish(kind, snippet, created)
        if created and state is not None:
            self.apply_state(state, snippet, str(snippet))
        return snippet

    def english_page(self, parent: Page, model, data: dict, new: Callable[[dict], Page]) -> Page:
        """The English page of `data` under `parent`, or `new(data)` published there, with its
        translations and the state the content gives it (home/demo/states.py)."""
        page = self.child(parent, model, data["slug"])
        created = page is None
        if created:
            page = new(data)
            if "go_live" in data:
                go_live_at = moment(data["go_live"], self.today, PRAGUE_TIME_ZONE)
                states.schedule(parent, page, go_live_at)
            else:
                self.publish_page(parent, page)
        self.pages[data["key"]] = page
        self.step("page", str(page), created)
        if "go_live" in data:
            return page  # English only: its translations are "missing" in the report
        self.translate(page, str(page), data.get("image_overrides", {}))
        if data.get("private"):
            self.restrict(page)
        if created and "expire" in data:
            self.expire(page)
        if created and "after_translation" in data:
            self.apply_state(data["after_translation"], page, data["key"])
        return page

    def apply_state(self, state, instance, key: str):
        state.apply(self, instance, key)
        self.step("translation state", f"{instance} ({type(state).__name__})", created=True)

    def finish(self, kind: str, instance, created: bool):
        """Log the English object and make its missing translations."""
        label = str(instance)
        self.step(kind, label, created)
        self.translate(instance, label)
        return instance

    def translate(self, instance, label: str, overrides: dict | None = None):
        """Translate an English object into cs and uk as a translator would, and publish.

        `overrides` gives, per language code, the images ({field: image key}) a translator puts
        in place of the source's.
        """
        source = None
        for locale in self.target_locales:
            if instance.has_translation(locale):
                self.step(f"translation ({locale.language_code})", label, created=False)
                continue
            if source is None:
                source, _ = TranslationSource.get_or_create_from_instance(instance)
            translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
            self.enter_string_translations(source, locale)
            for field, image_key in (overrides or {}).get(locale.language_code, {}).items():
                self.enter_override(source, locale, field, self.images[image_key].pk)
            self.save_translation(translation)
            self.step(f"translation ({locale.language_code})", label, created=True)

    def save_translation(self, translation: Translation):
        """Save the target of `translation`, publish it, then update its reference index.

        wagtail-localize first copies the source with its inline rows (an event's speakers,
        a news item's related people…), then replaces the synchronised rows with new ones.
        Each row's save queues a reference index update of that row, and a worker that runs
        the queue later (the database task backend, `db_worker`) no longer finds the replaced
        rows: EventSpeaker.DoesNotExist, one failed task per replaced row. So no update is
        queued while the translation is saved, and one is queued for the whole object (its
        rows included) once they are final; the publication saves the final rows only, and
        queues its updates as usual.

        The translation is published here rather than by wagtail-localize, which would publish
        it when the transaction commits: that would undo what happens to a translation after
        it is made (an expiry, a translator's draft under review).
        """
        with disable_reference_index_auto_update():
            translation.save_target(publish=False)
        target = translation.get_target_instance()
        if isinstance(target, Page):
            target = target.specific
        target.latest_revision.publish()
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

    def enter_override(self, source: TranslationSource, locale: Locale, field: str, value):
        segment = OverridableSegment.objects.get(source=source, context__path=field)
        SegmentOverride.objects.update_or_create(
            locale=locale, context=segment.context, defaults={"data_json": json.dumps(value)}
        )

    def english(self, model, **lookup):
        return model.objects.filter(locale=self.source_locale, **lookup).first()

    # --- publishing states (home/demo/states.py) -------------------------------------------

    def restrict(self, page: Page):
        for version, created in states.restrict(page):
            self.step("view restriction", f"{version.title} ({version.locale})", created)

    def expire(self, page: Page):
        for version in states.expire(page):
            self.step("expired", f"{version.title} ({version.locale})", created=True)

    # --- images and documents ---------------------------------------------------------------

    def build_images(self):
        specs = [
            ("hero", "Demo: network banner", "Czech – Ukrainian\nDigital Innovation", (17, 69, 126))
        ]
        specs += [
            (
                f"topic:{topic['slug']}",
                f"Demo: {topic['name'].en}",
                topic["name"].en,
                c.TOPIC_COLOURS[topic["slug"]],
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
        specs += c.PICTURES
        for key, title, *drawing in specs:
            image, created = placeholder_image(title, *drawing)
            self.images[key] = image
            self.step("image", title, created)

    def build_documents(self):
        for key, title, label, file_name in c.DOCUMENTS:
            document, created = placeholder_document(title, label, file_name)
            self.documents[key] = document
            self.step("document", title, created)

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
                state=data.get("after_translation"),
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
                body=stream_data(c.HOME["body"], self, "home", "body"),
                locale=self.source_locale,
            )
            root = Page.get_first_root_node()
            self.remove_wagtail_welcome_page(root)
            self.publish_page(root, home)
        self.pages["home"] = home
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
        for data in c.STANDARD_PAGES:
            parent = self.pages[data["parent"]] if data["parent"] else home
            self.english_page(parent, StandardPage, data, self.new_standard)

    def new_standard(self, data: dict) -> StandardPage:
        return StandardPage(
            title=data["title"].en,
            slug=data["slug"].en,
            intro=data["intro"].en,
            body=self.stream(data, "body"),
        )

    def section(self, home: HomePage, index_model, index_key: str, index_data: dict, items):
        """Build an index page under the home and the pages it lists, in the content's order
        (a page can point to those before it: an event to its parent event)."""

        def new_index(data):
            return index_model(title=data["title"].en, slug=data["slug"].en, intro=data["intro"].en)

        index = self.english_page(home, index_model, {**index_data, "key": index_key}, new_index)
        (model,) = index_model.allowed_subpage_models()
        new = {PersonPage: self.new_person, EventPage: self.new_event, NewsPage: self.new_news}
        for data in items:
            self.english_page(index, model, data, new[model])

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
        def text(key):
            return data[key].en if key in data else ""

        time_zone = data.get("time_zone", PRAGUE_TIME_ZONE)
        event = EventPage(
            title=data["title"].en,
            slug=data["slug"].en,
            kind=data["kind"],
            start=moment(data["start"], self.today, time_zone),
            end=moment(data["end"], self.today, time_zone),
            time_zone=time_zone,
            parent_event=self.pages.get(data.get("parent")),
            city=text("city"),
            venue=text("venue"),
            address=text("address"),
            online_url=data.get("online_url", ""),
            registration_url=data.get("registration_url", ""),
            summary=data["summary"].en,
            main_image=self.images[data.get("main_image", f"topic:{data['topics'][0]}")],
            programme=self.stream(data, "programme"),
            body=self.stream(data, "body"),
        )
        add_rows(event.topics, "topic", [self.topics[slug] for slug in data["topics"]])
        add_rows(
            event.organisers, "organisation", [self.organisations[k] for k in data["organisers"]]
        )
        add_rows(event.speakers, "person", [self.pages[k] for k in data.get("speakers", [])])
        add_rows(
            event.participants, "person", [self.pages[k] for k in data.get("participants", [])]
        )
        return event

    def new_news(self, data: dict) -> NewsPage:
        topic_image = f"topic:{data['topics'][0]}" if data["topics"] else "hero"
        news = NewsPage(
            title=data["title"].en,
            slug=data["slug"].en,
            date=day(data["date"], self.today),
            summary=data["summary"].en,
            main_image=self.images[data.get("main_image", topic_image)],
            body=self.stream(data, "body"),
        )
        if "expire" in data:
            news.expire_at = moment(data["expire"], self.today, PRAGUE_TIME_ZONE)
        add_rows(news.topics, "topic", [self.topics[slug] for slug in data["topics"]])
        add_rows(news.related_events, "event", [self.pages[k] for k in data["events"]])
        add_rows(news.related_people, "person", [self.pages[k] for k in data["people"]])
        return news

    def feature_on_home(self, home: HomePage):
        """Featured items point at pages made after the home page, so they are added last.

        The change is published on the English home and synchronised into its translations.
        """
        home = home.specific
        if home.featured_news.exists() or home.featured_events.exists():
            self.step("featured items", home.title, created=False)
            return
        add_rows(home.featured_news, "news", [self.pages[key] for key in c.FEATURED_NEWS])
        add_rows(home.featured_events, "event", [self.pages[key] for key in c.FEATURED_EVENTS])
        home.save_revision().publish()
        # The source is updated once, before any translation is saved from it: a translation
        # published before its source's last update counts as outdated.
        TranslationSource.objects.get(
            object_id=home.translation_key, locale=self.source_locale
        ).update_from_db()
        for locale in self.target_locales:
            self.save_translation(
                Translation.objects.get(
                    source__object_id=home.translation_key, target_locale=locale
                )
            )
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

    def build_redirects(self):
        site = Site.objects.get(is_default_site=True)
        for old_path, target, permanent in c.REDIRECTS:
            to = {"redirect_page": self.pages[target]} if target in self.pages else {}
            redirect, created = Redirect.objects.get_or_create(
                old_path=Redirect.normalise_path(old_path),
                site=site,
                defaults={"is_permanent": permanent, "redirect_link": "" if to else target, **to},
            )
            self.step("redirect", f"{redirect.old_path} → {target}", created)
