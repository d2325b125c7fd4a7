"""No way around translation roles and review, in a real browser (Debian's Chromium, Playwright).

1. The Czech translator tries every row of the tables "Actions, by role" (docs/translation.md)
   on a Ukrainian page (the memorandum) and a Ukrainian snippet (the "Cybersecurity" topic) with
   a real session: each admin page the action uses is opened, and each request that would
   change something is sent from the page with the session's CSRF token, as the admin's own
   forms and scripts send it. Every one is refused (Wagtail's permission message on the
   dashboard, or 403) and nothing changed in the database; the explorer and the snippet listing
   offer no action on them.
2. The Czech translator cannot make anything live under /cs/ (the Czech memorandum and topic):
   the translation editor's action bar offers "Submit for review" first, "Save draft" next in
   its menu, and no "Publish" or "Convert to alias page"; every request that could publish
   (either editor's Publish, convert to alias, revert or copy with Publish, Wagtail's bulk
   publish, unpublish, sync with Publish; Wagtail has no publish view of its own) is refused or
   makes a draft, and public GraphQL keeps the approved text, after submitting too; the Czech
   reviewer, whose bar leads with "Publish in Czech", approves from the dashboard and GraphQL
   serves the new text. The editor's "Sync translated pages" (and snippets) with "Publish
   immediately" ticked leaves the Czech live text as it was (drafts only).
A screenshot of every step is written to var/test-artifacts/browser-refusals/ on failure.
"""

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringTranslation

from cms.translation.sync_admin import update_url
from home.models import HomePage
from tests.factories import UserFactory
from tests.translation.browser import approve_from_the_dashboard
from tests.translation.test_actions import (
    ACTIONS,
    GROUPS,
    PAGE_TABLE,
    PERMISSION_MESSAGE,
    SNIPPET_TABLE,
    target_for,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts" / "browser-refusals"
PASSWORD = "correct horse battery"
ROLE = "cs translator"
USERNAME = "translator-cs"

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
]


# --- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    """One Chromium for the module; each test gets its own context (cookies, session)."""
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(request, chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    # Generous: the admin's pages are slow on a busy machine, and a timeout tells nothing.
    page.set_default_timeout(60_000)
    page.shots = []
    yield page
    failed = getattr(request.node, "rep_call", None) is None or request.node.rep_call.failed
    if failed:
        keep_screenshots(page, request.node.name)
    context.close()


def keep_screenshots(page, name):
    folder = ARTIFACTS / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        page.shots.append(("last", page.screenshot(full_page=True)))
        (folder / "last.html").write_text(page.content())
    except Exception:  # noqa: BLE001 - the browser may be gone; keep what we have
        pass
    for index, (shot_name, data) in enumerate(page.shots, 1):
        (folder / f"{index:02d}-{shot_name}.png").write_bytes(data)


def shot(page, name):
    page.shots.append((name, page.screenshot(full_page=True)))


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


# Sent from the admin page the browser is on, as the admin's forms and scripts send it: the
# session cookie, the CSRF token of the csrftoken cookie (header and form field), redirects
# followed. No X-Requested-With, so Wagtail answers a refusal as it answers a form.
FETCH = """
async ({url, method, body, contentType}) => {
    const token = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/)[1];
    const response = await fetch(url, {
        method,
        body,
        credentials: "same-origin",
        headers: {"Content-Type": contentType, "X-CSRFToken": token},
    });
    return {
        status: response.status,
        url: response.url,
        redirected: response.redirected,
        text: await response.text(),
    };
}
"""


@dataclass
class BrowserResponse:
    """What test_actions.py's actions read of a test client's response, from the browser."""

    method: str
    url: str
    status: int  # of the last response, after redirects
    final_url: str
    redirected: bool
    text: str

    @property
    def status_code(self) -> int:
        return 302 if self.redirected else self.status

    @property
    def content(self) -> bytes:
        return self.text.encode()

    def describe(self) -> str:
        return f"{self.method} {self.url} → {self.status} {self.final_url}"


class BrowserClient:
    """The test client's get/post/put for test_actions.py's actions, done by Chromium."""

    def __init__(self, page, base):
        self.page, self.base = page, base

    def get(self, url):
        response = self.page.goto(self.base + url)
        first = response.request
        while first.redirected_from is not None:
            first = first.redirected_from
        return BrowserResponse(
            "GET",
            url,
            response.status,
            self.page.url,
            first is not response.request,
            self.page.content(),
        )

    def post(self, url, data=None):
        # A QueryDict (a form read from a page) becomes {name: [values]}: every value is sent.
        body = urlencode(dict(data or {}), doseq=True)
        return self.fetch("POST", url, body, "application/x-www-form-urlencoded")

    def put(self, url, body, content_type):
        return self.fetch("PUT", url, body, content_type)

    def fetch(self, method, url, body, content_type):
        answer = self.page.evaluate(
            FETCH, {"url": url, "method": method, "body": body, "contentType": content_type}
        )
        return BrowserResponse(
            method, url, answer["status"], answer["url"], answer["redirected"], answer["text"]
        )


def is_refusal(response: BrowserResponse, base: str) -> bool:
    if response.status == 403:
        return True
    return response.final_url == f"{base}/admin/" and PERMISSION_MESSAGE in response.text


# --- 1. every action of the tables, on Ukrainian content --------------------------------------


def snapshot(target) -> dict:
    """What any of the actions would change about the object, its translation and its locale."""
    obj = target.get()
    strings = StringTranslation.objects.filter(locale_id=obj.locale_id).aggregate(
        latest=Max("updated_at")
    )
    state = {
        "title": getattr(obj, target.title_field),
        "live": obj.live,
        "locked": (obj.locked, obj.locked_by_id),
        "revisions": obj.revisions.count(),
        "latest revision": obj.latest_revision_id,
        "live revision": obj.live_revision_id,
        "workflow states": sorted(
            WorkflowState.objects.for_instance(obj).values_list("pk", "status")
        ),
        "translation enabled": target.translation().enabled,
        "objects in the locale": type(obj).objects.filter(locale_id=obj.locale_id).count(),
        "strings in the locale": (
            StringTranslation.objects.filter(locale_id=obj.locale_id).count(),
            strings["latest"],
        ),
    }
    if target.is_page:
        state |= {
            "alias of": obj.alias_of_id,
            "parent": obj.get_parent().pk,
            "url path": obj.url_path,
            "unpublished changes": obj.has_unpublished_changes,
        }
    return state


def undo_preparation(target):
    """The row's preparation (a lock by someone else, a workflow in progress) is not the next
    row's: each row starts from the demo's state."""
    target.model.objects.filter(pk=target.pk).update(locked=False, locked_by=None, locked_at=None)
    for state in WorkflowState.objects.for_instance(target.get()).filter(
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
    ):
        state.cancel(user=None)


def try_every_row(page, base, table, kind) -> list[str]:
    """Each row of the table, as the Czech translator on the Ukrainian object; what went wrong."""
    admin = UserFactory(is_superuser=True)
    client = BrowserClient(page, base)
    problems = []
    for action_name, roles in table.items():
        assert "uk" not in roles[ROLE], f"{action_name}: the table allows it; nothing to refuse"
        target = target_for(kind, "uk")
        action = ACTIONS[action_name]()
        action.prepare(target, admin)
        before = snapshot(target)
        page.goto(f"{base}/admin/")  # each row starts from the dashboard
        responses = action.perform(client, target)
        shot(page, f"{kind}-{action_name}")
        described = "; ".join(response.describe() for response in responses)
        accepted = [r.describe() for r in responses if not is_refusal(r, base)]
        if accepted:
            problems.append(f"{kind} {action_name!r}: not refused: {accepted} (all: {described})")
        after = snapshot(target)
        if after != before or (not action.read_only and action.changed(target)):
            changes = {
                key: (before[key], after[key]) for key in before if before[key] != after[key]
            }
            problems.append(f"{kind} {action_name!r}: changed {changes} ({described})")
        undo_preparation(target)
    return problems


# Every address an element of the page links, posts or sends to.
ADDRESSES = """
() => Array.from(
    document.querySelectorAll("[href], [action], [formaction], [data-w-action-url-value]"),
    (element) => ["href", "action", "formaction", "data-w-action-url-value"]
        .map((name) => element.getAttribute(name))
        .filter(Boolean),
).flat()
"""


def action_addresses(target) -> re.Pattern:
    """The admin addresses that act on the object (its own explorer page, which only lists its
    children, is not one)."""
    translation = target.translation().pk
    if target.is_page:
        own = rf"/admin/pages/{target.pk}/[a-z]"
    else:
        meta = target.model._meta
        own = rf"/admin/snippets/{meta.app_label}/{meta.model_name}/[a-z_-]+/{target.pk}/"
    return re.compile(
        "|".join(
            [
                own,
                rf"/admin/localize/[a-z_]+/{target.pk}/",  # convert to alias
                rf"/admin/localize/translate/{translation}/",  # the editor's endpoints
                rf"/admin/translation-review/submit/{translation}/",
                rf"/admin/translation/update/{translation}/",  # update from source
            ]
        )
    )


def offered_actions(page, target) -> list[str]:
    pattern = action_addresses(target)
    return sorted({url for url in page.evaluate(ADDRESSES) if pattern.search(url)})


def listing_of(target) -> str:
    """Where the object is listed: its parent's explorer page, or its model's listing in the
    object's locale."""
    if target.is_page:
        return f"/admin/pages/{target.get().get_parent().pk}/"
    meta = target.model._meta
    return f"/admin/snippets/{meta.app_label}/{meta.model_name}/?locale={target.code}"


def assert_listing_offers_nothing(page, base, target, title):
    page.goto(base + listing_of(target))
    shot(page, f"listing-{target.code}")
    # Wagtail keeps its dropdown menus in the page: the "More" menus' items are counted too.
    assert offered_actions(page, target) == []
    rows = page.get_by_role("row").filter(has_text=title)
    if target.is_page:
        # The explorer opens the translator's own tree instead: the page is not even listed.
        czech_home = HomePage.objects.get(depth=2, locale__language_code="cs")
        assert page.url == f"{base}/admin/pages/{czech_home.pk}/"
        assert rows.count() == 0
    else:
        # Listed (the locale filter shows every locale), with neither a link nor a menu item.
        assert page.url == base + listing_of(target)
        assert rows.count() == 1
        assert rows.get_by_role("link", name=title).count() == 0


def assert_listing_offers_editing(page, base, target):
    """The same listing in the translator's own locale: their edit link is seen."""
    page.goto(base + listing_of(target))
    assert target.url("edit") in offered_actions(page, target)


@pytest.fixture
def czech_translator(browser_page, live_server):
    UserFactory(username=USERNAME, groups=[GROUPS[ROLE]])
    log_in(browser_page, live_server.url, USERNAME)
    return browser_page


def test_the_czech_translator_is_refused_every_action_on_a_ukrainian_page(
    keep_demo_site, live_server, czech_translator
):
    problems = try_every_row(czech_translator, live_server.url, PAGE_TABLE, "page")
    assert problems == []
    target = target_for("page", "uk")
    assert_listing_offers_nothing(czech_translator, live_server.url, target, target.get().title)
    assert_listing_offers_editing(czech_translator, live_server.url, target_for("page", "cs"))


def test_the_czech_translator_is_refused_every_action_on_a_ukrainian_snippet(
    keep_demo_site, live_server, czech_translator
):
    problems = try_every_row(czech_translator, live_server.url, SNIPPET_TABLE, "topic")
    assert problems == []
    target = target_for("topic", "uk")
    assert_listing_offers_nothing(czech_translator, live_server.url, target, target.get().name)
    assert_listing_offers_editing(czech_translator, live_server.url, target_for("topic", "cs"))


# --- 2. nothing goes live under /cs/ without the Czech reviewer ------------------------------

NEW_TITLE = "Memorandum o spolupráci (nový překlad)"
NEW_NAME = "Kybernetická bezpečnost (nový překlad)"
LATER_TITLE = "Memorandum o spolupráci (ještě neschváleno)"
LATER_NAME = "Kybernetická bezpečnost (ještě neschváleno)"

PUBLIC = """
query ($page: ID!) {
  page(id: $page, locale: "cs", fallback: false) { title locale isFallback }
  topic(slug: "cybersecurity", locale: "cs", fallback: false) { name locale isFallback }
}
"""


@pytest.fixture
def public_api(chromium, live_server):
    """What a frontend reads: POST /graphql/ from a browser context without a session."""
    context = chromium.new_context()

    def read(page_id) -> dict:
        response = context.request.post(
            f"{live_server.url}/graphql/",
            data={"query": PUBLIC, "variables": {"page": str(page_id)}},
        )
        assert response.ok, response.text()
        body = response.json()
        assert "errors" not in body, body
        return body["data"]

    yield read
    context.close()


def public_answer(title, name) -> dict:
    return {
        "page": {"title": title, "locale": "cs", "isFallback": False},
        "topic": {"name": name, "locale": "cs", "isFallback": False},
    }


def translate_segment(page, tab, label, value):
    """Type a translation into wagtail-localize's editor (snippets have no tabs)."""
    if tab is not None:
        page.get_by_role("tab", name=tab).click()
    heading = page.locator("h3").filter(has_text=re.compile(f"^{label}$")).first
    segment = heading.locator("xpath=ancestor::li[1]")
    segment.get_by_role("button", name=re.compile("^(Translate|Edit)$")).click()
    segment.locator("textarea").fill(value)
    segment.get_by_role("button", name="Save").click()
    segment.get_by_role("button", name="Edit").wait_for()


def action_bar(page):
    """This app's action bar of the translation editor: (the bar, its main button, the labels
    of the actions one sees)."""
    bar = page.locator("footer[data-translation-actions]")
    main = bar.locator(".w-dropdown-button").first.locator(":scope > button")
    labels = [
        text.strip() for text in bar.locator("[data-translation-action]:visible").all_inner_texts()
    ]
    return bar, main, labels


def open_menu(bar):
    bar.get_by_role("button", name="More actions").click()


def assert_the_translators_action_bar(page, target):
    bar, main, labels = action_bar(page)
    # Submit for review is the main action, at the bottom of the window; nothing else is
    # offered until the menu opens.
    assert main.inner_text().strip() == "Submit for review"
    box, window = main.bounding_box(), page.viewport_size
    assert box["y"] + box["height"] > window["height"] - 80, box
    assert labels == ["Submit for review"]
    # wagtail-localize's own bar (Lock would be its main action) is not shown, and nothing
    # anywhere publishes or converts to an alias.
    react_bar = page.locator(".js-translation-editor footer.footer")
    assert react_bar.count() == 1 and react_bar.is_hidden()
    assert page.locator("button, a").filter(has_text=re.compile(r"^\s*Publish")).count() == 0
    assert page.get_by_text("Convert to alias page").count() == 0
    open_menu(bar)
    menu = ["Submit for review", "Save draft", "Stop Synced translation"]
    # Wagtail locks pages; wagtail-localize offers no lock for snippets.
    assert action_bar(page)[2] == (menu + ["Lock"] if target.is_page else menu)
    page.keyboard.press("Escape")


def live_state(target) -> tuple:
    obj = target.get()
    return (obj.live, obj.live_revision_id, obj.last_published_at, getattr(obj, target.title_field))


# What an attempt to publish must be answered with: a refusal, a page that says so, or (for
# requests the view ignores or takes as a draft) anything, as long as nothing goes live.
REFUSED = "refused"
ANYTHING = None
PUBLISH = {"action-publish": "action-publish"}  # Wagtail's editors' "Publish" button


def get(address):
    return ("GET", address, None)


def post(address, data=None):
    return ("POST", address, data or {})


def publishing_attempts(czech_page, czech_topic):
    """(what, requests, expected answer to the last one) for every request that could put
    something live in Czech."""
    page_revision = czech_page.get().revisions.order_by("created_at", "pk").first().pk
    topic_revision = czech_topic.get().revisions.order_by("created_at", "pk").first().pk
    convert = reverse("wagtail_localize:convert_to_alias", args=[czech_page.pk])
    bulk_publish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    bulk_publish += f"?id={czech_page.pk}"
    copy = {
        "new_title": NEW_TITLE,
        "new_slug": "kopie",
        "new_parent_page": czech_page.get().get_parent().pk,
        "publish_copies": "on",
    }
    topic_add = reverse("wagtailsnippets_home_topic:add") + "?locale=cs"
    topic_copy = {"name": NEW_NAME, "slug": "kopie", "description": "", **PUBLISH}

    def sync_with_publish(target):
        source = target.translation().source_id
        address = reverse("wagtail_localize:update_translations", args=[source])
        return [post(address, {"publish_translations": "on"})]

    return [
        (
            "page: the editor's Publish",
            [post(czech_page.url("edit"), {"action": "publish"})],
            REFUSED,
        ),
        # wagtail-localize's editor replaces Wagtail's and ignores its button.
        (
            "page: Wagtail's Publish on the editor",
            [post(czech_page.url("edit"), PUBLISH)],
            ANYTHING,
        ),
        ("page: convert to alias page", [get(convert), post(convert)], REFUSED),
        (
            "page: revert to a revision and publish",
            [
                get(czech_page.url("revisions_revert", page_revision)),
                post(czech_page.url("revisions_revert", page_revision), PUBLISH),
            ],
            REFUSED,
        ),
        (
            "page: copy, publishing the copy",
            [get(czech_page.url("copy")), post(czech_page.url("copy"), copy)],
            REFUSED,
        ),
        (
            "page: bulk publish, confirmation",
            [get(bulk_publish)],
            "You don't have permission to publish this page",
        ),
        ("page: bulk publish, sent", [post(bulk_publish)], ANYTHING),
        (
            "page: unpublish",
            [get(czech_page.url("unpublish")), post(czech_page.url("unpublish"))],
            REFUSED,
        ),
        ("page: sync translated pages with Publish", sync_with_publish(czech_page), REFUSED),
        (
            "page: update from source (a draft)",
            [post(update_url(czech_page.translation()))],
            ANYTHING,
        ),
        (
            "topic: the editor's Publish",
            [post(czech_topic.url("edit"), {"action": "publish"})],
            REFUSED,
        ),
        (
            "topic: Wagtail's Publish on the editor",
            [post(czech_topic.url("edit"), PUBLISH)],
            REFUSED,
        ),
        (
            "topic: revert to a revision and publish",
            [
                get(czech_topic.url("revisions_revert", topic_revision)),
                post(czech_topic.url("revisions_revert", topic_revision), PUBLISH),
            ],
            REFUSED,
        ),
        (
            "topic: copy, publishing the copy",
            [get(czech_topic.url("copy")), post(topic_add, topic_copy)],
            REFUSED,
        ),
        (
            "topic: unpublish",
            [get(czech_topic.url("unpublish")), post(czech_topic.url("unpublish"))],
            REFUSED,
        ),
        ("topic: sync translated snippets with Publish", sync_with_publish(czech_topic), REFUSED),
        (
            "topic: update from source (a draft)",
            [post(update_url(czech_topic.translation()))],
            ANYTHING,
        ),
    ]


def send(client, requests) -> list[BrowserResponse]:
    responses = []
    for method, address, data in requests:
        if method == "GET":
            responses.append(client.get(address))
        else:
            responses.append(client.post(address, data))
    return responses


def test_nothing_goes_live_in_czech_without_the_czech_reviewer(
    keep_demo_site, live_server, browser_page, public_api
):
    page, base = browser_page, live_server.url
    for username, group in [
        ("translator-cs", "Translators (cs)"),
        ("reviewer-cs", "Reviewers (cs)"),
        ("editor", "Editors"),
    ]:
        UserFactory(username=username, groups=[group])
    czech_page, czech_topic = target_for("page", "cs"), target_for("topic", "cs")
    approved = public_answer(czech_page.get().title, czech_topic.get().name)
    assert public_api(czech_page.pk) == approved
    live = [(target, live_state(target)) for target in (czech_page, czech_topic)]

    def nothing_went_live(step):
        assert public_api(czech_page.pk) == approved, step
        for target, state in live:
            assert live_state(target) == state, step

    # 1. The translator changes a string in each editor and saves a draft: the action bar
    #    offers "Submit for review" first and nothing that publishes.
    log_in(page, base, "translator-cs")
    edits = [
        (czech_page, "Content", "Title", NEW_TITLE, LATER_TITLE),
        (czech_topic, None, "Name", NEW_NAME, LATER_NAME),
    ]
    for target, tab, label, value, _later in edits:
        page.goto(base + target.url("edit"))
        translate_segment(page, tab, label, value)
        assert_the_translators_action_bar(page, target)
        shot(page, f"1-{target.code}-{target.title_field}-translated")
        bar = action_bar(page)[0]
        open_menu(bar)
        bar.get_by_role("button", name="Save draft").click()
        page.wait_for_url(base + target.url("edit"))
        assert "as a draft" in page.locator(".messages").inner_text()
        nothing_went_live(f"saved as a draft: {target.model.__name__}")
        assert target.get().latest_revision.content[target.title_field] == value

    # 2. Every other way to publish, sent from the admin with the session's CSRF token.
    client = BrowserClient(page, base)
    for what, requests, expected in publishing_attempts(czech_page, czech_topic):
        page.goto(f"{base}/admin/")
        last = send(client, requests)[-1]
        if expected == REFUSED:
            assert is_refusal(last, base), (what, last.describe())
        elif expected is not ANYTHING:
            assert expected in last.text, (what, last.describe())
        nothing_went_live(what)

    # 3. Submitted for review: still the approved text; the translator cannot approve it.
    for target, *_texts in edits:
        page.goto(base + target.url("edit"))
        action_bar(page)[1].click()
        page.wait_for_url(base + target.url("edit"))
        assert "Submitted" in page.locator(".messages").inner_text()
        shot(page, f"3-{target.code}-{target.title_field}-submitted")
        task_state = target.get().current_workflow_state.current_task_state
        page.goto(f"{base}/admin/")
        approve = client.post(target.url("workflow_action", "approve", task_state.pk), {})
        assert is_refusal(approve, base), approve.describe()
        nothing_went_live(f"submitted: {target.model.__name__}")

    # 4. The Czech reviewer's editor publishes (their publish is the approval); they approve
    #    both from the dashboard, and the public reads the new text.
    log_in(page, base, "reviewer-cs")
    page.goto(base + czech_page.url("edit"))
    bar, main, labels = action_bar(page)
    main.wait_for()
    assert main.inner_text().strip() == "Publish in Czech"
    open_menu(bar)
    assert "Convert to alias page" in action_bar(page)[2]
    shot(page, "4-reviewers-action-bar")
    page.goto(f"{base}/admin/")
    shot(page, "4-awaiting-review")
    approve_from_the_dashboard(page, NEW_TITLE)
    approve_from_the_dashboard(page, NEW_NAME)
    shot(page, "4-approved")
    assert public_api(czech_page.pk) == public_answer(NEW_TITLE, NEW_NAME)

    # 5. The translator changes them again; the editor syncs the English page and topic with
    #    "Publish immediately": the Czech versions get drafts, the public keeps the approved text.
    log_in(page, base, "translator-cs")
    for target, tab, label, _value, later in edits:
        page.goto(base + target.url("edit"))
        translate_segment(page, tab, label, later)
    log_in(page, base, "editor")
    for target in (czech_page, czech_topic):
        source = target.translation().source_id
        page.goto(f"{base}{reverse('wagtail_localize:update_translations', args=[source])}")
        page.get_by_label("Publish immediately").check()
        page.get_by_role("button", name="Submit").click()
        page.wait_for_load_state()
        shot(page, f"5-synced-{target.model.__name__}")
        assert "Updated as drafts, not published: Czech" in page.locator(".messages").inner_text()
    assert public_api(czech_page.pk) == public_answer(NEW_TITLE, NEW_NAME)
    for target, _tab, _label, value, later in edits:
        obj = target.get()
        assert obj.live and getattr(obj, target.title_field) == value
        assert obj.latest_revision.content[target.title_field] == later
