"""Registered persisted queries (cms.models.PersistedQuery; manage.py register_persisted_queries)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="PersistedQuery",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sha256", models.CharField(max_length=64, unique=True)),
                ("operation_sha256", models.CharField(db_index=True, max_length=64)),
                ("document", models.TextField()),
                ("operation_name", models.CharField(blank=True, max_length=255)),
                ("created", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "persisted query",
                "verbose_name_plural": "persisted queries",
            },
        ),
    ]
