"""The peers' side of the bench data: benchmarks/shape.py built into cms_bench_peers.

Run by benchmarks/bench.py in .venv-bench after `migrate`, with benchmarks/ on the path and
BENCH_PAGES in the environment:

    .venv-bench/bin/python benchmarks/peers/build.py

A home page under the root with the default site pointing at it, 10 topics, 30 speaker pages
and as many event pages as this project's English tree has (shape.plan), with the same images
(a pool of shape.IMAGES) and the card's rendition made beforehand (as on this project's side,
so no request generates one). Pages are inserted in bulk (benchmarks/tree.py), live, without
revisions.
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
import tree  # noqa: E402


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


def build_events(parent: Page, count: int, topics, speakers) -> list[EventPage]:
    images = [build_image(i) for i in range(shape.IMAGES)]
    events = []
    for i in range(count):
        data = shape.event(i)
        events.append(
            EventPage(
                title=data["title"],
                slug=data["slug"],
                start=data["start"],
                end=data["end"],
                main_image=images[i % shape.IMAGES],
            )
        )
    tree.insert_children(parent, events)
    topic_rows, speaker_rows = [], []
    for i, event in enumerate(events):
        data = shape.event(i)
        topic_rows += [
            EventPageTopic(page=event, topic=topics[k], sort_order=n)
            for n, k in enumerate(data["topics"])
        ]
        speaker_rows += [
            EventSpeaker(page=event, person=speakers[k], sort_order=n)
            for n, k in enumerate(data["speakers"])
        ]
    EventPageTopic.objects.bulk_create(topic_rows, batch_size=2000)
    EventSpeaker.objects.bulk_create(speaker_rows, batch_size=2000)
    return events


@transaction.atomic
def main():
    events = shape.plan(shape.pages_from_environment()).events
    home = build_home()
    topics = [Topic.objects.create(**shape.topic(i)) for i in range(shape.TOPICS)]
    people = home.add_child(instance=Page(title="Speakers", slug="speakers", live=True))
    speakers = tree.insert_children(
        people, [SpeakerPage(**shape.speaker(i)) for i in range(shape.SPEAKERS)]
    )
    parent = home.add_child(instance=Page(title="Events", slug="events", live=True))
    build_events(parent, events, topics, speakers)
    print(f"built {events} events, {shape.TOPICS} topics, {shape.SPEAKERS} speakers")


if __name__ == "__main__":
    main()
