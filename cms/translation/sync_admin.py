""" "Update from source" in the admin: a translator brings the source's new text into their own
locale's translation (as a draft), from the translation editor or the page and snippet listings.

The confirmation page (GET) tells what will happen; the update is a POST. Translators may update
the translations they may edit (their locale's); anyone else is refused with a message that
says why. See sync.py for what an update does.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.widgets.button import Button
from wagtail.models import TranslatableMixin
from wagtail_localize.models import Translation

from .roles import user_can_edit_object
from .sync import DRAFT, FAILED, target_of, update_from_source
from .workflow import edit_url

URL_NAME = "translation_update_from_source"
LABEL = gettext_lazy("Update from source")


def update_url(translation: Translation) -> str:
    return reverse(URL_NAME, args=[translation.pk])


def refuse(request, translation: Translation, target):
    messages.error(
        request,
        _(
            "You may update only the translations you translate: '%(object)s' in %(locale)s "
            "is translated by its own language's translators."
        )
        % {"object": target, "locale": translation.target_locale.get_display_name()},
    )
    raise PermissionDenied


def update_view(request, translation_id):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale", "source__locale"),
        pk=translation_id,
        enabled=True,
    )
    target = target_of(translation)
    if target is None:
        raise PermissionDenied
    if not user_can_edit_object(request.user, target):
        refuse(request, translation, target)
    if request.method == "POST":
        changed, outcome = update_from_source(translation, request.user)
        report(request, target, translation, len(changed), outcome.status)
        return redirect(edit_url(target))
    return TemplateResponse(
        request,
        "translation/update_from_source.html",
        {
            "translation": translation,
            "target": target,
            "edit_url": edit_url(target),
            "last_sync_date": translation.source.last_updated_at,
        },
    )


def report(request, target, translation, changed: int, status: str):
    values = {
        "object": target,
        "locale": translation.target_locale.get_display_name(),
        "count": changed,
    }
    if status == FAILED:
        messages.error(
            request,
            _("'%(object)s' in %(locale)s could not be updated from its source.") % values,
        )
        return
    if status == DRAFT and changed:
        text = ngettext(
            "Updated '%(object)s' in %(locale)s from its source as a draft: %(count)d new or "
            "changed string to translate. The live version stays until a reviewer approves.",
            "Updated '%(object)s' in %(locale)s from its source as a draft: %(count)d new or "
            "changed strings to translate. The live version stays until a reviewer approves.",
            changed,
        )
    else:
        text = _(
            "Updated '%(object)s' in %(locale)s from its source as a draft: no string changed "
            "since the last update."
        )
    messages.success(request, text % values)


def admin_urls():
    return [path("translation/update/<int:translation_id>/", update_view, name=URL_NAME)]


# --- where translators find it ---------------------------------------------------------------


def translation_of(instance) -> Translation | None:
    """The enabled translation whose target is this page or snippet (None for a source)."""
    if not isinstance(instance, TranslatableMixin):
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .exclude(source__locale_id=instance.locale_id)
        .first()
    )


def update_button(instance, user, next_url=None, priority=62):
    translation = translation_of(instance)
    if translation is None or not user_can_edit_object(user, instance):
        return
    yield Button(
        LABEL,
        update_url(translation),
        icon_name="resubmit",
        priority=priority,
        attrs={"data-update-from-source": quote(instance.pk)},
    )


def page_buttons(page, user, view_name=None, next_url=None):
    """register_page_listing_more_buttons and register_page_header_buttons."""
    yield from update_button(page, user, next_url)


def snippet_buttons(snippet, user, next_url=None):
    """register_snippet_listing_buttons."""
    yield from update_button(snippet, user, next_url, priority=107)
