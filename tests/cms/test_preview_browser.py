"""Preview end to end in a real browser (Debian's Chromium, Playwright for Python).

An editor opens an event in Wagtail's page editor, changes its title without saving and presses
Preview: the side panel shows the reference frontend (/preview/) in its iframe, and "Preview in
new tab" opens it in a tab of its own. Both render the unsaved title and the event's city, read
from the public GraphQL API with the preview token, and nothing the preview page asked for was
refused, failed or broke its Content-Security-Policy. The event is made by the test, so the
demo content may change freely. A screenshot of every step is written to
var/test-artifacts/preview-browser/ when the test fails.
"""

import datetime as dt
import io
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.rich_text import RichText

from events.models import EventPage
from tests.factories import EventPageFactory, UserFactory

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts" / "preview-browser"
PASSWORD = "correct horse battery"

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)",
    ),
]

SAVED_TITLE = "Preview journey forum"
UNSAVED_TITLE = "Preview journey forum: the new title, not saved"
CITY = "Ostrava"
PARAGRAPH = "<p>Come <b>early</b>: the hall fills up.</p>"
# What the preview renders, block by block: the programme, then the body.
BLOCK_TYPES = [
    "AgendaItemBlock",
    "HeadingBlock",
    "ParagraphBlock",
    "ImageBlock",
    "QuoteBlock",
    "CallToActionBlock",
]


@pytest.fixture
def browser_page(request):
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.shots = []
        yield page
        failed = getattr(request.node, "rep_call", None) is None or request.node.rep_call.failed
        if failed:
            save_artifacts(context, page.shots)
        browser.close()


def save_artifacts(context, shots):
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for index, tab in enumerate(context.pages, 1):
        try:
            shots.append((f"last-tab-{index}", tab.screenshot(full_page=True)))
            (ARTIFACTS / f"last-tab-{index}.html").write_text(tab.content())
        except Exception:  # noqa: BLE001 - the browser may be gone; keep what we have
            pass
    for index, (name, data) in enumerate(shots, 1):
        (ARTIFACTS / f"{index:02d}-{name}.png").write_bytes(data)


def shot(page, name):
    page.shots.append((name, page.screenshot(full_page=True)))


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


class PreviewTraffic:
    """What pages of the reference frontend asked for: refused or failed requests, console
    errors (a Content-Security-Policy violation is one)."""

    def __init__(self, context):
        self.refused: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        self.seen: list[str] = []
        context.on("response", self._response)
        context.on("requestfailed", self._failed)
        context.on("console", self._console)

    @staticmethod
    def _from_preview(request) -> bool:
        """The preview page itself, or a request its frame made."""
        if urlsplit(request.url).path == "/preview/":
            return True
        try:
            frame = request.frame
        except playwright_api.Error:
            # A navigation that opens a new tab has no frame yet: not the preview's own request.
            return False
        return urlsplit(frame.url).path == "/preview/"

    def _response(self, response):
        if self._from_preview(response.request):
            self.seen.append(urlsplit(response.url).path)
            if response.status >= 400:
                self.refused.append(f"{response.status} {response.url}")

    def _failed(self, request):
        if self._from_preview(request):
            self.failed.append(f"{request.failure} {request.url}")

    def _console(self, message):
        if message.type == "error" and urlsplit(message.page.url).path == "/preview/":
            self.console_errors.append(message.text)


def expect_event_preview(frame):
    """The reference frontend rendered the unsaved event (in a tab or the panel's iframe)."""
    frame.locator("#preview[data-state=ready]").wait_for()
    article = frame.locator("article")
    assert article.get_attribute("data-page-type") == "EventPage"
    assert article.get_attribute("lang") == "en"
    assert frame.locator("h1.page-title").inner_text() == UNSAVED_TITLE
    city = frame.locator(".event-facts dt", has_text="City").locator(
        "xpath=following-sibling::dd[1]"
    )
    assert city.inner_text() == CITY
    assert frame.locator(".badge--type").inner_text() == "EventPage"
    blocks = frame.locator(".blocks [data-block-type]")
    assert [blocks.nth(i).get_attribute("data-block-type") for i in range(blocks.count())] == (
        BLOCK_TYPES
    )
    assert frame.locator(".agenda-title").inner_text() == "Doors open"
    assert frame.locator("[data-block-type=HeadingBlock] h2").inner_text() == "Getting there"
    # Rich text is inserted as the API's sanitised HTML, plain text as text.
    assert frame.locator(".rich-text.paragraph").inner_html() == PARAGRAPH
    assert frame.locator(".quote blockquote").inner_text() == "<b>Worth</b> the trip."
    assert frame.locator("figure.image img").nth(1).get_attribute("alt") == "The hall, full"


def images_loaded(tab) -> list[int]:
    """The natural widths of the preview's images, once every one has loaded (lazy ones too)."""
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    # Polled from here: wait_for_function would evaluate a string in the page, which the
    # preview's Content-Security-Policy (no 'unsafe-eval') refuses, as it should.
    for _attempt in range(100):
        if tab.evaluate("[...document.images].every((img) => img.complete)"):
            break
        tab.wait_for_timeout(100)
    return tab.evaluate("[...document.images].map((img) => img.naturalWidth)")


def new_image() -> Image:
    data = io.BytesIO()
    PILImage.new("RGB", (1200, 900), (40, 120, 200)).save(data, "JPEG")
    image = Image(title="Preview journey hall")
    image.file = ImageFile(data, name="preview-journey-hall.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


def new_event() -> EventPage:
    image = new_image()
    event = EventPageFactory(
        title=SAVED_TITLE,
        slug="preview-journey-forum",
        city=CITY,
        main_image=image,
        programme=[
            (
                "agenda_item",
                {"start_time": dt.time(9, 0), "title": "Doors open", "speakers": []},
            )
        ],
        body=[
            ("heading", {"text": "Getting there", "level": "h2"}),
            ("paragraph", RichText(PARAGRAPH)),
            ("image", {"image": image, "alt_text": "The hall, full", "caption": "", "credit": ""}),
            ("quote", {"text": "<b>Worth</b> the trip.", "attribution": "A visitor"}),
            ("call_to_action", {"text": "Register", "page": None, "url": "https://example.org/r"}),
        ],
    )
    # The worker has not made the renditions yet (they are made when the event is published):
    # the API then gives the addresses of the on-demand view, which makes them when asked.
    image.renditions.all().delete()
    return event


@pytest.fixture
def preview_to_live_server(settings, live_server):
    settings.PREVIEW_REFERENCE_FRONTEND = True
    settings.PREVIEW_FRONTEND_URLS = {
        code: f"{live_server.url}/preview/" for code in ("en", "cs", "uk")
    }


def test_preview_shows_the_unsaved_title(
    keep_demo_site, live_server, preview_to_live_server, browser_page
):
    page, base = browser_page, live_server.url
    traffic = PreviewTraffic(page.context)
    UserFactory(username="editor", groups=["Editors"])
    event = new_event()

    log_in(page, base, "editor")
    page.goto(f"{base}/admin/pages/{event.pk}/edit/")
    page.fill("#id_title", UNSAVED_TITLE)
    shot(page, "1-title-changed")

    # The preview panel: Wagtail posts the unsaved form, then its iframe loads the preview,
    # which redirects to the reference frontend with a token.
    page.locator("button[data-side-panel-toggle='preview']").click()
    iframe = page.frame_locator("#w-preview-iframe")
    expect_event_preview(iframe)
    shot(page, "2-preview-panel")

    # "Preview in new tab": the same, in a tab of its own.
    with page.context.expect_page() as new_tab:
        page.get_by_role("link", name="Preview in new tab").click()
    tab = new_tab.value
    tab.wait_for_load_state()
    expect_event_preview(tab)
    assert urlsplit(tab.url).path == "/preview/"
    # The main image and the image block, from the on-demand rendition view.
    assert images_loaded(tab) == [800, 800]
    tab.shots = page.shots
    shot(tab, "3-preview-tab")

    # Nothing was saved; the preview page loaded its files and asked the API, all answered.
    assert EventPage.objects.get(pk=event.pk).title == SAVED_TITLE
    seen = set(traffic.seen)
    assert {"/static/preview/preview.js", "/static/preview/preview.graphql", "/graphql/"} <= seen
    assert any(path.startswith("/images/") for path in seen), seen
    assert (traffic.refused, traffic.failed, traffic.console_errors) == ([], [], [])
