import json

from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.models import Page
from wagtail_localize.models import Translation

from cms.translation.roles import user_can_in_locale, user_can_publish_object
from cms.translation.workflow import machine_translated_strings, save_draft_url
from cms.translation.workflow import source_changes as changes

register = template.Library()


@register.simple_tag
def machine_translated_count(translation) -> int:
    """How many strings of a translation are machine-made and not yet edited or approved."""
    return len(machine_translated_strings(translation))


@register.simple_tag
def source_changes(translation) -> list:
    """What changed in the source since the translation last took it in (old and new text)."""
    return changes(translation)


@register.simple_tag
def reviewed_editor_props(props: str, instance, user) -> str:
    """wagtail-localize's editor props with what the user may do in this locale: "Publish",
    "Delete" and "Convert to alias page" (which publishes) only where the roles allow them."""
    data = json.loads(props)
    if isinstance(instance, Page):
        instance = instance.specific
    can_publish = user_can_publish_object(user, instance)
    data["perms"]["canPublish"] = can_publish
    if not isinstance(instance, Page):
        data["perms"]["canDelete"] = data["perms"]["canDelete"] and user_can_in_locale(
            user, "delete", instance
        )
    if not can_publish:
        data["links"]["convertToAliasUrl"] = None
    return json.dumps(data)


class SnippetTranslationStatusPanel(StatusSidePanel):
    """Wagtail's status panel as wagtail-localize builds it for a snippet translation, with the
    workflow links Wagtail's snippet editor gives it: without them the panel fails to render
    while the translation is under review."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        viewset = self.model.snippet_viewset
        context["revisions_compare_url_name"] = viewset.get_url_name("revisions_compare")
        context["workflow_history_url"] = reverse(
            viewset.get_url_name("workflow_history"), args=[quote(self.object.pk)]
        )
        return context


@register.simple_tag
def complete_side_panels(side_panels) -> str:
    for panel in side_panels or ():
        if type(panel) is StatusSidePanel and hasattr(panel.model, "snippet_viewset"):
            panel.__class__ = SnippetTranslationStatusPanel
    return ""


@register.inclusion_tag("translation/editor_actions.html", takes_context=True)
def translation_editor_actions(context, props: str, translation: Translation) -> dict:
    """The action bar of wagtail-localize's editor, in place of the one its React app builds
    from `props` (which can only make "Publish" the main action, or else the last secondary one:
    "Lock" for a translator). What a translator does is submit for review, so that is the main
    action for everyone who may not publish here; those who may (the locale's reviewers) keep
    "Publish", their approval. Every other action goes into the menu, offered by the same
    `perms` and `links` the React bar reads (reviewed_editor_props)."""
    data = json.loads(props)
    perms, links = data["perms"], data["links"]
    request = context["request"]
    submit = {
        "label": _("Submit for review"),
        "url": reverse("translation_review_submit", args=[translation.pk]),
        "icon": "resubmit",
        "name": "submit-for-review",
    }
    publish = {
        "label": _("Publish in %(locale)s") % {"locale": data["locale"]["displayName"]},
        "url": request.path,
        "icon": "upload",
        "name": "publish",
    }
    menu = [
        {
            "label": _("Save draft"),
            "url": save_draft_url(translation),
            "icon": "draft",
            "name": "save-draft",
        },
    ]
    if perms["canPublish"]:
        menu.append(submit)
    menu.append(
        {
            "label": _("Stop Synced translation"),
            "url": links["stopTranslationUrl"],
            "icon": "cross",
            "name": "stop-translation",
        }
    )
    is_locked = data["object"]["isLocked"]
    if perms["canLock"] and not is_locked and links["lockUrl"]:
        menu.append({"label": _("Lock"), "url": links["lockUrl"], "icon": "lock", "name": "lock"})
    if perms["canUnlock"] and is_locked and links["unlockUrl"]:
        menu.append(
            {"label": _("Unlock"), "url": links["unlockUrl"], "icon": "lock-open", "name": "unlock"}
        )
    # Actions with a confirmation page of their own are links, as in wagtail-localize's bar.
    if links["convertToAliasUrl"]:
        menu.append(
            {
                "label": _("Convert to alias page"),
                "link": f"{links['convertToAliasUrl']}?next={request.path}",
                "icon": "wagtail-localize-convert",
                "name": "convert-to-alias",
            }
        )
    if perms["canDelete"] and links["deleteUrl"]:
        menu.append(
            {"label": _("Delete"), "link": links["deleteUrl"], "icon": "bin", "name": "delete"}
        )
    if perms["canUnpublish"] and links["unpublishUrl"]:
        menu.append(
            {
                "label": _("Unpublish"),
                "link": links["unpublishUrl"],
                "icon": "download",
                "name": "unpublish",
            }
        )
    return {
        "main": publish if perms["canPublish"] else submit,
        "menu": menu,
        "preview": (data.get("previewModes") or [None])[0],
        "next": request.get_full_path(),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
