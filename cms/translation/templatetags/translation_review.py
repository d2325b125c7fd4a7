import json

from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.models import Page

from cms.translation.roles import user_can_in_locale, user_can_publish_object
from cms.translation.workflow import machine_translated_strings
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
