"""The "Translation status" admin report, its CSV export and the dashboard panel.

Every English page and translatable snippet, per target locale, is one of:
- missing: no translation in that locale;
- in progress: a translation exists, some source segments are not translated (percent shown);
- awaiting review: submitted for review ("Translation review" in progress), not yet approved,
  rejected or cancelled: the reviewers' queue;
- machine-translated: complete, but some text is machine-translated and not yet edited by a
  person or approved;
- outdated: the English source was published after the translation last took it in (sync), so
  the translation may say something the source no longer says;
- up to date.
The numbers come from the same computation as the API's `translationStatus`
(cms/translation/status.py).
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
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from cms.mixins import translatable_snippet_models

from .po_files import TRANSLATION_ID, describe, file_name
from .roles import (
    SNIPPET_LOCALE_RULES,
    SOURCE_LOCALE,
    TARGET_LOCALES,
    user_can_edit_object,
    user_group_names,
)
from .status import awaiting_review, compute_statuses

MISSING = "missing"
IN_PROGRESS = "in progress"
AWAITING_REVIEW = "awaiting review"
MACHINE = "machine-translated"
OUTDATED = "outdated"
UP_TO_DATE = "up to date"
STATUSES = [MISSING, IN_PROGRESS, AWAITING_REVIEW, MACHINE, OUTDATED, UP_TO_DATE]


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


def _label(model) -> str:
    return str(model._meta.verbose_name)


def classify(status, in_review: bool = False) -> tuple[str, int]:
    if status is None:
        return MISSING, 0
    if in_review:
        # What the reviewers have to decide on comes first, whatever else is true of it.
        return AWAITING_REVIEW, status.percent_translated
    if status.percent_translated < 100:
        return IN_PROGRESS, status.percent_translated
    if status.is_outdated:
        return OUTDATED, 100
    if status.is_machine_translated:
        return MACHINE, 100
    return UP_TO_DATE, 100


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
    rows = []
    for model, originals in groups:
        keys = [obj.translation_key for obj in originals]
        for code in codes:
            translations = list(
                model.objects.filter(translation_key__in=keys, locale=by_code[code])
            )
            statuses = compute_statuses(translations)
            in_review = awaiting_review(translations)
            by_key = {obj.translation_key: obj for obj in translations}
            for original in originals:
                translation = by_key.get(original.translation_key)
                status, percent = classify(
                    statuses.get(translation.pk) if translation is not None else None,
                    translation is not None and translation.pk in in_review,
                )
                if translation is not None and status == MISSING:
                    # A translation made without wagtail-localize (no source): count it done.
                    status, percent = UP_TO_DATE, 100
                content_type = original.content_type.name if model is Page else _label(model)
                rows.append(
                    Row(
                        title=str(original.title if model is Page else original),
                        content_type=str(content_type),
                        locale=code,
                        status=status,
                        percent=percent,
                        source_id=original.pk,
                        translation_key=original.translation_key,
                        translation_id=translation.pk if translation else None,
                        edit_url=_edit_url(translation or original),
                    )
                )
    return rows


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
    rows = build_rows([locale] if locale in allowed else allowed)
    content_types = sorted({row.content_type for row in rows})
    if status in STATUSES:
        rows = [row for row in rows if row.status == status]
    if content_type:
        rows = [row for row in rows if row.content_type == content_type]
    if request.GET.get("subtree"):
        rows = rows_in_subtree(rows, request.GET["subtree"])
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
        messages.error(request, "Choose a PO file or a zip of PO files.")
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
            messages.error(request, f"{name}: not a PO file exported from this site.")
            continue
        if not user_can_edit_object(request.user, translation.get_target_instance()):
            messages.error(request, f"{name}: you may not edit this translation.")
            continue
        warnings = translation.import_po(po, user=request.user, tool_name="PO file")
        messages.success(request, f"{name}: imported into {translation.get_target_instance()}.")
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
        "Translation status",
        reverse("translation_status_report"),
        icon_name="site",
        order=700,
    )


class TranslationStatusPanel(Component):
    """Dashboard: counts per status for the locales the user translates or reviews."""

    name = "translation_status"
    order = 90

    def __init__(self, user):
        self.user = user

    template_name = "translation/translation_status_panel.html"

    def get_context_data(self, parent_context=None):
        locales = user_locales(self.user)
        counts = {code: dict.fromkeys(STATUSES, 0) for code in locales}
        if locales:
            for row in build_rows(locales):
                counts[row.locale][row.status] += 1
        return {
            "statuses": STATUSES,
            "counts": [(code, [(s, counts[code][s]) for s in STATUSES]) for code in locales],
            "report_url": reverse("translation_status_report"),
        }
