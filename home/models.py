"""Home, generic pages, news and topics.

Translation decisions are written beside each model as its `translatable_fields` (see
cms/mixins.py for the rules they follow).
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms import mixins
from cms.blocks import BaseStreamBlock
from cms.fields import belongs_to, image_field, linked, listing_intro, summary_field
from cms.mixins import HeadlessPage, ListingPage, NamedSnippet, inline_row
from people.models import PersonRow


class Topic(NamedSnippet):
    """A theme of the network's work: AI, smart cities, smart industry, cybersecurity."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("The topic's name, as readers see it.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Stable key for filters and URLs; the same in every language."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences about the topic.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    # The slug is a filter key shared by all locales, so it follows the English source.
    translatable_fields = mixins.translated("name", "description") + mixins.synchronised("slug")

    class Meta(NamedSnippet.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class HomePage(HeadlessPage):
    """The root of one locale's site."""

    intro = models.TextField(
        _("welcome text"), help_text=_("The welcome text at the top of the home page.")
    )
    hero_image = image_field(_("Wide picture at the top of the home page."), _("hero image"))
    body = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("body"), help_text=_("The home page's story.")
    )

    content_panels = HeadlessPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel(
            "featured_news",
            label=_("news item"),
            heading=_("Featured news"),
            help_text=_("Up to six news items shown on the home page, in this order."),
            max_num=6,
        ),
        InlinePanel(
            "featured_events",
            label=_("event"),
            heading=_("Featured events"),
            help_text=_("Up to six events shown on the home page, in this order."),
            max_num=6,
        ),
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
        mixins.PAGE_TRANSLATABLE_FIELDS
        + mixins.translated("intro", "body")
        + mixins.overridable("hero_image")
        + mixins.synchronised("featured_news", "featured_events")
    )

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


# Rows of inline lists, one abstract base per kind of target: a page's list names only its page.


TopicRow = inline_row("home.Topic", "topic", _("A topic."), _("topic"), translatable=True)
EventRow = inline_row("events.EventPage", "event", _("An event."), _("event"))


class HomePageFeaturedNews(Orderable):
    page = belongs_to(HomePage, "featured_news", "News items featured on the home page.")
    news = linked("home.NewsPage", _("A news item shown on the home page."), _("news item"))
    panels = [FieldPanel("news")]


class HomePageFeaturedEvent(EventRow):
    page = belongs_to(HomePage, "featured_events", "Events featured on the home page.")


class StandardPage(HeadlessPage):
    """A generic page: 'Who are we?', the memorandum."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A short lead shown above the body.")
    )
    body = StreamField(
        BaseStreamBlock(), verbose_name=_("body"), help_text=_("The page's content.")
    )

    content_panels = HeadlessPage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    search_fields = HeadlessPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    translatable_fields = mixins.PAGE_TRANSLATABLE_FIELDS + mixins.translated("intro", "body")

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class NewsIndexPage(ListingPage):
    """The list of news items; one per locale site."""

    intro = listing_intro(_("Text above the list of news."))

    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")


class NewsPage(HeadlessPage):
    """A news item."""

    date = models.DateField(
        _("publication date"), help_text=_("Publication date shown to readers.")
    )
    summary = summary_field()
    main_image = image_field(_("Picture for listings and the top of the article."), _("main image"))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), help_text=_("The article."))

    content_panels = HeadlessPage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("summary")], heading=_("Listing")),
        FieldPanel("main_image"),
        FieldPanel("body"),
        InlinePanel(
            "topics",
            label=_("topic"),
            heading=_("Topics"),
            help_text=_("Readers filter news by topic."),
        ),
        InlinePanel(
            "related_events",
            label=_("event"),
            heading=_("Related events"),
            help_text=_("Events the news item is about."),
        ),
        InlinePanel(
            "related_people",
            label=_("person"),
            heading=_("Related people"),
            help_text=_("People the news item mentions."),
        ),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    search_fields = HeadlessPage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = (
        mixins.PAGE_TRANSLATABLE_FIELDS
        + mixins.translated("summary", "body", "topics")
        + mixins.synchronised("date", "related_events", "related_people")
        + mixins.overridable("main_image")
    )

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")
        ordering = ["-date"]


class NewsPageTopic(TopicRow):
    page = belongs_to(NewsPage, "topics", "Topics of the news item, in the asked-for locale.")

    class Meta(TopicRow.Meta):
        verbose_name = _("news topic")
        verbose_name_plural = _("news topics")


class NewsPageRelatedEvent(EventRow):
    page = belongs_to(NewsPage, "related_events", "Events the news item is about (visible ones).")


class NewsPageRelatedPerson(PersonRow):
    page = belongs_to(NewsPage, "related_people", "People the news item mentions (visible ones).")
