"""Root fields every frontend starts from: the site with its languages, and any page."""

import strawberry
import strawberry_django
from django.conf import settings
from django.utils.translation import get_language_info
from strawberry.types import Info

from .context import context
from .pages import PageInterface, find_page
from .preview import preview_page


@strawberry.type(description="A language the site is published in.")
class SiteLocale:
    code: str = strawberry.field(description="Language code, e.g. 'uk'.")
    name: str = strawberry.field(description="The language's name in English.")
    native_name: str = strawberry.field(description="The language's name in itself.")


@strawberry.type(description="The site: its name and languages.")
class Site:
    name: str = strawberry.field(description="The site's name.")
    default_locale: str = strawberry.field(description="Code of the source language.")
    locales: list[SiteLocale] = strawberry.field(description="Every language of the site.")


def site_locale(code: str) -> SiteLocale:
    info = get_language_info(code)
    return SiteLocale(code=code, name=info["name"], native_name=info["name_local"])


@strawberry.type
class Query:
    @strawberry_django.field(description="The site's name and languages.")
    def site(self, info: Info) -> Site:
        ctx = context(info)
        site = ctx.site
        return Site(
            name=(site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
            default_locale=ctx.default_locale.language_code,
            locales=[
                site_locale(code)
                for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES
                if code in ctx.locales
            ],
        )

    @strawberry_django.field(
        description="Any page by `path` ('/cs/akce/…/') or `id`, in the asked-for locale. When "
        "that translation is not live, the default-locale version is returned with isFallback "
        "true, unless `fallback: false` (then null). With `previewToken` alone (from the CMS's "
        "preview link): exactly what the editor previews (unsaved edits included), with the "
        "same types."
    )
    def page(
        self,
        info: Info,
        path: str | None = None,
        id: strawberry.ID | None = None,
        locale: str | None = None,
        fallback: bool = True,
        preview_token: str | None = None,
    ) -> PageInterface | None:
        if preview_token is not None:
            return preview_page(info, preview_token, path=path, id=id)
        return find_page(info, path=path, id=id, locale=locale, fallback=fallback)
