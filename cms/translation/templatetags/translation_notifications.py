"""Workflow and task names in the workflow emails, in the reader's language.

Both are rows (Settings → Workflows, Workflow tasks), entered in English. The "Translation
review" workflow and its task, as this project creates them (cms/translation/roles.py), have
translations; any other workflow or task (Wagtail's "Moderators approval"), or a name an
administrator changed, is shown as entered."""

from django import template
from django.utils.translation import gettext

from cms.translation.roles import WORKFLOW_NAME

register = template.Library()


@register.filter
def workflow_label(workflow) -> str:
    return gettext(WORKFLOW_NAME) if workflow.name == WORKFLOW_NAME else workflow.name


@register.filter
def task_label(task) -> str:
    # The rejection email is given the plain Task row, the submission email the specific one.
    return getattr(task.specific, "display_name", task.name)
