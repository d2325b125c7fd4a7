"""The webhook models move from the home app to this one; their tables and rows stay.

Only Django's state changes (home/0010 removes the models there). The content types are renamed
in place, so editors' permissions on endpoints and deliveries keep working, and delivery tasks
still waiting in the database backend get the new task path.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import cms.webhooks.models
from cms import content_types

MOVED = ["webhookendpoint", "webhookdelivery"]
TASK_PATHS = {"home.webhooks.deliver_webhook": "cms.webhooks.delivery.deliver_webhook"}


def move_content_types(apps, schema_editor):
    content_types.move_content_types(apps, "home", "webhooks", MOVED)


def move_content_types_back(apps, schema_editor):
    content_types.move_content_types(apps, "webhooks", "home", MOVED)


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
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="WebhookEndpoint",
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
                        (
                            "name",
                            models.CharField(
                                help_text="Who receives it, e.g. 'Public website'.", max_length=120
                            ),
                        ),
                        (
                            "url",
                            models.URLField(
                                help_text="Where the JSON POST goes (https in production).",
                                max_length=500,
                            ),
                        ),
                        (
                            "secret",
                            models.CharField(
                                default=cms.webhooks.models.new_secret,
                                help_text="Key of the HMAC-SHA256 signature in X-Webhook-Signature; give it to the receiver, keep it out of the frontend's public code.",
                                max_length=200,
                            ),
                        ),
                        (
                            "events",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="What to send. 'Translation published' is a publish in a language other than the default; an endpoint with both it and 'Page/Snippet published' gets it once, as translation.published.",
                            ),
                        ),
                        (
                            "active",
                            models.BooleanField(
                                default=True, help_text="Untick to stop sending for a while."
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "locales",
                            models.ManyToManyField(
                                blank=True,
                                help_text="Only changes in these languages; none selected means every language.",
                                related_name="+",
                                to="wagtailcore.locale",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "webhook endpoint",
                        "db_table": "home_webhookendpoint",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="WebhookDelivery",
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
                        ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        (
                            "event",
                            models.CharField(
                                choices=[
                                    ("page.published", "Page published"),
                                    ("page.unpublished", "Page unpublished"),
                                    ("page.moved", "Page moved"),
                                    ("page.deleted", "Page deleted"),
                                    ("snippet.published", "Snippet published"),
                                    ("snippet.unpublished", "Snippet unpublished"),
                                    ("snippet.deleted", "Snippet deleted"),
                                    ("translation.published", "Translation published"),
                                ],
                                max_length=40,
                            ),
                        ),
                        (
                            "payload",
                            models.JSONField(help_text="The JSON body, as signed and sent."),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Pending"),
                                    ("retrying", "Retrying"),
                                    ("succeeded", "Succeeded"),
                                    ("failed", "Failed"),
                                ],
                                default="pending",
                                max_length=20,
                            ),
                        ),
                        ("attempts", models.PositiveIntegerField(default=0)),
                        ("response_code", models.PositiveIntegerField(blank=True, null=True)),
                        (
                            "error",
                            models.TextField(
                                blank=True, help_text="What went wrong in the last attempt."
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("last_attempt_at", models.DateTimeField(blank=True, null=True)),
                        ("next_attempt_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "endpoint",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="deliveries",
                                to="webhooks.webhookendpoint",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "webhook delivery",
                        "db_table": "home_webhookdelivery",
                        "verbose_name_plural": "webhook deliveries",
                        "ordering": ["-created_at", "-pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
        migrations.RunPython(rename_waiting_tasks, rename_waiting_tasks_back),
    ]
