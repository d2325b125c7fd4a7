"""The data shape every server of `make bench` is given, the same on each side.

BENCH_PAGES pages in all (default 5,000): this project gets them as events, news and people in
English, each translated into Czech and Ukrainian (benchmarks/data.py); the peers, which have no
locales, get the same English events (benchmarks/peers/build.py). Every event has 2 of 10 topics
and 3 of 30 speakers and an image from a pool of IMAGES, the first 20 each their own. The
plan is deterministic, so two runs build the same rows. Imported by both builders (.venv and
.venv-bench) and by the bench itself: plain Python and Pillow only.
"""

import datetime as dt
import io
import os
from dataclasses import dataclass

from PIL import Image, ImageDraw

DEFAULT_PAGES = 5_000
LOCALES = ("en", "cs", "uk")
# Per locale, besides its content pages: the home page and the event, news and people indexes.
FIXED_PAGES = 4
TOPICS = 10
SPEAKERS = 30
TOPICS_PER_EVENT = 2
SPEAKERS_PER_EVENT = 3
# The rendition every card shows; in this project's allowlist (IMAGE_RENDITION_SPECS) and made
# before the load starts on both sides, so no request generates one.
RENDITION = "fill-480x270"
IMAGE_SIZE = (960, 540)
# Distinct images (their renditions made beforehand); event i shows image i % IMAGES.
IMAGES = 40
# In the future, so this project's default order (upcoming first, soonest first) and the peers'
# order by start both list these from event 0; far, so they stay upcoming.
FIRST_START = dt.datetime(2090, 1, 6, 9, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Plan:
    """How many pages of each kind one locale gets."""

    pages: int  # in all, every locale and the fixed pages included
    events: int
    news: int
    people: int

    @property
    def per_locale(self) -> int:
        return FIXED_PAGES + self.events + self.news + self.people


def plan(pages: int) -> Plan:
    """Split `pages` over the locales: per locale, 40% events, 40% news, the rest people (at
    least the speakers)."""
    content = max(pages // len(LOCALES) - FIXED_PAGES, 2 * SPEAKERS)
    events = max(content * 2 // 5, 20)
    news = content * 2 // 5
    people = max(content - events - news, SPEAKERS)
    total = len(LOCALES) * (FIXED_PAGES + events + news + people)
    return Plan(pages=total, events=events, news=news, people=people)


def pages_from_environment() -> int:
    return int(os.environ.get("BENCH_PAGES") or DEFAULT_PAGES)


# The index pages' slugs in each locale (benchmarks/data.py): events, news, people.
INDEX_SLUGS = {
    "en": ("events", "news", "people"),
    "cs": ("akce", "aktuality", "lide"),
    "uk": ("podii", "novyny", "liudy"),
}


def person_slug(i: int) -> str:
    return speaker(i)["slug"] if i < SPEAKERS else f"bench-person-{i}"


def page_paths(built: Plan) -> list[str]:
    """The API path of every content page the plan builds, in every locale."""
    paths = []
    for code in LOCALES:
        events, news, people = INDEX_SLUGS[code]
        paths += [f"/{code}/{events}/bench-event-{i}/" for i in range(built.events)]
        paths += [f"/{code}/{news}/bench-news-{i}/" for i in range(built.news)]
        paths += [f"/{code}/{people}/{person_slug(i)}/" for i in range(built.people)]
    return paths


def topic(i: int) -> dict:
    return {"name": f"Bench topic {i}", "slug": f"bench-topic-{i}"}


def speaker(i: int) -> dict:
    return {"title": f"Bench speaker {i}", "slug": f"bench-speaker-{i}"}


def event(i: int) -> dict:
    start = FIRST_START + dt.timedelta(days=i)
    return {
        "title": f"Bench event {i}",
        "slug": f"bench-event-{i}",
        "start": start,
        "end": start + dt.timedelta(hours=4),
        "topics": [(i + k * 3) % TOPICS for k in range(TOPICS_PER_EVENT)],
        "speakers": [(i + k * 7) % SPEAKERS for k in range(SPEAKERS_PER_EVENT)],
    }


def image_bytes(i: int) -> bytes:
    """A JPEG of its own colour per event (equal files would still be separate images)."""
    colour = ((i * 37) % 256, (i * 91) % 256, (i * 53) % 256)
    picture = Image.new("RGB", IMAGE_SIZE, colour)
    ImageDraw.Draw(picture).rectangle((40, 40, 400, 200), fill=(255, 213, 0))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()
