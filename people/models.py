"""Ambassadors, their awards and the organisations of the network.

Translation decisions are written beside each model as its `translatable_fields` (see
cms/mixins.py for the rules they follow).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.mixins import (
    PAGE_TRANSLATABLE_FIELDS,
    HeadlessPage,
    TranslatableSnippet,
    overridable,
    synchronised,
    translated,
)


class OrganisationKind(models.TextChoices):
    SIGNATORY = "signatory", "Memorandum signatory"
    MEMBER = "member", "Member"
    PARTNER = "partner", "Partner"


class Organisation(TranslatableSnippet):
    """A ministry, cluster, company or association of the network."""

    name = models.CharField(max_length=200, help_text="Full name of the organisation.")
    short_name = models.CharField(
        max_length=40, blank=True, help_text="Abbreviation readers know it by, e.g. UCA."
    )
    kind = models.CharField(
        max_length=20,
        choices=OrganisationKind.choices,
        help_text="How the organisation belongs to the network.",
    )
    country = CountryField(help_text="Country of the organisation's seat.")
    website = models.URLField(blank=True, help_text="The organisation's own website.")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The organisation's logo.",
    )
    description = models.TextField(blank=True, help_text="What the organisation does.")

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("short_name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("country"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = (
        translated("name", "short_name", "description")
        + synchronised("kind", "country", "website")
        + overridable("logo")
    )

    class Meta(TranslatableSnippet.Meta):
        ordering = ["name"]

    def __str__(self):
        return self.name


class Award(TranslatableSnippet):
    """An award the network gives, e.g. Professionals4Ukraine."""

    name = models.CharField(max_length=200, help_text="The award's name.")
    awarded_by = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
        help_text="The organisation that gives the award.",
    )
    description = models.TextField(blank=True, help_text="What the award recognises.")

    panels = [FieldPanel("name"), FieldPanel("awarded_by"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = translated("name", "awarded_by", "description")

    class Meta(TranslatableSnippet.Meta):
        ordering = ["name"]

    def __str__(self):
        return self.name


class PeopleIndexPage(HeadlessPage):
    """The list of ambassadors; one per locale site."""

    intro = models.TextField(blank=True, help_text="Text above the list of people.")

    content_panels = HeadlessPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["people.PersonPage"]
    max_count_per_parent = 1
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + translated("intro")

    class Meta:
        verbose_name = "people index page"


class PersonPage(HeadlessPage):
    """An ambassador's profile. The page title is the person's full name."""

    role = models.CharField(
        max_length=200, blank=True, help_text="Job title or role, e.g. cluster manager."
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text="Where the person works.",
    )
    country = CountryField(blank=True, help_text="Country the person works in.")
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Portrait, ideally square.",
    )
    biography = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="A short biography."
    )

    content_panels = HeadlessPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("organisation"), FieldPanel("country")],
            heading="Role",
        ),
        FieldPanel("photo"),
        FieldPanel("biography"),
        InlinePanel("links", label="Links"),
        InlinePanel("award_profiles", label="Awards"),
    ]
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    search_fields = HeadlessPage.search_fields + [
        index.SearchField("role"),
        index.SearchField("biography"),
        index.FilterField("country"),
    ]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + translated("role", "organisation", "biography", "links", "award_profiles")
        + synchronised("country")
        + overridable("photo")
    )

    class Meta:
        verbose_name = "person page"
        ordering = ["title"]


class PersonLink(TranslatableMixin, Orderable):
    """A link on a profile; the label is translated, the address follows the source."""

    page = ParentalKey(PersonPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(max_length=80, help_text="Link text, e.g. LinkedIn or 'Website'.")
    url = models.URLField(help_text="The address.")

    panels = [FieldPanel("label"), FieldPanel("url")]
    translatable_fields = translated("label") + synchronised("url")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class AwardProfile(TranslatableMixin, Orderable):
    """An award a person received: which, when, and why."""

    page = ParentalKey(PersonPage, on_delete=models.CASCADE, related_name="award_profiles")
    award = models.ForeignKey(
        Award, on_delete=models.PROTECT, related_name="profiles", help_text="The award received."
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text="The year the award was given.",
    )
    citation = models.TextField(help_text="Why the person received the award.")

    panels = [FieldPanel("award"), FieldPanel("year"), FieldPanel("citation")]
    translatable_fields = translated("award", "citation") + synchronised("year")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order"]
