"""GraphiQL from the project's own static files, for the /graphql/ view when GRAPHIQL is on.

strawberry's built-in page loads React and GraphiQL from a public CDN, so offline or behind a
strict Content-Security-Policy it is a blank page. This page references only same-origin files
under STATIC_URL (the pinned builds in cms/static/graphiql/vendor/, refreshed by `make graphiql`;
versions and licences in cms/static/graphiql/README.md) and holds no inline script:
cms/static/graphiql/init.js starts GraphiQL with the endpoint and the default tabs it reads from
the page's data attributes, so `script-src 'self'` is enough.

The default tabs are what a frontend developer opening the IDE for the first time should try. Each
is a complete document with its variables; tests/graphql/test_graphiql.py validates them against
schema.graphql and runs them against the demo content. GraphiQL keeps the user's own tabs in the
browser's localStorage, so changed defaults show only to a browser that has none stored.
"""

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

TEMPLATE = "cms/graphiql.html"

PAGE_BY_PATH = """\
# Welcome to GraphiQL. Each tab shows one thing a frontend
# does: run it with Ctrl-Enter or the play button. The
# Documentation Explorer (first icon on the left) has
# every type and field, with its description.
#
# A page by its path: the path's prefix (/en/, /cs/, /uk/)
# is its locale. Every page type has the fields of the Page
# interface; ask for a type's own fields with
# `... on StandardPage { … }`.
query PageByPath($path: String!) {
  page(path: $path) {
    __typename
    id
    title
    path
    locale
    isFallback
    translations { locale path }
    breadcrumbs { title path }
    ... on StandardPage {
      intro
      body {
        __typename
        ... on HeadingBlock { text level }
        ... on ParagraphBlock { html }
      }
    }
  }
}
"""

EVENT_LISTING = """\
# A listing with filters and pagination: upcoming events in
# Czech, soonest first, two at a time. Filters combine (kind,
# topic, city, upcoming, startsAfter, startsBefore,
# parentEvent, and AND/OR/NOT); `totalCount` counts every
# match, `pagination` picks one page of them.
query UpcomingEvents(
  $locale: String
  $filters: EventFilter
  $pagination: OffsetPaginationInput
) {
  events(locale: $locale, filters: $filters, pagination: $pagination) {
    totalCount
    pageInfo { offset limit }
    results {
      title
      path
      kind
      city
      start
      end
      topics { name slug }
      parentEvent { title path }
    }
  }
}
"""

SEARCH = """\
# Full-text search in one locale: every word must match, in
# any inflected form and with or without diacritics ("forum"
# finds "fórum"). `types` and `topic` narrow it down; the
# excerpt marks the matching words with <mark>.
query Search($query: String!, $locale: String, $types: [SearchType!]) {
  search(
    query: $query
    locale: $locale
    types: $types
    pagination: {limit: 5}
  ) {
    totalCount
    results {
      score
      promoted
      excerpt
      page {
        __typename
        title
        path
        ... on EventPage { start city }
      }
    }
  }
}
"""

PREVIEW = """\
# Preview: the page exactly as an editor sees it in the CMS,
# unsaved edits included. Preview in the page editor opens
# the frontend's preview address for the page's locale
# (PREVIEW_FRONTEND_URLS) with `?token=…`; the frontend
# passes that token as `previewToken` and renders the answer
# like any page. To try it here, paste a token into
# Variables below. A token lasts PREVIEW_TOKEN_MAX_AGE
# seconds (an hour by default); a made-up one is answered
# with the error code PREVIEW_TOKEN_INVALID, an old one with
# PREVIEW_TOKEN_EXPIRED.
query Preview($token: String!) {
  page(previewToken: $token) {
    __typename
    id
    title
    path
    locale
    ... on EventPage { summary start end }
    ... on NewsPage { summary date }
    ... on StandardPage { intro }
  }
}
"""


def variables(**values) -> str:
    # GraphiQL's variables editor takes text; indented so it reads like the query beside it.
    return json.dumps(values, indent=2, ensure_ascii=False)


DEFAULT_TABS = [
    {"query": PAGE_BY_PATH, "variables": variables(path="/cs/kdo-jsme/")},
    {
        "query": EVENT_LISTING,
        "variables": variables(
            locale="cs", filters={"upcoming": True}, pagination={"offset": 0, "limit": 2}
        ),
    },
    {"query": SEARCH, "variables": variables(query="forum", locale="cs", types=["EVENT"])},
    {"query": PREVIEW, "variables": variables(token="paste the token from ?token=… here")},
]


def render_graphiql(request: HttpRequest) -> HttpResponse:
    """The GraphiQL page for this endpoint (the path it was asked for)."""
    context = {
        "endpoint": request.path,
        "default_tabs": json.dumps(DEFAULT_TABS, ensure_ascii=False),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return render(request, TEMPLATE, context)
