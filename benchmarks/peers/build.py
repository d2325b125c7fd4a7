"""The peers' side of the bench data: benchmarks/shape.py built into cms_bench_peers.

Run by benchmarks/bench.py in .venv-bench after `migrate`, with benchmarks/ on the path:

    .venv-bench/bin/python benchmarks/peers/build.py

A home page under the root with the default site pointing at it, 10 topics, 30 speaker pages
and 500 event pages with their images and the card's rendition made beforehand (as on this
project's side, so no request generates one). Pages are created live without revisions.
"""

import io
import os
import sys
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peers.settings")
django.setup()

# After django.setup(): the models need the app registry.
from cards.models import EventPage, EventPageTopic, EventSpeaker, HomePage, SpeakerPage, Topic  # noqa: E402, I001
from django.core.files.images import ImageFile  # noqa: E402
from django.db import transaction  # noqa: E402
from wagtail.images.models import Image  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

import shape  # noqa: E402


def build_home() -> HomePage:
    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a 'Welcome' page where the home goes.
    for page in root.get_children():
        Site.objects.filter(root_page=page).update(root_page=root)
        page.delete()
    home = root.add_child(instance=HomePage(title="Home", slug="home", live=True))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Peers"},
    )
    return home


def build_image(i: int) -> Image:
    image = Image(title=f"Bench image {i}")
    image.file = ImageFile(io.BytesIO(shape.image_bytes(i)), name=f"bench-{i}.jpg")
    image.save()
    image.get_rendition(shape.RENDITION)
    return image


def build_event(parent: Page, i: int, topics, speakers) -> EventPage:
    data = shape.event(i)
    event = EventPage(
        live=True,
        title=data["title"],
        slug=data["slug"],
        start=data["start"],
        end=data["end"],
        main_image=build_image(i),
    )
    for k in data["topics"]:
        event.topics.add(EventPageTopic(topic=topics[k]))
    for k in data["speakers"]:
        event.speakers.add(EventSpeaker(person=speakers[k]))
    return parent.add_child(instance=event)


@transaction.atomic
def main():
    home = build_home()
    topics = [Topic.objects.create(**shape.topic(i)) for i in range(shape.TOPICS)]
    people = home.add_child(instance=Page(title="Speakers", slug="speakers", live=True))
    speakers = [
        people.add_child(instance=SpeakerPage(live=True, **shape.speaker(i)))
        for i in range(shape.SPEAKERS)
    ]
    events = home.add_child(instance=Page(title="Events", slug="events", live=True))
    for i in range(shape.EVENTS):
        build_event(events, i, topics, speakers)
    print(f"built {shape.EVENTS} events, {shape.TOPICS} topics, {shape.SPEAKERS} speakers")


if __name__ == "__main__":
    main()
