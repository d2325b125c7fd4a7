"""PO round trip for translators and agencies (manage.py export_translations/import_translations).

One PO file per translation, named `<locale>/<content type>-<source object id>.po`; the file's
metadata carries the translation's id so the import finds it again. wagtail-localize writes each
source segment as msgid (rich text keeps its tags, links become <a id="…"> placeholders that the
import turns back into the same links), so a round trip changes no string.
"""

from pathlib import Path

import polib
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringNotUsedInContext,
    Translation,
    UnknownContext,
    UnknownString,
)

from .status import compute_statuses

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"


def select_translations(locale_code: str, outdated=False, page_id=None, subtree_id=None):
    locale = Locale.objects.get(language_code=locale_code)
    translations = Translation.objects.filter(target_locale=locale, enabled=True).select_related(
        "source", "source__specific_content_type"
    )
    if page_id or subtree_id:
        root = Page.objects.get(pk=page_id or subtree_id)
        pages = Page.objects.filter(pk=root.pk)
        if subtree_id:
            pages = Page.objects.descendant_of(root, inclusive=True)
        keys = set(pages.values_list("translation_key", flat=True))
        translations = translations.filter(source__object_id__in=keys)
    translations = list(translations.order_by("pk"))
    if outdated:
        translations = [t for t in translations if is_outdated(t)]
    return translations


def is_outdated(translation: Translation) -> bool:
    target = translation.get_target_instance()
    status = compute_statuses([target]).get(target.pk)
    return bool(status and status.is_outdated)


def file_name(translation: Translation) -> str:
    model = translation.source.specific_content_type.model
    return f"{translation.target_locale.language_code}/{model}-{translation.source.object_id}.po"


def export(translations, out: Path) -> list[Path]:
    written = []
    for translation in translations:
        po = translation.export_po()
        po.metadata[TRANSLATION_ID] = str(translation.uuid)
        target = out / file_name(translation)
        target.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(target))
        written.append(target)
    return written


def describe(warning) -> str:
    if isinstance(warning, UnknownString):
        return _("string no longer in the source: %(string)r") % {"string": warning.string}
    if isinstance(warning, UnknownContext):
        return _("field no longer in the source: %(field)r") % {"field": warning.context}
    if isinstance(warning, StringNotUsedInContext):
        return _("string no longer used in %(field)r: %(string)r") % {
            "field": warning.context,
            "string": warning.string,
        }
    return str(warning)


@transaction.atomic
def import_file(path: Path, user=None) -> tuple[Translation, list[str]]:
    po = polib.pofile(str(path))
    translation = Translation.objects.get(uuid=po.metadata[TRANSLATION_ID])
    warnings = translation.import_po(po, user=user, tool_name="PO file")
    return translation, [describe(warning) for warning in warnings]
