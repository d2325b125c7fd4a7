from django import template

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
