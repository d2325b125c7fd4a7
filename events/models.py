"""Events: forums, expert missions, webinars, fairs.

Translation decisions are written beside each model as its `translatable_fields` (see
cms/mixins.py for the rules they follow).
"""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.mixins import (
    PAGE_TRANSLATABLE_FIELDS,
    HeadlessPage,
    overridable,
    synchronised,
    translated,
)

from .blocks import ProgrammeBlock

DEFAULT_TIME_ZONE = "Europe/Prague"
TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EventKind(models.TextChoices):
    FORUM = "forum", "Forum"
    EXPERT_MISSION = "expert_mission", "Expert mission"
    WEBINAR = "webinar", "Webinar"
    TRADE_FAIR = "trade_fair", "Trade fair or business mission"
    OTHER = "other", "Other"


class EventIndexPage(HeadlessPage):
    """The list of events; one per locale site."""

    intro = models.TextField(blank=True, help_text="Text above the list of events.")

    content_panels = HeadlessPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + translated("intro")

    class Meta:
        verbose_name = "event index page"


class EventPage(HeadlessPage):
    """A forum, mission, webinar or fair, possibly part of a larger event."""

    kind = models.CharField(
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.FORUM,
        help_text="What sort of event this is.",
    )
    start = models.DateTimeField(help_text="When the event starts (date and time).")
    end = models.DateTimeField(
        help_text="When it ends; missions and fairs last several days.",
    )
    time_zone = models.CharField(
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default=DEFAULT_TIME_ZONE,
        help_text="The time zone the event happens in; times are shown to readers in it.",
    )
    parent_event = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_events",
        help_text="The larger event this one is part of, e.g. the mission a forum belongs to.",
    )
    city = models.CharField(max_length=120, blank=True, help_text="City, e.g. Prague or Brno.")
    venue = models.CharField(
        max_length=200, blank=True, help_text="Building or place, e.g. Ministry of Industry."
    )
    address = models.TextField(blank=True, help_text="Street address of the venue.")
    online_url = models.URLField(
        blank=True, help_text="Link to join online, for webinars and hybrid events."
    )
    registration_url = models.URLField(blank=True, help_text="Where participants register.")
    summary = models.TextField(
        max_length=600, help_text="One paragraph for listings and link previews."
    )
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Picture for listings and the top of the event page.",
    )
    programme = StreamField(
        ProgrammeBlock(), blank=True, help_text="Agenda items: time, title, speakers."
    )
    body = StreamField(BaseStreamBlock(), blank=True, help_text="Everything else about the event.")

    content_panels = HeadlessPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("parent_event"),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [
                FieldPanel("city"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("registration_url"),
            ],
            heading="Where",
        ),
        FieldPanel("summary"),
        FieldPanel("main_image"),
        InlinePanel("topics", label="Topics"),
        InlinePanel("organisers", label="Organisers"),
        InlinePanel("speakers", label="Speakers"),
        InlinePanel("participants", label="Participants"),
        FieldPanel("programme"),
        FieldPanel("body"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    search_fields = HeadlessPage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("city"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + translated("city", "venue", "address", "summary", "programme", "body")
        + translated("topics", "organisers")
        + synchronised(
            "kind",
            "start",
            "end",
            "time_zone",
            "parent_event",
            "online_url",
            "registration_url",
            "speakers",
            "participants",
        )
        + overridable("main_image")
    )

    class Meta:
        verbose_name = "event page"
        ordering = ["start"]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "The event cannot end before it starts."
        if self.parent_event_id and self.pk and self.parent_event_id == self.pk:
            errors["parent_event"] = "An event cannot be part of itself."
        if errors:
            raise ValidationError(errors)

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone or DEFAULT_TIME_ZONE)


class EventPageTopic(TranslatableMixin, Orderable):
    """Translatable so a translated event points to the topic in its own locale."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(
        "home.Topic", on_delete=models.CASCADE, related_name="+", help_text="A topic of the event."
    )
    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class EventOrganiser(TranslatableMixin, Orderable):
    """Translatable so a translated event points to the organisation in its own locale."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisers")
    organisation = models.ForeignKey(
        "people.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="An organisation that organises the event.",
    )
    panels = [FieldPanel("organisation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "people.PersonPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A person who speaks at the event.",
    )
    panels = [FieldPanel("person")]


class EventParticipant(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "people.PersonPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A person who takes part in the event.",
    )
    panels = [FieldPanel("person")]
