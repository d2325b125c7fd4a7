"""Bad input to /graphql/: a clear GraphQL error with a stable code, never a 500 or a traceback.

Errors the API raises itself answer HTTP 200 with `errors[].extensions.code`; GraphQL syntax and
validation errors answer 200 with the parser's message; requests that are not GraphQL at all
(unparsable JSON, no query, a mutation over GET, another method) are refused by the view with a
4xx and the same JSON shape: `{"errors": [{"message", "extensions": {"code"}}]}`.
"""

import pytest
from wagtail.models import Page

from home.models import NewsPage
from people.models import Award, Organisation

pytestmark = pytest.mark.django_db

URL = "/graphql/"

UNKNOWN_LOCALE_MESSAGE = "Unknown locale 'xx'; this site has: cs, en, uk."
PATH_EXAMPLE = "'/en/events/ai-forum-cz-ua-2024/'"
RENDITION_SPECS = "fill-160x160, fill-480x270, fill-960x540, width-800, width-1600"
INTERNAL_ERROR = "Internal server error."

# --- queries ------------------------------------------------------------------------------------

# Listings answer `data: null` on an error (their type is non-null).
UNKNOWN_LOCALE_LISTING_QUERIES = {
    "news": '{ news(locale: "xx") { totalCount results { title } } }',
    "events": '{ events(locale: "xx") { totalCount results { title } } }',
    "people": '{ people(locale: "xx") { totalCount results { name } } }',
    "topics": '{ topics(locale: "xx") { totalCount results { name } } }',
    "organisations": '{ organisations(locale: "xx") { totalCount results { name } } }',
    "awards": '{ awards(locale: "xx") { totalCount results { name } } }',
}

# Detail fields answer `data: {field: null}`.
UNKNOWN_LOCALE_DETAIL_QUERIES = {
    "page by path": ("page", '{ page(path: "/en/events/", locale: "xx") { title } }'),
    "page by id": ("page", 'query Q($id: ID!) { page(id: $id, locale: "xx") { title } }'),
    "event by path": (
        "event",
        '{ event(path: "/en/events/ai-forum-cz-ua-2024/", locale: "xx") { title } }',
    ),
    "event by id": ("event", 'query Q($id: ID!) { event(id: $id, locale: "xx") { title } }'),
    "person": (
        "person",
        '{ person(path: "/en/ambassadors/jana-ukazkova-sample/", locale: "xx") { name } }',
    ),
    "newsItem": (
        "newsItem",
        '{ newsItem(path: "/en/news/smart-city-smart-region-webinar/", locale: "xx") { title } }',
    ),
    "home": ("home", '{ home(locale: "xx") { title } }'),
    "newsIndex": ("newsIndex", '{ newsIndex(locale: "xx") { title } }'),
    "eventIndex": ("eventIndex", '{ eventIndex(locale: "xx") { title } }'),
    "peopleIndex": ("peopleIndex", '{ peopleIndex(locale: "xx") { title } }'),
    "topic": ("topic", '{ topic(slug: "artificial-intelligence", locale: "xx") { name } }'),
    "organisation": (
        "organisation",
        'query Q($id: ID!) { organisation(id: $id, locale: "xx") { name } }',
    ),
    "award": ("award", 'query Q($id: ID!) { award(id: $id, locale: "xx") { name } }'),
}

PAGE_BY_PATH_QUERY = "query Q($path: String!) { page(path: $path) { title } }"
EVENT_BY_PATH_QUERY = "query Q($path: String!) { event(path: $path) { title } }"
PAGE_BY_ID_QUERY = "query Q($id: ID!) { page(id: $id) { title } }"
EVENT_BY_ID_QUERY = "query Q($id: ID!) { event(id: $id) { title } }"
PERSON_BY_ID_QUERY = "query Q($id: ID!) { person(id: $id) { name } }"
NEWS_ITEM_BY_ID_QUERY = "query Q($id: ID!) { newsItem(id: $id) { title } }"
NEWS_ITEM_BY_PATH_QUERY = "query Q($path: String!) { newsItem(path: $path) { title } }"
ORGANISATION_BY_ID_QUERY = "query Q($id: ID!) { organisation(id: $id) { name } }"
AWARD_BY_ID_QUERY = "query Q($id: ID!) { award(id: $id) { name } }"
EVENTS_OF_PARENT_QUERY = (
    "query Q($id: ID!) { events(filters: {parentEvent: $id}) { totalCount results { title } } }"
)
PEOPLE_WITH_AWARD_QUERY = (
    "query Q($id: ID!) { people(filters: {award: $id}) { totalCount results { name } } }"
)
PAGE_WITHOUT_PATH_OR_ID_QUERY = "{ page { title } }"
PAGE_WITH_PATH_AND_ID_QUERY = '{ page(path: "/en/events/", id: "1") { title } }'
TOPIC_QUERY = "query Q($slug: String!) { topic(slug: $slug) { name } }"
EVENTS_IN_CITY_QUERY = (
    "query Q($city: String!) { events(filters: {city: $city}) { totalCount results { title } } }"
)

LISTING_PAGE_QUERY = (
    "query Q($offset: Int!, $limit: Int!) "
    "{ %s(pagination: {offset: $offset, limit: $limit}) { totalCount } }"
)
LISTINGS = ["news", "events", "people", "topics", "organisations", "awards"]

RENDITION_QUERY = """query Q($spec: String!, $format: String) {
  newsItem(path: "/en/news/smart-city-smart-region-webinar/") {
    mainImage { rendition(spec: $spec, format: $format) { url width height } }
  }
}"""
SRC_SET_QUERY = """query Q($widths: [Int!], $format: String!) {
  newsItem(path: "/en/news/smart-city-smart-region-webinar/") {
    mainImage { srcSet(widths: $widths, format: $format) }
  }
}"""

SYNTAX_ERROR_QUERY = "{ events { "
UNKNOWN_FIELD_QUERY = "{ nope }"
WRONG_VARIABLE_TYPE_QUERY = (
    "query Q($limit: Int!) { events(pagination: {limit: $limit}) { totalCount } }"
)
TOO_LARGE_INT_QUERY = "{ events(pagination: {limit: 3000000000}) { totalCount } }"
MUTATION_QUERY = "mutation M { __typename }"


# --- helpers ------------------------------------------------------------------------------------


def assert_no_traceback(response):
    body = response.content.decode()
    assert "Traceback" not in body
    assert 'File "' not in body
    assert ".py" not in body


def post(client, query, **variables):
    """POST a query; bad input must still answer 200 with JSON and no traceback."""
    response = client.post(
        URL, {"query": query, "variables": variables}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    assert_no_traceback(response)
    return response.json()


def location(query, text):
    """GraphQL's {line, column} (1-based) of the first `text` in the query."""
    index = query.index(text)
    line_start = query.rfind("\n", 0, index) + 1
    return {"line": query.count("\n", 0, index) + 1, "column": index - line_start + 1}


def api_error(query, at, path, message, code, data):
    """The whole answer to a query whose field `path` (at `at` in the query) raised our error."""
    return {
        "data": data,
        "errors": [
            {
                "message": message,
                "locations": [location(query, at)],
                "path": path,
                "extensions": {"code": code},
            }
        ],
    }


def id_of(url_path):
    return str(Page.objects.get(url_path=url_path).pk)


def detail_variables(field, locales):
    if field in {"page", "event"}:
        return {"id": id_of("/en/events/ai-forum-cz-ua-2024/")}
    if field == "organisation":
        return {"id": str(Organisation.objects.filter(locale=locales["en"]).first().pk)}
    if field == "award":
        return {"id": str(Award.objects.get(locale=locales["en"]).pk)}
    return {}


# --- unknown locale -----------------------------------------------------------------------------


@pytest.mark.parametrize("field", UNKNOWN_LOCALE_LISTING_QUERIES)
def test_unknown_locale_on_a_listing(client, field):
    query = UNKNOWN_LOCALE_LISTING_QUERIES[field]

    assert post(client, query) == api_error(
        query, field + "(", [field], UNKNOWN_LOCALE_MESSAGE, "LOCALE_NOT_FOUND", data=None
    )


@pytest.mark.parametrize("case", UNKNOWN_LOCALE_DETAIL_QUERIES)
def test_unknown_locale_on_a_detail_field(client, locales, case):
    field, query = UNKNOWN_LOCALE_DETAIL_QUERIES[case]

    assert post(client, query, **detail_variables(field, locales)) == api_error(
        query,
        field + "(",
        [field],
        UNKNOWN_LOCALE_MESSAGE,
        "LOCALE_NOT_FOUND",
        data={field: None},
    )


@pytest.mark.parametrize(
    "field,query",
    [("organisation", ORGANISATION_BY_ID_QUERY), ("award", AWARD_BY_ID_QUERY)],
    ids=["organisation", "award"],
)
def test_unknown_locale_is_reported_even_when_the_snippet_id_is_unknown(client, field, query):
    query = query.replace("(id: $id)", '(id: $id, locale: "xx")')

    assert post(client, query, id="999999") == api_error(
        query,
        field + "(",
        [field],
        UNKNOWN_LOCALE_MESSAGE,
        "LOCALE_NOT_FOUND",
        data={field: None},
    )


# --- paths --------------------------------------------------------------------------------------


# "/en/events" is no longer here: a path without its trailing slash is found (test below).
@pytest.mark.parametrize(
    "path", ["events", "en/events/", "/en/events//", "//", "/en/../x/", "/EN/events/", ""]
)
@pytest.mark.parametrize(
    "query,field",
    [(PAGE_BY_PATH_QUERY, "page"), (EVENT_BY_PATH_QUERY, "event")],
    ids=["page", "event"],
)
def test_malformed_path(client, query, field, path):
    assert post(client, query, path=path) == api_error(
        query,
        field + "(",
        [field],
        f"Malformed path {path!r}: expected a locale-prefixed path such as {PATH_EXAMPLE}.",
        "INVALID_PATH",
        data={field: None},
    )


def test_path_with_a_trailing_newline_is_malformed(client):
    path = "/en/events/\n"

    assert post(client, PAGE_BY_PATH_QUERY, path=path) == api_error(
        PAGE_BY_PATH_QUERY,
        "page(",
        ["page"],
        f"Malformed path {path!r}: expected a locale-prefixed path such as {PATH_EXAMPLE}.",
        "INVALID_PATH",
        data={"page": None},
    )


@pytest.mark.parametrize(
    "query,field",
    [(PAGE_BY_PATH_QUERY, "page"), (EVENT_BY_PATH_QUERY, "event")],
    ids=["page", "event"],
)
def test_path_with_an_unknown_locale_prefix(client, query, field):
    assert post(client, query, path="/xx/events/") == api_error(
        query, field + "(", [field], UNKNOWN_LOCALE_MESSAGE, "LOCALE_NOT_FOUND", data={field: None}
    )


@pytest.mark.parametrize(
    "query,field",
    [(PAGE_WITHOUT_PATH_OR_ID_QUERY, "page"), (PAGE_WITH_PATH_AND_ID_QUERY, "page")],
    ids=["neither", "both"],
)
def test_page_needs_exactly_one_of_path_and_id(client, query, field):
    assert post(client, query) == api_error(
        query,
        field,
        [field],
        "Give either `path` or `id`.",
        "INVALID_ARGUMENT",
        data={field: None},
    )


# --- ids ----------------------------------------------------------------------------------------


def test_id_of_another_page_type(client):
    news_id = id_of("/en/news/smart-city-smart-region-webinar/")

    assert post(client, EVENT_BY_ID_QUERY, id=news_id) == api_error(
        EVENT_BY_ID_QUERY,
        "event(",
        ["event"],
        f"Page {news_id} is of type NewsPage, not EventPage.",
        "WRONG_PAGE_TYPE",
        data={"event": None},
    )


@pytest.mark.parametrize(
    "query,field,path,model",
    [
        (PERSON_BY_ID_QUERY, "person", "/en/events/ai-forum-cz-ua-2024/", "EventPage"),
        (NEWS_ITEM_BY_ID_QUERY, "newsItem", "/en/ambassadors/jana-ukazkova-sample/", "PersonPage"),
    ],
    ids=["person", "newsItem"],
)
def test_id_of_another_page_type_on_other_fields(client, query, field, path, model):
    page_id = id_of(path)
    expected_model = {"person": "PersonPage", "newsItem": "NewsPage"}[field]

    assert post(client, query, id=page_id) == api_error(
        query,
        field + "(",
        [field],
        f"Page {page_id} is of type {model}, not {expected_model}.",
        "WRONG_PAGE_TYPE",
        data={field: None},
    )


def test_path_of_another_page_type(client):
    path = "/en/events/ai-forum-cz-ua-2024/"
    event_id = id_of(path)

    assert post(client, NEWS_ITEM_BY_PATH_QUERY, path=path) == api_error(
        NEWS_ITEM_BY_PATH_QUERY,
        "newsItem(",
        ["newsItem"],
        f"Page {event_id} is of type EventPage, not NewsPage.",
        "WRONG_PAGE_TYPE",
        data={"newsItem": None},
    )


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", ""])
@pytest.mark.parametrize(
    "query,field",
    [
        (PAGE_BY_ID_QUERY, "page"),
        (EVENT_BY_ID_QUERY, "event"),
        (PERSON_BY_ID_QUERY, "person"),
        (NEWS_ITEM_BY_ID_QUERY, "newsItem"),
    ],
    ids=["page", "event", "person", "newsItem"],
)
def test_non_numeric_page_id(client, query, field, value):
    assert post(client, query, id=value) == api_error(
        query,
        field + "(",
        [field],
        f"Malformed id {value!r}: page ids are numbers.",
        "INVALID_ARGUMENT",
        data={field: None},
    )


@pytest.mark.parametrize(
    "query,field",
    [(ORGANISATION_BY_ID_QUERY, "organisation"), (AWARD_BY_ID_QUERY, "award")],
    ids=["organisation", "award"],
)
def test_non_numeric_snippet_id(client, query, field):
    assert post(client, query, id="abc") == api_error(
        query,
        field + "(",
        [field],
        "Malformed id 'abc': ids are numbers.",
        "INVALID_ARGUMENT",
        data={field: None},
    )


@pytest.mark.parametrize(
    "query,field,message",
    [
        (EVENTS_OF_PARENT_QUERY, "events", "Malformed id 'abc': page ids are numbers."),
        (PEOPLE_WITH_AWARD_QUERY, "people", "Malformed id 'abc': ids are numbers."),
    ],
    ids=["events-parentEvent", "people-award"],
)
def test_non_numeric_id_in_a_filter(client, query, field, message):
    assert post(client, query, id="abc") == api_error(
        query, field + "(", [field], message, "INVALID_ARGUMENT", data=None
    )


@pytest.mark.parametrize(
    "query,field,message",
    [
        (PAGE_BY_ID_QUERY, "page", "Malformed id '²': page ids are numbers."),
        (ORGANISATION_BY_ID_QUERY, "organisation", "Malformed id '²': ids are numbers."),
    ],
    ids=["page", "organisation"],
)
def test_id_of_a_non_ascii_digit_is_invalid_argument(client, query, field, message):
    assert post(client, query, id="²") == api_error(
        query, field + "(", [field], message, "INVALID_ARGUMENT", data={field: None}
    )


def test_id_out_of_range_finds_nothing(client):
    """A number too large for the database is simply not found (not a database error)."""
    assert post(client, EVENT_BY_ID_QUERY, id="99999999999999999999") == {"data": {"event": None}}


# --- pagination ---------------------------------------------------------------------------------


@pytest.mark.parametrize("listing", LISTINGS)
def test_page_size_too_large(client, listing):
    query = LISTING_PAGE_QUERY % listing

    assert post(client, query, offset=0, limit=10000) == api_error(
        query,
        listing + "(",
        [listing],
        "limit 10000 is more than the maximum page size of 100; ask for the rest with offset.",
        "PAGE_SIZE_TOO_LARGE",
        data=None,
    )


@pytest.mark.parametrize(
    "offset,limit,message",
    [
        (0, 0, "limit must be at least 1, not 0."),
        (0, -5, "limit must be at least 1, not -5."),
        (-1, 10, "offset must be 0 or more, not -1."),
    ],
)
@pytest.mark.parametrize("listing", LISTINGS)
def test_invalid_limit_or_offset(client, listing, offset, limit, message):
    query = LISTING_PAGE_QUERY % listing

    assert post(client, query, offset=offset, limit=limit) == api_error(
        query, listing + "(", [listing], message, "INVALID_ARGUMENT", data=None
    )


def test_limit_beyond_a_graphql_int(client):
    assert post(client, TOO_LARGE_INT_QUERY) == {
        "data": None,
        "errors": [
            {
                "message": "Int cannot represent non 32-bit signed integer value: 3000000000",
                "locations": [location(TOO_LARGE_INT_QUERY, "3000000000")],
            }
        ],
    }


# --- images -------------------------------------------------------------------------------------

NO_IMAGE = {"newsItem": {"mainImage": None}}


@pytest.mark.parametrize("spec", ["fill-10x10", "width-4000", "width-800|format-png", "original"])
def test_rendition_spec_not_in_the_allowlist(client, spec):
    assert post(client, RENDITION_QUERY, spec=spec) == api_error(
        RENDITION_QUERY,
        "rendition(",
        ["newsItem", "mainImage", "rendition"],
        f"Rendition {spec!r} is not offered; use one of: {RENDITION_SPECS}.",
        "RENDITION_NOT_ALLOWED",
        data=NO_IMAGE,
    )


def test_rendition_format_not_in_the_allowlist(client):
    assert post(client, RENDITION_QUERY, spec="width-800", format="gif") == api_error(
        RENDITION_QUERY,
        "rendition(",
        ["newsItem", "mainImage", "rendition"],
        "Format 'gif' is not offered; use one of: webp, jpeg.",
        "RENDITION_NOT_ALLOWED",
        data=NO_IMAGE,
    )


def test_allowed_rendition_works(client):
    """The control: the same query with an offered spec and format answers without errors."""
    image = NewsPage.objects.get(url_path="/en/news/smart-city-smart-region-webinar/").main_image
    rendition = image.get_rendition("fill-480x270|format-webp")

    assert post(client, RENDITION_QUERY, spec="fill-480x270", format="webp") == {
        "data": {
            "newsItem": {
                "mainImage": {
                    "rendition": {"url": rendition.url, "width": 480, "height": 270},
                }
            }
        }
    }


@pytest.mark.parametrize("widths", [[123], [480, 2000]])
def test_src_set_width_not_allowed(client, widths):
    bad = next(width for width in widths if width not in (480, 960, 1600))

    assert post(client, SRC_SET_QUERY, widths=widths, format="webp") == api_error(
        SRC_SET_QUERY,
        "srcSet(",
        ["newsItem", "mainImage", "srcSet"],
        f"Width {bad} is not offered; use any of: 480, 960, 1600.",
        "RENDITION_NOT_ALLOWED",
        data=NO_IMAGE,
    )


def test_src_set_format_not_allowed(client):
    assert post(client, SRC_SET_QUERY, widths=[480], format="gif") == api_error(
        SRC_SET_QUERY,
        "srcSet(",
        ["newsItem", "mainImage", "srcSet"],
        "Format 'gif' is not offered; use one of: webp, jpeg.",
        "RENDITION_NOT_ALLOWED",
        data=NO_IMAGE,
    )


# --- text the database cannot store -------------------------------------------------------------


@pytest.mark.parametrize(
    "query,variables,field,data,message",
    [
        (
            TOPIC_QUERY,
            {"slug": "cyber\x00security"},
            "topic",
            {"topic": None},
            "slug must not contain the NUL character.",
        ),
        (
            EVENTS_IN_CITY_QUERY,
            {"city": "Pra\x00gue"},
            "events",
            None,
            "city must not contain the NUL character.",
        ),
    ],
    ids=["topic-slug", "events-city"],
)
def test_nul_character_in_a_string_argument(client, query, variables, field, data, message):
    body = post(client, query, **variables)

    assert body["data"] == data
    [error] = body["errors"]
    assert error["message"] == message
    assert error["extensions"] == {"code": "INVALID_ARGUMENT"}


# --- not a valid GraphQL request ----------------------------------------------------------------


def test_syntax_error_over_post(client):
    assert post(client, SYNTAX_ERROR_QUERY) == {
        "data": None,
        "errors": [
            {
                "message": "Syntax Error: Expected Name, found <EOF>.",
                "locations": [{"line": 1, "column": 12}],
            }
        ],
    }


def test_syntax_error_over_get(client):
    response = client.get(URL, {"query": SYNTAX_ERROR_QUERY})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert_no_traceback(response)
    assert response.json() == {
        "data": None,
        "errors": [
            {
                "message": "Syntax Error: Expected Name, found <EOF>.",
                "locations": [{"line": 1, "column": 12}],
            }
        ],
    }


def test_unknown_field(client):
    assert post(client, UNKNOWN_FIELD_QUERY) == {
        "data": None,
        "errors": [
            {
                "message": "Cannot query field 'nope' on type 'Query'. Did you mean 'home'?",
                "locations": [{"line": 1, "column": 3}],
            }
        ],
    }


def test_variable_of_the_wrong_type(client):
    assert post(client, WRONG_VARIABLE_TYPE_QUERY, limit="ten") == {
        "data": None,
        "errors": [
            {
                "message": "Variable '$limit' has invalid value: "
                "Int cannot represent non-integer value: 'ten'",
                "locations": [{"line": 1, "column": 9}],
            }
        ],
    }


def refusal(message: str, code: str) -> dict:
    return {"errors": [{"message": message, "extensions": {"code": code}}]}


def test_mutation_over_get_is_refused(client):
    response = client.get(URL, {"query": MUTATION_QUERY})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == refusal(
        "mutations are not allowed when using GET", "MUTATION_OVER_GET"
    )


def test_mutation_over_post_is_not_supported(client):
    assert post(client, MUTATION_QUERY) == {
        "data": None,
        "errors": [
            {
                "message": "The mutation operation is not supported by the schema.",
                "locations": [{"line": 1, "column": 1}],
            }
        ],
    }


@pytest.mark.parametrize(
    "body,message,code",
    [
        ("{not json", "The request body is not valid JSON.", "INVALID_JSON"),
        ('{"query": ""}', "No GraphQL query found in the request", "QUERY_REQUIRED"),
        ("{}", "No GraphQL query found in the request", "QUERY_REQUIRED"),
    ],
    ids=["invalid-json", "empty-query", "no-query"],
)
def test_request_that_is_not_graphql_is_refused(client, body, message, code):
    response = client.post(URL, body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == refusal(message, code)


def test_get_without_a_query_is_refused(client):
    response = client.get(URL)

    assert response.status_code == 400
    assert response.json() == refusal("No GraphQL query found in the request", "QUERY_REQUIRED")


def test_other_http_methods_are_refused(client):
    response = client.put(URL, "{}", content_type="application/json")

    assert response.status_code == 405
    assert response.json() == refusal(
        "GraphQL only supports GET and POST requests.", "METHOD_NOT_ALLOWED"
    )
