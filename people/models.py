"""Ambassadors, their awards and the organisations of the network.

Translation decisions are written beside each model as its `translatable_fields` (see
cms/mixins.py for the rules they follow).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms import mixins
from cms.blocks import RICH_TEXT_FEATURES
from cms.fields import belongs_to, image_field, listing_intro, optional_link
from cms.mixins import HeadlessPage, ListingPage, NamedSnippet, TranslatableOrderable, inline_row


class OrganisationKind(models.TextChoices):
    SIGNATORY = "signatory", "Memorandum signatory"
    MEMBER = "member", "Member"
    PARTNER = "partner", "Partner"


class Organisation(NamedSnippet):
    """A ministry, cluster, company or association of the network."""

    name = models.CharField(max_length=200, help_text="Full name of the organisation.")
    short_name = models.CharField(
        max_length=40, blank=True, help_text="Abbreviation readers know it by, e.g. UCA."
    )
    kind = models.CharField(
        "membership",
        max_length=20,
        choices=OrganisationKind.choices,
        help_text="How the organisation belongs to the network.",
    )
    country = CountryField(help_text="Country of the organisation's seat.")
    website = models.URLField(blank=True, help_text="The organisation's own website.")
    logo = image_field("The organisation's logo.")
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
        mixins.translated("name", "short_name", "description")
        + mixins.synchronised("kind", "country", "website")
        + mixins.overridable("logo")
    )


class Award(NamedSnippet):
    """An award the network gives, e.g. Professionals4Ukraine."""

    name = models.CharField(max_length=200, help_text="The award's name.")
    awarded_by = optional_link(
        Organisation, "The organisation that gives the award.", related_name="awards"
    )
    description = models.TextField(blank=True, help_text="What the award recognises.")

    panels = [FieldPanel("name"), FieldPanel("awarded_by"), FieldPanel("description")]
    translatable_fields = mixins.translated("name", "awarded_by", "description")


class PeopleIndexPage(ListingPage):
    """The list of ambassadors; one per locale site."""

    intro = listing_intro("people")

    subpage_types = ["people.PersonPage"]


class PersonPage(HeadlessPage):
    """An ambassador's profile. The page title is the person's full name."""

    role = models.CharField(
        max_length=200, blank=True, help_text="Job title or role, e.g. cluster manager."
    )
    organisation = optional_link(Organisation, "Where the person works.", related_name="people")
    country = CountryField(blank=True, help_text="Country the person works in.")
    photo = image_field("Portrait, ideally square.")
    biography = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="A short biography."
    )

    # A person page's title is the person's name, so the editor calls it that; HeadlessPage's
    # panels after its title panel are kept.
    content_panels = [
        TitleFieldPanel(
            "title",
            heading="Full name",
            placeholder="Full name*",
            help_text="As the person writes it.",
        ),
        *HeadlessPage.content_panels[1:],
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("organisation"), FieldPanel("country")],
            heading="Role",
        ),
        FieldPanel("photo"),
        FieldPanel("biography"),
        InlinePanel(
            "links",
            label="link",
            heading="Links",
            help_text="Profiles and websites, e.g. LinkedIn or a personal site.",
        ),
        InlinePanel(
            "award_profiles",
            label="award",
            heading="Awards",
            help_text="Awards the person received, each with its year and citation.",
        ),
    ]
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    search_fields = HeadlessPage.search_fields + [
        index.SearchField("role"),
        index.SearchField("biography"),
        index.FilterField("country"),
    ]
    translatable_fields = (
        mixins.PAGE_TRANSLATABLE_FIELDS
        + mixins.translated("role", "organisation", "biography", "links", "award_profiles")
        + mixins.synchronised("country")
        + mixins.overridable("photo")
    )

    class Meta:
        verbose_name = "person page"
        ordering = ["title"]


PersonRow = inline_row("people.PersonPage", "person", "A person's profile page.")
OrganisationRow = inline_row(
    "people.Organisation", "organisation", "An organisation of the network.", translatable=True
)


class PersonLink(TranslatableOrderable):
    """A link on a profile; the label is mixins.translated, the address follows the source."""

    page = belongs_to(PersonPage, "links")
    label = models.CharField(
        "link text", max_length=80, help_text="What readers click, e.g. LinkedIn or 'Website'."
    )
    url = models.URLField(
        "web address", help_text="The full address, e.g. https://www.linkedin.com/in/name/."
    )

    panels = [FieldPanel("label"), FieldPanel("url")]
    translatable_fields = mixins.translated("label") + mixins.synchronised("url")


class AwardProfile(TranslatableOrderable):
    """An award a person received: which, when, and why."""

    page = belongs_to(PersonPage, "award_profiles")
    award = models.ForeignKey(
        Award, on_delete=models.PROTECT, related_name="profiles", help_text="The award received."
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text="The year the award was given.",
    )
    citation = models.TextField(help_text="Why the person received the award.")

    panels = [FieldPanel("award"), FieldPanel("year"), FieldPanel("citation")]
    translatable_fields = mixins.translated("award", "citation") + mixins.synchronised("year")
