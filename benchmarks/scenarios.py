"""The GraphQL requests `make bench` sends to this project, and the checks of their answers.

Shared by benchmarks/bench.py (the load runs and the query counts) and
benchmarks/profile_cards.py (in-process profiles). Each scenario is one document with its
variables; `check` refuses an answer that is not what the bench data must give (benchmarks/
data.py), so a row never measures an error or an empty answer. Plain Python: no Django import.
"""

import json
import random
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

import shape

CARDS = f"""query Cards($limit: Int!) {{
  events(locale: "en", pagination: {{limit: $limit}}) {{
    results {{
      title path start
      mainImage {{ rendition(spec: "{shape.RENDITION}") {{ url width height }} }}
      topics {{ name slug }}
      speakers {{ title path }}
    }}
  }}
}}"""


def check_cards(answer: dict, limit: int = 20):
    """The first `limit` bench events, each with 2 topics, 3 speakers and a rendition that was
    made beforehand (a file under /media/, not a URL that would make it on demand)."""
    items = answer["data"]["events"]["results"]
    cards = [
        (i["title"], len(i["topics"]), len(i["speakers"]), (i["mainImage"] or {}).get("rendition"))
        for i in items
    ]
    expected = [(f"Bench event {i}", 2, 3) for i in range(limit)]
    if [card[:3] for card in cards] != expected or not all(
        r and "/media/images/" in r["url"] and shape.RENDITION in r["url"] for *_, r in cards
    ):
        raise ValueError(f"not the {limit} bench cards: {cards[:3]}…")


# (2) One page by path with a StreamField body: a Czech news item (benchmarks/data.py builds
# "Aktualita 7: Chytré město" at /cs/aktuality/bench-news-7/ whatever BENCH_PAGES is).
PAGE = f"""query Page($path: String!) {{
  page(path: $path) {{
    __typename title path
    breadcrumbs {{ title path }}
    translations {{ locale path }}
    ... on NewsPage {{
      date summary
      mainImage {{ rendition(spec: "{shape.RENDITION}") {{ url width height }} }}
      topics {{ name slug }}
      body {{
        __typename
        ... on HeadingBlock {{ text level }}
        ... on ParagraphBlock {{ html }}
        ... on QuoteBlock {{ text attribution }}
        ... on ImageBlock {{
          altText caption
          image {{ rendition(spec: "{shape.RENDITION}") {{ url width height }} }}
        }}
      }}
    }}
  }}
}}"""
PAGE_PATH = "/cs/aktuality/bench-news-7/"
PAGE_TITLE = "Aktualita 7: Chytré město"
PAGE_BLOCKS = ["HeadingBlock", "ParagraphBlock", "QuoteBlock", "ImageBlock", "ParagraphBlock"]


def check_page(answer: dict):
    page = answer["data"]["page"]
    blocks = [block["__typename"] for block in page["body"]]
    image = page["body"][3]["image"]["rendition"]["url"]
    if (
        page["title"] != PAGE_TITLE
        or page["path"] != PAGE_PATH
        or blocks != PAGE_BLOCKS
        or len(page["translations"]) != 3
        or "/media/images/" not in image
    ):
        raise ValueError(f"not the bench's news page: {str(page)[:300]}…")


# (3) Search in Czech and Ukrainian, in inflected forms of words the bodies have in others.
SEARCH = """query Search($query: String!, $locale: String!) {
  search(query: $query, locale: $locale, pagination: {limit: 10}) {
    totalCount
    results { score excerpt page { __typename title path } }
  }
}"""
SEARCHES = {"cs": "kybernetické bezpečnosti", "uk": "кібербезпеки"}
# Words of the rare sentence (benchmarks/data.py RARE_EVERY): ~2% of a locale's pages.
NARROW_SEARCHES = {"cs": "kvantová kryptografie", "uk": "квантова криптографія"}


def check_search(locale: str):
    def check(answer: dict):
        found = answer["data"]["search"]
        results = found["results"]
        if (
            len(results) != 10
            or found["totalCount"] < 10
            or not all(r["page"]["path"].startswith(f"/{locale}/") for r in results)
            or not all("<mark>" in r["excerpt"] for r in results)
        ):
            raise ValueError(f"not 10 {locale} results with excerpts: {str(found)[:300]}…")

    return check


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    query: str
    variables: dict = field(default_factory=dict)
    check: Callable[[dict], None] = lambda answer: None

    def body(self) -> dict:
        return {"query": self.query, "variables": self.variables}

    def body_json(self) -> str:
        return json.dumps(self.body())


SCENARIOS = [
    Scenario("cards", "event cards (20)", CARDS, {"limit": 20}, check_cards),
    Scenario("page", "news page by path (cs)", PAGE, {"path": PAGE_PATH}, check_page),
    *(
        Scenario(
            f"search-{locale}{suffix}",
            f"search ({locale}){what}",
            SEARCH,
            {"query": words, "locale": locale},
            check_search(locale),
        )
        for suffix, what, searches in (
            ("", "", SEARCHES),
            ("-narrow", ", words on ~2% of the pages", NARROW_SEARCHES),
        )
        for locale, words in searches.items()
    ),
]


def by_key(key: str) -> Scenario:
    for scenario in SCENARIOS:
        if scenario.key == key:
            return scenario
    raise SystemExit(f"no scenario {key!r}; one of: {', '.join(s.key for s in SCENARIOS)}")


# --- the mixed load: listings, pages by path and searches, as GETs the response cache keeps ---

IMAGE = f'mainImage {{ rendition(spec: "{shape.RENDITION}") {{ url width height }} }}'
LISTINGS = {
    "events": f"""query Events($locale: String!, $offset: Int!) {{
  events(locale: $locale, pagination: {{limit: 20, offset: $offset}}) {{
    results {{ title path start {IMAGE} topics {{ name slug }} speakers {{ title path }} }}
  }}
}}""",
    "news": f"""query News($locale: String!, $offset: Int!) {{
  news(locale: $locale, pagination: {{limit: 20, offset: $offset}}) {{
    results {{ title path date summary {IMAGE} topics {{ name slug }} }}
  }}
}}""",
    "people": """query People($locale: String!, $offset: Int!) {
  people(locale: $locale, pagination: {limit: 20, offset: $offset}) {
    results { name path role }
  }
}""",
}
MIX_SEARCHES = {
    "en": ["cybersecurity", "artificial intelligence", "smart city", "Prague", "clusters"],
    "cs": ["kybernetické bezpečnosti", "umělá inteligence", "chytré město", "Praha", "klastry"],
    "uk": ["кібербезпеки", "штучний інтелект", "розумне місто", "Прага", "кластери"],
}
# Of every five requests: two listings, two pages by path, one search.
MIX_PATTERN = ("listing", "page", "listing", "page", "search")
MIX_LENGTH = 5_000
MAX_PAGE_PATHS = 3_000
MAX_OFFSET = 200


def get(query: str, variables: dict) -> str:
    params = {"query": query, "variables": json.dumps(variables, ensure_ascii=False)}
    return "/graphql/?" + urllib.parse.urlencode(params)


def mix(built: shape.Plan) -> dict[str, list[str]]:
    """The distinct GET paths of each kind of the mixed load."""
    counts = {"events": built.events, "news": built.news, "people": built.people}
    listings = [
        get(document, {"locale": code, "offset": offset})
        for code in shape.LOCALES
        for root, document in LISTINGS.items()
        for offset in range(0, min(counts[root], MAX_OFFSET), 20)
    ]
    paths = shape.page_paths(built)
    random.Random(0).shuffle(paths)
    pages = [get(PAGE, {"path": path}) for path in paths[:MAX_PAGE_PATHS]]
    searches = [
        get(SEARCH, {"query": words, "locale": code})
        for code, terms in MIX_SEARCHES.items()
        for words in terms
    ]
    return {"listing": listings, "page": pages, "search": searches}


def mix_requests(built: shape.Plan) -> list[dict]:
    """The cycle the load generator's clients take requests from (loadgen.py --mix)."""
    kinds = mix(built)
    taken = dict.fromkeys(kinds, 0)
    requests = []
    for n in range(MIX_LENGTH):
        kind = MIX_PATTERN[n % len(MIX_PATTERN)]
        requests.append(
            {"kind": kind, "method": "GET", "path": kinds[kind][taken[kind] % len(kinds[kind])]}
        )
        taken[kind] += 1
    return requests
