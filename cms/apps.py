from importlib import import_module

from django.apps import AppConfig


class SignalsAppConfig(AppConfig):
    """An app whose `signals_module` connects its handlers in `connect()` once models load."""

    signals_module = "signals"

    def ready(self):
        import_module(f"{self.name}.{self.signals_module}").connect()


class CmsConfig(SignalsAppConfig):
    """What every page type shares: stored previews and registered persisted queries
    (models.py), on-time scheduling, renditions made in the background, and the content version
    that retires cached API answers (invalidation.py)."""

    default = True  # the class Django picks; SignalsAppConfig is imported here too
    name = "cms"
    verbose_name = "CMS"
    signals_module = "scheduling"

    def ready(self):
        super().ready()
        import_module("cms.renditions").connect()
        import_module("cms.invalidation").connect()
