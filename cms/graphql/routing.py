"""GraphQL for a frontend's routing: one redirect lookup and the sitemap data.

- `redirect(path, locale)` looks one old path up in wagtail.contrib.redirects (the editors'
  Redirects admin), for a frontend's 404 handler. There is deliberately no query that lists the
  redirect table.
- `sitemap(locale, pagination)` lists every visible page of a locale with its path, last
  publication and translations, for sitemap.xml with hreflang alternates.
"""

from datetime import datetime

import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry.types import Info
from wagtail.contrib.redirects.models import Redirect as WagtailRedirect
from wagtail.models import Page as WagtailPage

from cms.graphql.context import context
from cms.graphql.errors import InvalidArgument, checked_text
from cms.graphql.listing import in_locale
from cms.graphql.localize import localized
from cms.graphql.pages import PageAddress, PageLink, absolute_url, api_path, page_link
from cms.graphql.pagination import Paginated

MAX_PATH_LENGTH = 255  # Redirect.old_path's length


@strawberry.type(description="Where an old address now leads, from the editors' redirects.")
class Redirect:
    old_path: str = strawberry.field(
        description="The path that was looked up, normalised as stored: no trailing slash, "
        "query parameters sorted."
    )
    is_permanent: bool = strawberry.field(
        description="True for a permanent redirect (answer 301 or 308), false for a temporary "
        "one (302 or 307)."
    )
    status_code: int = strawberry.field(description="The HTTP status to answer with: 301 or 302.")
    page: PageLink | None = strawberry.field(
        description="The target page in the asked-for locale (the default-locale version when it "
        "is not translated); null when the redirect leads to an external URL."
    )
    location: str = strawberry.field(
        description="Where to send the visitor: the target page's path (its absolute frontend "
        "URL when FRONTEND_BASE_URLS has the locale) or the external URL."
    )


def _redirect_locale(info: Info, path: str, locale: str | None):
    ctx = context(info)
    if locale is not None:
        return ctx.locale(locale)
    first = path.split("/", 2)[1] if path.count("/") >= 1 else ""
    return ctx.locales.get(first) or ctx.default_locale


def find_redirect(info: Info, path: str, locale: str | None) -> Redirect | None:
    checked_text(path, "path")
    if not path.startswith("/") or len(path) > MAX_PATH_LENGTH:
        raise InvalidArgument(
            f"Malformed path {path[:80]!r}: expected an absolute path such as '/en/old-page/', "
            f"at most {MAX_PATH_LENGTH} characters.",
            code="INVALID_PATH",
        )
    target_locale = _redirect_locale(info, path, locale)
    old_path = WagtailRedirect.normalise_path(path)
    site = context(info).site
    # The site's own redirects win over those for all sites, as in Wagtail's middleware.
    candidates = (
        WagtailRedirect.objects.filter(old_path=old_path)
        .filter(Q(site=site) | Q(site__isnull=True))
        .select_related("redirect_page")
    )
    redirect = min(candidates, key=lambda r: r.site_id is None, default=None)
    if redirect is None:
        return None
    status = 301 if redirect.is_permanent else 302
    if redirect.redirect_page_id:
        found = localized(info, WagtailPage, [redirect.redirect_page], target_locale, fallback=True)
        if not found:
            return None  # the target is not visible: nothing to send the visitor to
        page = found[0].specific
        route = (redirect.redirect_page_route_path or "").lstrip("/")
        link = page_link(info, page)
        location = (absolute_url(info, page) or api_path(info, page)) + route
        return Redirect(
            old_path=old_path,
            is_permanent=redirect.is_permanent,
            status_code=status,
            page=link,
            location=location,
        )
    if not redirect.redirect_link:
        return None
    return Redirect(
        old_path=old_path,
        is_permanent=redirect.is_permanent,
        status_code=status,
        page=None,
        location=redirect.redirect_link,
    )


@strawberry_django.type(WagtailPage, name="SitemapEntry", description="One page of the sitemap.")
class SitemapEntry(PageAddress):
    last_published_at: datetime | None = strawberry_django.field(
        description="When the page was last published (ISO 8601 with offset), for <lastmod>."
    )


@strawberry.type
class Query:
    @strawberry_django.field(
        description="The redirect editors set up for one old path (wagtail's Redirects), for a "
        "frontend's 404 handler; null when there is none or its target is not visible. A page "
        "target is given in `locale` (by default the locale of the path's prefix, else the "
        "default locale)."
    )
    def redirect(self, info: Info, path: str, locale: str | None = None) -> Redirect | None:
        return find_redirect(info, path, locale)

    @strawberry_django.offset_paginated(
        Paginated[SitemapEntry],
        description="Every visible page of the locale in tree order (the home page first), "
        "with its translations, for sitemap.xml with hreflang alternates.",
    )
    def sitemap(self, info: Info, locale: str | None = None) -> QuerySet[WagtailPage]:
        return in_locale(info, WagtailPage, locale, fallback=False).order_by("path")
