"""This project's side of the bench data: benchmarks/shape.py built into a migrated database.

Run by benchmarks/bench.py (and benchmarks/profile_cards.py) after `migrate`, with the same
environment as the server (DJANGO_SETTINGS_MODULE, DATABASE_URL, MEDIA_ROOT) and BENCH_PAGES:

    BENCH_PAGES=5000 .venv/bin/python benchmarks/data.py

The English tree first: a home page that the default site points at, its event, news and people
indexes, 10 topics, then people (the first 30 are the speakers), events (each with 2 topics and
3 speakers) and news items (a topic, a related event and person), every event and news item
with an image and a StreamField body (heading, paragraphs, quote, image) in its language; then
the same tree in Czech and Ukrainian as wagtail-localize leaves it once translated and
published: the same translation keys, the texts in the locale's language, rows to topics
pointing at the locale's topics, rows to pages at the English pages. Pages are inserted in bulk
(benchmarks/tree.py), live, without revisions (the API reads live pages); the demo content is
not loaded. Then the search index is built (update_index, as after an import) and every pooled
image's card rendition is made, so no request of the load generates one. It prints what it built
and how long each step took.
"""

import io
import os
import sys
import time
import uuid
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
django.setup()

# After django.setup(): the models need the app registry.
import shape  # noqa: E402
import tree  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from wagtail.images.models import Image  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.signal_handlers import disable_reference_index_auto_update  # noqa: E402

from events.models import (  # noqa: E402
    EventIndexPage,
    EventPage,
    EventPageTopic,
    EventSpeaker,
)
from home.models import (  # noqa: E402
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageRelatedEvent,
    NewsPageRelatedPerson,
    NewsPageTopic,
    Topic,
)
from people.models import PeopleIndexPage, PersonPage  # noqa: E402

# What each locale calls things, and the sentences its bodies are made of. The Czech and
# Ukrainian sentences carry inflected forms, so that the bench's searches (benchmarks/
# scenarios.py: "kybernetické bezpečnosti", "кібербезпеки") go through the Hunspell dictionaries.
# Those words are on ~90% of a locale's pages; the `rare` sentence only on one event and one news
# item in RARE_EVERY, for the narrow searches ("kvantová kryptografie", "квантова криптографія"):
# what a search costs as the pages grow depends on how many of them it finds.
RARE_EVERY = 40
WORDS = {
    "en": {
        "slugs": shape.INDEX_SLUGS["en"],
        "rare": "Quantum cryptography was the subject of a seminar in Lviv.",
        "titles": ("Events", "News", "People"),
        "event": "Bench event",
        "news": "Bench news",
        "themes": ("Artificial intelligence", "Smart City", "Smart Industry", "Cybersecurity"),
        "sentences": (
            "The cybersecurity forum in Prague brought Czech and Ukrainian experts together.",
            "Artificial intelligence helps cities and companies plan their work.",
            "Smart City Brno shares its experience with Kyiv.",
            "Cybersecurity protects companies and public institutions from attacks.",
            "An expert mission visited industrial clusters in Ostrava.",
            "Ambassadors of the network received the Professionals4Ukraine award.",
        ),
    },
    "cs": {
        "slugs": shape.INDEX_SLUGS["cs"],
        "rare": "Seminář o kvantové kryptografii se konal ve Lvově.",
        "titles": ("Akce", "Aktuality", "Lidé"),
        "event": "Akce",
        "news": "Aktualita",
        "themes": (
            "Umělá inteligence",
            "Chytré město",
            "Chytrý průmysl",
            "Kybernetická bezpečnost",
        ),  # fmt: skip
        "sentences": (
            "Fórum o kybernetické bezpečnosti v Praze spojilo české a ukrajinské odborníky.",
            "Umělá inteligence pomáhá městům a podnikům plánovat práci.",
            "Chytré město Brno sdílí své zkušenosti s Kyjevem.",
            "Kybernetická bezpečnost chrání firmy a veřejné instituce před útoky.",
            "Expertní mise navštívila průmyslové klastry v Ostravě.",
            "Ambasadoři sítě převzali ocenění Professionals4Ukraine.",
        ),
    },
    "uk": {
        "slugs": shape.INDEX_SLUGS["uk"],
        "rare": "Семінар з квантової криптографії відбувся у Львові.",
        "titles": ("Події", "Новини", "Люди"),
        "event": "Подія",
        "news": "Новина",
        "themes": ("Штучний інтелект", "Розумне місто", "Розумна промисловість", "Кібербезпека"),
        "sentences": (
            "Форум з кібербезпеки у Празі об'єднав чеських та українських експертів.",
            "Штучний інтелект допомагає містам і підприємствам планувати роботу.",
            "Розумне місто Брно ділиться своїм досвідом з Києвом.",
            "Кібербезпека захищає компанії та державні установи від атак.",
            "Експертна місія відвідала промислові кластери в Остраві.",
            "Амбасадори мережі отримали нагороду Professionals4Ukraine.",
        ),
    },
}


def block(kind: str, value) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def body(code: str, i: int, image: Image) -> list[dict]:
    """A StreamField body: heading, two paragraphs, a quote and an image (the rare sentence at
    the end of the second paragraph of one body in RARE_EVERY)."""
    words = WORDS[code]
    said = words["sentences"]
    rare = f" {words['rare']}" if i % RARE_EVERY == 0 else ""
    return [
        block("heading", {"text": words["themes"][i % 4], "level": "h2"}),
        block("paragraph", f"<p>{said[i % 6]} {said[(i + 1) % 6]}</p>"),
        block("quote", {"text": said[(i + 3) % 6], "attribution": f"{words['event']} {i}"}),
        block("image", {"image": image.pk, "alt_text": words["themes"][i % 4], "caption": ""}),
        block(
            "paragraph", f"<p>{said[(i + 2) % 6]} <b>{words['themes'][(i + 1) % 4]}</b>.{rare}</p>"
        ),
    ]


def build_images() -> list[Image]:
    images = []
    for i in range(shape.IMAGES):
        image = Image(title=f"Bench image {i}")
        image.file = ImageFile(io.BytesIO(shape.image_bytes(i)), name=f"bench-{i}.jpg")
        image.save()
        images.append(image)
    return images


class Builder:
    """One locale's tree at a time; the English one first, whose keys the others share."""

    def __init__(self, plan: shape.Plan, images: list[Image]):
        self.plan = plan
        self.images = images
        self.locales = {code: Locale.objects.get_or_create(language_code=code)[0]
                        for code in shape.LOCALES}  # fmt: skip
        self.english: dict[str, list] = {}  # kind -> the English objects, in order
        self.topics: dict[str, list[Topic]] = {}

    def root(self) -> Page:
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a 'Welcome' page where the homes go.
        for page in root.get_children():
            Site.objects.filter(root_page=page).update(root_page=root)
            page.delete()
        return Page.objects.get(pk=root.pk)

    def key(self, kind: str, n: int, code: str):
        """The translation key of the n-th object of a kind: the English one's."""
        if code == "en":
            return uuid.uuid4()
        return self.english[kind][n].translation_key

    def locale_tree(self, code: str, root: Page):
        locale, words = self.locales[code], WORDS[code]
        home = HomePage(
            title=f"Bench {code}", slug=f"bench-{code}", intro="The bench's site.",
            locale=locale, translation_key=self.key("home", 0, code),
        )  # fmt: skip
        (home,) = tree.insert_children(root, [home])
        if code == "en":
            self.english["home"] = [home]
        topics = [
            Topic(locale=locale, live=True, translation_key=self.key("topic", i, code),
                  **shape.topic(i))
            for i in range(shape.TOPICS)
        ]  # fmt: skip
        if code != "en":
            for topic in topics:  # the slug is the same in every locale (a filter key)
                topic.name = f"{WORDS[code]['themes'][topics.index(topic) % 4]} {topic.name}"
        self.topics[code] = Topic.objects.bulk_create(topics)
        if code == "en":
            self.english["topic"] = self.topics[code]
        indexes = [
            model(title=title, slug=slug, intro="", locale=locale,
                  translation_key=self.key(f"index-{n}", 0, code))
            for n, (model, slug, title) in enumerate(
                zip((EventIndexPage, NewsIndexPage, PeopleIndexPage), words["slugs"],
                    words["titles"], strict=True)
            )
        ]  # fmt: skip
        for n, index in enumerate(indexes):
            tree.insert_children(home, [index])
            if code == "en":
                self.english[f"index-{n}"] = [index]
        events_index, news_index, people_index = indexes
        people = tree.insert_children(people_index, [self.person(code, i) for i in range(
            self.plan.people)])  # fmt: skip
        events = tree.insert_children(
            events_index, [self.event(code, i) for i in range(self.plan.events)]
        )
        news = tree.insert_children(news_index, [self.news(code, i) for i in range(self.plan.news)])
        if code == "en":
            self.english.update(person=people, event=events, news=news)
        self.rows(code, events, news)

    def person(self, code: str, i: int) -> PersonPage:
        data = shape.speaker(i) if i < shape.SPEAKERS else {
            "title": f"Bench person {i}", "slug": shape.person_slug(i)
        }  # fmt: skip
        said = WORDS[code]["sentences"]
        return PersonPage(
            **data, role=WORDS[code]["themes"][i % 4], locale=self.locales[code],
            translation_key=self.key("person", i, code),
            biography=f"<p>{said[i % 6]}</p>",
        )  # fmt: skip

    def event(self, code: str, i: int) -> EventPage:
        data = shape.event(i)
        words = WORDS[code]
        title = data["title"] if code == "en" else f"{words['event']} {i}: {words['themes'][i % 4]}"
        return EventPage(
            title=title, slug=data["slug"], start=data["start"], end=data["end"],
            city="Praha" if code == "cs" else ("Прага" if code == "uk" else "Prague"),
            summary=words["sentences"][i % 6], main_image=self.images[i % shape.IMAGES],
            body=body(code, i, self.images[(i + 1) % shape.IMAGES]),
            locale=self.locales[code], translation_key=self.key("event", i, code),
        )  # fmt: skip

    def news(self, code: str, i: int) -> NewsPage:
        words = WORDS[code]
        return NewsPage(
            title=f"{words['news']} {i}: {words['themes'][(i + 2) % 4]}",
            slug=f"bench-news-{i}", date=shape.FIRST_START.date(),
            summary=words["sentences"][(i + 4) % 6], main_image=self.images[i % shape.IMAGES],
            body=body(code, i, self.images[i % shape.IMAGES]),
            locale=self.locales[code], translation_key=self.key("news", i, code),
        )  # fmt: skip

    def rows(self, code: str, events: list[EventPage], news: list[NewsPage]):
        """Inline rows: to the locale's topics (translated rows), to English pages."""
        locale, topics = self.locales[code], self.topics[code]
        speakers = self.english["person"][: shape.SPEAKERS]
        topic_rows, speaker_rows = [], []
        for i, event in enumerate(events):
            data = shape.event(i)
            for order, k in enumerate(data["topics"]):
                topic_rows.append(EventPageTopic(
                    page=event, topic=topics[k], sort_order=order, locale=locale,
                    translation_key=self.row_key(("event-topic", i, order), code),
                ))  # fmt: skip
            speaker_rows += [
                EventSpeaker(page=event, person=speakers[k], sort_order=order)
                for order, k in enumerate(data["speakers"])
            ]
        EventPageTopic.objects.bulk_create(topic_rows, batch_size=2000)
        EventSpeaker.objects.bulk_create(speaker_rows, batch_size=2000)
        english_events, english_people = self.english["event"], self.english["person"]
        NewsPageTopic.objects.bulk_create(
            [
                NewsPageTopic(page=item, topic=topics[i % shape.TOPICS], sort_order=0,
                              locale=locale,
                              translation_key=self.row_key(("news-topic", i, 0), code))
                for i, item in enumerate(news)
            ],
            batch_size=2000,
        )  # fmt: skip
        NewsPageRelatedEvent.objects.bulk_create(
            [
                NewsPageRelatedEvent(page=item, event=english_events[i % len(english_events)],
                                     sort_order=0)
                for i, item in enumerate(news)
            ],
            batch_size=2000,
        )  # fmt: skip
        NewsPageRelatedPerson.objects.bulk_create(
            [
                NewsPageRelatedPerson(page=item, person=english_people[i % len(english_people)],
                                      sort_order=0)
                for i, item in enumerate(news)
            ],
            batch_size=2000,
        )  # fmt: skip

    _row_keys: dict = {}

    def row_key(self, name: tuple, code: str):
        if code == "en":
            self._row_keys[name] = uuid.uuid4()
        return self._row_keys[name]


def timed(steps: list, label: str, started: float) -> float:
    now = time.monotonic()
    steps.append(f"{label} {now - started:.1f} s")
    return now


def main():
    plan = shape.plan(shape.pages_from_environment())
    steps, began = [], time.monotonic()
    started = began
    with transaction.atomic(), disable_reference_index_auto_update():
        images = build_images()
        builder = Builder(plan, images)
        root = builder.root()
        for code in shape.LOCALES:
            builder.locale_tree(code, root)
            root.refresh_from_db()
        home = builder.english["home"][0]
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home,
                      "site_name": "Bench"},
        )  # fmt: skip
        started = timed(steps, "pages", started)
    # The search index, as `update_index` builds it after an import (each locale with its own
    # text search configuration: search/backend.py).
    call_command("update_index", verbosity=0)
    started = timed(steps, "search index", started)
    for image in images:
        image.get_rendition(shape.RENDITION)
    started = timed(steps, "renditions", started)
    with connection.cursor() as cursor:
        # The tables as autovacuum leaves them soon after such an import: planner statistics,
        # and the dead rows reclaimed (update_index rewrites every entry's title_norm as it
        # goes: ~99,000 dead index entries at 50,000 pages, which every search would skip).
        cursor.execute("VACUUM ANALYZE")
    started = timed(steps, "vacuum", started)
    print(
        f"built {plan.pages} pages ({len(shape.LOCALES)} locales × ({shape.FIXED_PAGES} + "
        f"{plan.events} events + {plan.news} news + {plan.people} people)), {shape.TOPICS} "
        f"topics per locale, {shape.IMAGES} images in {time.monotonic() - began:.0f} s "
        f"({', '.join(steps)})"
    )


if __name__ == "__main__":
    main()
