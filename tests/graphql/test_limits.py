"""API limits (cms/graphql/limits.py): documents over a limit are refused before anything runs.

Each refusal answers HTTP 200 with one GraphQL error carrying its own `extensions.code` and
`data: null`, like other validation errors, and costs no SQL query. The analysis is linear in the
size of the document, so even a fragment bomb is refused in milliseconds.
"""

import os
import time

import pytest
from graphql import build_schema, get_introspection_query, parse

from cms.graphql.limits import DEFAULT_LIMITS, check_document
from cms.schema import schema

pytestmark = pytest.mark.django_db

URL = "/graphql/"
EVENT_PATH = "/en/events/ai-forum-cz-ua-2024/"
# What the depth queries below answer: the forum is part of a mission, which is part of nothing.
EVENT_PARENTS = {"data": {"event": {"parentEvent": {"parentEvent": None}}}}

# --- documents ----------------------------------------------------------------------------------

# 25 fragments, each spreading the one before twice: 2^24 fields in about 1 KB.
FRAGMENT_BOMB = "\n".join(
    ["{ ...F24 }", "fragment F0 on Query { __typename }"]
    + [f"fragment F{n} on Query {{ ...F{n - 1} ...F{n - 1} }}" for n in range(1, 25)]
)
FRAGMENT_CYCLE = """
{ ...A }
fragment A on Query { site { name } ...B }
fragment B on Query { ...C }
fragment C on Query { ...A }
"""
SELF_SPREAD = "{ ...A } fragment A on Query { ...A }"

TYPENAME_ALIASES_20000 = "{ " + " ".join(f"a{n}: __typename" for n in range(20_000)) + " }"
TYPENAME_ALIASES_30 = "{ " + " ".join(f"a{n}: __typename" for n in range(30)) + " }"
TYPENAME_ALIASES_31 = "{ " + " ".join(f"a{n}: __typename" for n in range(31)) + " }"
# 2 × 16 aliases through a fragment spread twice.
ALIASES_IN_FRAGMENT = (
    "{ ...A ...A } fragment A on Query { " + " ".join(f"a{n}: __typename" for n in range(16)) + " }"
)
LISTING_ALIASES_1000 = (
    "{ "
    + " ".join(
        f"e{n}: events(pagination: {{limit: 100}}) {{ results {{ title }} }}" for n in range(1000)
    )
    + " }"
)

# A card listing as a frontend asks for it (tests/cms/test_query_counts.py).
EVENT_CARDS = """
query Events($limit: Int!) {
  events(locale: "en", pagination: {limit: $limit}) {
    totalCount
    results {
      title path start
      breadcrumbs { title path }
      translations { locale path }
      mainImage { altText rendition(spec: "fill-480x270", format: "webp") { url width height } }
      topics { name slug }
      organisers { name }
      speakers { name path }
    }
  }
}
"""
# 100 events × 10 sub-events (assumed) × 10 speakers (assumed).
NESTED_LISTS = (
    "{ events(pagination: {limit: 100}) { results { subEvents { speakers { name } } } } }"
)
NESTED_LISTS_DEEPER = (
    "{ events(pagination: {limit: 100}) "
    "{ results { subEvents { subEvents { speakers { name } } } } } }"
)
# Depth counts selection sets below the root field: `event { … }` is 1, each parentEvent adds 1.
DEPTH_10 = (
    f'{{ event(path: "{EVENT_PATH}") {{ ' + "parentEvent { " * 9 + "title" + " }" * 9 + " } }"
)
DEPTH_11 = (
    f'{{ event(path: "{EVENT_PATH}") {{ ' + "parentEvent { " * 10 + "title" + " }" * 10 + " } }"
)
# The same depths, through fragments (1 + 4 + 5 and 1 + 4 + 6).
DEPTH_10_IN_FRAGMENTS = f"""
{{ event(path: "{EVENT_PATH}") {{ ...Up4 }} }}
fragment Up4 on EventPage {{ parentEvent {{ parentEvent {{ parentEvent {{ parentEvent {{
  ...Up5 }} }} }} }} }}
fragment Up5 on EventPage {{ parentEvent {{ parentEvent {{ parentEvent {{ parentEvent {{
  parentEvent {{ title }} }} }} }} }} }}
"""
DEPTH_11_IN_FRAGMENTS = f"""
{{ event(path: "{EVENT_PATH}") {{ ...Up4 }} }}
fragment Up4 on EventPage {{ parentEvent {{ parentEvent {{ parentEvent {{ parentEvent {{
  ...Up6 }} }} }} }} }}
fragment Up6 on EventPage {{ parentEvent {{ parentEvent {{ parentEvent {{ parentEvent {{
  parentEvent {{ parentEvent {{ title }} }} }} }} }} }} }}
"""
FIELDS_500 = "{ site { " + "name " * 499 + "} }"
FIELDS_501 = "{ site { " + "name " * 500 + "} }"
FIELDS_501_IN_FRAGMENTS = "{ site { ...N ...N } } fragment N on Site { " + "name " * 250 + "}"
SITE_NAME = "{ site { name } }"  # 6 tokens
TOKENS_2000 = "# comment\n" * 1994 + SITE_NAME
TOKENS_2001 = "# comment\n" * 1995 + SITE_NAME
ORDERED_EVENTS = (
    "query Q($ordering: [EventOrdering!]!) { events(ordering: $ordering) { totalCount } }"
)
ORDERING_LITERAL_21 = (
    "{ events(ordering: [" + ", ".join(["{title: ASC}"] * 21) + "]) { totalCount } }"
)
EVENT_COUNT = "{ events { totalCount } }"
FORUM_COUNT = "{ events(filters: {kind: FORUM}) { totalCount } }"
# `filters` is 1 level, each AND one more: 10 and 11 levels.
FORUM_COUNT_10_LEVELS = (
    "{ events(filters: " + "{AND: " * 9 + "{kind: FORUM}" + "}" * 9 + ") { totalCount } }"
)
FORUM_COUNT_11_LEVELS = (
    "{ events(filters: " + "{AND: " * 10 + "{kind: FORUM}" + "}" * 10 + ") { totalCount } }"
)
TWO_ANONYMOUS_OPERATIONS = "{ site { name } } { site { defaultLocale } }"
TWO_NAMED_OPERATIONS = "query A { site { name } } query B { site { defaultLocale } }"
ONLY_A_FRAGMENT = "fragment N on Site { name }"
NESTED_INTROSPECTION = (
    '{ __type(name: "EventPage") { fields { type { fields { type { fields { name } } } } } } }'
)

# A schema with a listing inside a listing, to cost a page of 100 inside a page of 100.
NESTED_LISTINGS_SCHEMA = build_schema(
    """
    input OffsetPaginationInput { offset: Int! = 0, limit: Int }
    type Item { name: String! }
    type ItemPage { totalCount: Int!, results: [Item!]! }
    type Group { name: String!, items(pagination: OffsetPaginationInput): ItemPage! }
    type GroupPage { totalCount: Int!, results: [Group!]! }
    type Query { groups(pagination: OffsetPaginationInput): GroupPage! }
    """
)
GROUPS_OF_ITEMS = """
{ groups(pagination: {limit: 100}) { results { items(pagination: {limit: 100}) {
  results { name } } } } }
"""
GROUPS_OF_ITEMS_VARIABLES = """
query Q($groups: Int, $items: OffsetPaginationInput) {
  groups(pagination: {limit: $groups}) { results { items(pagination: $items) {
    results { name } } } } }
"""
GROUPS_OF_ITEMS_DEFAULTS = """
query Q($groups: Int = 100) {
  groups(pagination: {limit: $groups}) { results { items { results { name } } } } }
"""


# --- helpers ------------------------------------------------------------------------------------


def post(client, query, variables=None, operation_name=None):
    """POST a document; refusals and successes alike answer HTTP 200 with JSON."""
    data = {"query": query, "variables": variables or {}}
    if operation_name is not None:
        data["operationName"] = operation_name
    response = client.post(URL, data, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def refusal(message, code):
    return {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}


def with_limits(settings, **limits):
    settings.GRAPHQL_LIMITS = {**settings.GRAPHQL_LIMITS, **limits}


def fields_message(count, limit=500):
    return (
        f"The query selects {count} fields, fragments counted at each use; at most {limit} are "
        "allowed (MAX_FIELDS)."
    )


def aliases_message(count, limit=30):
    return f"The query uses {count} aliases; at most {limit} are allowed (MAX_ALIASES)."


def cost_message(cost, limit=15_000):
    return (
        f"The query's estimated cost is {cost}; at most {limit} is allowed (MAX_COST). Ask for "
        "fewer items per page or fewer nested lists."
    )


def document_message(size, limit=20_000):
    return (
        f"The query is {size} bytes long; at most {limit} bytes are allowed (MAX_DOCUMENT_BYTES)."
    )


def depth_message(limit=10):
    return f"'anonymous' exceeds maximum operation depth of {limit}"


def tokens_message(limit=2000):
    return f"The query has more than {limit} tokens; at most {limit} are allowed (MAX_TOKENS)."


@pytest.fixture
def warm(client):
    """One request first, so that timings do not include loading the URLconf and the schema."""
    assert post(client, "{ __typename }") == {"data": {"__typename": "Query"}}
    return client


# --- settings -----------------------------------------------------------------------------------


def test_settings_state_the_defaults(settings):
    for key, default in DEFAULT_LIMITS.items():
        if f"GRAPHQL_{key}" not in os.environ:
            assert settings.GRAPHQL_LIMITS[key] == default, key


# --- fragments ----------------------------------------------------------------------------------


def test_fragment_bomb_is_refused_in_linear_time(warm, django_assert_num_queries):
    assert len(FRAGMENT_BOMB.encode()) < 1100
    with django_assert_num_queries(0):
        start = time.perf_counter()
        body = post(warm, FRAGMENT_BOMB)
        elapsed = time.perf_counter() - start

    assert body == refusal(fields_message(2**24), "TOO_MANY_FIELDS")
    assert elapsed < 0.1, f"{elapsed:.3f} s"


def test_fragment_bomb_statistics_are_counted_not_expanded():
    stats = check_document(
        parse(FRAGMENT_BOMB), schema._schema, limits={"MAX_FIELDS": 2**30, "MAX_COST": 2**30}
    )
    assert (stats.fields, stats.depth, stats.aliases, stats.total_cost) == (2**24, 0, 0, 2**24)


def test_a_much_larger_fragment_bomb_is_still_counted_at_once():
    # 200 doublings: 2^199 fields, which no expanding walker would ever finish.
    document = "\n".join(
        ["{ ...F199 }", "fragment F0 on Query { __typename }"]
        + [f"fragment F{n} on Query {{ ...F{n - 1} ...F{n - 1} }}" for n in range(1, 200)]
    )
    parsed = parse(document, max_tokens=5000)
    limits = {"MAX_FIELDS": 2**300, "MAX_COST": 2**300}
    start = time.perf_counter()
    stats = check_document(parsed, schema._schema, limits=limits)
    assert time.perf_counter() - start < 0.1
    assert stats.fields == 2**199


def test_fragment_cycle_is_refused(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        body = post(client, FRAGMENT_CYCLE)

    assert body == refusal(
        "Fragment 'A' spreads itself (A → B → C → A); fragments must not form a cycle.",
        "FRAGMENT_CYCLE",
    )


def test_fragment_spreading_itself_is_refused(client):
    assert post(client, SELF_SPREAD) == refusal(
        "Fragment 'A' spreads itself (A → A); fragments must not form a cycle.", "FRAGMENT_CYCLE"
    )


# --- aliases ------------------------------------------------------------------------------------


def test_20000_aliases_are_refused_quickly(warm, django_assert_num_queries):
    # The POST body (370 KB) is over MAX_BODY_BYTES: the view refuses it before decoding.
    with django_assert_num_queries(0):
        start = time.perf_counter()
        response = warm.post(
            URL, {"query": TYPENAME_ALIASES_20000}, content_type="application/json"
        )
        elapsed = time.perf_counter() - start

    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "message": "The request body is larger than 100000 bytes (MAX_BODY_BYTES).",
                "extensions": {"code": "BODY_TOO_LARGE"},
            }
        ]
    }
    assert elapsed < 0.1, f"{elapsed:.3f} s"


def test_20000_aliases_are_refused_before_parsing(warm, settings, django_assert_num_queries):
    # With a larger body allowed, the document's size refuses it, before it is parsed.
    with_limits(settings, MAX_BODY_BYTES=1_000_000)
    size = len(TYPENAME_ALIASES_20000.encode())
    with django_assert_num_queries(0):
        start = time.perf_counter()
        body = post(warm, TYPENAME_ALIASES_20000)
        elapsed = time.perf_counter() - start

    assert body == refusal(document_message(size), "DOCUMENT_TOO_LARGE")
    assert elapsed < 0.1, f"{elapsed:.3f} s"


def test_30_aliases_are_allowed_31_refused(client):
    assert post(client, TYPENAME_ALIASES_30) == {"data": {f"a{n}": "Query" for n in range(30)}}
    assert post(client, TYPENAME_ALIASES_31) == refusal(aliases_message(31), "TOO_MANY_ALIASES")


def test_aliases_in_fragments_count_at_each_spread(client):
    assert post(client, ALIASES_IN_FRAGMENT) == refusal(aliases_message(32), "TOO_MANY_ALIASES")


def test_alias_limit_is_a_setting(client, settings):
    with_limits(settings, MAX_ALIASES=31)
    assert post(client, TYPENAME_ALIASES_31)["data"]["a30"] == "Query"
    with_limits(settings, MAX_ALIASES=5)
    assert post(client, TYPENAME_ALIASES_30) == refusal(
        aliases_message(30, limit=5), "TOO_MANY_ALIASES"
    )


# --- 1,000 aliased listings -----------------------------------------------------------------------


def test_1000_aliased_listings_are_refused_by_their_size(client, django_assert_num_queries):
    size = len(LISTING_ALIASES_1000.encode())
    with django_assert_num_queries(0):
        body = post(client, LISTING_ALIASES_1000)
    assert body == refusal(document_message(size), "DOCUMENT_TOO_LARGE")


def test_1000_aliased_listings_are_refused_by_their_aliases(
    client, settings, django_assert_num_queries
):
    with_limits(settings, MAX_DOCUMENT_BYTES=1_000_000, MAX_TOKENS=1_000_000)
    with django_assert_num_queries(0):
        body = post(client, LISTING_ALIASES_1000)
    assert body == refusal(aliases_message(1000), "TOO_MANY_ALIASES")


def test_1000_aliased_listings_are_refused_by_their_cost(
    client, settings, django_assert_num_queries
):
    with_limits(
        settings,
        MAX_DOCUMENT_BYTES=1_000_000,
        MAX_TOKENS=1_000_000,
        MAX_ALIASES=1000,
        MAX_FIELDS=3000,
    )
    with django_assert_num_queries(0):
        body = post(client, LISTING_ALIASES_1000)
    # Each: 1 (events) + 1 (results) + 100 items × 1 (title).
    assert body == refusal(cost_message(1000 * 102), "QUERY_TOO_COSTLY")


# --- cost ---------------------------------------------------------------------------------------


def test_a_page_of_100_inside_a_page_of_100_costs_over_10000():
    stats = check_document(
        parse(GROUPS_OF_ITEMS), NESTED_LISTINGS_SCHEMA, limits={"MAX_COST": 10**9}
    )
    # groups + results + 100 × (items + results + 100 × name)
    assert stats.total_cost == 2 + 100 * (2 + 100) == 10_202


def test_page_sizes_come_from_variables_and_their_defaults():
    def cost(document, variables=None):
        stats = check_document(
            parse(document), NESTED_LISTINGS_SCHEMA, variables=variables, limits={"MAX_COST": 10**9}
        )
        return stats.total_cost

    assert cost(GROUPS_OF_ITEMS_VARIABLES, {"groups": 100, "items": {"limit": 100}}) == 10_202
    assert cost(GROUPS_OF_ITEMS_VARIABLES, {"groups": 3, "items": {"limit": 5}}) == 2 + 3 * 7
    # No limit: the default page size (20), for a variable without value too.
    assert cost(GROUPS_OF_ITEMS_VARIABLES) == 2 + 20 * 22
    # A limit over the maximum is refused by the resolver; it counts as the maximum (100).
    assert cost(GROUPS_OF_ITEMS_VARIABLES, {"groups": 10**6, "items": {"limit": 0}}) == 10_202
    assert cost(GROUPS_OF_ITEMS_DEFAULTS) == 2 + 100 * 22
    assert cost(GROUPS_OF_ITEMS_DEFAULTS, {"groups": 1}) == 2 + 22


def test_nested_lists_are_costed_and_refused_over_the_limit(
    client, settings, django_assert_num_queries
):
    stats = check_document(parse(NESTED_LISTS), schema._schema)
    # events + results + 100 × (subEvents + 10 × (speakers + 10 × name))
    assert stats.total_cost == 2 + 100 * (1 + 10 * 11) == 11_102

    with django_assert_num_queries(0):
        body = post(client, NESTED_LISTS_DEEPER)
    assert body == refusal(cost_message(2 + 100 * (1 + 10 * 111)), "QUERY_TOO_COSTLY")

    with_limits(settings, MAX_COST=11_101)
    with django_assert_num_queries(0):
        body = post(client, NESTED_LISTS)
    assert body == refusal(cost_message(11_102, limit=11_101), "QUERY_TOO_COSTLY")


def test_a_page_of_event_cards_passes(client):
    body = post(client, EVENT_CARDS, {"limit": 20})

    assert "errors" not in body
    events = body["data"]["events"]
    assert len(events["results"]) == min(20, events["totalCount"])
    assert (
        check_document(parse(EVENT_CARDS), schema._schema, variables={"limit": 20}).total_cost
        == 2083
    )


def test_the_largest_page_of_event_cards_passes_and_its_limit_counts(client, settings):
    assert (
        check_document(parse(EVENT_CARDS), schema._schema, variables={"limit": 100}).total_cost
        == 10_403
    )
    assert "errors" not in post(client, EVENT_CARDS, {"limit": 100})

    with_limits(settings, MAX_COST=10_402)
    assert post(client, EVENT_CARDS, {"limit": 100}) == refusal(
        cost_message(10_403, limit=10_402), "QUERY_TOO_COSTLY"
    )
    assert "errors" not in post(client, EVENT_CARDS, {"limit": 20})


# --- depth --------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", [DEPTH_10, DEPTH_10_IN_FRAGMENTS], ids=["inline", "fragments"])
def test_depth_10_is_allowed(client, query):
    assert post(client, query) == EVENT_PARENTS


@pytest.mark.parametrize("query", [DEPTH_11, DEPTH_11_IN_FRAGMENTS], ids=["inline", "fragments"])
def test_depth_11_is_refused(client, query, django_assert_num_queries):
    with django_assert_num_queries(0):
        body = post(client, query)
    assert body == refusal(depth_message(), "QUERY_TOO_DEEP")


def test_depth_limit_is_a_setting(client, settings):
    with_limits(settings, MAX_DEPTH=11)
    assert post(client, DEPTH_11) == EVENT_PARENTS
    with_limits(settings, MAX_DEPTH=1)
    assert post(client, SITE_NAME) == {"data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}}
    assert post(client, DEPTH_10) == refusal(depth_message(1), "QUERY_TOO_DEEP")


def test_nesting_too_deep_to_parse_is_refused_as_too_deep(client):
    query = "{ site " + "{ name " * 300 + "}" * 300 + " }"
    assert post(client, query) == refusal(
        "The query is nested too deeply to be read; at most 10 levels are allowed (MAX_DEPTH).",
        "QUERY_TOO_DEEP",
    )


# --- fields -------------------------------------------------------------------------------------


def test_500_fields_are_allowed_501_refused(client, settings, django_assert_num_queries):
    assert post(client, FIELDS_500) == {"data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}}
    with django_assert_num_queries(0):
        assert post(client, FIELDS_501) == refusal(fields_message(501), "TOO_MANY_FIELDS")
    assert post(client, FIELDS_501_IN_FRAGMENTS) == refusal(fields_message(501), "TOO_MANY_FIELDS")


def test_field_limit_is_a_setting(client, settings):
    with_limits(settings, MAX_FIELDS=501)
    assert post(client, FIELDS_501) == {"data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}}
    with_limits(settings, MAX_FIELDS=1)
    assert post(client, SITE_NAME) == refusal(fields_message(2, limit=1), "TOO_MANY_FIELDS")


# --- tokens and size ----------------------------------------------------------------------------


def test_2000_tokens_are_allowed_2001_refused(client, settings, django_assert_num_queries):
    # Comments count: the parser reads them too.
    assert post(client, TOKENS_2000) == {"data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}}
    with django_assert_num_queries(0):
        assert post(client, TOKENS_2001) == refusal(tokens_message(), "TOO_MANY_TOKENS")


def test_token_limit_is_a_setting(client, settings):
    with_limits(settings, MAX_TOKENS=5)
    assert post(client, SITE_NAME) == refusal(tokens_message(5), "TOO_MANY_TOKENS")
    with_limits(settings, MAX_TOKENS=6)
    assert post(client, SITE_NAME) == {"data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}}


def test_document_size_limit(client, settings, django_assert_num_queries):
    largest = SITE_NAME + " " * (20_000 - len(SITE_NAME))
    assert post(client, largest) == {"data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}}
    with django_assert_num_queries(0):
        assert post(client, largest + " ") == refusal(
            document_message(20_001), "DOCUMENT_TOO_LARGE"
        )
    # Bytes of UTF-8, not characters: 'č' is 2 bytes.
    accented = "# " + "č" * 9_992 + "\n" + SITE_NAME
    assert len(accented) < 20_000 < len(accented.encode())
    assert post(client, accented) == refusal(
        document_message(len(accented.encode())), "DOCUMENT_TOO_LARGE"
    )


def test_document_size_limit_is_a_setting(client, settings):
    with_limits(settings, MAX_DOCUMENT_BYTES=len(SITE_NAME))
    assert post(client, SITE_NAME) == {"data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}}
    with_limits(settings, MAX_DOCUMENT_BYTES=len(SITE_NAME) - 1)
    assert post(client, SITE_NAME) == refusal(
        document_message(len(SITE_NAME), limit=len(SITE_NAME) - 1), "DOCUMENT_TOO_LARGE"
    )


# --- input lists and nesting --------------------------------------------------------------------


def test_8000_orderings_are_refused(client, settings, django_assert_num_queries):
    ordering = [{"title": "ASC"}] * 8000
    # As sent, the body is over MAX_BODY_BYTES.
    response = client.post(
        URL,
        {"query": ORDERED_EVENTS, "variables": {"ordering": ordering}},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"] == {"code": "BODY_TOO_LARGE"}

    with_limits(settings, MAX_BODY_BYTES=1_000_000)
    with django_assert_num_queries(0):
        start = time.perf_counter()
        body = post(client, ORDERED_EVENTS, {"ordering": ordering})
        elapsed = time.perf_counter() - start
    assert body == refusal(
        "Variable '$ordering' has a list of 8000 items; at most 20 are allowed (MAX_LIST_LENGTH).",
        "LIST_TOO_LONG",
    )
    assert elapsed < 0.5, f"{elapsed:.3f} s"


def test_20_orderings_are_allowed_21_refused(client):
    count = post(client, EVENT_COUNT)["data"]["events"]["totalCount"]
    assert post(client, ORDERED_EVENTS, {"ordering": [{"title": "ASC"}] * 20}) == {
        "data": {"events": {"totalCount": count}}
    }
    assert post(client, ORDERED_EVENTS, {"ordering": [{"title": "ASC"}] * 21}) == refusal(
        "Variable '$ordering' has a list of 21 items; at most 20 are allowed (MAX_LIST_LENGTH).",
        "LIST_TOO_LONG",
    )
    assert post(client, ORDERING_LITERAL_21) == refusal(
        "Argument 'ordering' has a list of 21 items; at most 20 are allowed (MAX_LIST_LENGTH).",
        "LIST_TOO_LONG",
    )


def test_list_length_limit_is_a_setting(client, settings):
    with_limits(settings, MAX_LIST_LENGTH=1)
    assert post(client, ORDERED_EVENTS, {"ordering": [{"title": "ASC"}] * 2}) == refusal(
        "Variable '$ordering' has a list of 2 items; at most 1 are allowed (MAX_LIST_LENGTH).",
        "LIST_TOO_LONG",
    )


def test_input_nesting_limit(client, settings):
    forums = post(client, FORUM_COUNT)
    assert post(client, FORUM_COUNT_10_LEVELS) == forums
    message = (
        "Argument 'filters' nests lists and objects more than 10 levels deep (MAX_INPUT_DEPTH)."
    )
    assert post(client, FORUM_COUNT_11_LEVELS) == refusal(message, "INPUT_TOO_DEEP")

    with_limits(settings, MAX_INPUT_DEPTH=11)
    assert post(client, FORUM_COUNT_11_LEVELS) == forums


# --- operations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", [TWO_ANONYMOUS_OPERATIONS, TWO_NAMED_OPERATIONS], ids=["anonymous", "named"]
)
def test_several_operations_need_an_operation_name(client, query, django_assert_num_queries):
    with django_assert_num_queries(0):
        body = post(client, query)
    assert body == refusal(
        "The document has 2 operations; name the one to run in operationName.",
        "OPERATION_NAME_REQUIRED",
    )


def test_operation_name_selects_the_operation(client, settings):
    assert post(client, TWO_NAMED_OPERATIONS, operation_name="B") == {
        "data": {"site": {"defaultLocale": "en"}}
    }
    assert post(client, TWO_NAMED_OPERATIONS, operation_name="A") == {
        "data": {"site": {"name": settings.WAGTAIL_SITE_NAME}}
    }


def test_operation_name_must_name_an_operation(client):
    assert post(client, TWO_NAMED_OPERATIONS, operation_name="C") == refusal(
        "operationName 'C' names no operation of the document.", "UNKNOWN_OPERATION"
    )
    assert post(client, ONLY_A_FRAGMENT) == refusal(
        "The document has no operation to run.", "UNKNOWN_OPERATION"
    )


# --- introspection ------------------------------------------------------------------------------


def test_the_full_introspection_query_passes(client):
    query = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
        one_of=True,
    )
    body = post(client, query)
    assert "errors" not in body
    assert body["data"]["__schema"]["queryType"] == {"kind": "OBJECT", "name": "Query"}


def test_deeply_nested_introspection_is_refused(client):
    assert post(client, NESTED_INTROSPECTION) == {
        "data": None,
        "errors": [
            {
                "message": "Maximum introspection depth exceeded",
                "locations": [{"line": 1, "column": 3}],
            }
        ],
    }
