"""The data shape every server of `make bench` is given, the same on each side.

500 events, each with its own image, 2 of 10 topics and 3 of 30 speakers; deterministic, so two
runs build the same rows. Imported by this project's builder (benchmarks/data.py, in .venv) and
by the peers' builder (benchmarks/peers/build.py, in .venv-bench): plain Python and Pillow only.
"""

import datetime as dt
import io

from PIL import Image, ImageDraw

EVENTS = 500
TOPICS = 10
SPEAKERS = 30
TOPICS_PER_EVENT = 2
SPEAKERS_PER_EVENT = 3
# The rendition every card shows; in this project's allowlist (IMAGE_RENDITION_SPECS) and made
# before the load starts on both sides, so no request generates one.
RENDITION = "fill-480x270"
IMAGE_SIZE = (960, 540)
# In the future, so this project's default order (upcoming first, soonest first) and the peers'
# order by start both list these from event 0; far, so they stay upcoming.
FIRST_START = dt.datetime(2090, 1, 6, 9, 0, tzinfo=dt.UTC)


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
