"""The blocks of the demo's bodies and programmes, as the content modules write them.

Each block is written once with its three languages (T); the builder saves the English text as
StreamField data of the shared block library (cms/blocks.py, events/blocks.py), and the Czech and
Ukrainian segments wagtail-localize extracts from it are translated from the same T.

Block ids are derived from the page and the block's place, so every build of the demo gives the
same ids: the API shows them, and the documented examples quote them.
"""

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from html import escape
from typing import ClassVar, Protocol

from .text import T
from .when import FromToday, day

BLOCK_IDS = uuid.UUID("5c0f3e49-7f0a-4a8e-9d65-0b6c2f1d4e21")
LINK_MARKER = re.compile(r'<a id="a(\d+)">')


class Targets(Protocol):
    """What blocks point at, by the content's keys; the builder answers."""

    today: dt.date

    def page_id(self, key: str) -> int: ...

    def image_id(self, key: str) -> int: ...

    def document_id(self, key: str) -> int: ...


def block_id(*parts) -> str:
    return str(uuid.uuid5(BLOCK_IDS, "/".join(str(part) for part in parts)))


# --- parts of a paragraph (rich text) ----------------------------------------------------------
# Plain parts (a T) are escaped. Parts with markup (Linked, Bullets items) are written in the
# form wagtail-localize gives translators: <b>, <i> and `<a id="a1">…</a>` for the first link.


@dataclass(frozen=True)
class Linked:
    """A paragraph with links: `<a id="aN">` in the text is the Nth of `links`, each one
    ("page", page key), ("document", document key) or ("url", address)."""

    text: T
    links: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Subheading:
    text: T


@dataclass(frozen=True)
class Bullets:
    items: tuple[T, ...]


def _anchor(link: tuple[str, str], targets: Targets) -> str:
    kind, target = link
    if kind == "page":
        return f'<a linktype="page" id="{targets.page_id(target)}">'
    if kind == "document":
        return f'<a linktype="document" id="{targets.document_id(target)}">'
    if kind == "url":
        return f'<a href="{escape(target)}">'
    raise ValueError(f"Unknown demo link kind {kind!r}")


def _part_html(part, targets: Targets) -> str:
    if isinstance(part, str):
        # English only: text the demo leaves for translators (a translation in progress).
        return f"<p>{escape(part, quote=False)}</p>"
    if isinstance(part, T):
        return f"<p>{escape(part.en, quote=False)}</p>"
    if isinstance(part, Linked):
        text = LINK_MARKER.sub(
            lambda match: _anchor(part.links[int(match.group(1)) - 1], targets), part.text.en
        )
        return f"<p>{text}</p>"
    if isinstance(part, Subheading):
        return f"<h3>{escape(part.text.en, quote=False)}</h3>"
    if isinstance(part, Bullets):
        return "<ul>" + "".join(f"<li>{item.en}</li>" for item in part.items) + "</ul>"
    raise ValueError(f"Unknown demo paragraph part {part!r}")


# --- blocks of the shared library (cms/blocks.py) ---------------------------------------------


@dataclass(frozen=True)
class Heading:
    block_type: ClassVar[str] = "heading"
    text: T
    level: str = "h2"

    def value(self, targets: Targets, owner: str):
        return {"text": self.text.en, "level": self.level}


@dataclass(frozen=True)
class Paragraph:
    block_type: ClassVar[str] = "paragraph"
    parts: tuple

    def value(self, targets: Targets, owner: str):
        return "".join(_part_html(part, targets) for part in self.parts)


def paragraph(*parts) -> Paragraph:
    return Paragraph(parts)


@dataclass(frozen=True)
class Image:
    block_type: ClassVar[str] = "image"
    image: str
    alt_text: T
    caption: T
    credit: T

    def value(self, targets: Targets, owner: str):
        return {
            "image": targets.image_id(self.image),
            "alt_text": self.alt_text.en,
            "caption": self.caption.en,
            "credit": self.credit.en,
        }


@dataclass(frozen=True)
class Quote:
    block_type: ClassVar[str] = "quote"
    text: T
    attribution: T

    def value(self, targets: Targets, owner: str):
        return {"text": self.text.en, "attribution": self.attribution.en}


@dataclass(frozen=True)
class Embed:
    block_type: ClassVar[str] = "embed"
    url: str

    def value(self, targets: Targets, owner: str):
        return self.url


@dataclass(frozen=True)
class CallToAction:
    """A page (its key) or an external address: exactly one, as the block requires."""

    block_type: ClassVar[str] = "call_to_action"
    text: T
    page: str | None = None
    url: str = ""

    def value(self, targets: Targets, owner: str):
        page = targets.page_id(self.page) if self.page else None
        return {"text": self.text.en, "page": page, "url": self.url}


@dataclass(frozen=True)
class DocumentLink:
    block_type: ClassVar[str] = "document"
    document: str
    title: T

    def value(self, targets: Targets, owner: str):
        return {"document": targets.document_id(self.document), "title": self.title.en}


# --- the programme of an event (events/blocks.py) ---------------------------------------------


@dataclass(frozen=True)
class AgendaItem:
    block_type: ClassVar[str] = "agenda_item"
    start: dt.time
    end: dt.time | None
    title: T
    description: T | None = None
    speakers: tuple[str, ...] = ()
    # On events of several days; a seed date or days from the build day.
    day: dt.date | FromToday | None = None

    def value(self, targets: Targets, owner: str):
        date = day(self.day, targets.today)
        return {
            "start_time": self.start.isoformat(),
            "end_time": self.end.isoformat() if self.end else None,
            "day": date.isoformat() if date else None,
            "title": self.title.en,
            "description": self.description.en if self.description else "",
            "speakers": [
                {"type": "item", "value": targets.page_id(key), "id": block_id(owner, key)}
                for key in self.speakers
            ],
        }


def stream_data(blocks, targets: Targets, key: str, field: str, start: int = 0) -> list[dict]:
    """StreamField data of `blocks` for `field` of the page `key`; `start` is the place of the
    first block when they are added after others."""
    return [
        {
            "type": block.block_type,
            "value": block.value(targets, block_id(key, field, index)),
            "id": block_id(key, field, index),
        }
        for index, block in enumerate(blocks, start=start)
    ]
