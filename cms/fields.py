"""Fields the content models declare alike, each made by one function."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey


def optional_link(
    target, help_text: str, related_name: str = "+", verbose_name: str | None = None
) -> models.ForeignKey:
    """A link an editor may leave empty; deleting its target empties it, not this object."""
    return models.ForeignKey(
        target,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        help_text=help_text,
    )


def image_field(help_text: str, verbose_name: str | None = None) -> models.ForeignKey:
    return optional_link("wagtailimages.Image", help_text, verbose_name=verbose_name)


def belongs_to(page, related_name: str, help_text: str = "") -> ParentalKey:
    """The page a row of an inline list belongs to; the rows are saved and deleted with it.

    Editors never see this field; its help_text describes the whole list (`related_name`) to
    API readers (the GraphQL field's description).
    """
    return ParentalKey(
        page, on_delete=models.CASCADE, related_name=related_name, help_text=help_text
    )


def linked(target, help_text: str, verbose_name: str | None = None) -> models.ForeignKey:
    """What a row of an inline list points to; a row pointing to nothing has no use, so it goes."""
    return models.ForeignKey(
        target,
        verbose_name=verbose_name,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=help_text,
    )


def listing_intro(help_text: str) -> models.TextField:
    """The `intro` of a ListingPage (cms/mixins.py); optional, as the list can speak for itself.

    The help text is whole ("Text above the list of events."), not made from the list's name:
    Czech and Ukrainian decline the name, so each sentence is translated as one."""
    return models.TextField(_("introduction"), blank=True, help_text=help_text)


def summary_field() -> models.TextField:
    """One limit for every summary, as listings and link previews show them side by side."""
    return models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One paragraph for listings and link previews."),
    )
