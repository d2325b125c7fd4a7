from django.apps import AppConfig


class CmsConfig(AppConfig):
    """What every page type shares: stored previews (models.py) and on-time scheduling."""

    name = "cms"
    label = "cms"
    verbose_name = "CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import scheduling  # connects signals of Wagtail's models, loaded only by now

        scheduling.connect()
