"""Hypothesis strategies, GraphQL documents and response checks for tests/graphql/test_fuzz.py.

Every root field of `Query` in schema.graphql is fuzzed through its arguments, always sent as
GraphQL variables (so any JSON value is legal GraphQL and reaches the API's own checks). The
argument types come from schema.graphql itself, so the documents follow the contract.

Values a strategy needs from the database (demo paths and ids, the ids and paths of the hidden
objects test_fuzz.py creates) come from a `Targets` object built per test, so strategies are
made inside the test with `st.data()`.
"""

import json
import re
import string
from dataclasses import dataclass, field
from datetime import UTC, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

from graphql import build_schema
from hypothesis import strategies as st

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"
SCHEMA = build_schema(SCHEMA_FILE.read_text())
QUERY_TYPE = SCHEMA.query_type

# Root field -> {argument: its GraphQL type as written in the contract, e.g. "[EventOrdering!]!"}
ROOT_ARGUMENTS: dict[str, dict[str, str]] = {
    name: {arg_name: str(arg.type) for arg_name, arg in root.args.items()}
    for name, root in QUERY_TYPE.fields.items()
}

LOCALES = ("en", "cs", "uk")
MARKER = "secret"  # every hidden object has it in its title/name/slug; nothing visible does
INTERNAL_ERROR = "Internal server error."

# --- selections: everything that can reveal a page or snippet, with __typename for the check --

LINK = "__typename id title path locale"
TOPIC = "__typename id locale isFallback name slug description"
ORGANISATION = "__typename id locale isFallback name shortName"
AWARD = "__typename id locale isFallback name description awardedBy { __typename id name }"
BODY = f"""body {{
    __typename
    ... on HeadingBlock {{ text }}
    ... on ParagraphBlock {{ html }}
    ... on QuoteBlock {{ text }}
    ... on ImageBlock {{ caption altText }}
    ... on DocumentBlock {{ title }}
    ... on CallToActionBlock {{ text externalUrl page {{ {LINK} }} }}
  }}"""
PAGE_CORE = f"""__typename id title slug path locale isFallback seoTitle searchDescription
  translations {{ {LINK} }}"""

# What each page type adds to the Page interface: in full for a detail field, lean for a
# listing's item (a page of 100 must stay under the API's cost limit).
DETAIL_FIELDS = {
    "HomePage": f"intro featuredNews {{ {LINK} }} featuredEvents {{ {LINK} }} {BODY}",
    "StandardPage": f"intro {BODY}",
    "NewsIndexPage": "intro",
    "EventIndexPage": "intro",
    "PeopleIndexPage": "intro",
    "NewsPage": f"""summary topics {{ {TOPIC} }} relatedEvents {{ {LINK} }}
    relatedPeople {{ {LINK} }} {BODY}""",
    "EventPage": f"""summary city venue
    topics {{ {TOPIC} }}
    organisers {{ {ORGANISATION} }}
    speakers {{ {LINK} }}
    participants {{ {LINK} }}
    parentEvent {{ {LINK} }}
    subEvents {{ {LINK} }}
    programme {{ __typename ... on AgendaItemBlock {{ title speakers {{ {LINK} }} }} }}
    {BODY}""",
    "PersonPage": f"""name role biography
    organisation {{ {ORGANISATION} }}
    links {{ label url }}
    awardProfiles {{ year citation award {{ {AWARD} }} }}""",
}
ITEM_FIELDS = {
    "NewsPage": "topics { __typename id name } relatedEvents { __typename id title }",
    "EventPage": """topics { __typename id name } organisers { __typename id name }
    parentEvent { __typename id title path }""",
    "PersonPage": """organisation { __typename id name }
    awardProfiles { award { __typename id name } }""",
}


def page_selection(page_type: str | None, detail: bool) -> str:
    """The selection of a page: of one type, or of the Page interface (None) with a fragment
    for every type."""
    extra = DETAIL_FIELDS if detail else ITEM_FIELDS
    core = PAGE_CORE + (f"\n  breadcrumbs {{ {LINK} }}" if detail else "")
    if page_type is not None:
        return f"{core}\n  {extra.get(page_type, '')}"
    fragments = "\n  ".join(f"... on {name} {{ {fields} }}" for name, fields in extra.items())
    return f"{core}\n  {fragments}"


def paginated(item: str) -> str:
    return f"totalCount pageInfo {{ offset limit }} results {{ {item} }}"


SELECTIONS = {
    "site": "name defaultLocale locales { code name nativeName }",
    "page": page_selection(None, detail=True),
    "home": page_selection("HomePage", detail=True),
    "newsIndex": page_selection("NewsIndexPage", detail=True),
    "eventIndex": page_selection("EventIndexPage", detail=True),
    "peopleIndex": page_selection("PeopleIndexPage", detail=True),
    "newsItem": page_selection("NewsPage", detail=True),
    "event": page_selection("EventPage", detail=True),
    "person": page_selection("PersonPage", detail=True),
    "news": paginated(page_selection("NewsPage", detail=False)),
    "events": paginated(page_selection("EventPage", detail=False)),
    "people": paginated(page_selection("PersonPage", detail=False)),
    "topics": paginated(TOPIC),
    "topic": TOPIC,
    "organisations": paginated(ORGANISATION),
    "organisation": ORGANISATION,
    "awards": paginated(AWARD),
    "award": AWARD,
    "redirect": f"oldPath isPermanent statusCode location page {{ {LINK} }}",
    "sitemap": paginated(f"__typename id path locale lastPublishedAt translations {{ {LINK} }}"),
    # Search results: the page's own fields (its relations are fuzzed through the other fields).
    "search": "totalCount pageInfo { offset limit } "
    f"results {{ score promoted excerpt page {{ {PAGE_CORE} ... on EventPage {{ city }} }} }}",
    "autocomplete": page_selection(None, detail=False),
    # Counts only: a hidden page, were it counted, would show in the numbers, which
    # tests/translation/test_progress.py checks exactly.
    "translationProgress": "locale percentTranslated total upToDate "
    "counts { missing inProgress awaitingReview machineTranslated outdated upToDate } "
    "byType { type percentTranslated total upToDate counts { missing upToDate } }",
}

PAGE_TYPENAMES = {
    "HomePage",
    "StandardPage",
    "NewsIndexPage",
    "NewsPage",
    "EventIndexPage",
    "EventPage",
    "PeopleIndexPage",
    "PersonPage",
    "PageLink",
    "SitemapEntry",
}


def document(field_name: str, arguments: dict) -> tuple[str, dict]:
    """`query Fuzz($a: T…) { field(a: $a…) { selection } }` and its variables.

    `arguments` holds the arguments to pass (a missing key: the argument is left out).
    """
    types = ROOT_ARGUMENTS[field_name]
    declared = ", ".join(f"${name}: {types[name]}" for name in arguments)
    passed = ", ".join(f"{name}: ${name}" for name in arguments)
    head = f"query Fuzz({declared}) " if arguments else "query Fuzz "
    call = f"{field_name}({passed})" if arguments else field_name
    return f"{head}{{\n  {call} {{\n  {SELECTIONS[field_name]}\n  }}\n}}", dict(arguments)


# --- what the database holds, for strategies that aim at real objects ----------------------


@dataclass
class Targets:
    """Real values to aim at: demo ones (visible) and those of the hidden objects."""

    paths: list[str]  # API paths of visible pages
    page_ids: list[int]
    topic_slugs: list[str]
    topic_ids: list[int]
    organisation_ids: list[int]
    award_ids: list[int]
    secret_paths: list[str]
    secret_page_ids: list[int]
    secret_topic_ids: list[int]
    secret_organisation_ids: list[int]
    secret_award_ids: list[int]
    secret_slugs: list[str]
    redirect_paths: list[str]
    preview_token: str  # a valid token of a hidden page: only ever sent tampered
    # Correctly signed tokens with payloads cms.preview never makes (odd types, huge ids…).
    forged_tokens: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # words of visible titles
    # Page type name ("EventPage"…) -> visible pages of that type: their paths and ids.
    paths_by_type: dict[str, list[str]] = field(default_factory=dict)
    ids_by_type: dict[str, list[int]] = field(default_factory=dict)

    @property
    def hidden_page_ids(self) -> set[str]:
        return {str(pk) for pk in self.secret_page_ids}

    @property
    def hidden_snippet_ids(self) -> dict[str, set[str]]:
        return {
            "Topic": {str(pk) for pk in self.secret_topic_ids},
            "Organisation": {str(pk) for pk in self.secret_organisation_ids},
            "Award": {str(pk) for pk in self.secret_award_ids},
        }


# --- strings ---------------------------------------------------------------------------------

# Lone surrogates are legal in JSON ("\ud800") but not UTF-8: the API gets them as Python text.
AWKWARD = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "\udfff",
    "\n",
    "\t",
    "\u200b",
    "\ufeff",
    "\u202e",
    "%00",
    "%",
    "%%",
    "null",
    "None",
    "undefined",
    "true",
    "0",
    "-1",
    "'",
    '"',
    "\\",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "${jndi:ldap://x}",
    "{{7*7}}",
    "../../etc/passwd",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "Ünïcödé",
    "Прага",
    "דוגמה",
    "🙂",
    "e\u0301",
    "Ⅻ",
]

texts = st.text(max_size=40)
# Mostly-ASCII printable text, to get past the "nothing matches" fast path more often.
plain = st.text(alphabet=string.printable, max_size=40)


def long_strings(min_size: int = 150, max_size: int = 30_000) -> st.SearchStrategy[str]:
    """A long string: one character repeated, or a short text repeated (cheap to generate).

    Past ~100 kB of JSON the request itself is refused (HTTP 400 BODY_TOO_LARGE).
    """
    return st.builds(
        lambda unit, size: (unit * (size // max(len(unit), 1) + 1))[:size] or "x",
        st.one_of(st.sampled_from(["a", "é", "Я", "🙂", "/", "%2F", "a b"]), texts),
        st.integers(min_size, max_size),
    )


def any_text() -> st.SearchStrategy[str]:
    awkward = st.sampled_from(AWKWARD)
    return st.one_of(awkward, awkward, texts, plain, long_strings())


def locales(sane: bool = False) -> st.SearchStrategy:
    """A `locale` argument: a valid code or null (sane), else also everything else."""
    if sane:
        return st.one_of(st.sampled_from(LOCALES), st.none())
    return st.one_of(
        st.sampled_from(LOCALES),
        st.sampled_from(LOCALES),
        st.none(),
        st.sampled_from(
            [
                "de",
                "xx",
                "EN",
                "En",
                "en-us",
                "en_US",
                "cs-CZ",
                "ukr",
                " en",
                "en ",
                "en\x00",
                "\x00",
                "e",
                "zz-zz",
                "uk\n",
                "ен",
                "ｅｎ",
            ]
        ),
        any_text(),
    )


# --- paths -----------------------------------------------------------------------------------

EDGE_PATHS = [
    "",
    "/",
    "//",
    "///",
    "/en",
    "/en/",
    "/cs/",
    "/uk/",
    "en/",
    "/en//",
    "/en//events/",
    "/en/../",
    "/en/../cs/",
    "/en/./events/",
    "/en/events/..",
    "/..",
    "/../",
    "/.../",
    "/en/%2e%2e/",
    "/en/%2E%2E/%2E%2E/",
    "/%65n/",
    "/en%2Fevents/",
    "/en/events%2F/",
    "/en/%00/",
    "/en/\x00/",
    "/en/events/\n",
    "/en/events/?x=1",
    "/en/events/#top",
    "/EN/events/",
    "/xx/",
    "/en-us/events/",
    "\\en\\events\\",
    "/en/événements/",
    "/uk/події/",
    "/en/\ud800/",
    "/en/ /",
    "/en/events/ ",
    "http://example.org/en/",
    "//example.org/en/",
    "/en/old-secret",
    "/en/old-secret/",
    "/en/old-private",
]


def _percent_encode_one(path: str, index: int) -> str:
    if not path:
        return "%2F"
    i = index % len(path)
    return path[:i] + quote(path[i], safe="") + path[i + 1 :]


MUTATIONS = {
    "no trailing slash": lambda p, i: p.rstrip("/"),
    "double slashes": lambda p, i: p.replace("/", "//"),
    "extra slash": lambda p, i: p + "/",
    "dot dot": lambda p, i: p + "../",
    "dot dot inside": lambda p, i: p.replace("/", "/../", 1 + i % 3),
    "dot": lambda p, i: p + "./",
    "upper": lambda p, i: p.upper(),
    "title": lambda p, i: p.title(),
    "percent one": _percent_encode_one,
    "percent all": lambda p, i: quote(p, safe=""),
    "percent slashes": lambda p, i: p.replace("/", "%2F"),
    "swap locale": lambda p, i: "/" + LOCALES[i % 3] + p[3:],
    "drop locale": lambda p, i: p[3:],
    "unknown locale": lambda p, i: "/xx" + p[3:],
    "cut": lambda p, i: p[: i % (len(p) + 1)],
    "append segment": lambda p, i: p + "x" * (1 + i % 5) + "/",
    "append secret": lambda p, i: p + "secret-draft-event/",
    "nul": lambda p, i: p + "\x00",
    "newline": lambda p, i: p + "\n",
    "space": lambda p, i: p.replace("-", " "),
    "query string": lambda p, i: p + "?preview=1",
    "fragment": lambda p, i: p + "#x",
    "backslashes": lambda p, i: p.replace("/", "\\"),
    "twice": lambda p, i: p + p[1:],
    "unicode dash": lambda p, i: p.replace("-", "\u2010"),
    "cyrillic a": lambda p, i: p.replace("a", "а"),
    "combining": lambda p, i: p.replace("e", "e\u0301"),
    "long": lambda p, i: p + "a" * (200 + i * 10) + "/",
}


def mutated(paths: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda path, how, i: MUTATIONS[how](path, i),
        paths,
        st.sampled_from(sorted(MUTATIONS)),
        st.integers(0, 400),
    )


def random_paths() -> st.SearchStrategy[str]:
    segment = st.one_of(
        st.sampled_from(["en", "cs", "uk", "events", "akce", "news", "..", ".", "", "secret"]),
        st.text(alphabet=string.ascii_lowercase + string.digits + "-_.%~", max_size=12),
        st.text(max_size=6),
    )
    return st.builds(
        lambda parts, lead, trail: ("/" if lead else "") + "/".join(parts) + ("/" if trail else ""),
        st.lists(segment, max_size=6),
        st.booleans(),
        st.booleans(),
    )


def paths(
    targets: Targets, sane: bool = False, page_type: str | None = None
) -> st.SearchStrategy[str]:
    """A page path: a visible (of `page_type`, if given) or hidden page's (sane), else also
    mutations and junk."""
    real = st.sampled_from(targets.paths + targets.secret_paths)
    if sane:
        visible = targets.paths_by_type[page_type] if page_type else targets.paths
        return st.one_of(
            st.sampled_from(visible),
            st.sampled_from(visible),
            st.sampled_from(targets.secret_paths),
        )
    return st.one_of(
        st.sampled_from(targets.paths),
        st.sampled_from(targets.secret_paths),
        st.sampled_from(targets.secret_paths),
        mutated(real),
        mutated(st.sampled_from(targets.secret_paths)),
        st.sampled_from(EDGE_PATHS),
        random_paths(),
        any_text(),
    )


def redirect_paths(targets: Targets, sane: bool = False) -> st.SearchStrategy[str]:
    known = st.sampled_from(targets.redirect_paths)
    if sane:
        return st.one_of(known, known, paths(targets, sane=True))
    return st.one_of(known, mutated(known), paths(targets))


# --- ids -------------------------------------------------------------------------------------

ODD_IDS = [
    "0",
    "-1",
    "-0",
    "+1",
    " 1",
    "1 ",
    "01",
    "1.0",
    "1.5",
    "1e3",
    "0x1F",
    "1_000",
    "",
    "abc",
    "²",
    "١٢",
    "１２",
    "۳",
    "一",
    "Ⅻ",
    "NaN",
    "Infinity",
    "null",
    "1\x00",
    "\ud800",
    "9" * 30,
    str(2**31 - 1),
    str(2**31),
    str(2**63 - 1),
    str(2**63),
    str(2**64),
    str(-(2**63)),
]


def ids(real: list[int], secret: list[int], sane: bool = False) -> st.SearchStrategy:
    """An ID variable: real and hidden ids (as text or as a JSON number), else also anything."""
    aimed = st.one_of(st.sampled_from(real), st.sampled_from(real), st.sampled_from(secret))
    if sane:
        return st.one_of(aimed.map(str), aimed.map(str), aimed)  # ID accepts an Int too
    return st.one_of(
        aimed.map(str),
        aimed.map(str),
        aimed,  # ID accepts an Int in variables
        st.integers(-(2**31), 2**31 - 1).map(str),
        st.integers(-(2**70), 2**70).map(str),
        st.integers(-(2**31), 2**31 - 1),
        st.sampled_from(ODD_IDS),
        st.text(alphabet="0123456789", min_size=1, max_size=25),
        st.text(alphabet=st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=4),
        any_text(),
    )


def page_ids(
    targets: Targets, sane: bool = False, page_type: str | None = None
) -> st.SearchStrategy:
    real = targets.ids_by_type[page_type] if page_type and sane else targets.page_ids
    return ids(real, targets.secret_page_ids, sane)


def snippet_ids(
    real: list[int], secret: list[int], targets: Targets, sane: bool = False
) -> st.SearchStrategy:
    # Ids of other tables too: an organisation's id as an award id must find nothing odd.
    others = targets.topic_ids + targets.organisation_ids + targets.award_ids
    return st.one_of(ids(real, secret, sane), st.sampled_from(others).map(str))


# --- listing arguments -----------------------------------------------------------------------

INT32 = st.integers(-(2**31), 2**31 - 1)
ints = st.one_of(
    st.integers(-3, 120),
    st.sampled_from([0, -1, 1, 20, 99, 100, 101, 1000, 2**31 - 1, -(2**31)]),
    INT32,
)


def paginations(sane: bool = False) -> st.SearchStrategy:
    """An OffsetPaginationInput (a variable): valid pages (sane), else every edge too."""
    small_limit = st.one_of(st.integers(1, 25), st.none())
    valid = st.fixed_dictionaries({}, optional={"offset": st.integers(0, 15), "limit": small_limit})
    if sane:
        return st.one_of(st.none(), valid)
    return st.one_of(
        st.none(),
        valid,
        st.fixed_dictionaries({}, optional={"offset": ints, "limit": st.one_of(ints, st.none())}),
        st.fixed_dictionaries(
            {},
            optional={
                # Out of GraphQL's Int range, of the wrong type, or null: refused as variables.
                "offset": st.one_of(st.none(), st.sampled_from([2**31, -(2**31) - 1, 1.5, "1"])),
                "limit": st.sampled_from([2**40, 0.5, "10", True, [1]]),
                "unknown": st.just(1),
            },
        ),
    )


DIRECTIONS = [
    "ASC",
    "ASC_NULLS_FIRST",
    "ASC_NULLS_LAST",
    "DESC",
    "DESC_NULLS_FIRST",
    "DESC_NULLS_LAST",
]

ORDERING_FIELDS = {
    "NewsOrdering": ["date", "title"],
    "EventOrdering": ["start", "title"],
    "PersonOrdering": ["title"],
    "TopicOrdering": ["name"],
    "OrganisationOrdering": ["name"],
    "AwardOrdering": ["name"],
}


def orderings(type_name: str, sane: bool = False) -> st.SearchStrategy:
    """A [XOrdering!]! list: valid one-of items, then items that break the one-of rule or the
    enum, empty lists and lists over MAX_LIST_LENGTH."""
    fields = ORDERING_FIELDS[type_name]
    valid_item = st.builds(
        lambda f, d: {f: d}, st.sampled_from(fields), st.sampled_from(DIRECTIONS)
    )
    if sane:
        return st.lists(valid_item, max_size=3)
    odd_item = st.one_of(
        st.just({}),
        st.fixed_dictionaries({f: st.sampled_from(DIRECTIONS) for f in fields}),
        st.builds(lambda f: {f: None}, st.sampled_from(fields)),
        st.builds(lambda f, d: {f: d}, st.sampled_from(fields), st.sampled_from(["asc", "UP", ""])),
        st.just({"pk": "ASC"}),
        st.just(None),
    )
    return st.one_of(
        st.lists(valid_item, max_size=4),
        st.lists(st.one_of(valid_item, odd_item), max_size=4),
        st.lists(valid_item, min_size=21, max_size=25),
        st.just(None),
    )


def datetimes_text() -> st.SearchStrategy:
    offsets = st.sampled_from(
        [
            UTC,
            timezone(timedelta(hours=14)),
            timezone(timedelta(hours=-12)),
            timezone(timedelta(hours=5, minutes=45)),
        ]
    )
    return st.one_of(
        st.datetimes(timezones=offsets).map(lambda d: d.isoformat()),
        st.datetimes().map(lambda d: d.isoformat()),  # naive
        st.sampled_from(
            [
                "2023-01-01T00:00:00+01:00",
                "2024-04-24T09:00:00+02:00",
                "0001-01-01T00:00:00+14:00",
                "0001-01-01T00:00:00-14:00",
                "9999-12-31T23:59:59-14:00",
                "9999-12-31T23:59:59.999999+00:00",
                "2023-01-01",
                "2023-01-01T25:00:00",
                "2023-02-30T00:00:00Z",
                "2023-01-01T00:00:00Z",
                "now",
                "",
                "1700000000",
            ]
        ),
        texts,
    )


def dates_text() -> st.SearchStrategy:
    return st.one_of(
        st.dates().map(lambda d: d.isoformat()),
        st.sampled_from(
            [
                "0001-01-01",
                "9999-12-31",
                "2022-02-29",
                "2022-13-01",
                "2022-1-1",
                "20220101",
                "",
                "2022-10-10T00:00:00",
                "-0001-01-01",
            ]
        ),
        texts,
    )


def slugs(targets: Targets, sane: bool = False) -> st.SearchStrategy:
    if sane:
        return st.sampled_from(targets.topic_slugs + targets.secret_slugs)
    return st.one_of(
        st.sampled_from(targets.topic_slugs),
        st.sampled_from(targets.secret_slugs),
        st.sampled_from(targets.topic_slugs).map(str.upper),
        any_text(),
    )


def enum_values(names: list[str], sane: bool) -> st.SearchStrategy:
    if sane:
        return st.sampled_from(names)
    return st.one_of(
        st.sampled_from(names), st.sampled_from(names), st.sampled_from(["", "forum", "NOPE"])
    )


def filters(type_name: str, targets: Targets, sane: bool = False) -> st.SearchStrategy:
    """A filter input (X Filter) with nested AND/OR/NOT, as the schema allows: real values
    (sane), else also values of every shape."""
    years = st.integers(2015, 2030) if sane else st.one_of(st.integers(2015, 2030), ints)
    if sane:
        instants = st.sampled_from(
            ["2023-01-01T00:00:00+01:00", "2024-04-24T09:00:00+02:00", "2022-10-05T00:00:00Z"]
        )
        days = st.sampled_from(["2022-05-31", "2022-12-31", "2023-02-03"])
        cities = st.sampled_from(["Prague", "Praha", "прага", "Fuzzville", "brno"])
        countries = st.sampled_from(["CZ", "UA", "cz", "XX"])
    else:
        instants, days = datetimes_text(), dates_text()
        cities = st.one_of(st.sampled_from(["Prague", "Fuzzville"]), any_text())
        countries = st.one_of(st.sampled_from(["CZ", "UA", "cz", "XX", "", "CZE"]), any_text())
    leaves = {
        "NewsFilter": {
            "topic": slugs(targets, sane),
            "year": years,
            "dateFrom": days,
            "dateTo": days,
        },
        "EventFilter": {
            "kind": enum_values(
                ["FORUM", "EXPERT_MISSION", "WEBINAR", "TRADE_FAIR", "OTHER"], sane
            ),
            "topic": slugs(targets, sane),
            "upcoming": st.one_of(st.booleans(), st.none()),
            "startsAfter": instants,
            "startsBefore": instants,
            "parentEvent": page_ids(targets, sane),
            "city": cities,
        },
        "PersonFilter": {
            "award": snippet_ids(targets.award_ids, targets.secret_award_ids, targets, sane),
            "awardYear": years,
            "country": countries,
            "organisation": snippet_ids(
                targets.organisation_ids, targets.secret_organisation_ids, targets, sane
            ),
        },
        "OrganisationFilter": {
            "kind": enum_values(["SIGNATORY", "MEMBER", "PARTNER"], sane),
            "country": countries,
        },
    }[type_name]
    leaves = {**leaves, "DISTINCT": st.one_of(st.booleans(), st.none())}
    flat = st.fixed_dictionaries({}, optional=leaves)

    def nest(inner):
        return st.fixed_dictionaries(
            {}, optional={**leaves, "AND": inner, "OR": inner, "NOT": inner}
        )

    nested = st.recursive(flat, nest, max_leaves=8)
    if sane:
        return st.one_of(st.none(), flat, nested)
    return st.one_of(st.none(), flat, nested, st.fixed_dictionaries({"unknownField": st.just(1)}))


SEARCH_TYPES = ["NEWS", "EVENT", "PERSON", "PAGE"]


def search_types(sane: bool = False) -> st.SearchStrategy:
    if sane:
        return st.one_of(st.none(), st.lists(st.sampled_from(SEARCH_TYPES), max_size=4))
    return st.one_of(
        st.none(),
        st.lists(st.sampled_from(SEARCH_TYPES), max_size=6),
        st.lists(
            st.one_of(st.sampled_from(SEARCH_TYPES), st.sampled_from(["news", "", "X"])), max_size=3
        ),
        st.lists(st.sampled_from(SEARCH_TYPES), min_size=21, max_size=24),
    )


TSQUERY = [
    "&",
    "|",
    "!",
    "!!",
    "(",
    ")",
    ":*",
    "<->",
    "<2>",
    "'",
    "''",
    '"',
    "\\",
    ":",
    "*",
    "-",
    "--",
    "&&",
    "||",
    "!(",
    "a:*",
    "A & B",
    "x:A",
    "'a' & 'b'",
]
WORDS = [
    "forum",
    "Forum",
    "AI",
    "Prague",
    "Praha",
    "Прага",
    "smart",
    "cyber",
    "umělé",
    "inteligence",
    "кібербезпека",
    "fuzz",
    "Fuzzville",
    "secret",
    "SECRET",
    "draft",
    "translator",
    "expired",
    "scheduled",
    "private",
    "organisation",
    "award",
    "koncept",
]


def search_texts(targets: Targets, sane: bool = False) -> st.SearchStrategy:
    words = st.sampled_from(WORDS + targets.words)
    if sane:
        titles = st.sampled_from(targets.words)  # words of visible titles: real results
        return st.one_of(
            titles, titles, words, st.lists(titles, min_size=1, max_size=3).map(" ".join)
        )
    word = st.one_of(words, st.sampled_from(TSQUERY), st.text(max_size=8))
    return st.one_of(
        st.lists(word, min_size=1, max_size=14).map(" ".join),
        st.lists(word, min_size=1, max_size=6).map("".join),
        st.sampled_from(WORDS + targets.words),
        st.sampled_from(["secret", "SECRET draft", "fuzz", "forum"]),
        long_strings(150, 400),  # around the 200-character limit
        any_text(),
    )


def autocomplete_prefixes(targets: Targets, sane: bool = False) -> st.SearchStrategy:
    prefixes = st.sampled_from([w[:n] for w in WORDS + targets.words for n in (1, 2, 3, 6)])
    if sane:
        titles = st.sampled_from(sorted({w[:n] for w in targets.words for n in (2, 3, 5)}))
        return st.one_of(titles, titles, prefixes)
    return st.one_of(prefixes, search_texts(targets))


def fallbacks(sane: bool = False) -> st.SearchStrategy:
    """A Boolean! variable: true/false (sane), else also null or a string (refused)."""
    if sane:
        return st.booleans()
    return st.one_of(st.booleans(), st.sampled_from([None, "yes"]))


# --- preview tokens --------------------------------------------------------------------------


def tampered_tokens(token: str) -> st.SearchStrategy[str]:
    """Tokens that look like the valid one (signed payload:timestamp:signature) but are not."""
    n = len(token)

    def replace(i, c):
        i %= n
        return token[:i] + c + token[i + 1 :]

    parts = token.split(":")
    variants = st.one_of(
        st.integers(0, n - 1).map(lambda i: token[:i]),  # truncated
        st.builds(
            replace, st.integers(0, n - 1), st.sampled_from(list(string.ascii_letters + "-_:.=0"))
        ),
        st.builds(lambda s: token + s, st.sampled_from(["x", ":", "=", "==", " ", "\x00", "é"])),
        st.just(token.upper()),
        st.just(token.lower()),
        st.just(token[::-1]),
        st.just(":".join(parts[:1] + parts[2:])),  # without the timestamp
        st.just(":".join(parts[:-1])),  # without the signature
        st.just(":".join(parts[:-1] + [parts[-1][::-1]])),
        st.just(":".join([parts[0].lstrip(".")] + parts[1:])),  # "not compressed" flag dropped
        st.just(":".join(parts[:1] + ["0"] + parts[2:])),  # another timestamp
        st.just(":".join(parts[:1] + ["zzzzzz"] + parts[2:])),
        st.just(" " + token),
        st.just(quote(token, safe="")),
    )
    return variants.filter(lambda t: t != token)


def preview_tokens(targets: Targets) -> st.SearchStrategy[str]:
    return st.one_of(
        tampered_tokens(targets.preview_token),
        tampered_tokens(targets.preview_token),
        st.sampled_from(["", ".", ":", "::", "a:b:c", ".eJw:1:abc", "null", "\x00", "\ud800"]),
        st.text(alphabet=string.ascii_letters + string.digits + "-_:.", max_size=120),
        any_text(),
    )


# --- known bugs ------------------------------------------------------------------------------


def known_bug(field_name: str, variables: dict) -> str | None:
    """The known bug (test_fuzz.py's xfail tests) these arguments trigger, if any: none now that
    lone surrogates and out-of-range years are refused with INVALID_ARGUMENT."""
    return None


# --- the checks ------------------------------------------------------------------------------

WRONG_TYPE = re.compile(r"Page (\d+) is of type")


def collect(node, found: list, leaks: list, key: str = "") -> None:
    """Walk an answer: (typename, id) of every object, and every string with the marker."""
    if isinstance(node, dict):
        typename = node.get("__typename")
        if typename and "id" in node:
            found.append((typename, str(node["id"])))
        for child_key, value in node.items():
            # The one field that echoes the input: the redirect's normalised old path.
            if child_key == "oldPath":
                continue
            collect(value, found, leaks, child_key)
    elif isinstance(node, list):
        for item in node:
            collect(item, found, leaks, key)
    elif isinstance(node, str) and MARKER in node.lower():
        leaks.append((key, node))


# Words as the site search cuts them (search/query.py).
SEARCH_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
SEARCH_TEXT = {"search": "query", "autocomplete": "prefix"}


def only_hidden_words(field_name: str | None, variables: dict) -> bool:
    """A search or autocomplete for words that only hidden objects contain ("secret…")."""
    text = variables.get(SEARCH_TEXT.get(field_name, ""))
    if not isinstance(text, str) or len(text) > 200:
        return False
    words = SEARCH_WORD.findall(text)[:12]
    return bool(words) and all(MARKER in word.lower() for word in words)


def problems(
    response, variables: dict, targets: Targets | None, field_name: str | None = None
) -> list[str]:
    """Everything wrong with one answer (empty when it is fine); without `targets`, hidden
    objects are recognised by the marker in their texts only."""
    status = response.status_code
    raw = response.content.decode("utf-8", "replace")
    found = []
    if status not in (200, 400):
        return [f"HTTP {status}: {raw[:2000]}"]
    if "Traceback (most recent call last)" in raw or 'File "/' in raw:
        found.append(f"traceback in the answer: {raw[:2000]}")
    if not response.get("Content-Type", "").startswith("application/json"):
        found.append(f"Content-Type {response.get('Content-Type')!r}")
    try:
        body = json.loads(raw)
    except ValueError:
        return [*found, f"not JSON: {raw[:500]!r}"]
    if not isinstance(body, dict) or not ({"data", "errors"} & body.keys()):
        return [*found, f"neither data nor errors: {raw[:500]}"]
    if status == 400 and "data" in body:
        found.append("a refused request (400) carries data")
    errors = body.get("errors", [])
    if not isinstance(errors, list) or (status == 400 and not errors):
        found.append(f"errors is not a non-empty list: {errors!r}")
        errors = []
    asked = json.dumps(variables, ensure_ascii=False).lower()
    hidden_pages = targets.hidden_page_ids if targets else set()
    for error in errors:
        message = error.get("message") if isinstance(error, dict) else None
        if not isinstance(message, str) or not message:
            found.append(f"error without a message: {error!r}")
            continue
        code = (error.get("extensions") or {}).get("code")
        if message == INTERNAL_ERROR:
            found.append(f"unexpected server error (masked): {error!r}")
        # Errors raised while executing a field (they have a path) are the API's: coded.
        # Parse, validation and variable errors (no path) come from GraphQL itself.
        elif ("path" in error or status == 400) and not (isinstance(code, str) and code):
            found.append(f"error without extensions.code: {error!r}")
        if MARKER in message.lower() and MARKER not in asked:
            found.append(f"an error names a hidden object: {message!r}")
        wrong_type = WRONG_TYPE.search(message)
        if wrong_type and wrong_type[1] in hidden_pages:
            found.append(f"an error reveals the type of hidden page {wrong_type[1]}: {message!r}")
    objects, leaks = [], []
    collect(body.get("data"), objects, leaks)
    for key, text in leaks:
        found.append(f"hidden text in data[…{key}]: {text[:300]!r}")
    data = body.get("data")
    if only_hidden_words(field_name, variables) and isinstance(data, dict) and data[field_name]:
        answer = data[field_name]
        found_any = (
            answer.get("totalCount") or answer.get("results") if field_name == "search" else answer
        )
        if found_any:
            found.append(f"{field_name} found something for words only hidden objects have")
    hidden_snippets = targets.hidden_snippet_ids if targets else {}
    for typename, pk in objects:
        if typename in PAGE_TYPENAMES and pk in hidden_pages:
            found.append(f"hidden page {pk} returned as {typename}")
        if pk in hidden_snippets.get(typename, ()):
            found.append(f"hidden {typename} {pk} returned")
    return found


def describe(query: str, variables: dict, response) -> str:
    return (
        f"\nquery:\n{query}\nvariables: {json.dumps(variables, ensure_ascii=True)}\n"
        f"HTTP {response.status_code}: {response.content[:3000]!r}"
    )


def count_objects(response) -> int:
    """Pages and snippets in an answer's data (1 for data without any, such as `site`)."""
    try:
        data = json.loads(response.content).get("data")
    except (ValueError, AttributeError):
        return 0
    objects: list = []
    collect(data, objects, [])
    if objects:
        return len(objects)
    return int(isinstance(data, dict) and any(value for value in data.values()))


# --- edge values: every hostile kind of value at least once per argument, deterministically ---

EDGE_LOCALES = [
    "",
    " ",
    "xx",
    "EN",
    "en-us",
    "en\x00",
    "\x00",
    "\ud800",
    "é",
    "ｅｎ",
    "cs/../en",
    "a" * 5_000,
    "🙂" * 9_000,
]  # the last is over MAX_BODY_BYTES as JSON: HTTP 400
EDGE_TEXTS = ["", "\x00", "\u200b", "%", "' OR 1=1 --", "Прага", "secret-draft-topic", "x" * 300]
EDGE_INTS = [0, -1, 1, 10_000, 2**31 - 1, -(2**31), 2**31]  # the last is not a GraphQL Int
EDGE_DATES = ["0001-01-01", "9999-12-31", "2022-02-29", "", "2022-10-10T00:00:00"]
EDGE_INSTANTS = [
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "2023-01-01T00:00:00",
    "2023-02-30T00:00:00Z",
    "now",
]
EDGE_PAGINATIONS = [
    None,
    {},
    {"offset": -1},
    {"limit": 0},
    {"limit": -1},
    {"limit": 101},
    {"limit": 2**31 - 1},
    {"offset": 2**31 - 1, "limit": 100},
    {"offset": 2**31},
    {"limit": None},
    {"offset": None},
]
EDGE_SEARCH = [
    *EDGE_TEXTS,
    "&",
    "!(",
    "a:*",
    "<->",
    "'a' & 'b'",
    "x" * 199,
    "x" * 201,
    " ".join("abcdefghijklmn"),
    "SECRET draft",
    "fuzz",
    "forum",
]


def edge_tokens(token: str) -> list[str]:
    head, _, signature = token.rpartition(":")
    return [
        "",
        "\x00",
        "\ud800",
        "a:b:c",
        token[: len(token) // 2],
        token + "x",
        head,
        f"{head}:{signature[::-1]}",
        token.replace(":", "::", 1),
        token[1:],
    ]


def _filter_edges(type_name: str, targets: Targets) -> list[dict]:
    ids = [*ODD_IDS[:6], *map(str, targets.secret_page_ids), str(2**63)]
    leaves = {
        "NewsFilter": {
            "topic": EDGE_TEXTS,
            "year": EDGE_INTS,
            "dateFrom": EDGE_DATES,
            "dateTo": EDGE_DATES,
        },
        "EventFilter": {
            "kind": ["NOPE", ""],
            "topic": EDGE_TEXTS,
            "upcoming": [None],
            "startsAfter": EDGE_INSTANTS,
            "startsBefore": EDGE_INSTANTS,
            "parentEvent": ids,
            "city": EDGE_TEXTS,
        },
        "PersonFilter": {
            "award": [*ODD_IDS[:12], *map(str, targets.secret_award_ids)],
            "awardYear": EDGE_INTS,
            "country": EDGE_TEXTS,
            "organisation": [*ODD_IDS[:6], *map(str, targets.secret_organisation_ids)],
        },
        "OrganisationFilter": {"kind": ["NOPE"], "country": EDGE_TEXTS},
    }[type_name]
    deep: dict = {"DISTINCT": True}
    for _ in range(12):  # deeper than MAX_INPUT_DEPTH
        deep = {"NOT": deep}
    first = next(iter(leaves))
    return [
        *({key: value} for key, values in leaves.items() for value in values),
        {"AND": {}, "OR": {}, "NOT": {}},
        {"OR": {"NOT": {first: leaves[first][0]}}, "DISTINCT": True},
        deep,
    ]


def edge_cases(field_name: str, targets: Targets) -> list[dict]:
    """Argument sets for `field_name`: a valid base, then one argument at a time set to each
    edge value the schema lets it take."""
    types = ROOT_ARGUMENTS[field_name]
    page_type = {"newsItem": "NewsPage", "event": "EventPage", "person": "PersonPage"}.get(
        field_name
    )
    base = {
        "topic": {"slug": targets.topic_slugs[0]},
        "organisation": {"id": str(targets.organisation_ids[0])},
        "award": {"id": str(targets.award_ids[0])},
        "redirect": {"path": targets.redirect_paths[0]},
        "search": {"query": "forum"},
        "autocomplete": {"prefix": "fo"},
        "translationProgress": {"locale": "uk"},
    }.get(field_name, {})
    if "path" in types and field_name != "redirect":
        base = {"path": (targets.paths_by_type[page_type] if page_type else targets.paths)[0]}
    secret_ids = [*map(str, targets.secret_page_ids), *targets.secret_page_ids[:2]]
    # Arguments every field handles alike (locale, fallback) get every edge value on a few
    # fields, the nastiest ones on the others.
    full = field_name in ("page", "redirect")
    edges = {
        "locale": EDGE_LOCALES if field_name == "page" else ["xx", "\x00", "\ud800", "a" * 5_000],
        "fallback": [None, "yes"] if field_name == "page" else [],
        "pagination": EDGE_PAGINATIONS
        if field_name in ("events", "search", "sitemap")
        else EDGE_PAGINATIONS[2:8],
        "types": [[], ["X"], ["NEWS"] * 21, None],
        "limit": EDGE_INTS + [None],
        "query": EDGE_SEARCH,
        "prefix": EDGE_SEARCH,
        "topic": EDGE_TEXTS,
        "slug": EDGE_TEXTS + ["ARTIFICIAL-INTELLIGENCE"],
        "previewToken": edge_tokens(targets.preview_token) + targets.forged_tokens,
        # Pages of one type are found by the code of `page`, which gets the whole list.
        "path": (EDGE_PATHS if full else EDGE_PATHS[1:9]) + targets.secret_paths,
        "id": (ODD_IDS if field_name == "page" else ODD_IDS[:12]) + secret_ids,
    }
    cases = [dict(base)]
    for name, type_name in types.items():
        if name == "filters":
            values = _filter_edges(type_name, targets)
        elif name == "ordering":
            item = type_name.strip("[]!")
            fields = ORDERING_FIELDS[item]
            values = [
                [],
                [{}],
                [dict.fromkeys(fields[:2] * 2, "ASC") | {fields[0]: "DESC"}],
                [{fields[0]: None}],
                [{fields[0]: "ASC"}] * 21,
                None,
            ]
        else:
            values = edges[name]
        for value in values:
            arguments = dict(base)
            if name in ("id", "previewToken"):
                arguments.pop("path", None)  # `id` and `previewToken` go alone
            arguments[name] = value
            cases.append(arguments)
    return cases
