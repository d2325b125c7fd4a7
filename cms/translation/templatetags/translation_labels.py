"""The translation report's words in the admin's language.

A status is a key ("in progress") in addresses, CSV files, data attributes and the API's
vocabulary, so it stays as it is there; the admin shows its label, translated."""

from django import template
from django.utils.translation import gettext_lazy as _

from cms.translation.status import (
    AWAITING_REVIEW,
    IN_PROGRESS,
    MACHINE,
    MISSING,
    OUTDATED,
    UP_TO_DATE,
)

register = template.Library()

STATUS_LABELS = {
    MISSING: _("missing"),
    IN_PROGRESS: _("in progress"),
    AWAITING_REVIEW: _("awaiting review"),
    MACHINE: _("machine-translated"),
    OUTDATED: _("outdated"),
    UP_TO_DATE: _("up to date"),
}


@register.filter
def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)
