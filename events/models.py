"""Events: forums, expert missions, webinars, fairs.

Translation decisions are written beside each model as its `translatable_fields` (see
cms/mixins.py for the rules they follow).
"""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms import mixins
from cms.blocks import BaseStreamBlock
from cms.fields import belongs_to, image_field, listing_intro, summary_field
from cms.mixins import HeadlessPage, ListingPage
from home.models import TopicRow
from people.models import OrganisationRow, PersonRow

from .blocks import ProgrammeBlock

DEFAULT_TIME_ZONE = "Europe/Prague"
TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EventKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    EXPERT_MISSION = "expert_mission", _("Expert mission")
    WEBINAR = "webinar", _("Webinar")
    TRADE_FAIR = "trade_fair", _("Trade fair or business mission")
    OTHER = "other", _("Other")


class EventIndexPage(ListingPage):
    """The list of events; one per locale site."""

    intro = listing_intro(_("Text above the list of events."))

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")


class EventPage(HeadlessPage):
    """A forum, mission, webinar or fair, possibly part of a larger event."""

    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.FORUM,
        help_text=_("What sort of event this is: forum, expert mission, webinar, fair or other."),
    )
    # The admin's date-time widgets read and write the editor's own time zone (Wagtail's
    # account preferences), not the event's; the help texts say so.
    start = models.DateTimeField(
        _("start"),
        help_text=_(
            "Date and time the event starts, in your own time zone (your account's "
            "preferences); readers see it in the event's time zone."
        ),
    )
    end = models.DateTimeField(
        _("end"),
        help_text=_(
            "Date and time it ends, in your own time zone as for the start; missions and "
            "fairs last several days."
        ),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default=DEFAULT_TIME_ZONE,
        help_text=_(
            "The time zone of the place the event happens in, e.g. Europe/Kyiv; readers "
            "see the start and end in it."
        ),
    )
    # What cms.fields.optional_link makes, with a label (the helper takes none).
    parent_event = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_events",
        help_text=_(
            "The larger event this one is part of, e.g. the forum a workshop belongs to or "
            "the expert mission a forum is held during; empty for an event on its own."
        ),
    )
    city = models.CharField(
        _("city"), max_length=120, blank=True, help_text=_("City, e.g. Prague or Brno.")
    )
    venue = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("Building or place, e.g. Ministry of Industry and Trade."),
    )
    address = models.TextField(
        _("address"), blank=True, help_text=_("Street address of the venue.")
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Web address to join online, for webinars and hybrid events."),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Web address where participants register, e.g. a form or a ticket shop."),
    )
    summary = summary_field()
    main_image = image_field(
        _("Picture for listings and the top of the event page."), _("main image")
    )
    programme = StreamField(
        ProgrammeBlock(),
        blank=True,
        verbose_name=_("programme"),
        help_text=_("The agenda, item by item: time, title, speakers."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Everything else about the event: text, pictures, links."),
    )

    content_panels = HeadlessPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("parent_event"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("city"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("registration_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("summary"),
        FieldPanel("main_image"),
        InlinePanel(
            "topics",
            label=_("topic"),
            heading=_("Topics"),
            help_text=_("Readers filter events by topic."),
        ),
        InlinePanel(
            "organisers",
            label=_("organiser"),
            heading=_("Organisers"),
            help_text=_("Organisations of the network that run the event."),
        ),
        InlinePanel(
            "speakers",
            label=_("speaker"),
            heading=_("Speakers"),
            help_text=_("People who speak; each is linked to their profile page."),
        ),
        InlinePanel(
            "participants",
            label=_("participant"),
            heading=_("Participants"),
            help_text=_("People who take part, e.g. the members of an expert mission."),
        ),
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
        # The admin's events listing filters and sorts search results by these too.
        index.FilterField("end"),
        index.FilterField("parent_event"),
    ]
    translatable_fields = (
        mixins.PAGE_TRANSLATABLE_FIELDS
        + mixins.translated("city", "venue", "address", "summary", "programme", "body")
        + mixins.translated("topics", "organisers")
        + mixins.synchronised(
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
        + mixins.overridable("main_image")
    )

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")
        ordering = ["start"]
        # The listing reads upcoming and past events in start order from this index, stopping at
        # the page's last item (events/schema.py, default_event_order).
        indexes = [models.Index(fields=["start"], name="events_start_idx")]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if self.parent_event_id and self.pk and self.parent_event_id == self.pk:
            errors["parent_event"] = _("An event cannot be part of itself.")
        if errors:
            raise ValidationError(errors)

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone or DEFAULT_TIME_ZONE)


class EventPageTopic(TopicRow):
    page = belongs_to(EventPage, "topics", "Topics of the event, in the asked-for locale.")

    class Meta(TopicRow.Meta):
        verbose_name = _("event topic")
        verbose_name_plural = _("event topics")


class EventOrganiser(OrganisationRow):
    page = belongs_to(EventPage, "organisers", "Organisations that organise the event.")

    class Meta(OrganisationRow.Meta):
        verbose_name = _("event organiser")
        verbose_name_plural = _("event organisers")


class EventSpeaker(PersonRow):
    page = belongs_to(EventPage, "speakers", "People who speak at the event.")


class EventParticipant(PersonRow):
    page = belongs_to(EventPage, "participants", "People who take part in the event.")
