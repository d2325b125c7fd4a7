"""Details a frontend runs into: CORS, srcset, fallback breadcrumbs, depth limit, duplicates."""

from wagtail.images.models import Image

from events.models import EventPage
from home.models import Topic

SRCSET = """query { organisation(id: "%s") { logo { width srcSet(format: "webp") } } }"""


def test_cors_allows_configured_frontends_on_the_api_only(client, db, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://frontend.example.org"]
    origin = {"HTTP_ORIGIN": "https://frontend.example.org"}
    api = client.options("/graphql/", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST", **origin)
    assert api["access-control-allow-origin"] == "https://frontend.example.org"
    admin = client.get("/admin/login/", **origin)
    assert "access-control-allow-origin" not in admin
    stranger = client.get(
        "/graphql/", {"query": "{ site { name } }"}, HTTP_ORIGIN="https://evil.example"
    )
    assert "access-control-allow-origin" not in stranger


def test_answers_do_not_vary_with_the_browser_language(client, db):
    response = client.get("/graphql/", {"query": "{ site { name } }"}, HTTP_ACCEPT_LANGUAGE="cs")
    assert "Content-Language" not in response
    assert "Accept-Language" not in response.get("Vary", "")


def test_srcset_never_repeats_a_width(graphql, locales):
    from people.models import Organisation

    organisation = Organisation.objects.get(locale=locales["en"], short_name="UCA")
    logo = Image.objects.get(pk=organisation.logo_id)
    data = graphql(SRCSET % organisation.pk)["data"]["organisation"]["logo"]
    renditions = logo.get_renditions("width-480|format-webp", "width-960|format-webp")
    # The 800px logo: 480w, then the original size once (960 and 1600 would be 800 wide too).
    assert data == {
        "width": 800,
        "srcSet": f"{renditions['width-480|format-webp'].url} 480w, "
        f"{renditions['width-960|format-webp'].url} 800w",
    }


def test_fallback_page_breadcrumbs_are_in_the_asked_locale(graphql, locales):
    forum = EventPage.objects.get(locale=locales["uk"], slug="ai-forum-cz-ua-2024")
    forum.unpublish()
    english = forum.get_translation(locales["en"])
    query = """query($id: ID!) { event(id: $id, locale: "uk") {
        locale isFallback breadcrumbs { title path locale } } }"""
    assert graphql(query, {"id": str(english.pk)})["data"] == {
        "event": {
            "locale": "en",
            "isFallback": True,
            "breadcrumbs": [{"title": "Події", "path": "/uk/podii/", "locale": "uk"}],
        }
    }


def test_translations_carry_absolute_urls_when_configured(graphql, settings):
    settings.FRONTEND_BASE_URLS = {"en": "https://example.org", "uk": "https://example.org/uk"}
    query = """{ event(path: "/cs/akce/ai-forum-cz-ua-2024/") { translations { locale url } } }"""
    assert graphql(query)["data"]["event"]["translations"] == [
        {"locale": "en", "url": "https://example.org/events/ai-forum-cz-ua-2024/"},
        {"locale": "cs", "url": None},
        {"locale": "uk", "url": "https://example.org/uk/podii/ai-forum-cz-ua-2024/"},
    ]


def test_events_are_not_repeated_by_or_filters(graphql, locales):
    forum = EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")
    forum.topics.add(
        forum.topics.model(topic=Topic.objects.get(locale=locales["en"], slug="smart-industry"))
    )
    forum.save()
    query = """{ events(filters: {topic: "artificial-intelligence", OR: {topic: "smart-industry"}},
                        pagination: {limit: 100}) { totalCount results { slug } } }"""
    data = graphql(query)["data"]["events"]
    slugs = [item["slug"] for item in data["results"]]
    # 11 of the demo's events have either topic (its current forum has both).
    assert len(slugs) == len(set(slugs)) == data["totalCount"] == 11


def test_queries_nested_too_deep_are_refused(graphql):
    nested = "title"
    for _ in range(5):
        nested = f"parentEvent {{ subEvents {{ {nested} }} }}"
    query = f'{{ event(path: "/en/events/ai-forum-cz-ua-2024/") {{ {nested} }} }}'

    body = graphql(query, expect_errors=True)
    assert body["errors"][0]["message"] == "'anonymous' exceeds maximum operation depth of 10"
    assert "data" not in body or body["data"] is None
