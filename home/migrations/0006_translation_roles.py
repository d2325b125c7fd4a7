"""Translation roles: Translators (cs/uk) and Reviewers (cs/uk), the "Translation review"
workflow on translatable snippets, and page permissions and the workflow on every locale tree
that already exists (later trees get them when their home page is created; home/apps.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from cms.translation.roles import (
    ROLE_GROUPS,
    WORKFLOW_NAME,
    attach_existing_trees,
    ensure_groups,
    ensure_workflow,
)


def forwards(apps, schema_editor):
    for app_label in ("home", "people", "wagtailcore", "wagtail_localize"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    ensure_groups(apps)
    ensure_workflow(apps)
    attach_existing_trees(apps)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW_NAME).update(active=False)
    Group.objects.filter(name__in=ROLE_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_translationreviewtask"),
        ("home", "0004_snippet_permissions"),
        ("people", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
