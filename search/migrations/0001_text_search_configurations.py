"""The unaccent extension, the Czech and Ukrainian Hunspell dictionaries and the configurations.

See search/postgres.py. Nothing happens on databases other than PostgreSQL.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from search.postgres import configure

    configure(schema_editor.connection)


def backwards(apps, schema_editor):
    from search.postgres import unconfigure

    unconfigure(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
