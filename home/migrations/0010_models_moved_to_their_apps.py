"""The review task, the webhook models and stored previews now live in their own apps
(translation, webhooks, cms); their tables stay as they are, only Django's state changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_moderators_publish_english_only"),
        ("translation", "0001_initial"),
        ("webhooks", "0001_initial"),
        ("cms", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="TranslationReviewTask"),
                migrations.DeleteModel(name="WebhookDelivery"),
                migrations.DeleteModel(name="WebhookEndpoint"),
                migrations.DeleteModel(name="PagePreview"),
            ],
            database_operations=[],
        ),
    ]
