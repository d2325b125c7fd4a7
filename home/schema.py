"""GraphQL types and queries of home pages, standard pages, news and topics."""

import datetime as dt
from typing import Annotated

import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry.types import Info

from cms.graphql import relations
from cms.graphql.context import context
from cms.graphql.errors import InvalidArgument, checked_text
from cms.graphql.images import ImageType
from cms.graphql.listing import listing, one_per_locale, page_queries
from cms.graphql.localize import localized_keys
from cms.graphql.pages import PageInterface, listing_page_type
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

    hero_image: ImageType | None = relations.image_of(models.HomePage.hero_image)

    body: list[BodyBlock] = relations.blocks_of(models.HomePage.body)

    featured_news: list["NewsPage"] = relations.inline_list(models.HomePageFeaturedNews)
    featured_events: list[EventRef] = relations.inline_list(models.HomePageFeaturedEvent)


@strawberry_django.type(models.StandardPage, name="StandardPage")
class StandardPage(PageInterface):
    intro: str

    body: list[BodyBlock] = relations.blocks_of(models.StandardPage.body)


NewsIndexPage = listing_page_type(models.NewsIndexPage)


@strawberry_django.type(models.NewsPage, name="NewsPage")
class NewsPage(PageInterface):
    date: dt.date
    summary: str

    main_image: ImageType | None = relations.image_of(models.NewsPage.main_image)

    body: list[BodyBlock] = relations.blocks_of(models.NewsPage.body)

    topics: list[Topic] = relations.inline_list(models.NewsPageTopic)

    related_events: list[EventRef] = relations.inline_list(models.NewsPageRelatedEvent)

    related_people: list[PersonRef] = relations.inline_list(models.NewsPageRelatedPerson)


@strawberry_django.filter_type(models.NewsPage, description="Filters of the news listing.")
class NewsFilter:
    @strawberry_django.filter_field(description="Only news with this topic (its slug).")
    def topic(self, queryset: QuerySet, value: str, prefix: str):
        return queryset, topic_condition(prefix, value)

    @strawberry_django.filter_field(description="Only news published in this year.")
    def year(self, queryset: QuerySet, value: int, prefix: str):
        if not 1 <= value <= 9999:  # the dates a database (and Python) can hold
            raise InvalidArgument(f"year must be between 1 and 9999, not {value}.")
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
    news, news_item, news_index = page_queries(
        NewsPage,
        NewsIndexPage,
        filters=NewsFilter,
        ordering=NewsOrdering,
        order_by=lambda news: news.order_by("-date", "pk"),
        description="News in the asked-for locale, newest first.",
        item="news item",
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
