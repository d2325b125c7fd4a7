"""Wagtail's Editors and Moderators groups may manage the network's snippets.

Permissions of new models are normally created after all migrations; they are created here first
so that the groups get them on the very first migrate.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SNIPPETS = [("home", "topic"), ("people", "organisation"), ("people", "award")]
ACTIONS = ["add", "change", "delete", "publish", "lock", "unlock"]
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    for app_label in {app for app, _ in SNIPPETS}:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    permissions = []
    for app, model in SNIPPETS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app, model=model)
        verbose_name = apps.get_model(app, model)._meta.verbose_name_raw
        for action in ACTIONS:
            # publish, lock and unlock are Wagtail's own (made after migrate); same names here.
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            permissions.append(permission)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label__in=["home", "people"],
                content_type__model__in=[model for _, model in SNIPPETS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_create_locales"),
        ("people", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
