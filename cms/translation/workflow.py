"""Review before publish, and the locale rule in the admin (see docs/translation.md).

- wagtail-localize's translation editor only offers "Publish". Translators have no publish
  permission, so "Submit for review" (the main action of the editor's action bar, which this
  app's template wagtail_localize/admin/edit_translation.html renders in place of
  wagtail-localize's) posts to `submit_for_review`: the translation is saved as a draft revision
  and enters the object's workflow, "Translation review" for the cs and uk trees and the
  translatable snippets. The live version stays what it was until a reviewer approves, which
  publishes the revision. "Save draft" (`save_translation_draft`) saves the draft only.
- Snippets of another locale are refused (403) in Wagtail's snippet editor, in wagtail-localize's
  editor and in its string/override/PO/machine-translation endpoints. Pages are refused by
  Wagtail's own page permissions, given per locale tree (cms/translation/roles.py).
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.views import edit_translation as localize_editor

from .roles import user_can_edit_object, user_can_in_locale, user_can_publish_object

# wagtail-localize checks snippets by type only; its views call this module-level function, so
# the locale rule applies to its editor and every endpoint it serves.
localize_editor.user_can_edit_instance = user_can_edit_object


def guard_snippet(request, instance):
    """before_edit_snippet: refuse another locale's snippet; refuse publishing without review."""
    if getattr(instance, "locale_id", None) is None:
        return None
    if not user_can_in_locale(request.user, "change", instance):
        raise PermissionDenied
    if request.method == "POST" and (
        request.POST.get("action") == "publish" or "action-publish" in request.POST
    ):
        if not user_can_publish_object(request.user, instance):
            raise PermissionDenied
    return None


def guard_snippet_delete(request, instances):
    for instance in instances:
        if not user_can_in_locale(request.user, "delete", instance):
            raise PermissionDenied


def save_draft(translation: Translation, user):
    """Save the translation as a new draft revision without changing the live version.

    wagtail-localize's `save_target(publish=False)` writes the draft into the object's row (and
    unpublishes a snippet); the live content is put back from the live revision so that the
    public keeps reading what a reviewer approved. A revision holds the row as it was when the
    revision was saved, before it was published, so what belongs to the object's publishing
    history (its live revision, when it was last published) is kept from the row itself.
    """
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        instance = None  # save_target makes it, as a draft
    live = instance is not None and getattr(instance, "live", False)
    live_revision = instance.live_revision if live else None
    last_published_at = instance.last_published_at if live else None
    translation.save_target(user=user, publish=False)
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        instance = instance.specific
    draft = instance.latest_revision
    if live_revision is not None:
        restored = live_revision.as_object()
        restored.live = True
        restored.has_unpublished_changes = True
        restored.latest_revision = draft
        restored.live_revision = live_revision
        restored.last_published_at = last_published_at
        if isinstance(restored, Page):
            restored.save(clean=False)
        else:
            restored.save()
        instance = restored
    return instance, draft


def editable_translation(request, translation_id) -> Translation:
    """The enabled translation whose target the user may edit (403 otherwise)."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        instance = instance.specific
    if not user_can_edit_object(request.user, instance):
        raise PermissionDenied
    return translation


@require_POST
def save_translation_draft(request, translation_id):
    """The action bar's "Save draft": a draft revision, the live version untouched, no review
    asked for yet."""
    translation = editable_translation(request, translation_id)
    instance, _revision = save_draft(translation, request.user)
    messages.success(
        request,
        _("Saved '%(object)s' as a draft. It goes live when it is submitted and approved.")
        % {"object": instance},
    )
    return redirect(edit_url(instance))


def save_draft_url(translation: Translation) -> str:
    return reverse("translation_review_save_draft", args=[translation.pk])


@require_POST
def submit_for_review(request, translation_id):
    translation = editable_translation(request, translation_id)
    instance, _revision = save_draft(translation, request.user)
    state = instance.current_workflow_state if isinstance(instance, DraftStateMixin) else None
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
        messages.success(request, _("Resubmitted '%(object)s' for review.") % {"object": instance})
    elif state is not None:
        messages.success(
            request, _("Saved '%(object)s'; it is already under review.") % {"object": instance}
        )
    else:
        workflow = instance.get_workflow()
        if workflow is None:
            messages.warning(
                request,
                _("Saved '%(object)s' as a draft: no review applies to it.") % {"object": instance},
            )
        else:
            workflow.start(instance, request.user)
            messages.success(
                request,
                _("Submitted '%(object)s' for review (%(workflow)s).")
                % {"object": instance, "workflow": workflow.name},
            )
    return redirect(edit_url(instance))


def edit_url(instance) -> str:
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


def admin_urls():
    return [
        path(
            "translation-review/submit/<int:translation_id>/",
            submit_for_review,
            name="translation_review_submit",
        ),
        path(
            "translation-review/save-draft/<int:translation_id>/",
            save_translation_draft,
            name="translation_review_save_draft",
        ),
    ]


def machine_translated_strings(translation: Translation) -> list:
    """String translations of this translation still marked as machine-made."""
    pairs = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "string_id", "context_id"
        )
    )
    candidates = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        translation_of_id__in={string_id for string_id, _ in pairs},
    )
    return [st for st in candidates if (st.translation_of_id, st.context_id) in pairs]


def mark_reviewed_on_approval(sender, instance, user=None, **kwargs):
    """workflow_approved: approving a translation makes its machine strings human-reviewed."""
    obj = instance.content_object
    if getattr(obj, "translation_key", None) is None:
        return
    for translation in Translation.objects.filter(
        source__object_id=obj.translation_key, target_locale_id=obj.locale_id
    ):
        for string in machine_translated_strings(translation):
            string.translation_type = string.TRANSLATION_TYPE_MANUAL
            string.tool_name = f"{string.tool_name}, approved in review".lstrip(", ")[:255]
            string.last_translated_by = user
            string.save(update_fields=["translation_type", "tool_name", "last_translated_by"])


def repair_child_count(sender, instance, raw=False, **kwargs):
    """post_save of pages: keep treebeard's `numchild` true after wagtail-localize saves a page.

    wagtail-localize saves a translated page from a copy of its source, whose `numchild` may be
    stale (0 for a cs/uk index page that has children); the next page added below it would then
    get a path that is taken. Only pages saved with numchild 0 are checked (one query).
    """
    if raw or not isinstance(instance, Page) or instance.numchild or not instance.pk:
        return
    children = Page.objects.filter(path__startswith=instance.path, depth=instance.depth + 1).count()
    if children:
        Page.objects.filter(pk=instance.pk).update(numchild=children)
        instance.numchild = children


def _source_texts(instance) -> dict[str, str]:
    texts: dict[str, list[str]] = {}
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            texts.setdefault(segment.path, []).append(segment.string.render_text())
    return {path: " ".join(parts) for path, parts in texts.items()}


def source_changes(translation: Translation) -> list[tuple[str, str, str]]:
    """(field, old source text, new source text) of what changed in the source since the last
    sync: the texts the translation was made from, and what the source says now."""
    source = translation.source
    try:
        current = source.get_source_instance()
    except Exception:  # noqa: BLE001 - a deleted source has nothing to compare
        return []
    if isinstance(current, Page):
        current = current.specific
    old, new = _source_texts(source.as_instance()), _source_texts(current)
    paths = list(dict.fromkeys([*old, *new]))
    return [
        (path.replace(".", " › "), old.get(path, ""), new.get(path, ""))
        for path in paths
        if old.get(path, "") != new.get(path, "")
    ]
