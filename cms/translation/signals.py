"""Signal handlers of translating, connected in TranslationConfig.ready()."""

from django.apps import apps
from django.db.models.signals import post_save
from wagtail.models import Page
from wagtail.signals import workflow_approved

from . import notifications, outdated, sync
from .roles import attach_locale_tree
from .workflow import mark_reviewed_on_approval, repair_child_count


def on_locale_home_created(sender, instance, created, raw=False, **kwargs):
    """A locale's tree appears (the English site, or wagtail-localize making cs/uk): the
    translation roles get their permissions on it and it goes under review."""
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        attach_locale_tree(apps, instance)


def connect():
    post_save.connect(on_locale_home_created, dispatch_uid="translation_roles_on_new_tree")
    post_save.connect(repair_child_count, dispatch_uid="translation_page_numchild")
    workflow_approved.connect(mark_reviewed_on_approval, dispatch_uid="translation_reviewed")
    notifications.connect()
    sync.connect()
    outdated.connect()
