from cms.apps import SignalsAppConfig


class TranslationConfig(SignalsAppConfig):
    """Translating: locale roles, the review workflow, status, PO files (docs/translation.md)."""

    default = True  # the class Django picks; SignalsAppConfig is imported here too
    name = "cms.translation"
    label = "translation"
