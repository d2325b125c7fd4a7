"""Wagtail's Moderators publish on the English tree only.

Wagtail gives Moderators publish on the root page, so on every locale's tree: they could publish
Czech and Ukrainian pages directly, past the "Translation review" workflow. Their publish
permission moves from the root to each English home page (later English trees get it from
`attach_locale_tree`); add, edit, lock and unlock stay on the root. Reversible.
"""

from django.db import migrations

from cms.translation.roles import MODERATORS, SOURCE_LOCALE


def _publish_rows(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    moderators = Group.objects.filter(name=MODERATORS).first()
    publish = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="publish_page"
    ).first()
    roots = Page.objects.filter(depth=1)
    english_homes = Page.objects.filter(depth=2, locale__language_code=SOURCE_LOCALE)
    return moderators, publish, roots, english_homes


def forwards(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    moderators, publish, roots, english_homes = _publish_rows(apps)
    if moderators is None or publish is None:
        return
    for home in english_homes:
        GroupPagePermission.objects.get_or_create(group=moderators, page=home, permission=publish)
    GroupPagePermission.objects.filter(
        group=moderators, page__in=roots, permission=publish
    ).delete()


def backwards(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    moderators, publish, roots, english_homes = _publish_rows(apps)
    if moderators is None or publish is None:
        return
    for root in roots:
        GroupPagePermission.objects.get_or_create(group=moderators, page=root, permission=publish)
    GroupPagePermission.objects.filter(
        group=moderators, page__in=english_homes, permission=publish
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_page_preview"),
        ("home", "0006_translation_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
