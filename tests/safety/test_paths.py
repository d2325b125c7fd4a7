"""A path without its trailing slash finds the page: "/en/events" is "/en/events/"."""

import pytest

PAGE = """
query Page($path: String!, $locale: String) {
  page(path: $path, locale: $locale) { __typename title path locale }
}
"""
EVENT = """
query Event($path: String!) { event(path: $path) { title path } }
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/en/events", {"__typename": "EventIndexPage", "title": "Events", "path": "/en/events/"}),
        ("/cs/akce", {"__typename": "EventIndexPage", "title": "Akce", "path": "/cs/akce/"}),
        (
            "/en/who-are-we/memorandum",
            {"__typename": "StandardPage", "path": "/en/who-are-we/memorandum/"},
        ),
        ("/en", {"__typename": "HomePage", "path": "/en/"}),
    ],
)
def test_path_without_the_trailing_slash_finds_the_page(graphql, path, expected):
    without = graphql(PAGE, {"path": path})["data"]["page"]
    with_slash = graphql(PAGE, {"path": path + "/"})["data"]["page"]
    assert without == with_slash
    assert {key: without[key] for key in expected} == expected


def test_typed_fields_and_locale_switch_accept_it_too(graphql):
    assert graphql(EVENT, {"path": "/uk/podii/ai-forum-cz-ua-2024"})["data"] == {
        "event": {"title": "AI-форум CZ-UA 2024", "path": "/uk/podii/ai-forum-cz-ua-2024/"}
    }
    page = graphql(PAGE, {"path": "/en/events/ai-forum-cz-ua-2024", "locale": "cs"})["data"]
    assert page["page"]["path"] == "/cs/akce/ai-forum-cz-ua-2024/"


def test_a_missing_page_without_the_slash_is_null_not_an_error(graphql):
    assert graphql(PAGE, {"path": "/en/no-such-page"})["data"] == {"page": None}


@pytest.mark.parametrize("path", ["/en/events//", "en/events", "/en/events/\n", "/en/events\n"])
def test_other_malformed_paths_are_still_invalid(graphql, path):
    body = graphql(PAGE, {"path": path}, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID_PATH"
    assert body["errors"][0]["message"] == (
        f"Malformed path {path!r}: expected a locale-prefixed path such as "
        "'/en/events/ai-forum-cz-ua-2024/'."
    )
