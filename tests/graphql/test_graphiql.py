"""GraphiQL is self-hosted (cms/graphql/ide.py): the page at /graphql/ loads only same-origin
static files, runs no inline script, and its default tabs are valid documents that work against
the demo content. With GRAPHIQL off no IDE is served (tests/home/test_graphql.py and
tests/ops/test_production.py)."""

import json
import os
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from graphql import build_schema, parse, validate
from graphql.execution.values import get_variable_values
from graphql.language import OperationDefinitionNode

from cms.preview import make_token, store_preview
from home.models import StandardPage

ROOT = Path(settings.BASE_DIR)
URL = "/graphql/"
SCHEMA = build_schema((ROOT / "schema.graphql").read_text())

# Every URL the page references, in document order: the vendored builds and our own files.
ASSETS = [
    "/static/graphiql/favicon.svg",
    "/static/graphiql/vendor/graphiql/graphiql.min.css",
    "/static/graphiql/page.css",
    "/static/graphiql/vendor/react/react.production.min.js",
    "/static/graphiql/vendor/react-dom/react-dom.production.min.js",
    "/static/graphiql/vendor/graphiql/graphiql.min.js",
    "/static/graphiql/init.js",
]

# Vendored file -> (smallest plausible size in bytes, its package's licence file).
VENDORED = {
    "graphiql/vendor/graphiql/graphiql.min.js": (500_000, "graphiql/vendor/graphiql/LICENSE"),
    "graphiql/vendor/graphiql/graphiql.min.css": (100_000, "graphiql/vendor/graphiql/LICENSE"),
    "graphiql/vendor/react/react.production.min.js": (5_000, "graphiql/vendor/react/LICENSE"),
    "graphiql/vendor/react-dom/react-dom.production.min.js": (
        100_000,
        "graphiql/vendor/react-dom/LICENSE",
    ),
}
LICENCE_HOLDERS = {
    "graphiql/vendor/graphiql/LICENSE": "Copyright (c) 2021 GraphQL Contributors",
    "graphiql/vendor/react/LICENSE": "Copyright (c) Facebook, Inc. and its affiliates.",
    "graphiql/vendor/react-dom/LICENSE": "Copyright (c) Facebook, Inc. and its affiliates.",
}
PINNED = {"graphiql": "3.9.0", "react": "18.3.1", "react-dom": "18.3.1"}

# Attributes through which a page can make the browser fetch or run something.
URL_ATTRIBUTES = {"src", "href", "srcset", "data", "action", "formaction", "poster", "background"}

TAB_OPERATIONS = ["PageByPath", "UpcomingEvents", "Search", "Preview"]


class PageParts(HTMLParser):
    """What a browser would fetch or run from the page, and the GraphiQL element's attributes."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.inline_code: list[str] = []
        self.handlers: list[str] = []
        self.graphiql: dict[str, str] = {}
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.urls += [value for name, value in attrs if name in URL_ATTRIBUTES]
        self.handlers += [name for name, _ in attrs if name.startswith("on") or name == "style"]
        if tag == "script":
            self.in_script = True
        if tag == "style":
            self.inline_code.append("<style>")
        if attributes.get("id") == "graphiql":
            self.graphiql = attributes

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.inline_code.append(data)


@pytest.fixture
def ide_page(client, settings, db) -> PageParts:
    settings.GRAPHIQL = True
    settings.DEBUG = False
    response = client.get(URL, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    parts = PageParts()
    parts.feed(response.content.decode())
    return parts


@pytest.fixture
def tabs(ide_page) -> list[dict]:
    return json.loads(ide_page.graphiql["data-default-tabs"])


def operation_name(query: str) -> str:
    (operation,) = [d for d in parse(query).definitions if isinstance(d, OperationDefinitionNode)]
    return operation.name.value


def test_every_asset_is_a_same_origin_static_file(ide_page):
    assert ide_page.urls == ASSETS
    for url in ide_page.urls:
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == ("", ""), url
        assert url.startswith(settings.STATIC_URL) and not url.startswith("//"), url
        assert finders.find(url.removeprefix(settings.STATIC_URL)), f"{url} is not a static file"


def test_the_page_runs_no_inline_code(ide_page):
    assert ide_page.inline_code == []
    assert ide_page.handlers == []


def test_the_page_names_its_endpoint(ide_page):
    assert ide_page.graphiql["data-endpoint"] == URL


def test_the_vendored_builds_and_their_licences_are_there():
    for path, (smallest, licence) in VENDORED.items():
        found = finders.find(path)
        assert found and Path(found).stat().st_size > smallest, path
        text = Path(finders.find(licence)).read_text()
        assert text.startswith("MIT License\n"), licence
        assert LICENCE_HOLDERS[licence] in text, licence


def test_the_vendored_versions_are_the_pinned_ones():
    folder = Path(finders.find("graphiql/package.json")).parent
    declared = json.loads((folder / "package.json").read_text())["dependencies"]
    locked = json.loads((folder / "package-lock.json").read_text())["packages"]
    assert declared == PINNED
    assert {name: locked[f"node_modules/{name}"]["version"] for name in PINNED} == PINNED
    for name in ("react", "react-dom"):
        build = (folder / "vendor" / name / f"{name}.production.min.js").read_text()
        assert f'.version="{PINNED[name]}' in build, name
    # A source map comment would name a file that is not vendored.
    assert "sourceMappingURL" not in (folder / "vendor/graphiql/graphiql.min.js").read_text()


def test_the_default_tabs_are_valid_against_the_schema(tabs):
    assert [operation_name(tab["query"]) for tab in tabs] == TAB_OPERATIONS
    for tab in tabs:
        document = parse(tab["query"])
        assert validate(SCHEMA, document) == [], tab["query"]
        (operation,) = document.definitions
        coerced = get_variable_values(
            SCHEMA, operation.variable_definitions, json.loads(tab["variables"])
        )
        # Errors come back as a list; coerced values otherwise.
        assert not isinstance(coerced, list), coerced


def test_the_page_tab_finds_its_page(tabs, graphql):
    tab = tabs[TAB_OPERATIONS.index("PageByPath")]
    page = graphql(tab["query"], json.loads(tab["variables"]))["data"]["page"]
    assert {key: page[key] for key in ("__typename", "title", "path", "locale", "isFallback")} == {
        "__typename": "StandardPage",
        "title": "Kdo jsme?",
        "path": "/cs/kdo-jsme/",
        "locale": "cs",
        "isFallback": False,
    }
    assert page["translations"] == [
        {"locale": "en", "path": "/en/who-are-we/"},
        {"locale": "cs", "path": "/cs/kdo-jsme/"},
        {"locale": "uk", "path": "/uk/khto-my/"},
    ]


def test_the_listing_tab_lists_upcoming_czech_events(tabs, graphql):
    tab = tabs[TAB_OPERATIONS.index("UpcomingEvents")]
    events = graphql(tab["query"], json.loads(tab["variables"]))["data"]["events"]
    # The demo's events move with today's date, so the count is checked, not the titles.
    assert events["pageInfo"] == {"offset": 0, "limit": 2}
    assert len(events["results"]) == min(2, events["totalCount"])
    assert {event["path"].split("/")[1] for event in events["results"]} <= {"cs"}


def test_the_search_tab_finds_the_czech_forum(tabs, graphql):
    tab = tabs[TAB_OPERATIONS.index("Search")]
    search = graphql(tab["query"], json.loads(tab["variables"]))["data"]["search"]
    paths = [result["page"]["path"] for result in search["results"]]
    assert "/cs/akce/ai-forum-cz-ua-2024/" in paths
    assert {result["page"]["__typename"] for result in search["results"]} == {"EventPage"}


def test_the_preview_tab_shows_the_unsaved_page(tabs, graphql):
    tab = tabs[TAB_OPERATIONS.index("Preview")]
    page = StandardPage.objects.get(url_path="/cs/kdo-jsme/")
    page.title = "Kdo jsme? (neuloženo)"
    token = make_token(page.pk, store_preview(page))
    data = graphql(tab["query"], {"token": token})["data"]
    assert data == {
        "page": {
            "__typename": "StandardPage",
            "id": str(page.pk),
            "title": "Kdo jsme? (neuloženo)",
            "path": "/cs/kdo-jsme/",
            "locale": "cs",
            "intro": page.intro,
        }
    }


def test_the_preview_tab_placeholder_token_is_refused_with_its_code(tabs, graphql):
    tab = tabs[TAB_OPERATIONS.index("Preview")]
    body = graphql(tab["query"], json.loads(tab["variables"]), expect_errors=True)
    assert body["data"] == {"page": None}
    assert [error["extensions"]["code"] for error in body["errors"]] == ["PREVIEW_TOKEN_INVALID"]


# The strictest policy GraphiQL runs under: nothing but this origin, no inline or eval'd script.
# Its fonts are data: URLs inside the stylesheet; blocking them would only change the typeface.
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'"
)
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")
def test_graphiql_runs_offline_under_a_strict_csp(keep_demo_site, live_server, settings):
    """In Chromium, every request off the CMS's origin refused and STRICT_CSP on every answer:
    GraphiQL starts with its tabs, loads the schema and runs the first tab, with no error."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    settings.GRAPHIQL = True
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's event loop
    elsewhere, problems = [], []

    def same_origin_only(route):
        if not route.request.url.startswith(live_server.url):
            elsewhere.append(route.request.url)
            return route.abort()
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": STRICT_CSP}
        return route.fulfill(response=response, headers=headers)

    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(15_000)
        page.route("**/*", same_origin_only)
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(f"{live_server.url}{URL}")
        for name in TAB_OPERATIONS:
            page.get_by_role("tab", name=name).wait_for()
        # The schema came through introspection: the docs show the root type.
        page.get_by_role("button", name="Show Documentation Explorer").click()
        page.get_by_role("region", name="Documentation Explorer").get_by_text(
            "Query"
        ).first.wait_for()
        page.get_by_role("tab", name="PageByPath").click()
        page.get_by_label("Execute query (Ctrl-Enter)").click()
        result = page.locator(".graphiql-response")
        result.get_by_text('"title": "Kdo jsme?"').wait_for()
        browser.close()
    assert elsewhere == []
    assert problems == []
