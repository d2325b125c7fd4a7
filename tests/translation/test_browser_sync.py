"""Keeping a translation current, in a real browser (Debian's Chromium, Playwright for Python).

1. the editor changes the English introduction of a translated page in Wagtail's page editor
   and publishes it: the Ukrainian translation gets a draft with the new English text, its live
   version stays;
2. the Ukrainian translator finds the page in the translation report, sees the changed string
   in wagtail-localize's editor (the banner and the highlighted segment), updates from source
   (already done: nothing more to take in), translates the one new string and submits it;
   the editor makes no request that fails (no 4xx/5xx, its page chooser included) and has no
   script error;
3. the Ukrainian reviewer approves it from their dashboard;
4. GraphQL serves the new Ukrainian introduction with every older translated string intact.
A screenshot of every step is written to var/test-artifacts/browser-sync/ when the test fails.
"""

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings

from cms.translation.status import IN_PROGRESS
from home.models import StandardPage
from tests.factories import UserFactory
from tests.translation.browser import approve_from_the_dashboard
from tests.translation.test_sync import PARAGRAPHS, TEXTS, make_translated_page, version

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts" / "browser-sync"
PASSWORD = "correct horse battery"

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
]

NEW_INTRO = "How translations follow their source, as drafts that reviewers approve."
UK_NEW_INTRO = "Як переклади йдуть за джерелом, як чернетки, які схвалюють рецензенти."

GRAPHQL = """
query ($id: ID!) {
  page(id: $id, locale: "uk", fallback: false) {
    title locale isFallback
    translationStatus { percentTranslated isOutdated }
    ... on StandardPage { intro body { ... on ParagraphBlock { html } } }
  }
}
"""


@pytest.fixture
def browser(request):
    """A Chromium page that records every response of 400 or more (`page.failed`) and every
    uncaught script error (`page.errors`)."""
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = chromium.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        # Generous: the admin's pages are slow on a busy machine, and a timeout tells nothing.
        page.set_default_timeout(60_000)
        page.shots, page.failed, page.errors = [], [], []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on(
            "response",
            lambda response: (
                page.failed.append(f"{response.status} {response.url}")
                if response.status >= 400
                else None
            ),
        )
        yield page
        failed = getattr(request.node, "rep_call", None) is None or request.node.rep_call.failed
        if failed:
            keep_screenshots(page)
        chromium.close()


def keep_screenshots(page):
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        page.shots.append(("last", page.screenshot(full_page=True)))
        (ARTIFACTS / "last.html").write_text(page.content())
    except Exception:  # noqa: BLE001 - the browser may be gone; keep what we have
        pass
    for index, (name, data) in enumerate(page.shots, 1):
        (ARTIFACTS / f"{index:02d}-{name}.png").write_bytes(data)


def shot(page, name):
    page.shots.append((name, page.screenshot(full_page=True)))


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def translate_segment(page, tab, label, value):
    page.get_by_role("tab", name=tab).click()
    heading = page.locator("h3").filter(has_text=re.compile(f"^{label}$")).first
    segment = heading.locator("xpath=ancestor::li[1]")
    segment.get_by_role("button", name=re.compile("^(Translate|Edit)$")).click()
    segment.locator("textarea").fill(value)
    segment.get_by_role("button", name="Save").click()
    segment.get_by_role("button", name="Edit").wait_for()


def graphql(page, base, page_id):
    response = page.request.post(
        f"{base}/graphql/", data={"query": GRAPHQL, "variables": {"id": str(page_id)}}
    )
    assert response.ok, response.text()
    body = response.json()
    assert "errors" not in body, body
    return body["data"]["page"]


def uk_paragraphs() -> list[dict]:
    return [{"html": f"<p>{TEXTS[text]['uk']}</p>"} for text in PARAGRAPHS] + [{}]


def test_an_english_change_reaches_ukrainian_readers_through_review(
    keep_demo_site, live_server, browser
):
    page, base = browser, live_server.url
    users = {
        "editor": UserFactory(username="editor", groups=["Editors"]),
        "translator-uk": UserFactory(username="translator-uk", groups=["Translators (uk)"]),
        "reviewer-uk": UserFactory(username="reviewer-uk", groups=["Reviewers (uk)"]),
    }
    english = make_translated_page(users["editor"])
    ukrainian = version(english, "uk")
    old_intro = TEXTS["How translations follow their source."]["uk"]

    # 1. The editor changes the English introduction and publishes.
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/pages/{english.pk}/edit/")
    page.fill("#id_intro", NEW_INTRO)
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
    shot(page, "1-english-published")
    assert StandardPage.objects.get(pk=english.pk).intro == NEW_INTRO
    ukrainian = version(english, "uk")
    assert ukrainian.live and ukrainian.intro == old_intro
    assert ukrainian.latest_revision.content["intro"] == NEW_INTRO  # the synced draft
    assert graphql(page, base, english.pk)["translationStatus"] == {
        "percentTranslated": 86,
        "isOutdated": True,
    }

    # 2. The Ukrainian translator finds it in the report and opens wagtail-localize's editor.
    log_in(page, base, "translator-uk")
    page.failed.clear()
    query = urlencode({"locale": "uk", "status": IN_PROGRESS})
    page.goto(f"{base}/admin/reports/translation-status/?{query}")
    page.get_by_role("link", name="Keeping current", exact=True).click()
    page.wait_for_url(f"{base}/admin/pages/{ukrainian.pk}/edit/")
    banner = page.locator("[data-outdated-strings]")
    assert banner.get_attribute("data-outdated-strings") == "1"
    assert NEW_INTRO in banner.inner_text()
    marked = page.locator(".js-translation-editor li.translation-outdated")
    marked.first.wait_for()
    assert marked.count() == 1
    assert NEW_INTRO in marked.inner_text()
    # The page chooser of the call to action shows the English home page it points at.
    page.get_by_text("Join the network").first.wait_for()
    shot(page, "2-outdated-in-editor")

    # Update from source: the publish already synced it, nothing more comes in.
    page.locator("button[data-update-from-source]").click()
    page.wait_for_url(f"{base}/admin/pages/{ukrainian.pk}/edit/")
    assert "no string changed since the last update" in page.content()

    translate_segment(page, "Content", "Introduction", UK_NEW_INTRO)
    shot(page, "2-translated")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert "Submitted" in page.content()
    shot(page, "2-submitted")
    page.wait_for_load_state("networkidle")
    assert page.failed == []  # the editor and everything it asked for answered
    assert page.errors == []  # and no script failed

    # 3. The Ukrainian reviewer approves it from their dashboard.
    log_in(page, base, "reviewer-uk")
    approve_from_the_dashboard(page, TEXTS["Keeping current"]["uk"])
    shot(page, "3-approved")

    # 4. GraphQL serves the new Ukrainian text, and every older translated string.
    assert graphql(page, base, english.pk) == {
        "title": TEXTS["Keeping current"]["uk"],
        "locale": "uk",
        "isFallback": False,
        "translationStatus": {"percentTranslated": 100, "isOutdated": False},
        "intro": UK_NEW_INTRO,
        "body": uk_paragraphs(),
    }
