"""PagePreview moves from the home app to this one (beside cms/preview.py); its table and rows
stay. Only Django's state changes (home/0010 removes the model there); the content type is
renamed in place, and scheduled-publishing tasks waiting in the database get the new task path.
"""

import uuid

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from cms import content_types

TASK_PATHS = {"home.scheduling.run_publish_scheduled": "cms.scheduling.run_publish_scheduled"}


def move_content_type(apps, schema_editor):
    content_types.move_content_types(apps, "home", "cms", ["pagepreview"])


def move_content_type_back(apps, schema_editor):
    content_types.move_content_types(apps, "cms", "home", ["pagepreview"])


def rename_waiting_tasks(apps, schema_editor, paths=TASK_PATHS):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in paths.items():
        DBTaskResult.objects.filter(task_path=old, status="READY").update(task_path=new)


def rename_waiting_tasks_back(apps, schema_editor):
    rename_waiting_tasks(apps, schema_editor, {new: old for old, new in TASK_PATHS.items()})


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0009_moderators_publish_english_only"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PagePreview",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        (
                            "content",
                            models.JSONField(
                                encoder=django.core.serializers.json.DjangoJSONEncoder
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                    ],
                    options={"verbose_name": "page preview", "db_table": "home_pagepreview"},
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
        migrations.RunPython(rename_waiting_tasks, rename_waiting_tasks_back),
    ]
