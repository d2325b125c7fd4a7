"""Webhook endpoints editors configure, and the log of every delivery sent to them.

How deliveries are built, signed, sent and retried: cms/webhooks/delivery.py; what triggers
them: cms/webhooks/signals.py.
"""

import secrets
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale

from .addresses import HostNotResolved, URLNotAllowed, allowed_schemes, check
from .signing import encode


class WebhookEvent(models.TextChoices):
    PAGE_PUBLISHED = "page.published", _("Page published")
    PAGE_UNPUBLISHED = "page.unpublished", _("Page unpublished")
    PAGE_MOVED = "page.moved", _("Page moved")
    PAGE_DELETED = "page.deleted", _("Page deleted")
    SNIPPET_PUBLISHED = "snippet.published", _("Snippet published")
    SNIPPET_UNPUBLISHED = "snippet.unpublished", _("Snippet unpublished")
    SNIPPET_DELETED = "snippet.deleted", _("Snippet deleted")
    TRANSLATION_PUBLISHED = "translation.published", _("Translation published")


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        choices=WebhookEvent.choices,
        label=_("Events"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "What to send. 'Translation published' is a publish in a language other than "
            "the default; an endpoint with both it and 'Page/Snippet published' gets it once, as "
            "translation.published."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "url" in self.fields:
            self.fields["url"].help_text = (
                _(
                    "Where the JSON POST goes: https, to a host on the public internet. "
                    "Redirects are not followed."
                )
                if allowed_schemes() == ("https",)
                else _(
                    "Where the JSON POST goes: https or http, to a host on the public internet. "
                    "Redirects are not followed."
                )
            )

    def _post_clean(self):
        # A URL the form field refused never reaches the instance: do not check the old one.
        self.instance.check_url_on_clean = "url" not in self.errors
        super()._post_clean()


class WebhookEndpoint(models.Model):
    """A frontend (or any service) to notify when content changes."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("Who receives it, e.g. 'Public website'.")
    )
    url = models.URLField(
        _("URL"), max_length=500, help_text=_("Where the JSON POST goes (https in production).")
    )
    secret = models.CharField(
        _("secret"),
        max_length=200,
        default=new_secret,
        help_text=_(
            "Key of the HMAC-SHA256 signature in X-Webhook-Signature; give it to the "
            "receiver, keep it out of the frontend's public code."
        ),
    )
    events = models.JSONField(
        _("events"),
        default=list,
        blank=True,
        help_text=_(
            "What to send. 'Translation published' is a publish in a language other than "
            "the default; an endpoint with both it and 'Page/Snippet published' gets it once, as "
            "translation.published."
        ),
    )
    locales = models.ManyToManyField(
        Locale,
        verbose_name=_("languages"),
        blank=True,
        related_name="+",
        help_text=_("Only changes in these languages; none selected means every language."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to stop sending for a while.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    base_form_class = WebhookEndpointForm
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret"),
        FieldPanel("events"),
        FieldPanel("locales", widget=forms.CheckboxSelectMultiple),
        FieldPanel("active"),
    ]

    class Meta:
        # The table keeps the name it had when webhooks lived in the home app (migrations).
        db_table = "home_webhookendpoint"
        ordering = ["name"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.name

    def clean(self):
        """The URL must be one webhooks may go to (cms/webhooks/addresses.py); checked again at
        every attempt, since what the host resolves to can change."""
        super().clean()
        if not self.url or not getattr(self, "check_url_on_clean", True):
            return  # the field's own validation reports a missing or malformed URL
        try:
            check(self.url)
        except URLNotAllowed as error:
            message = gettext("This address is not allowed: %(reason)s") % {"reason": error}
            raise ValidationError({"url": message}) from error
        except HostNotResolved as error:
            raise ValidationError(
                {"url": _("The host name does not resolve; check the address.")}
            ) from error

    def wants(self, event: str, locale_id: int | None) -> bool:
        if not self.active or event not in self.events:
            return False
        wanted = [locale.pk for locale in self.locales.all()]
        return not wanted or locale_id is None or locale_id in wanted


class WebhookDelivery(models.Model):
    """One event sent to one endpoint, with every attempt's outcome."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RETRYING = "retrying", _("Retrying")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    uuid = models.UUIDField(_("delivery ID"), default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("endpoint"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(_("event"), max_length=40, choices=WebhookEvent.choices)
    payload = models.JSONField(_("payload"), help_text=_("The JSON body, as signed and sent."))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_code = models.PositiveIntegerField(_("response code"), null=True, blank=True)
    error = models.TextField(
        _("error"), blank=True, help_text=_("What went wrong in the last attempt.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)

    class Meta:
        db_table = "home_webhookdelivery"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.event} → {self.endpoint}"

    @property
    def body(self) -> bytes:
        return encode(self.payload)
