"""GraphQL types and queries of the site, pages in general, home, news and topics."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry
import strawberry_django
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import get_language_info
from strawberry.types import Info

from cms.graphql import relations
from cms.graphql.context import context
from cms.graphql.errors import checked_text
from cms.graphql.images import ImageType
from cms.graphql.listing import find_typed_page, first_in_locale, in_locale
from cms.graphql.localize import localized_keys
from cms.graphql.pages import PageInterface, find_page
from cms.graphql.pagination import Paginated
from cms.graphql.preview import preview_page
from cms.graphql.snippets import TranslatableSnippetInterface
from cms.graphql.streamfield import BodyBlock

from . import models

if TYPE_CHECKING:
    from events.schema import EventPage
    from people.schema import PersonPage

EventRef = Annotated["EventPage", strawberry.lazy("events.schema")]
PersonRef = Annotated["PersonPage", strawberry.lazy("people.schema")]


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


@strawberry_django.type(models.Topic, name="Topic")
class Topic(TranslatableSnippetInterface):
    name: str
    slug: str
    description: str


@strawberry_django.type(models.HomePage, name="HomePage")
class HomePage(PageInterface):
    intro: str

    @strawberry_django.field(description="Wide picture at the top of the home page.")
    def hero_image(self, root: models.HomePage, info: Info) -> ImageType | None:
        return relations.image(info, root, "hero_image")

    @strawberry_django.field(description="The home page's story.")
    def body(self, root: models.HomePage, info: Info) -> list[BodyBlock]:
        return relations.stream(info, root, "body")

    @strawberry_django.field(description="News items featured on the home page.")
    def featured_news(self, root: models.HomePage, info: Info) -> list["NewsPage"]:
        return relations.many(
            info, root, "featured_news", models.HomePageFeaturedNews, "news", models.NewsPage
        )

    @strawberry_django.field(description="Events featured on the home page.")
    def featured_events(self, root: models.HomePage, info: Info) -> list[EventRef]:
        from events.models import EventPage

        return relations.many(
            info, root, "featured_events", models.HomePageFeaturedEvent, "event", EventPage
        )


@strawberry_django.type(models.StandardPage, name="StandardPage")
class StandardPage(PageInterface):
    intro: str

    @strawberry_django.field(description="The page's content.")
    def body(self, root: models.StandardPage, info: Info) -> list[BodyBlock]:
        return relations.stream(info, root, "body")


@strawberry_django.type(models.NewsIndexPage, name="NewsIndexPage")
class NewsIndexPage(PageInterface):
    intro: str


@strawberry_django.type(models.NewsPage, name="NewsPage")
class NewsPage(PageInterface):
    date: dt.date
    summary: str

    @strawberry_django.field(description="Picture for listings and the top of the article.")
    def main_image(self, root: models.NewsPage, info: Info) -> ImageType | None:
        return relations.image(info, root, "main_image")

    @strawberry_django.field(description="The article.")
    def body(self, root: models.NewsPage, info: Info) -> list[BodyBlock]:
        return relations.stream(info, root, "body")

    @strawberry_django.field(description="Topics of the news item, in the asked-for locale.")
    def topics(self, root: models.NewsPage, info: Info) -> list[Topic]:
        return relations.many(info, root, "topics", models.NewsPageTopic, "topic", models.Topic)

    @strawberry_django.field(description="Events the news item is about (visible ones).")
    def related_events(self, root: models.NewsPage, info: Info) -> list[EventRef]:
        from events.models import EventPage

        return relations.many(
            info, root, "related_events", models.NewsPageRelatedEvent, "event", EventPage
        )

    @strawberry_django.field(description="People the news item mentions (visible ones).")
    def related_people(self, root: models.NewsPage, info: Info) -> list[PersonRef]:
        from people.models import PersonPage

        return relations.many(
            info, root, "related_people", models.NewsPageRelatedPerson, "person", PersonPage
        )


@strawberry_django.filter_type(models.NewsPage, description="Filters of the news listing.")
class NewsFilter:
    @strawberry_django.filter_field(description="Only news with this topic (its slug).")
    def topic(self, queryset: QuerySet, value: str, prefix: str):
        return queryset, Q(
            **{
                f"{prefix}topics__topic__slug": checked_text(value, "topic"),
                f"{prefix}topics__topic__live": True,
            }
        )

    @strawberry_django.filter_field(description="Only news published in this year.")
    def year(self, queryset: QuerySet, value: int, prefix: str):
        return queryset, Q(**{f"{prefix}date__year": value})

    @strawberry_django.filter_field(description="Only news published on or after this date.")
    def date_from(self, queryset: QuerySet, value: dt.date, prefix: str):
        return queryset, Q(**{f"{prefix}date__gte": value})

    @strawberry_django.filter_field(description="Only news published on or before this date.")
    def date_to(self, queryset: QuerySet, value: dt.date, prefix: str):
        return queryset, Q(**{f"{prefix}date__lte": value})


@strawberry_django.order_type(models.NewsPage, description="Orderings of the news listing.")
class NewsOrdering:
    date: strawberry.auto = strawberry_django.order_field(description="By publication date.")
    title: strawberry.auto = strawberry_django.order_field(description="By title.")


@strawberry_django.order_type(models.Topic, description="Orderings of the topics listing.")
class TopicOrdering:
    name: strawberry.auto = strawberry_django.order_field(description="By name.")


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
                SiteLocale(
                    code=code,
                    name=get_language_info(code)["name"],
                    native_name=get_language_info(code)["name_local"],
                )
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

    @strawberry_django.field(description="The home page of the asked-for locale.")
    def home(self, info: Info, locale: str | None = None, fallback: bool = True) -> HomePage | None:
        return first_in_locale(info, models.HomePage, locale, fallback)

    @strawberry_django.offset_paginated(
        Paginated[NewsPage],
        filters=NewsFilter,
        ordering=NewsOrdering,
        description="News in the asked-for locale, newest first.",
    )
    def news(
        self, info: Info, locale: str | None = None, fallback: bool = False
    ) -> QuerySet[models.NewsPage]:
        return in_locale(info, models.NewsPage, locale, fallback).distinct().order_by("-date", "pk")

    @strawberry_django.field(description="One news item by `path` or `id`.")
    def news_item(
        self,
        info: Info,
        path: str | None = None,
        id: strawberry.ID | None = None,
        locale: str | None = None,
        fallback: bool = True,
    ) -> NewsPage | None:
        return find_typed_page(
            info, models.NewsPage, path=path, id=id, locale=locale, fallback=fallback
        )

    @strawberry_django.field(description="The news index page of the asked-for locale.")
    def news_index(
        self, info: Info, locale: str | None = None, fallback: bool = True
    ) -> NewsIndexPage | None:
        return first_in_locale(info, models.NewsIndexPage, locale, fallback)

    @strawberry_django.offset_paginated(
        Paginated[Topic],
        ordering=TopicOrdering,
        description="Topics in the asked-for locale, by name.",
    )
    def topics(
        self, info: Info, locale: str | None = None, fallback: bool = False
    ) -> QuerySet[models.Topic]:
        return in_locale(info, models.Topic, locale, fallback).order_by("name")

    @strawberry_django.field(description="One topic by its slug (the same in every locale).")
    def topic(
        self, info: Info, slug: str, locale: str | None = None, fallback: bool = True
    ) -> Topic | None:
        ctx = context(info)
        keys = list(
            models.Topic.objects.filter(
                slug=checked_text(slug, "slug"), locale=ctx.default_locale
            ).values_list("translation_key", flat=True)
        )
        found = localized_keys(info, models.Topic, keys, ctx.locale(locale), fallback)
        return found[0] if found else None
