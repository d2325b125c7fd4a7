from django import template

register = template.Library()


@register.simple_tag
def machine_translated_count(translation) -> int:
    """How many strings of a translation are machine-made and not yet edited or approved."""
    from cms.translation.workflow import machine_translated_strings

    return len(machine_translated_strings(translation))


@register.simple_tag
def source_changes(translation) -> list:
    """What changed in the source since the translation last took it in (old and new text)."""
    from cms.translation.workflow import source_changes as changes

    return changes(translation)
