"""Home, generic pages, news and topics.

Translation decisions are written beside each model as its `translatable_fields` (see
cms/mixins.py for the rules they follow).
"""

from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.mixins import (
    PAGE_TRANSLATABLE_FIELDS,
    HeadlessPage,
    TranslatableSnippet,
    overridable,
    synchronised,
    translated,
)

IMAGE_MODEL = "wagtailimages.Image"


class Topic(TranslatableSnippet):
    """A theme of the network's work: AI, smart cities, smart industry, cybersecurity."""

    name = models.CharField(max_length=120, help_text="The topic's name, as readers see it.")
    slug = models.SlugField(
        max_length=120,
        help_text="Stable key for filters and URLs; the same in every language.",
    )
    description = models.TextField(blank=True, help_text="One or two sentences about the topic.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]
    # The slug is a filter key shared by all locales, so it follows the English source.
    translatable_fields = translated("name", "description") + synchronised("slug")

    class Meta(TranslatableSnippet.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class HomePage(HeadlessPage):
    """The root of one locale's site."""

    intro = models.TextField(help_text="The welcome text at the top of the home page.")
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Wide picture at the top of the home page.",
    )
    body = StreamField(BaseStreamBlock(), blank=True, help_text="The home page's story.")

    content_panels = HeadlessPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel("featured_news", label="Featured news", max_num=6),
        InlinePanel("featured_events", label="Featured events", max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "events.EventIndexPage",
        "people.PeopleIndexPage",
    ]
    search_fields = HeadlessPage.search_fields + [index.SearchField("intro")]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + translated("intro", "body")
        + overridable("hero_image")
        + synchronised("featured_news", "featured_events")
    )

    class Meta:
        verbose_name = "home page"


class HomePageFeaturedNews(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_news")
    news = models.ForeignKey(
        "home.NewsPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A news item shown on the home page.",
    )
    panels = [FieldPanel("news")]


class HomePageFeaturedEvent(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_events")
    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="An event shown on the home page.",
    )
    panels = [FieldPanel("event")]


class StandardPage(HeadlessPage):
    """A generic page: 'Who are we?', the memorandum."""

    intro = models.TextField(blank=True, help_text="A short lead shown above the body.")
    body = StreamField(BaseStreamBlock(), help_text="The page's content.")

    content_panels = HeadlessPage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    search_fields = HeadlessPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + translated("intro", "body")


class NewsIndexPage(HeadlessPage):
    """The list of news items; one per locale site."""

    intro = models.TextField(blank=True, help_text="Text above the list of news.")

    content_panels = HeadlessPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + translated("intro")

    class Meta:
        verbose_name = "news index page"


class NewsPage(HeadlessPage):
    """A news item."""

    date = models.DateField(help_text="Publication date shown to readers.")
    summary = models.TextField(
        max_length=600, help_text="One paragraph for listings and link previews."
    )
    main_image = models.ForeignKey(
        IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Picture for listings and the top of the article.",
    )
    body = StreamField(BaseStreamBlock(), help_text="The article.")

    content_panels = HeadlessPage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("summary")], heading="Listing"),
        FieldPanel("main_image"),
        FieldPanel("body"),
        InlinePanel("topics", label="Topics"),
        InlinePanel("related_events", label="Related events"),
        InlinePanel("related_people", label="Related people"),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    search_fields = HeadlessPage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + translated("summary", "body", "topics")
        + synchronised("date", "related_events", "related_people")
        + overridable("main_image")
    )

    class Meta:
        verbose_name = "news page"
        ordering = ["-date"]


class NewsPageTopic(TranslatableMixin, Orderable):
    """Translatable so that a translated news item points to the topic in its own locale."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="+", help_text="A topic of this news item."
    )
    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class NewsPageRelatedEvent(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_events")
    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="An event this news item is about.",
    )
    panels = [FieldPanel("event")]


class NewsPageRelatedPerson(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_people")
    person = models.ForeignKey(
        "people.PersonPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A person this news item mentions.",
    )
    panels = [FieldPanel("person")]
