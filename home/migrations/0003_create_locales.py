"""The three content locales exist as soon as the database is migrated.

wagtailcore creates the default locale (en) from LANGUAGE_CODE; Czech and Ukrainian are added
here so that editors can translate into them without a manual step in the admin.
"""

from django.db import migrations

CONTENT_LOCALES = ["en", "cs", "uk"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in CONTENT_LOCALES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
