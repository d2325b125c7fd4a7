"""What the translation editor shows of keeping a translation current: the strings outdated since
it was last published (cms/translation/outdated.py) and the "Update from source" action."""

from dataclasses import dataclass

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment

from cms.translation.outdated import outdated_segments
from cms.translation.sync_admin import update_url

register = template.Library()


@dataclass(frozen=True)
class OutdatedString:
    source: str
    field: str
    translated: bool


@register.simple_tag
def outdated_strings(translation, instance) -> list[OutdatedString]:
    """The strings new or changed in the source since the translation was last published, and
    whether each is translated yet (in the draft)."""
    if isinstance(instance, Page):
        instance = instance.specific
    segments = outdated_segments(translation, instance)
    if not segments:
        return []
    translated = set(
        StringSegment.objects.filter(pk__in=[segment.pk for segment in segments])
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=False)
        .values_list("pk", flat=True)
    )
    return [
        OutdatedString(
            source=segment.string.data,
            field=field_label(instance, segment.context.path),
            translated=segment.pk in translated,
        )
        for segment in segments
    ]


def field_label(instance, content_path: str) -> str:
    name = content_path.split(".")[0]
    try:
        return capfirst(instance._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


@register.simple_tag
def changed_field_label(instance, field: str) -> str:
    """The label of a field whose source text changed, in the admin's language: "Summary", or
    "Body › <block>" for a block of a StreamField (workflow.source_changes names its path)."""
    if isinstance(instance, Page):
        instance = instance.specific
    name, _separator, rest = field.partition(" › ")
    label = field_label(instance, name)
    return f"{label} › {rest}" if rest else str(label)


@register.simple_tag
def outdated_editor_data(outdated) -> dict:
    """What the editor's script needs to mark the outdated strings' segments."""
    return {
        "strings": [string.source for string in outdated],
        "label": _("Changed since last published"),
    }


@register.simple_tag
def update_from_source_url(translation) -> str:
    return update_url(translation)
