"""The "Translation status" admin report, its CSV export and the dashboard panel.

Every English page and translatable snippet, per target locale, is in one of the states of
cms/translation/status.py (missing, in progress, awaiting review, machine-translated, outdated,
up to date), from the same computation as the API's `translationStatus`. Above the report's
table and on the dashboard panel, each locale's progress (strings translated, objects up to
date, counts per state) adds up the same rows (cms/translation/progress.py), as the API's
`translationProgress` does for the public pages and snippets.
"""

import csv
import io
import zipfile
from dataclasses import dataclass

import polib
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from cms.mixins import translatable_snippet_models

from .po_files import TRANSLATION_ID, describe, file_name
from .progress import assess, summarize
from .roles import (
    SNIPPET_LOCALE_RULES,
    SOURCE_LOCALE,
    TARGET_LOCALES,
    user_can_edit_object,
    user_group_names,
)
from .status import STATUSES


@dataclass
class Row:
    title: str
    content_type: str
    locale: str
    status: str
    percent: int
    source_id: int
    translation_key: object
    translation_id: int | None
    edit_url: str | None
    # The source's string segments (None: not prepared for translation) and how many of them
    # the translation has: the progress summary adds them up (progress.py).
    segments: int | None = None
    translated: int = 0


def _label(model) -> str:
    return str(model._meta.verbose_name)


def _edit_url(obj) -> str:
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    meta = obj._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk])


def build_rows(locales: list[str] | None = None) -> list[Row]:
    """Rows for every English page below the home pages and every English snippet."""
    codes = [code for code in TARGET_LOCALES if not locales or code in locales]
    by_code = {locale.language_code: locale for locale in Locale.objects.all()}
    source = by_code[SOURCE_LOCALE]
    groups = [
        (
            Page,
            list(
                Page.objects.filter(locale=source, depth__gt=1)
                .select_related("content_type")
                .order_by("path")
            ),
        )
    ] + [
        (model, list(model.objects.filter(locale=source)))
        for model in translatable_snippet_models()
    ]
    return [_row(item) for item in assess(groups, codes, by_code)]


def _row(item) -> Row:
    original, translation = item.original, item.translation
    page = item.model is Page
    return Row(
        title=str(original.title if page else original),
        content_type=str(original.content_type.name if page else _label(item.model)),
        locale=item.locale,
        status=item.status,
        percent=item.percent,
        source_id=original.pk,
        translation_key=original.translation_key,
        translation_id=translation.pk if translation else None,
        edit_url=_edit_url(translation or original),
        segments=item.segments,
        translated=item.translated,
    )


def user_locales(user) -> list[str]:
    """Target locales a user works in: their translator/reviewer locales, else all."""
    if user.is_superuser:
        return list(TARGET_LOCALES)
    codes = set()
    for name in user_group_names(user):
        rules = SNIPPET_LOCALE_RULES.get(name)
        if rules is None or name == "Editors":
            return list(TARGET_LOCALES)
        codes |= {code for code in rules if code in TARGET_LOCALES}
    return sorted(codes)


def report_view(request):
    allowed = user_locales(request.user)
    locale = request.GET.get("locale") or ""
    status = request.GET.get("status") or ""
    content_type = request.GET.get("content_type") or ""
    codes = [locale] if locale in allowed else allowed
    rows = build_rows(codes)
    content_types = sorted({row.content_type for row in rows})
    if content_type:
        rows = [row for row in rows if row.content_type == content_type]
    if request.GET.get("subtree"):
        rows = rows_in_subtree(rows, request.GET["subtree"])
    # The progress of what the locale and type filters select, whatever the status filter.
    progress = summarize(rows, codes)
    if status in STATUSES:
        rows = [row for row in rows if row.status == status]
    if request.GET.get("export") == "po":
        return po_archive(request, rows)
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
        writer = csv.writer(response)
        writer.writerow(["title", "content type", "locale", "status", "percent translated"])
        for row in rows:
            writer.writerow([row.title, row.content_type, row.locale, row.status, row.percent])
        return response
    return render(
        request,
        "translation/translation_status.html",
        {
            "rows": rows,
            "progress": progress,
            "locales": allowed,
            "statuses": STATUSES,
            "content_types": content_types,
            "selected": {"locale": locale, "status": status, "content_type": content_type},
            "query": request.GET.urlencode(),
        },
    )


def rows_in_subtree(rows, page_id):
    """Only pages at or below the page with this id (any locale: its English version counts)."""
    root = Page.objects.filter(pk=page_id).first()
    if root is None:
        return []
    source_root = root.get_translation_or_none(Locale.get_default()) or root
    keys = set(
        Page.objects.descendant_of(source_root, inclusive=True).values_list(
            "translation_key", flat=True
        )
    )
    return [row for row in rows if row.translation_key in keys]


def po_archive(request, rows):
    """A zip of PO files for the listed translations the user may edit."""
    wanted = {(row.translation_key, row.locale) for row in rows if row.translation_id}
    translations = Translation.objects.filter(
        source__object_id__in={key for key, _ in wanted}, enabled=True
    ).select_related("source", "target_locale", "source__specific_content_type")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            if (
                translation.source.object_id,
                translation.target_locale.language_code,
            ) not in wanted:
                continue
            if not user_can_edit_object(request.user, translation.get_target_instance()):
                continue
            po = translation.export_po()
            po.metadata[TRANSLATION_ID] = str(translation.uuid)
            archive.writestr(file_name(translation), str(po))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="translations-po.zip"'
    return response


@require_POST
def upload_view(request):
    """Upload translated PO files (one .po, or a .zip of them) back into their translations."""
    upload = request.FILES.get("po")
    if upload is None:
        messages.error(request, _("Choose a PO file or a zip of PO files."))
        return redirect("translation_status_report")
    if upload.name.endswith(".zip"):
        with zipfile.ZipFile(upload) as archive:
            contents = [
                (name, archive.read(name).decode())
                for name in archive.namelist()
                if name.endswith(".po")
            ]
    else:
        contents = [(upload.name, upload.read().decode())]
    for name, text in contents:
        try:
            po = polib.pofile(text)
            translation = Translation.objects.get(uuid=po.metadata[TRANSLATION_ID])
        except (OSError, ValueError, KeyError, Translation.DoesNotExist):
            messages.error(
                request, _("%(file)s: not a PO file exported from this site.") % {"file": name}
            )
            continue
        if not user_can_edit_object(request.user, translation.get_target_instance()):
            messages.error(
                request, _("%(file)s: you may not edit this translation.") % {"file": name}
            )
            continue
        warnings = translation.import_po(po, user=request.user, tool_name="PO file")
        messages.success(
            request,
            _("%(file)s: imported into %(object)s.")
            % {"file": name, "object": translation.get_target_instance()},
        )
        for warning in warnings:
            messages.warning(request, f"{name}: {describe(warning)}")
    return redirect("translation_status_report")


def admin_urls():
    return [
        path("reports/translation-status/", report_view, name="translation_status_report"),
        path(
            "reports/translation-status/upload/",
            upload_view,
            name="translation_status_upload",
        ),
    ]


def menu_item():
    return MenuItem(
        gettext_lazy("Translation status"),
        reverse("translation_status_report"),
        icon_name="site",
        order=700,
    )


class TranslationStatusPanel(Component):
    """Dashboard: for each locale the user translates or reviews, the share of strings
    translated, the objects up to date and the counts per status."""

    name = "translation_status"
    order = 90

    def __init__(self, user):
        self.user = user

    template_name = "translation/translation_status_panel.html"

    def get_context_data(self, parent_context=None):
        locales = user_locales(self.user)
        return {
            "statuses": STATUSES,
            "progress": summarize(build_rows(locales), locales) if locales else [],
            "report_url": reverse("translation_status_report"),
        }
