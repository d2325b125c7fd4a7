"""This project's side of the bench data: benchmarks/shape.py built into a migrated database.

Run by benchmarks/bench.py after `migrate`, with the same environment as the server
(DJANGO_SETTINGS_MODULE, DATABASE_URL, MEDIA_ROOT):

    .venv/bin/python benchmarks/data.py

The site is the smallest one the API serves, as the peers' is: an English home page that the
default site points at, its event and people indexes, then 10 topics, 30 speakers and 500
events. The demo content is not loaded: translating and publishing it takes longer than the
whole load, and its events (some upcoming) would come first in the default order. Pages are
created live without revisions (the API reads live pages). Every card's rendition is made here,
so no request of the load generates one.
"""

import io
import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
django.setup()

# After django.setup(): the models need the app registry.
import shape  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.db import transaction  # noqa: E402
from wagtail.images.models import Image  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.signal_handlers import disable_reference_index_auto_update  # noqa: E402

from events.models import EventIndexPage, EventPage  # noqa: E402
from home.models import HomePage, Topic  # noqa: E402
from people.models import PeopleIndexPage, PersonPage  # noqa: E402


def build_site(locale: Locale) -> HomePage:
    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a 'Welcome' page where the home goes.
    for page in root.get_children():
        Site.objects.filter(root_page=page).update(root_page=root)
        page.delete()
    home = HomePage(
        title="Bench", slug="bench", intro="The bench's site.", locale=locale, live=True
    )
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Bench"},
    )
    return home


def build_topics(locale: Locale) -> list[Topic]:
    return [
        Topic.objects.create(locale=locale, live=True, **shape.topic(i))
        for i in range(shape.TOPICS)
    ]


def build_speakers(home: HomePage) -> list[PersonPage]:
    index = home.add_child(instance=PeopleIndexPage(title="People", slug="people", live=True))
    return [
        index.add_child(instance=PersonPage(live=True, **shape.speaker(i)))
        for i in range(shape.SPEAKERS)
    ]


def build_image(i: int) -> Image:
    image = Image(title=f"Bench image {i}")
    image.file = ImageFile(io.BytesIO(shape.image_bytes(i)), name=f"bench-{i}.jpg")
    image.save()
    image.get_rendition(shape.RENDITION)
    return image


def build_event(index: EventIndexPage, i: int, topics, speakers) -> EventPage:
    data = shape.event(i)
    event = EventPage(
        live=True,
        title=data["title"],
        slug=data["slug"],
        start=data["start"],
        end=data["end"],
        summary=f"Card {i} of the bench.",
        main_image=build_image(i),
    )
    for k in data["topics"]:
        event.topics.add(event.topics.model(topic=topics[k]))
    for k in data["speakers"]:
        event.speakers.add(event.speakers.model(person=speakers[k]))
    return index.add_child(instance=event)


@transaction.atomic
def main():
    locale = Locale.get_default()
    with disable_reference_index_auto_update():
        home = build_site(locale)
        topics = build_topics(locale)
        speakers = build_speakers(home)
        index = home.add_child(instance=EventIndexPage(title="Events", slug="events", live=True))
        for i in range(shape.EVENTS):
            build_event(index, i, topics, speakers)
    print(f"built {shape.EVENTS} events, {shape.TOPICS} topics, {shape.SPEAKERS} speakers")


if __name__ == "__main__":
    main()
