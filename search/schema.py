"""GraphQL site search: `search` (ranked, typed, with excerpts) and `autocomplete` (titles).

Both search only what the content API shows: the visible pages (cms/visibility.py) of the
asked-for locale, through Wagtail's search backend (search/backend.py); on PostgreSQL the ranked
page of results and its total come from one query of the index with Wagtail's own expressions
(search/ranking.py). See docs/search.md.
"""

import functools
import html
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import strawberry
import strawberry_django
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchConfig, SearchHeadline, SearchVector
from django.db.models import F, Func, Q, TextField, Value
from django.utils import timezone
from strawberry.types import Info
from strawberry.types.nodes import SelectedField
from strawberry_django.pagination import OffsetPaginationInfo, OffsetPaginationInput
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from cms.content_version import next_change_from_database
from cms.db import precompiled
from cms.graphql.context import context
from cms.graphql.errors import InvalidArgument, checked_text
from cms.graphql.pages import PageInterface
from cms.graphql.pagination import check_pagination
from events.models import EventIndexPage, EventPage, EventPageTopic
from home.models import HomePage, NewsIndexPage, NewsPage, NewsPageTopic, StandardPage
from people.models import PeopleIndexPage, PersonPage

from .backend import backend_for_locale, search_config
from .query import ParsedQuery, parse
from .ranking import PageIds, matches, ranked

AUTOCOMPLETE_MAX = 20
# An excerpt is made from this many word positions before and after the first match.
EXCERPT_AROUND = 50
# Private-use characters mark the highlighted words until the excerpt is HTML-escaped.
MARK_START, MARK_END = "\ue000", "\ue001"


@strawberry.enum(name="SearchType", description="What kind of page a search result is.")
class SearchType(Enum):
    NEWS = "news"
    EVENT = "event"
    PERSON = "person"
    PAGE = "page"


MODELS_OF_TYPE = {
    SearchType.NEWS: [NewsPage],
    SearchType.EVENT: [EventPage],
    SearchType.PERSON: [PersonPage],
    SearchType.PAGE: [HomePage, StandardPage, NewsIndexPage, EventIndexPage, PeopleIndexPage],
}


@strawberry.type(name="SearchResult", description="One page found by a search.")
class SearchResult:
    page: PageInterface = strawberry.field(
        description="The page, in the asked-for locale; ask for its fields with `... on EventPage`."
    )
    score: float | None = strawberry.field(
        description="Relevance (higher is better; title matches weigh more than body matches). "
        "null for results an editor promoted for this query."
    )
    excerpt: str = strawberry.field(
        description="A passage of the page's text with the matching words in <mark>…</mark>. "
        "HTML: everything else is escaped. Empty when the page has no body text."
    )
    promoted: bool = strawberry.field(
        description="True when an editor pinned this page to the query (it then comes first)."
    )


def _total_count(root) -> int:
    return root.counted()


@strawberry.type(name="SearchResults", description="One page of search results, best first.")
class SearchResults:
    total_count: int = strawberry.field(
        resolver=_total_count, description="How many pages match, on every page."
    )
    page_info: OffsetPaginationInfo = strawberry.field(
        description="The offset and limit this page was built with."
    )
    results: list[SearchResult] = strawberry.field(description="The results of this page.")
    # How many match: counted with the results where the request asks for it, else only if read.
    counted: strawberry.Private[Callable[[], int]]


def _asks_for(selections, name: str) -> bool:
    """Whether a selection set asks for the field `name`, itself or through fragments (not in
    the selections of its fields)."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            if selection.name == name:
                return True
        elif _asks_for(selection.selections, name):
            return True
    return False


def _searchable(info: Info, locale, types: list[SearchType] | None, topic: str | None):
    """Visible pages of the locale, of the asked-for types and topic (a Page queryset)."""
    pages = context(info).visible(Page, locale)
    if types:
        models = [model for kind in dict.fromkeys(types) for model in MODELS_OF_TYPE[kind]]
        content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
        pages = pages.filter(content_type__in=[ct.pk for ct in content_types.values()])
    if topic is not None:
        slug = checked_text(topic, "topic")
        pages = pages.filter(
            Q(
                pk__in=NewsPageTopic.objects.filter(topic__slug=slug, topic__live=True).values(
                    "page"
                )
            )
            | Q(
                pk__in=EventPageTopic.objects.filter(topic__slug=slug, topic__live=True).values(
                    "page"
                )
            )
        )
    return pages


def for_wagtail(pages):
    """Wagtail's backend accepts only filters on indexed FilterFields, so the visibility rule
    goes in as a subquery of primary keys."""
    return Page.objects.filter(pk__in=pages.values("pk"))


def _specific(pages: list[Page]) -> dict[int, Page]:
    """The specific pages (EventPage, …) of base pages: one query per page type."""
    by_type: dict[int, list[int]] = {}
    for page in pages:
        by_type.setdefault(page.content_type_id, []).append(page.pk)
    found = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        found.update(precompiled.in_bulk(model, pks))
    return found


def _promoted(searchable, parsed: ParsedQuery, locale) -> list[Page]:
    """Pages editors pinned to this query, in the locale's visible version, in their order."""
    keys = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(parsed.text), page__isnull=False
        )
        .order_by("sort_order", "pk")
        .values_list("page__translation_key", flat=True)
    )
    if not keys:
        return []
    by_key = {
        page.translation_key: page
        for page in searchable.filter(translation_key__in=keys, locale=locale)
    }
    return [by_key[key] for key in dict.fromkeys(keys) if key in by_key]


def _passage(parsed: ParsedQuery, config: str) -> Func:
    """The entry's text from EXCERPT_AROUND positions before its first match to as many after
    (the whole text when it is short; search/migrations/0004): what ts_headline reads, so an
    excerpt of a long page costs as much as one of a short page."""
    spellings = " ".join(word for group in parsed.words for word in group)
    lexemes = Func(
        SearchVector(Value(spellings, output_field=TextField()), config=config),
        function="tsvector_to_array",
        output_field=ArrayField(TextField()),
    )
    return Func(
        SearchConfig(config),
        F("body_text"),
        F("body"),
        lexemes,
        Value(EXCERPT_AROUND),
        function="cms_excerpt_passage",
        output_field=TextField(),
    )


def _excerpts(pages: list[Page], parsed: ParsedQuery, config: str | None) -> dict[int, str]:
    """Highlighted passages of the pages' indexed text (PostgreSQL's ts_headline), escaped."""
    if not pages or config is None:
        return {}
    text = Func(
        _passage(parsed, config),
        Value(MARK_START + MARK_END),
        Value(""),
        function="translate",
        output_field=TextField(),
    )
    rows = (
        IndexEntry.objects.filter(
            content_type_id__in={page.content_type_id for page in pages},
            object_id__in=[str(page.pk) for page in pages],
        )
        .annotate(
            excerpt=SearchHeadline(
                text,
                parsed.tsquery(config),
                config=config,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        .values_list("content_type_id", "object_id", "excerpt")
    )
    wanted = {(page.content_type_id, str(page.pk)): page.pk for page in pages}
    return {
        wanted[(content_type_id, object_id)]: html.escape(excerpt or "", quote=False)
        .replace(MARK_START, "<mark>")
        .replace(MARK_END, "</mark>")
        for content_type_id, object_id, excerpt in rows
        if (content_type_id, object_id) in wanted
    }


@dataclass(frozen=True)
class KeptPages:
    """A bitmap of searchable pages, and until when it holds: the next go-live or expiry time of
    a live page (a content version that learnt of no such time through a signal, after a page
    was saved in code, would keep it longer)."""

    pages: PageIds
    until: float | None

    def holds_now(self) -> bool:
        return self.until is None or timezone.now().timestamp() < self.until


def _kept_pages(ctx, searchable, promoted: list[Page], locale, types, topic) -> PageIds | None:
    """The pages a search may find (not the promoted ones) as a bitmap for the ranking query
    (search/ranking.py), or None where the queryset serves better.

    The bitmap of the locale's searchable pages is computed once per process for the content
    version, site, locale and types (one query of their ids, one of the next go-live or expiry
    time): the version changes with everything that changes what the public sees, so a kept
    bitmap never holds a page the rule now hides. Without a version to keep it under (the cache
    is down, or per process) computing it for one search would cost more than the join it
    saves; a topic (any string) is not kept either.
    """
    if topic is not None or not ctx.keeps():
        return None
    kinds = tuple(sorted({kind.value for kind in types})) if types else None
    kept = ctx.remembered(
        ("search-pages", ctx.scope, locale.pk, kinds),
        lambda: KeptPages(
            PageIds.of(searchable.values_list("pk", flat=True)), next_change_from_database()
        ),
        still_good=KeptPages.holds_now,
    )
    return kept.pages.without(page.pk for page in promoted) if promoted else kept.pages


def _organic(
    backend,
    organic,
    kept: Callable[[], PageIds | None],
    parsed: ParsedQuery,
    offset,
    limit,
    counted: bool,
) -> tuple[list[Page], Callable[[], int]]:
    """(the found pages from `offset` to `offset + limit`, how many are found in all); `kept`
    gives them as a bitmap where one is kept (_kept_pages). `counted`: the request asks for the
    total, so the ranking query counts too; otherwise only reading the total counts."""
    if search_config(backend) is not None:  # PostgreSQL: one query for both (search/ranking.py)
        pages = kept() or organic
        shown, total = (
            ranked(backend, pages, parsed, offset, limit, counted) if limit else ([], None)
        )
        if total is not None:
            return shown, lambda: total
        return shown, functools.cache(matches(backend, pages, parsed).count)
    # Elsewhere (the SQLite of `make run`): Wagtail's backend as it is.
    found = backend.search(
        parsed.wagtail_query(), for_wagtail(organic), operator="and", order_by_relevance=True
    ).annotate_score("_search_score")
    shown = list(found[offset : offset + limit]) if limit else []
    # A page that is not full ends the results: they are counted without a second query.
    # An empty page past the last result says nothing of how many came before: count them.
    if len(shown) < limit and (shown or offset == 0):
        return shown, lambda: offset + len(shown)
    return shown, functools.cache(found.count)


@strawberry.type
class Query:
    @strawberry_django.field(
        description="Full-text search over the visible pages of one locale: news, events, "
        "people and other pages. Every word must match, in any inflected form and with or "
        "without diacritics; place names match their English, Czech and Ukrainian spellings. "
        "Pages editors promoted for the query come first. A query of only punctuation finds "
        "nothing; an empty query is INVALID_ARGUMENT, one over 200 characters QUERY_TOO_LONG."
    )
    def search(
        self,
        info: Info,
        query: str,
        locale: str | None = None,
        types: list[SearchType] | None = None,
        topic: str | None = None,
        pagination: OffsetPaginationInput | None = None,
    ) -> SearchResults:
        ctx = context(info)
        target_locale = ctx.locale(locale)
        parsed = parse(query)
        pagination = check_pagination(pagination)
        offset, limit = pagination.offset, pagination.limit
        page_info = OffsetPaginationInfo(offset=offset, limit=limit)
        if not parsed.words:
            return SearchResults(page_info=page_info, results=[], counted=lambda: 0)

        searchable = _searchable(info, target_locale, types, topic)
        promoted = _promoted(searchable, parsed, target_locale)
        organic = searchable.exclude(pk__in=[page.pk for page in promoted])
        backend = backend_for_locale(target_locale.language_code)
        shown_promoted = promoted[offset : offset + limit]
        organic_offset = max(0, offset - len(promoted))
        organic_limit = limit - len(shown_promoted)
        shown_organic, organic_total = _organic(
            backend,
            organic,
            lambda: _kept_pages(ctx, searchable, promoted, target_locale, types, topic),
            parsed,
            organic_offset,
            organic_limit,
            counted=any(
                _asks_for(field.selections, "totalCount") for field in info.selected_fields
            ),
        )

        shown = [*shown_promoted, *shown_organic]
        specific = _specific(shown)
        excerpts = _excerpts(shown, parsed, search_config(backend))
        pages = [specific[page.pk] for page in shown if page.pk in specific]
        # As published: a live page's row may hold a translator's saved draft.
        published = {page.pk: page for page in ctx.remember(pages, target_locale, fallback=False)}
        promoted_pks = {page.pk for page in shown_promoted}
        results = [
            SearchResult(
                page=published[page.pk],
                score=None if page.pk in promoted_pks else float(page._search_score),
                excerpt=excerpts.get(page.pk, ""),
                promoted=page.pk in promoted_pks,
            )
            for page in shown
            if page.pk in specific
        ]
        return SearchResults(
            page_info=page_info,
            results=results,
            counted=lambda: organic_total() + len(promoted),
        )

    @strawberry_django.field(
        description="Search-as-you-type: visible pages of the locale whose title has words "
        "starting with the words typed (the last one may be cut short), best first, at most "
        "`limit` (1–20, default 8). Case and diacritics are ignored. An empty prefix gives []."
    )
    def autocomplete(
        self,
        info: Info,
        prefix: str,
        locale: str | None = None,
        types: list[SearchType] | None = None,
        limit: int = 8,
    ) -> list[PageInterface]:
        ctx = context(info)
        target_locale = ctx.locale(locale)
        parsed = parse(prefix, name="prefix", allow_empty=True)
        if not 1 <= limit <= AUTOCOMPLETE_MAX:
            raise InvalidArgument(f"limit must be from 1 to {AUTOCOMPLETE_MAX}, not {limit}.")
        if not parsed.words:
            return []
        words = " ".join(group[0] for group in parsed.words)
        backend = backend_for_locale(target_locale.language_code)
        found = list(
            backend.autocomplete(
                words, for_wagtail(_searchable(info, target_locale, types, None)), operator="and"
            )[:limit]
        )
        specific = _specific(found)
        pages = [specific[page.pk] for page in found if page.pk in specific]
        return ctx.remember(pages, target_locale, fallback=False)
