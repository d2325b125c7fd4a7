"""Keeping translations current: source changes (the digest), the source strings of translated
revisions (outdated strings) and each translator's last digest."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("translation", "0001_initial"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="RevisionSource",
            fields=[
                (
                    "revision",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailcore.revision",
                    ),
                ),
                ("segments", models.JSONField(default=list)),
            ],
            options={
                "verbose_name": "source of a translated revision",
                "verbose_name_plural": "sources of translated revisions",
            },
        ),
        migrations.CreateModel(
            name="TranslationDigest",
            fields=[
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("last_digest_at", models.DateTimeField()),
            ],
            options={
                "verbose_name": "translation digest",
                "verbose_name_plural": "translation digests",
            },
        ),
        migrations.CreateModel(
            name="SourceChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "changed_at",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                ),
                ("strings", models.JSONField(default=list)),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtail_localize.translationsource",
                    ),
                ),
            ],
            options={
                "verbose_name": "source change",
                "verbose_name_plural": "source changes",
            },
        ),
    ]
