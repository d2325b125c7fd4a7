"""Ambassadors, their awards and the organisations of the network.

Translation decisions are written beside each model as its `translatable_fields` (see
cms/mixins.py for the rules they follow).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms import mixins
from cms.blocks import RICH_TEXT_FEATURES
from cms.fields import belongs_to, image_field, listing_intro, optional_link
from cms.mixins import HeadlessPage, ListingPage, NamedSnippet, TranslatableOrderable, inline_row


class OrganisationKind(models.TextChoices):
    SIGNATORY = "signatory", _("Memorandum signatory")
    MEMBER = "member", _("Member")
    PARTNER = "partner", _("Partner")


class Organisation(NamedSnippet):
    """A ministry, cluster, company or association of the network."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("Full name of the organisation.")
    )
    short_name = models.CharField(
        _("short name"),
        max_length=40,
        blank=True,
        help_text=_("Abbreviation readers know it by, e.g. UCA."),
    )
    kind = models.CharField(
        _("membership"),
        max_length=20,
        choices=OrganisationKind.choices,
        help_text=_("How the organisation belongs to the network."),
    )
    country = CountryField(_("country"), help_text=_("Country of the organisation's seat."))
    website = models.URLField(
        _("website"), blank=True, help_text=_("The organisation's own website.")
    )
    logo = image_field(_("The organisation's logo."), _("logo"))
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the organisation does.")
    )

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

    class Meta(NamedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")


class Award(NamedSnippet):
    """An award the network gives, e.g. Professionals4Ukraine."""

    name = models.CharField(_("name"), max_length=200, help_text=_("The award's name."))
    awarded_by = optional_link(
        Organisation,
        _("The organisation that gives the award."),
        related_name="awards",
        verbose_name=_("awarded by"),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the award recognises.")
    )

    panels = [FieldPanel("name"), FieldPanel("awarded_by"), FieldPanel("description")]
    translatable_fields = mixins.translated("name", "awarded_by", "description")

    class Meta(NamedSnippet.Meta):
        verbose_name = _("award")
        verbose_name_plural = _("awards")


class PeopleIndexPage(ListingPage):
    """The list of ambassadors; one per locale site."""

    intro = listing_intro(_("Text above the list of people."))

    subpage_types = ["people.PersonPage"]

    class Meta:
        verbose_name = _("people index page")
        verbose_name_plural = _("people index pages")


class PersonPage(HeadlessPage):
    """An ambassador's profile. The page title is the person's full name."""

    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("Job title or role, e.g. cluster manager."),
    )
    organisation = optional_link(
        Organisation,
        _("Where the person works."),
        related_name="people",
        verbose_name=_("organisation"),
    )
    country = CountryField(_("country"), blank=True, help_text=_("Country the person works in."))
    photo = image_field(_("Portrait, ideally square."), _("photo"))
    biography = RichTextField(
        _("biography"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("A short biography.")
    )

    # A person page's title is the person's name, so the editor calls it that; HeadlessPage's
    # panels after its title panel are kept.
    content_panels = [
        TitleFieldPanel(
            "title",
            heading=_("Full name"),
            placeholder=_("Full name*"),
            help_text=_("As the person writes it."),
        ),
        *HeadlessPage.content_panels[1:],
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("organisation"), FieldPanel("country")],
            heading=_("Role"),
        ),
        FieldPanel("photo"),
        FieldPanel("biography"),
        InlinePanel(
            "links",
            label=_("link"),
            heading=_("Links"),
            help_text=_("Profiles and websites, e.g. LinkedIn or a personal site."),
        ),
        InlinePanel(
            "award_profiles",
            label=_("award"),
            heading=_("Awards"),
            help_text=_("Awards the person received, each with its year and citation."),
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
        verbose_name = _("person page")
        verbose_name_plural = _("person pages")
        ordering = ["title"]


PersonRow = inline_row("people.PersonPage", "person", _("A person's profile page."), _("person"))
OrganisationRow = inline_row(
    "people.Organisation",
    "organisation",
    _("An organisation of the network."),
    _("organisation"),
    translatable=True,
)


class PersonLink(TranslatableOrderable):
    """A link on a profile; the label is mixins.translated, the address follows the source."""

    page = belongs_to(PersonPage, "links")
    label = models.CharField(
        _("link text"),
        max_length=80,
        help_text=_("What readers click, e.g. LinkedIn or 'Website'."),
    )
    url = models.URLField(
        _("web address"), help_text=_("The full address, e.g. https://www.linkedin.com/in/name/.")
    )

    panels = [FieldPanel("label"), FieldPanel("url")]
    translatable_fields = mixins.translated("label") + mixins.synchronised("url")

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("profile link")
        verbose_name_plural = _("profile links")


class AwardProfile(TranslatableOrderable):
    """An award a person received: which, when, and why."""

    page = belongs_to(PersonPage, "award_profiles")
    award = models.ForeignKey(
        Award,
        verbose_name=_("award"),
        on_delete=models.PROTECT,
        related_name="profiles",
        help_text=_("The award received."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The year the award was given."),
    )
    citation = models.TextField(_("citation"), help_text=_("Why the person received the award."))

    panels = [FieldPanel("award"), FieldPanel("year"), FieldPanel("citation")]
    translatable_fields = mixins.translated("award", "citation") + mixins.synchronised("year")

    class Meta(TranslatableOrderable.Meta):
        verbose_name = _("award profile")
        verbose_name_plural = _("award profiles")
