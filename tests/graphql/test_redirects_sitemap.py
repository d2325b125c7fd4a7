"""redirect(path, locale) over the editors' redirects, and the sitemap data."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from cms.schema import schema

SITEMAP = """
query Sitemap($locale: String, $pagination: OffsetPaginationInput) {
  sitemap(locale: $locale, pagination: $pagination) {
    totalCount
    pageInfo { offset limit }
    results { id path url locale lastPublishedAt translations { id locale path url } }
  }
}
"""

SITEMAP_PATHS = """
query SitemapPaths($locale: String, $pagination: OffsetPaginationInput) {
  sitemap(locale: $locale, pagination: $pagination) {
    totalCount
    results { path translations { path } }
  }
}
"""

REDIRECT = """
query Redirect($path: String!, $locale: String) {
  redirect(path: $path, locale: $locale) {
    oldPath isPermanent statusCode location
    page { id title path locale url }
  }
}
"""

UK_EVENT_PATHS = [
    "/uk/podii/ekspertna-misiia-shi-2024/",
    "/uk/podii/ai-forum-cz-ua-2024/",
    "/uk/podii/netvorking-shi-2024/",
    "/uk/podii/ekspertna-misiia-rozumni-mista-2023/",
    "/uk/podii/forum-rozumni-mista-cz-ua-2023/",
    "/uk/podii/ekspertna-misiia-rozumna-promyslovist-2023/",
    "/uk/podii/forum-rozumna-promyslovist-cz-ua-2023/",
    "/uk/podii/ekspertna-misiia-kiberbezpeka-2023/",
    "/uk/podii/forum-kiberbezpeka-cz-ua-2023/",
    "/uk/podii/biznes-misiia-uka-msv-brno-2022/",
    "/uk/podii/vebinar-smart-city-smart-region-2023/",
    # The demo's current events (its scheduled one is English only).
    "/uk/podii/forum-tsyfrovi-innovatsii-cz-ua/",
    "/uk/podii/ekspertna-misiia-tsyfrovi-innovatsii/",
    "/uk/podii/b2b-zustrichi-tsyfrovi-innovatsii/",
    "/uk/podii/vebinar-kiberbezpeka-dosvid-ukrainy/",
    "/uk/podii/biznes-misiia-uka-industriia-4-0/",
    "/uk/podii/vebinar-shi-u-publichnykh-posluhakh/",
]

UK_SITEMAP_IN_TREE_ORDER = [
    "/uk/",
    "/uk/khto-my/",
    "/uk/khto-my/memorandum/",
    "/uk/ambasadory/",
    "/uk/ambasadory/yana-ukazkova-zrazok/",
    "/uk/ambasadory/petr-vzorovyi-zrazok/",
    "/uk/ambasadory/emili-eksampl-zrazok/",
    "/uk/podii/",
    *UK_EVENT_PATHS,
    "/uk/novyny/",
    "/uk/novyny/dvostoronnia-prohrama-industriia-4-0/",
    "/uk/novyny/misiia-uka-na-msv-brno/",
    "/uk/novyny/nahoroda-professionals4ukraine/",
    "/uk/novyny/vebinar-smart-city-smart-region/",
    "/uk/novyny/reiestratsiia-forum-tsyfrovi-innovatsii/",
]
# Not there: the demo's private page (/uk/khto-my/dlia-chleniv/) and expired news item.


def published(page_pk) -> str:
    return Page.objects.get(pk=page_pk).last_published_at.isoformat()


def link(page_id, path, url=None):
    return {"id": page_id(path), "locale": path[1:3], "path": path, "url": url}


# --- sitemap ---------------------------------------------------------------------------------


def test_sitemap_lists_every_visible_page_with_its_translations(graphql, page_id, settings):
    settings.FRONTEND_BASE_URLS = {"uk": "https://example.org/uk"}
    data = graphql(SITEMAP, {"locale": "uk", "pagination": {"offset": 8, "limit": 2}})["data"]
    forum = page_id("/uk/podii/ai-forum-cz-ua-2024/")
    mission = page_id("/uk/podii/ekspertna-misiia-shi-2024/")
    assert data == {
        "sitemap": {
            "totalCount": 31,
            "pageInfo": {"offset": 8, "limit": 2},
            "results": [
                {
                    "id": mission,
                    "path": "/uk/podii/ekspertna-misiia-shi-2024/",
                    "url": "https://example.org/uk/podii/ekspertna-misiia-shi-2024/",
                    "locale": "uk",
                    "lastPublishedAt": published(mission),
                    "translations": [
                        link(page_id, "/en/events/ai-expert-mission-2024/"),
                        link(page_id, "/cs/akce/expertni-mise-ai-2024/"),
                        link(
                            page_id,
                            "/uk/podii/ekspertna-misiia-shi-2024/",
                            "https://example.org/uk/podii/ekspertna-misiia-shi-2024/",
                        ),
                    ],
                },
                {
                    "id": forum,
                    "path": "/uk/podii/ai-forum-cz-ua-2024/",
                    "url": "https://example.org/uk/podii/ai-forum-cz-ua-2024/",
                    "locale": "uk",
                    "lastPublishedAt": published(forum),
                    "translations": [
                        link(page_id, "/en/events/ai-forum-cz-ua-2024/"),
                        link(page_id, "/cs/akce/ai-forum-cz-ua-2024/"),
                        link(
                            page_id,
                            "/uk/podii/ai-forum-cz-ua-2024/",
                            "https://example.org/uk/podii/ai-forum-cz-ua-2024/",
                        ),
                    ],
                },
            ],
        }
    }


def test_sitemap_pages_through_the_whole_locale_in_tree_order(graphql):
    first = graphql(SITEMAP_PATHS, {"locale": "uk", "pagination": {"limit": 20}})["data"]
    rest = graphql(SITEMAP_PATHS, {"locale": "uk", "pagination": {"offset": 20}})["data"]
    paths = [item["path"] for item in first["sitemap"]["results"] + rest["sitemap"]["results"]]
    assert paths == UK_SITEMAP_IN_TREE_ORDER
    assert first["sitemap"]["totalCount"] == rest["sitemap"]["totalCount"] == 31


def test_sitemap_leaves_out_what_the_public_cannot_see(graphql, page_id):
    Page.objects.get(pk=page_id("/cs/akce/ai-forum-cz-ua-2024/")).unpublish()
    data = graphql(SITEMAP_PATHS, {"locale": "uk", "pagination": {"limit": 100}})["data"]
    forum = next(
        item
        for item in data["sitemap"]["results"]
        if item["path"] == "/uk/podii/ai-forum-cz-ua-2024/"
    )
    assert forum["translations"] == [
        {"path": "/en/events/ai-forum-cz-ua-2024/"},
        {"path": "/uk/podii/ai-forum-cz-ua-2024/"},
    ]
    cs = graphql(SITEMAP_PATHS, {"locale": "cs", "pagination": {"limit": 100}})["data"]
    assert cs["sitemap"]["totalCount"] == 30
    assert "/cs/akce/ai-forum-cz-ua-2024/" not in [i["path"] for i in cs["sitemap"]["results"]]


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"locale": "de"}, "LOCALE_NOT_FOUND"),
        ({"pagination": {"limit": 101}}, "PAGE_SIZE_TOO_LARGE"),
        ({"pagination": {"offset": -1}}, "INVALID_ARGUMENT"),
    ],
)
def test_sitemap_bad_input(graphql, variables, code):
    body = graphql(SITEMAP_PATHS, variables, expect_errors=True)
    assert body["data"] is None
    assert [error["extensions"]["code"] for error in body["errors"]] == [code]


# --- redirects -------------------------------------------------------------------------------


@pytest.fixture
def forum_en(page_id):
    return Page.objects.get(pk=page_id("/en/events/ai-forum-cz-ua-2024/"))


def test_permanent_redirect_to_a_page_in_the_locale_of_the_path(graphql, forum_en, page_id):
    Redirect.add_redirect("/cs/stara-akce/", forum_en, is_permanent=True)
    forum_cs = page_id("/cs/akce/ai-forum-cz-ua-2024/")
    assert graphql(REDIRECT, {"path": "/cs/stara-akce/"})["data"] == {
        "redirect": {
            "oldPath": "/cs/stara-akce",
            "isPermanent": True,
            "statusCode": 301,
            "location": "/cs/akce/ai-forum-cz-ua-2024/",
            "page": {
                "id": forum_cs,
                "title": "AI fórum CZ-UA 2024",
                "path": "/cs/akce/ai-forum-cz-ua-2024/",
                "locale": "cs",
                "url": None,
            },
        }
    }


def test_redirect_target_in_the_asked_locale_with_frontend_url(
    graphql, forum_en, page_id, settings
):
    settings.FRONTEND_BASE_URLS = {"uk": "https://example.org/uk/"}
    Redirect.add_redirect("/old-forum?b=2&a=1", forum_en, is_permanent=False)
    answer = graphql(REDIRECT, {"path": "/old-forum/?a=1&b=2", "locale": "uk"})["data"]
    assert answer == {
        "redirect": {
            "oldPath": "/old-forum?a=1&b=2",
            "isPermanent": False,
            "statusCode": 302,
            "location": "https://example.org/uk/podii/ai-forum-cz-ua-2024/",
            "page": {
                "id": page_id("/uk/podii/ai-forum-cz-ua-2024/"),
                "title": "AI-форум CZ-UA 2024",
                "path": "/uk/podii/ai-forum-cz-ua-2024/",
                "locale": "uk",
                "url": "https://example.org/uk/podii/ai-forum-cz-ua-2024/",
            },
        }
    }


def test_untranslated_target_falls_back_to_the_default_locale(graphql, forum_en, page_id):
    Page.objects.get(pk=page_id("/uk/podii/ai-forum-cz-ua-2024/")).unpublish()
    Redirect.add_redirect("/uk/stara-podiia", forum_en, is_permanent=True)
    answer = graphql(REDIRECT, {"path": "/uk/stara-podiia"})["data"]["redirect"]
    assert answer["location"] == "/en/events/ai-forum-cz-ua-2024/"
    assert answer["page"]["locale"] == "en"


def test_redirect_to_an_external_url(graphql):
    Redirect.add_redirect("/en/memorandum-pdf", "https://example.com/memorandum.pdf", False)
    assert graphql(REDIRECT, {"path": "/en/memorandum-pdf/"})["data"] == {
        "redirect": {
            "oldPath": "/en/memorandum-pdf",
            "isPermanent": False,
            "statusCode": 302,
            "location": "https://example.com/memorandum.pdf",
            "page": None,
        }
    }


def test_site_redirect_wins_over_an_all_sites_redirect(graphql, forum_en):
    Redirect.add_redirect("/en/dup", "https://example.com/all-sites", True)
    Redirect.add_redirect("/en/dup", "https://example.com/this-site", True, site=Site.objects.get())
    answer = graphql(REDIRECT, {"path": "/en/dup"})["data"]["redirect"]
    assert answer["location"] == "https://example.com/this-site"


def test_no_redirect_and_invisible_target_give_null(graphql, forum_en):
    assert graphql(REDIRECT, {"path": "/en/nothing-here/"})["data"] == {"redirect": None}
    Redirect.add_redirect("/en/to-a-draft", forum_en, True)
    for page in Page.objects.filter(translation_key=forum_en.translation_key):
        page.unpublish()
    assert graphql(REDIRECT, {"path": "/en/to-a-draft"})["data"] == {"redirect": None}


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"path": "en/old/"}, "INVALID_PATH"),
        ({"path": "/" + "x" * 300}, "INVALID_PATH"),
        ({"path": "/en/\x00"}, "INVALID_ARGUMENT"),
        ({"path": "/en/old/", "locale": "de"}, "LOCALE_NOT_FOUND"),
    ],
)
def test_redirect_bad_input(graphql, variables, code):
    body = graphql(REDIRECT, variables, expect_errors=True)
    assert body["data"] == {"redirect": None}
    assert [error["extensions"]["code"] for error in body["errors"]] == [code]


def test_no_query_lists_the_redirect_table():
    fields = schema.get_type_by_name("Query").fields
    assert [field.name for field in fields if "redirect" in field.name.lower()] == ["redirect"]
