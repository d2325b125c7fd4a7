from django.apps import AppConfig


class TranslationConfig(AppConfig):
    """Translating: locale roles, the review workflow, status, PO files (docs/translation.md)."""

    name = "cms.translation"
    label = "translation"
    verbose_name = "Translation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # handlers use models, which load only once apps are ready

        signals.connect()
