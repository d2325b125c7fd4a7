"""The reference preview frontend at /preview/ (cms/preview_frontend.py): served only when on,
with headers that keep drafts private, from same-origin files only, and the GraphQL document it
sends valid and answering with the draft the editor previews."""

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import RequestFactory
from django.utils.timezone import localtime
from graphql import build_schema, parse, validate
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms import renditions
from cms.preview_frontend import OPERATION_NAME, QUERY_FILE
from events.models import EventPage, EventPageTopic, EventSpeaker
from people.models import PeopleIndexPage, PersonPage
from tests.factories import EventPageFactory, TopicFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
STATIC_DIR = ROOT / "cms" / "static" / "preview"
PRAGUE = ZoneInfo("Europe/Prague")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'"
)

# The settings `make run` (dev) and production start with, read in a process of their own.
PRINT_PREVIEW_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps([settings.PREVIEW_REFERENCE_FRONTEND, settings.PREVIEW_FRONTEND_URLS]))"
)

PARAGRAPH = '<p>Bring <b>your</b> questions; the <a href="https://example.org/faq">FAQ</a>.</p>'


@pytest.fixture
def reference_frontend(settings):
    settings.PREVIEW_REFERENCE_FRONTEND = True
    settings.PREVIEW_FRONTEND_URLS = {"en": "/preview/", "cs": "/preview/", "uk": "/preview/"}


def query_document() -> str:
    return (STATIC_DIR / "preview.graphql").read_text()


# --- the view ----------------------------------------------------------------------------------


def test_the_page_is_served_private_and_unindexed(client, reference_frontend):
    response = client.get("/preview/?token=anything")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert {
        name: response[name]
        for name in (
            "Cache-Control",
            "X-Robots-Tag",
            "X-Frame-Options",
            "Referrer-Policy",
            "Content-Security-Policy",
        )
    } == {
        "Cache-Control": "private, no-store",
        "X-Robots-Tag": "noindex",
        # The admin's preview panel shows it in an iframe of the same origin.
        "X-Frame-Options": "SAMEORIGIN",
        "Referrer-Policy": "no-referrer",
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    }
    page = PageParser.of(response.content.decode())
    assert page.main == {
        "id": "preview",
        "class": "preview",
        "data-state": "loading",
        "data-endpoint": "/graphql/",
        "data-query-url": f"{settings.STATIC_URL}{QUERY_FILE}",
        "data-operation-name": "Preview",
        "aria-live": "polite",
        "aria-busy": "true",
    }
    assert "Reference preview frontend" in page.text
    assert "docs/graphql.md" in page.text


def test_the_page_is_not_found_when_off(client, settings, db):
    # (db: Wagtail's redirect middleware looks a 404's path up among the editors' redirects.)
    settings.PREVIEW_REFERENCE_FRONTEND = False

    response = client.get("/preview/?token=anything")

    assert response.status_code == 404


def test_the_page_only_answers_get_and_head(client, reference_frontend):
    assert client.head("/preview/").status_code == 200
    assert client.post("/preview/").status_code == 405


def test_dev_turns_it_on_for_every_locale_and_production_leaves_it_off():
    def preview_settings(module: str, **extra) -> list:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("PREVIEW_") and key != "DJANGO_SETTINGS_MODULE"
        }
        env.update(DJANGO_SETTINGS_MODULE=module, **extra)
        result = subprocess.run(
            [sys.executable, "-c", PRINT_PREVIEW_SETTINGS],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert preview_settings("cms.settings.dev") == [
        True,
        {"en": "/preview/", "cs": "/preview/", "uk": "/preview/"},
    ]
    production = preview_settings(
        "cms.settings.production", SECRET_KEY="s3cret-value", ALLOWED_HOSTS="cms.example.org"
    )
    assert production == [False, {}]


# --- same-origin files only --------------------------------------------------------------------


class PageParser(HTMLParser):
    """What the page loads (scripts, styles, icons, images), links, inline code and text."""

    def __init__(self):
        super().__init__()
        self.loads: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.inline_scripts: list[str] = []
        self.inline_styles: list[str] = []
        self.handlers: list[str] = []
        self.main: dict = {}
        self.text = ""
        self._in = None

    @classmethod
    def of(cls, html: str) -> "PageParser":
        parser = cls()
        parser.feed(html)
        return parser

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.handlers += [name for name in attributes if name.startswith("on")]
        if "style" in attributes:
            self.inline_styles.append(attributes["style"])
        if tag in ("script", "img") and "src" in attributes:
            self.loads.append((tag, attributes["src"]))
        elif tag == "link":
            self.loads.append((tag, attributes["href"]))
        elif tag == "a":
            self.links.append(attributes["href"])
        elif tag == "main":
            self.main = attributes
        self._in = tag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script" and data.strip():
            self.inline_scripts.append(data)
        elif self._in == "style":
            self.inline_styles.append(data)
        self.text += " ".join(data.split()) + " "


def test_the_page_loads_only_its_own_static_files(client, reference_frontend):
    page = PageParser.of(client.get("/preview/").content.decode())

    static = settings.STATIC_URL
    assert page.loads == [
        ("link", f"{static}preview/favicon.svg"),
        ("link", f"{static}preview/preview.css"),
        ("script", f"{static}preview/preview.js"),
    ]
    assert page.links == [f"{static}{QUERY_FILE}"]
    assert (page.inline_scripts, page.inline_styles, page.handlers) == ([], [], [])
    for _tag, url in page.loads + [(None, link) for link in page.links]:
        assert finders.find(url.removeprefix(static)), f"{url} is not a static file"


@pytest.mark.parametrize("name", ["preview.js", "preview.css"])
def test_the_script_and_style_name_no_other_host(name):
    source = (STATIC_DIR / name).read_text()

    # An absolute or protocol-relative address in code, an @import or a module import would
    # load something from elsewhere.
    assert re.findall(r"\w+://|[\"'`(]//|@import|\bimport\s*\(", source) == []
    # The script talks only to the addresses the page gives it (the API and the query file).
    if name == "preview.js":
        assert re.findall(r"fetch\(([^,)]+)", source) == ["config.queryUrl", "config.endpoint"]


# --- the GraphQL document the page sends -------------------------------------------------------


def test_the_query_is_valid_against_the_committed_schema():
    schema = build_schema((ROOT / "schema.graphql").read_text())
    document = parse(query_document())

    assert validate(schema, document) == []
    operations = [d.name.value for d in document.definitions if d.kind == "operation_definition"]
    assert operations == [OPERATION_NAME]
    assert finders.find(QUERY_FILE) == str(STATIC_DIR / "preview.graphql")


def test_the_query_asks_for_every_block_and_page_type():
    schema = build_schema((ROOT / "schema.graphql").read_text())
    document = query_document()
    asked = set(re.findall(r"\bon (\w+)", document))

    block_types = {
        member.name
        for union in ("BodyBlock", "ProgrammeBlock")
        for member in schema.type_map[union].types
    }
    page_types = {
        page_type.name for page_type in schema.get_possible_types(schema.type_map["Page"])
    }
    assert block_types <= asked
    assert page_types <= asked


def new_image() -> Image:
    data = io.BytesIO()
    PILImage.new("RGB", (1200, 900), (40, 120, 200)).save(data, "JPEG")
    image = Image(title="Preview hall", description="The hall, full of people.")
    image.file = ImageFile(data, name="preview-hall.jpg")
    image._set_image_file_metadata()
    image.focal_point_x, image.focal_point_y = 600, 300
    image.focal_point_width, image.focal_point_height = 200, 100
    image.save()
    return image


def new_document() -> Document:
    document = Document(title="Preview agenda")
    document.file.save("preview-agenda.pdf", ContentFile(b"%PDF-1.4 preview"), save=False)
    # What the admin's upload form records.
    document.file_size = document.file.size
    document.save()
    return document


def new_speaker() -> PersonPage:
    people = PeopleIndexPage.objects.get(locale=Locale.get_default())
    person = PersonPage(title="Ada Preview", slug="ada-preview", role="Cluster manager")
    people.add_child(instance=person)
    person.save_revision().publish()
    return person


@pytest.fixture
def event(db):
    """A published event with every block type; returned as the editor's form has it, unsaved."""
    image, document, speaker = new_image(), new_document(), new_speaker()
    target = EventPageFactory(title="Preview target", slug="preview-target")
    event = EventPageFactory(
        title="Reference forum",
        slug="reference-forum",
        start=dt.datetime(2031, 5, 12, 9, 0, tzinfo=PRAGUE),
        end=dt.datetime(2031, 5, 13, 17, 0, tzinfo=PRAGUE),
        time_zone="Europe/Prague",
        city="Prague",
        venue="Hall A",
        summary="A forum to try the reference frontend.",
        main_image=image,
        programme=[
            (
                "agenda_item",
                {
                    "start_time": dt.time(9, 0),
                    "end_time": dt.time(9, 30),
                    "day": dt.date(2031, 5, 12),
                    "title": "Opening",
                    "description": "Welcome.",
                    "speakers": [speaker],
                },
            )
        ],
        body=[
            ("heading", {"text": "Why come", "level": "h2"}),
            ("paragraph", RichText(PARAGRAPH)),
            (
                "image",
                {
                    "image": image,
                    "alt_text": "A full hall",
                    "caption": "Last year",
                    "credit": "CzU",
                },
            ),
            ("quote", {"text": "Worth it.", "attribution": "A visitor"}),
            ("embed", "https://www.youtube.com/watch?v=preview"),
            ("call_to_action", {"text": "See also", "page": target, "url": ""}),
            ("call_to_action", {"text": "Register", "page": None, "url": "https://example.org/r"}),
            ("document", {"document": document, "title": ""}),
        ],
    )
    event.topics.add(EventPageTopic(topic=TopicFactory(name="Preview topic", slug="preview-topic")))
    event.speakers.add(EventSpeaker(person=speaker))
    event.save_revision().publish()
    event = EventPage.objects.get(pk=event.pk)
    # The editor changes the title and the city in the page editor and presses Preview.
    event.title = "Reference forum (unsaved)"
    event.city = "Brno"
    return SimpleNamespace(page=event, image=image, document=document)


def preview_address(page) -> str:
    """Where the editor's Preview goes: Wagtail calls serve_preview on the page from the form."""
    request = RequestFactory().get("/admin/pages/preview/")
    request.user = UserFactory(is_superuser=True)
    response = page.serve_preview(request, "")
    assert response.status_code == 302, response.content
    return response["Location"]


def image_data(image, alt_text="The hall, full of people.") -> dict:
    def url(spec):
        return renditions.public_rendition(image, spec).url

    return {
        "id": str(image.pk),
        "title": "Preview hall",
        "width": 1200,
        "height": 900,
        "altText": alt_text,
        "focalPoint": {"x": 600, "y": 300, "width": 200, "height": 100},
        "rendition": {"url": url("width-800"), "width": 800, "height": 600},
        "srcSet": f"{url('width-480|format-webp')} 480w, {url('width-960|format-webp')} 960w",
    }


def as_previewed(moment: dt.datetime) -> str:
    """A timestamp as the API gives a preview's: the stored preview's JSON keeps milliseconds."""
    return localtime(moment.replace(microsecond=moment.microsecond // 1000 * 1000)).isoformat()


def block_ids(page, field) -> list[str]:
    return [block.id for block in getattr(page, field)]


def test_a_relative_preview_address_leads_to_the_reference_frontend(
    client, reference_frontend, event
):
    address = preview_address(event.page)

    parts = urlsplit(address)
    assert (parts.scheme, parts.netloc, parts.path) == ("", "", "/preview/")
    assert (parse_qs(parts.query)["locale"], parse_qs(parts.query)["type"]) == (
        ["en"],
        ["EventPage"],
    )
    assert client.get(address).status_code == 200


def test_the_query_answers_with_the_unsaved_draft(client, reference_frontend, event):
    image, document = event.image, event.document
    event = event.page
    token = parse_qs(urlsplit(preview_address(event)).query)["token"][0]

    # As preview.js sends it: JSON, the document, the token and the operation's name.
    response = client.post(
        "/graphql/",
        data={"query": query_document(), "variables": {"token": token}, "operationName": "Preview"},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    published = EventPage.objects.get(pk=event.pk)
    events, people = published.get_parent(), PeopleIndexPage.objects.get(locale=event.locale)
    body_ids, programme_ids = block_ids(published, "body"), block_ids(published, "programme")
    speaker_link = {
        "title": "Ada Preview",
        "path": f"/en/{people.slug}/ada-preview/",
        "role": "Cluster manager",
    }
    assert response.json() == {
        "data": {
            "page": {
                "__typename": "EventPage",
                "id": str(event.pk),
                "title": "Reference forum (unsaved)",
                "slug": "reference-forum",
                "path": f"/en/{events.slug}/reference-forum/",
                "url": None,
                "locale": "en",
                "isFallback": False,
                "seoTitle": "",
                "searchDescription": "",
                "firstPublishedAt": as_previewed(published.first_published_at),
                "lastPublishedAt": as_previewed(published.last_published_at),
                "breadcrumbs": [{"title": events.title, "path": f"/en/{events.slug}/"}],
                "translations": [
                    {
                        "locale": "en",
                        "title": "Reference forum",
                        "path": f"/en/{events.slug}/reference-forum/",
                    }
                ],
                "translationStatus": None,
                "kind": "FORUM",
                "start": "2031-05-12T09:00:00+02:00",
                "end": "2031-05-13T17:00:00+02:00",
                "timeZone": "Europe/Prague",
                "city": "Brno",
                "venue": "Hall A",
                "address": "",
                "onlineUrl": "",
                "registrationUrl": "",
                "icsUrl": f"http://testserver/events/{event.pk}.ics",
                "summary": "A forum to try the reference frontend.",
                "mainImage": image_data(image),
                "topics": [{"name": "Preview topic", "slug": "preview-topic"}],
                "organisers": [],
                "speakers": [speaker_link],
                "participants": [],
                "parentEvent": None,
                "subEvents": [],
                "programme": [
                    {
                        "__typename": "AgendaItemBlock",
                        "id": programme_ids[0],
                        "startTime": "09:00",
                        "endTime": "09:30",
                        "day": "2031-05-12",
                        "title": "Opening",
                        "description": "Welcome.",
                        "speakers": [speaker_link],
                    }
                ],
                "body": [
                    {
                        "__typename": "HeadingBlock",
                        "id": body_ids[0],
                        "text": "Why come",
                        "level": "h2",
                    },
                    {"__typename": "ParagraphBlock", "id": body_ids[1], "html": PARAGRAPH},
                    {
                        "__typename": "ImageBlock",
                        "id": body_ids[2],
                        "image": image_data(image),
                        "altText": "A full hall",
                        "caption": "Last year",
                        "credit": "CzU",
                    },
                    {
                        "__typename": "QuoteBlock",
                        "id": body_ids[3],
                        "text": "Worth it.",
                        "attribution": "A visitor",
                    },
                    {
                        "__typename": "EmbedBlock",
                        "id": body_ids[4],
                        "url": "https://www.youtube.com/watch?v=preview",
                    },
                    {
                        "__typename": "CallToActionBlock",
                        "id": body_ids[5],
                        "text": "See also",
                        "page": {
                            "title": "Preview target",
                            "path": f"/en/{events.slug}/preview-target/",
                            "locale": "en",
                        },
                        "externalUrl": None,
                    },
                    {
                        "__typename": "CallToActionBlock",
                        "id": body_ids[6],
                        "text": "Register",
                        "page": None,
                        "externalUrl": "https://example.org/r",
                    },
                    {
                        "__typename": "DocumentBlock",
                        "id": body_ids[7],
                        "title": "Preview agenda",
                        "document": {
                            "title": "Preview agenda",
                            "url": document.url,
                            "fileExtension": "pdf",
                            "fileSize": 16,
                        },
                    },
                ],
            }
        }
    }


def test_an_expired_token_is_an_error_with_its_code(client, reference_frontend, event, settings):
    token = parse_qs(urlsplit(preview_address(event.page)).query)["token"][0]
    settings.PREVIEW_TOKEN_MAX_AGE = -1

    body = client.post(
        "/graphql/",
        data={"query": query_document(), "variables": {"token": token}, "operationName": "Preview"},
        content_type="application/json",
    ).json()

    assert body["data"] == {"page": None}
    assert [(e["message"], e["extensions"]["code"]) for e in body["errors"]] == [
        ("This preview link has expired; press Preview in the CMS again.", "PREVIEW_TOKEN_EXPIRED")
    ]
    # preview.js shows the message with advice for this code.
    assert "PREVIEW_TOKEN_EXPIRED:" in (STATIC_DIR / "preview.js").read_text()
