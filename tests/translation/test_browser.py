"""The translation journey in a real browser (Chromium from Debian, Playwright for Python).

1. an editor writes a new English event in the page explorer, publishes it and requests its
   Ukrainian translation with wagtail-localize's "Translate this page";
2. the Ukrainian translator logs in, finds it from the dashboard, translates it in
   wagtail-localize's editor and submits it for review;
3. the Czech translator cannot open it;
4. the Ukrainian reviewer approves it;
5. GraphQL returns the Ukrainian event, not a fallback, up to date;
6. the editor changes the English summary and publishes: GraphQL shows the uk event outdated.
A screenshot of every step is written to var/test-artifacts/browser/ when the test fails.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.timezone import localtime
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage
from tests.factories import UserFactory
from tests.translation.browser import approve_from_the_dashboard

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts" / "browser"
PASSWORD = "correct horse battery"

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
]

# The English event as the editor types it into Wagtail's page editor.
EVENT = {
    "title": "Cyber Forum 2027",
    "slug": "cyber-forum-2027",
    "kind": "Forum",
    "start": "2027-05-12 09:00",
    "end": "2027-05-13 17:00",
    "time_zone": "Europe/Prague",
    "city": "Prague",
    "summary": "A forum on cyber defence for clusters and companies.",
}

# (tab of the translation editor, segment, Ukrainian text)
TRANSLATIONS = [
    ("Content", "Title", "Кіберфорум 2027"),
    ("Content", "City", "Прага"),
    ("Content", "Summary", "Форум про кіберзахист для кластерів і компаній."),
    ("Promote", "Slug", "kiberforum-2027"),
]
UK_TITLE = TRANSLATIONS[0][2]

GRAPHQL = """
query ($id: ID!) {
  page(id: $id, locale: "uk", fallback: true) {
    title isFallback locale
    ... on EventPage { summary translationStatus { percentTranslated isOutdated } }
  }
}
"""


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
        shots: list[tuple[str, bytes]] = []
        page.shots = shots
        yield page
        failed = getattr(request.node, "rep_call", None) is None or request.node.rep_call.failed
        if failed:
            shutil.rmtree(ARTIFACTS, ignore_errors=True)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            try:
                shots.append(("last", page.screenshot(full_page=True)))
                (ARTIFACTS / "last.html").write_text(page.content())
            except Exception:  # noqa: BLE001 - the browser may be gone; keep what we have
                pass
            for index, (name, data) in enumerate(shots, 1):
                (ARTIFACTS / f"{index:02d}-{name}.png").write_bytes(data)
        browser.close()


def shot(page, name):
    page.shots.append((name, page.screenshot(full_page=True)))


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def field(page, role, label):
    """A form field of Wagtail's editor by its label (the label may end with a required mark)."""
    return page.get_by_role(role, name=re.compile(rf"^{label}\b")).first


def translate_segment(page, tab, label, value):
    page.get_by_role("tab", name=tab).click()
    heading = page.locator("h3").filter(has_text=re.compile(f"^{label}$")).first
    segment = heading.locator("xpath=ancestor::li[1]")
    segment.get_by_role("button", name=re.compile("^(Translate|Edit)$")).click()
    segment.locator("textarea").fill(value)
    segment.get_by_role("button", name="Save").click()
    segment.get_by_role("button", name="Edit").wait_for()


def graphql(page, base, event_id):
    response = page.request.post(
        f"{base}/graphql/", data={"query": GRAPHQL, "variables": {"id": str(event_id)}}
    )
    assert response.ok, response.text()
    body = response.json()
    assert "errors" not in body, body
    return body["data"]["page"]


def test_translation_journey(keep_demo_site, live_server, browser_page):
    page, base = browser_page, live_server.url
    for username, group in [
        ("editor", "Editors"),
        ("translator-uk", "Translators (uk)"),
        ("translator-cs", "Translators (cs)"),
        ("reviewer-uk", "Reviewers (uk)"),
    ]:
        UserFactory(username=username, groups=[group])
    uk = Locale.objects.get(language_code="uk")

    # 1. The editor writes the English event in the page explorer, publishes it and requests
    #    the Ukrainian translation with wagtail-localize's "Translate this page" action.
    log_in(page, base, "editor")
    events_index = EventIndexPage.objects.get(locale__language_code="en")
    page.goto(f"{base}/admin/pages/{events_index.pk}/")
    page.get_by_role("link", name=re.compile("^Add child page")).first.click()
    # EventPage is the only page type allowed under the events index: straight to its form.
    page.wait_for_url(re.compile(r".*/admin/pages/add/events/eventpage/\d+/$"))
    field(page, "textbox", "Title").fill(EVENT["title"])
    field(page, "combobox", "Type").select_option(label=EVENT["kind"])
    # Wagtail's date-time widgets are text inputs with a picker overlay: type into the input.
    for name in ("Start", "End"):
        widget = field(page, "textbox", name)
        widget.fill(EVENT[name.lower()])
        widget.press("Escape")
    field(page, "combobox", "Time zone").select_option(EVENT["time_zone"])
    field(page, "textbox", "City").fill(EVENT["city"])
    field(page, "textbox", "Summary").fill(EVENT["summary"])
    page.get_by_role("tab", name="Promote").click()
    assert field(page, "textbox", "Slug").input_value() == EVENT["slug"]  # from the title
    shot(page, "1-english-written")
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"{base}/admin/pages/{events_index.pk}/")
    shot(page, "1-english-published")
    event = EventPage.objects.get(locale__language_code="en", slug=EVENT["slug"])
    assert event.live and (event.city, event.summary) == (EVENT["city"], EVENT["summary"])
    assert (event.kind, event.time_zone) == ("forum", EVENT["time_zone"])
    assert localtime(event.start).strftime("%Y-%m-%d %H:%M") == EVENT["start"]
    assert localtime(event.end).strftime("%Y-%m-%d %H:%M") == EVENT["end"]
    row = page.get_by_role("row").filter(has_text=EVENT["title"])
    row.get_by_role("button", name=re.compile("More options")).click()
    row.get_by_role("link", name="Translate this page").click()
    page.wait_for_url(f"{base}/admin/localize/submit/page/{event.pk}/")
    page.get_by_label("Ukrainian").check()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_load_state()
    shot(page, "1-translation-requested")
    ukrainian = event.get_translation(uk)
    assert not ukrainian.live

    # 2. The Ukrainian translator finds it from the dashboard and translates it.
    log_in(page, base, "translator-uk")
    panel = page.locator("[data-translation-status-panel]")
    assert panel.locator("tr[data-locale=uk]").count() == 1
    assert panel.locator("tr[data-locale=cs]").count() == 0
    panel.locator("tr[data-locale=uk] a[data-status='in progress']").click()
    page.get_by_role("link", name="Cyber Forum 2027").click()
    page.wait_for_url(f"{base}/admin/pages/{ukrainian.pk}/edit/")
    shot(page, "2-translation-editor")
    for tab, label, value in TRANSLATIONS:
        translate_segment(page, tab, label, value)
    shot(page, "2-translated")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert "Submitted" in page.content()
    shot(page, "2-submitted")

    # 3. The Czech translator cannot open it.
    log_in(page, base, "translator-cs")
    page.goto(f"{base}/admin/pages/{ukrainian.pk}/edit/")
    shot(page, "3-czech-refused")
    assert page.url == f"{base}/admin/"
    assert "permission" in page.content()

    # 4. The Ukrainian reviewer approves it from their dashboard.
    log_in(page, base, "reviewer-uk")
    approve_from_the_dashboard(page, UK_TITLE, lambda: shot(page, "4-review-actions"))
    shot(page, "4-approved")
    ukrainian = EventPage.objects.get(pk=ukrainian.pk)
    assert ukrainian.live and ukrainian.title == UK_TITLE

    # 5. GraphQL returns the Ukrainian event, up to date.
    answer = graphql(page, base, ukrainian.pk)
    assert answer["title"] == UK_TITLE
    assert answer["isFallback"] is False
    assert answer["translationStatus"] == {"percentTranslated": 100, "isOutdated": False}

    # 6. The editor changes the English summary and publishes: the uk event is outdated.
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/pages/{event.pk}/edit/")
    page.fill("#id_summary", "A forum on cyber defence, now with a hackathon.")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/"))
    shot(page, "6-english-republished")
    assert EventPage.objects.get(pk=event.pk).summary.endswith("hackathon.")
    answer = graphql(page, base, ukrainian.pk)
    assert answer["translationStatus"]["isOutdated"] is True
