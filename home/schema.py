"""GraphQL types and queries of home pages, standard pages, news and topics."""

import datetime as dt
from typing import Annotated

import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry.types import Info

from cms.graphql import relations
from cms.graphql.context import context
from cms.graphql.errors import checked_text
from cms.graphql.images import ImageType
from cms.graphql.listing import listing, one_per_locale, page_by_path_or_id
from cms.graphql.localize import localized_keys
from cms.graphql.pages import PageInterface
from cms.graphql.snippets import TranslatableSnippetInterface
from cms.graphql.streamfield import BodyBlock

from . import models

# News and the home page point at events and people, whose apps point back at topics: their
# types are resolved lazily, by module name, when the schema is built.
EventRef = Annotated["EventPage", strawberry.lazy("events.schema")]  # noqa: F821
PersonRef = Annotated["PersonPage", strawberry.lazy("people.schema")]  # noqa: F821


def topic_condition(prefix: str, slug: str) -> Q:
    """Objects with a live topic of this slug, for a listing's `topic` filter."""
    return Q(
        **{
            f"{prefix}topics__topic__slug": checked_text(slug, "topic"),
            f"{prefix}topics__topic__live": True,
        }
    )


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
        return relations.many(info, root, "featured_news", models.HomePageFeaturedNews, "news")

    @strawberry_django.field(description="Events featured on the home page.")
    def featured_events(self, root: models.HomePage, info: Info) -> list[EventRef]:
        return relations.many(info, root, "featured_events", models.HomePageFeaturedEvent, "event")


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
        return relations.many(info, root, "topics", models.NewsPageTopic, "topic")

    @strawberry_django.field(description="Events the news item is about (visible ones).")
    def related_events(self, root: models.NewsPage, info: Info) -> list[EventRef]:
        return relations.many(info, root, "related_events", models.NewsPageRelatedEvent, "event")

    @strawberry_django.field(description="People the news item mentions (visible ones).")
    def related_people(self, root: models.NewsPage, info: Info) -> list[PersonRef]:
        return relations.many(info, root, "related_people", models.NewsPageRelatedPerson, "person")


@strawberry_django.filter_type(models.NewsPage, description="Filters of the news listing.")
class NewsFilter:
    @strawberry_django.filter_field(description="Only news with this topic (its slug).")
    def topic(self, queryset: QuerySet, value: str, prefix: str):
        return queryset, topic_condition(prefix, value)

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


def topic_by_slug(info: Info, slug: str, locale: str | None, fallback: bool):
    ctx = context(info)
    keys = list(
        models.Topic.objects.filter(
            slug=checked_text(slug, "slug"), locale=ctx.default_locale
        ).values_list("translation_key", flat=True)
    )
    found = localized_keys(info, models.Topic, keys, ctx.locale(locale), fallback)
    return found[0] if found else None


@strawberry.type
class Query:
    home = one_per_locale(
        HomePage, models.HomePage, description="The home page of the asked-for locale."
    )
    news = listing(
        NewsPage,
        models.NewsPage,
        filters=NewsFilter,
        ordering=NewsOrdering,
        order_by=lambda news: news.order_by("-date", "pk"),
        description="News in the asked-for locale, newest first.",
    )
    news_item = page_by_path_or_id(
        NewsPage, models.NewsPage, description="One news item by `path` or `id`."
    )
    news_index = one_per_locale(
        NewsIndexPage,
        models.NewsIndexPage,
        description="The news index page of the asked-for locale.",
    )
    topics = listing(
        Topic,
        models.Topic,
        ordering=TopicOrdering,
        order_by=lambda topics: topics.order_by("name"),
        description="Topics in the asked-for locale, by name.",
    )

    @strawberry_django.field(description="One topic by its slug (the same in every locale).")
    def topic(
        self, info: Info, slug: str, locale: str | None = None, fallback: bool = True
    ) -> Topic | None:
        return topic_by_slug(info, slug, locale, fallback)
