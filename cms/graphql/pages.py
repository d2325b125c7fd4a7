"""The Page interface every page type implements, and page lookups by path or id."""

import re
from datetime import datetime

import strawberry
import strawberry_django
from django.conf import settings
from django.utils import timezone
from strawberry.types import Info
from wagtail.models import Page as WagtailPage

from cms.db import precompiled

from .context import context
from .errors import InvalidArgument, parse_id
from .localize import localized
from .published import as_published
from .translation_status import TranslationStatusType, translation_status

PATH_PATTERN = re.compile(r"^/(?P<locale>[a-z]{2}(?:-[a-z0-9]+)?)/(?P<rest>(?:[\w\-]+/)*)$")


def api_path(info: Info, page: WagtailPage) -> str:
    """The locale-prefixed path of a page within the site: /<locale>/<slugs below the home>/."""
    below_home = page.url_path.split("/", 2)[2] if page.depth > 2 else ""
    return f"/{context(info).locale_code(page.locale_id)}/{below_home}"


def absolute_url(info: Info, page: WagtailPage) -> str | None:
    code = context(info).locale_code(page.locale_id)
    base = settings.FRONTEND_BASE_URLS.get(code)
    if not base:
        return None
    return base.rstrip("/") + api_path(info, page)[len(code) + 1 :]


def parse_path(path: str) -> tuple[str, str]:
    """(locale code, the slugs below the home with a slash after each) of an API path.

    The trailing slash may be left out: "/en/events" is "/en/events/", "/en" is "/en/".
    """
    normalised = path if path.endswith("/") else path + "/"
    match = PATH_PATTERN.fullmatch(normalised)
    if not match:
        raise InvalidArgument(
            f"Malformed path {path!r}: expected a locale-prefixed path such as "
            "'/en/events/ai-forum-cz-ua-2024/'.",
            code="INVALID_PATH",
        )
    return match["locale"], match["rest"]


@strawberry.type(description="A link to a page: enough to build a breadcrumb or an hreflang tag.")
class PageLink:
    id: strawberry.ID = strawberry.field(description="The page's id.")
    title: str = strawberry.field(description="The page's title in its locale.")
    path: str = strawberry.field(description="Locale-prefixed path of the page within the site.")
    locale: str = strawberry.field(description="Language code of the page, e.g. 'cs'.")
    url: str | None = strawberry.field(
        description="Absolute frontend URL when FRONTEND_BASE_URLS has this locale; else null."
    )


def page_link(info: Info, page: WagtailPage) -> PageLink:
    return PageLink(
        id=strawberry.ID(str(page.pk)),
        title=page.title,
        path=api_path(info, page),
        locale=context(info).locale_code(page.locale_id),
        url=absolute_url(info, page),
    )


def _breadcrumbs(info: Info):
    def compute(pages, locale, fallback):
        ancestor_paths = {
            page.path[:depth]
            for page in pages
            for depth in range(3 * WagtailPage.steplen, len(page.path), WagtailPage.steplen)
        }
        # A fallback page's ancestors are shown in the asked-for locale where they exist.
        found = precompiled.run(
            ("pages by path",),
            lambda paths: WagtailPage.objects.filter(path__any=paths),
            list(ancestor_paths),
        )
        ancestors = {ancestor.path: ancestor for ancestor in found}
        in_locale = {
            page.translation_key: page
            for page in localized(info, WagtailPage, ancestors.values(), locale, fallback=True)
        }
        ancestors = {
            path: in_locale[ancestor.translation_key]
            for path, ancestor in ancestors.items()
            if ancestor.translation_key in in_locale
        }
        return {
            page.pk: [
                page_link(info, ancestors[page.path[:depth]])
                for depth in range(3 * WagtailPage.steplen, len(page.path), WagtailPage.steplen)
                if page.path[:depth] in ancestors
            ]
            for page in pages
        }

    return compute


def _translations(info: Info):
    def compute(pages, locale, fallback):
        ctx = context(info)
        keys = list({page.translation_key for page in pages})
        versions = precompiled.run(
            ("translations of pages", ctx.scope),
            lambda keys, now: (
                ctx.visible(WagtailPage, now=now)
                .filter(translation_key__any=keys)
                .order_by("locale_id")
            ),
            keys,
            timezone.now(),
        )
        by_key = {}
        # Titles as published: a translator's saved draft may sit in a live page's row.
        for page in as_published(versions):
            by_key.setdefault(page.translation_key, []).append(page_link(info, page))
        return {page.pk: by_key.get(page.translation_key, []) for page in pages}

    return compute


@strawberry_django.type(WagtailPage)
class PageAddress:
    """Where a page is, in its language and the others: the fields the Page interface and the
    sitemap's entries share (inherited by both; not a GraphQL type of its own)."""

    @strawberry_django.field(description="The page's id; the same id works with any locale.")
    def id(self, root: WagtailPage) -> strawberry.ID:
        return strawberry.ID(str(root.pk))

    @strawberry_django.field(
        description="Locale-prefixed path within the site, e.g. '/cs/akce/ai-forum-cz-ua-2024/'."
    )
    def path(self, root: WagtailPage, info: Info) -> str:
        return api_path(info, root)

    @strawberry_django.field(
        description="Absolute URL on the frontend, when the frontend base URL of this locale is "
        "configured (FRONTEND_BASE_URLS); otherwise null."
    )
    def url(self, root: WagtailPage, info: Info) -> str | None:
        return absolute_url(info, root)

    @strawberry_django.field(description="Language code of this version of the page.")
    def locale(self, root: WagtailPage, info: Info) -> str:
        return context(info).locale_code(root.locale_id)

    @strawberry_django.field(
        description="Live versions of this page in every locale, this one included (for hreflang)."
    )
    def translations(self, root: WagtailPage, info: Info) -> list[PageLink]:
        return context(info).batch("translations", root, _translations(info))


@strawberry_django.interface(WagtailPage, name="Page", description="Fields every page has.")
class PageInterface(PageAddress):
    title: str = strawberry_django.field(description="The page's title.")
    slug: str = strawberry_django.field(description="The last part of the page's path.")
    seo_title: str = strawberry_django.field(
        description="Title for search engines and the browser tab; empty means use the title."
    )
    search_description: str = strawberry_django.field(
        description="Description for search engines and link previews."
    )
    first_published_at: datetime | None = strawberry_django.field(
        description="When the page was first published (ISO 8601 with offset)."
    )
    last_published_at: datetime | None = strawberry_django.field(
        description="When the page was last published (ISO 8601 with offset)."
    )

    @strawberry_django.field(
        description="True when the asked-for translation is not live and this is the "
        "default-locale version instead."
    )
    def is_fallback(self, root: WagtailPage, info: Info) -> bool:
        return root.locale_id != context(info).asked(root).locale.pk

    @strawberry_django.field(
        description="Visible ancestors below the locale's home page, from the top down."
    )
    def breadcrumbs(self, root: WagtailPage, info: Info) -> list[PageLink]:
        return context(info).batch("breadcrumbs", root, _breadcrumbs(info))

    @strawberry_django.field(
        description="How complete and current this translation is; null for the source itself."
    )
    def translation_status(self, root: WagtailPage, info: Info) -> TranslationStatusType | None:
        return translation_status(info, root)


def find_page(info: Info, *, path: str | None, id: str | None, locale: str | None, fallback: bool):
    """The visible page with this path or id, in the asked-for locale (see the Page docs)."""
    ctx = context(info)
    if (path is None) == (id is None):
        raise InvalidArgument("Give either `path` or `id`.")
    if path is not None:
        path_locale, rest = parse_path(path)
        source_locale = ctx.locale(path_locale)
        home = WagtailPage.objects.filter(
            depth=2, locale=source_locale, path__in=ctx.scope.root_paths
        ).first()
        if home is None:
            return None
        # The page at the path may be a draft translation: its visible version (or, with
        # fallback, the default-locale one) is what the reader gets.
        source = WagtailPage.objects.filter(
            path__startswith=home.path, url_path=home.url_path + rest
        ).first()
        target_locale = ctx.locale(locale) if locale else source_locale
    else:
        page_pk = parse_id(id, "page ids")
        target_locale = ctx.locale(locale)
        source = WagtailPage.objects.filter(pk=page_pk).first()
    if source is None:
        return None
    specific_model = source.specific_class
    matches = localized(info, specific_model, [source], target_locale, fallback)
    return matches[0] if matches else None


def listing_page_type(model):
    """The GraphQL type of an index page (cms.mixins.ListingPage): the page and its intro."""
    name = model.__name__
    return strawberry_django.type(model, name=name)(
        type(name, (PageInterface,), {"__annotations__": {"intro": str}})
    )
