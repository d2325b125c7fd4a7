"""TranslationReviewTask moves from the home app to this one; its table and rows stay.

Only Django's state changes (home/0010 removes the model there). The content type is renamed in
place, so the review task, its workflow and any permission keep pointing at the same row.
"""

import django.db.models.deletion
from django.db import migrations, models

from cms import content_types

MOVED = ["translationreviewtask"]


def move_content_types(apps, schema_editor):
    content_types.move_content_types(apps, "home", "translation", MOVED)


def move_content_types_back(apps, schema_editor):
    content_types.move_content_types(apps, "translation", "home", MOVED)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0009_moderators_publish_english_only"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TranslationReviewTask",
                    fields=[
                        (
                            "groupapprovaltask_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.groupapprovaltask",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "translation review task",
                        "db_table": "home_translationreviewtask",
                    },
                    bases=("wagtailcore.groupapprovaltask",),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
