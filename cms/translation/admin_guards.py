"""Every admin action a translator can reach agrees with the roles (docs/translation.md, "Actions").

Wagtail's and wagtail-localize's views each check permissions their own way; where one of them
would let a user act outside their locale or past the review, it is narrowed here:

- Snippet views ask the model's permission policy model-wide questions ("may this user lock
  topics?"). The views of the translatable snippets are given the locale of the object they act
  on (`LocaleRuleViewMixin`), so lock, unlock, history, unpublish, revisions, usage, copy and the
  editor ask `LocalePermissionPolicy` about that locale, the same rule as
  `user_has_permission_for_instance`. Their listings link to and offer ("More") only what the
  row's locale allows (`LocaleRuleIndexViewMixin`).
- "Convert to alias page" (wagtail-localize) puts the source's live content under the
  translation's address at once: it is publishing, so it needs the publish permission there.
- "Copy" of a page needs the permission to add pages in its locale (Wagtail shows the form to
  anyone who may edit the page and only refuses the destination when the form is sent);
  Wagtail's move confirmation page is refused to whoever may not move the page there.
- On a synced translation wagtail-localize's editor replaces Wagtail's, and ignores Wagtail's
  "revert" and "cancel workflow": revert is refused (the content is made from the source and the
  translated strings), cancelling is done here for those who may cancel, and refused otherwise.
- "Sync translated pages" with "Publish" publishes only where the user may publish; elsewhere
  the translations are updated as drafts that go through review.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views import convert as localize_convert
from wagtail_localize.views import update_translations as localize_update
from wagtail_localize.views.edit_translation import apply_machine_translation

from cms.mixins import translatable_snippet_models

from .roles import LocalePermissionPolicy, locale_code_of, user_can_publish_object
from .sync import update_source
from .workflow import edit_url, save_draft

# --- snippets: the views ask the policy about their object's locale ---------------------------


class LocaleRuleViewMixin:
    """For views of a translatable snippet: model permissions and the locale rule, together.

    The locale is the object's (edit, lock, history, ...), or for a view without one (create)
    the locale the view was opened for (`?locale=`, as Wagtail's LocaleMixin reads it).
    """

    def locale_code(self) -> str | None:
        obj = getattr(self, "object", None)
        if obj is not None:
            return locale_code_of(obj)
        locale = getattr(self, "locale", None)
        return getattr(locale, "language_code", None)

    def locale_allows(self, action: str) -> bool:
        policy = self.permission_policy
        if not isinstance(policy, LocalePermissionPolicy):
            return True
        return policy.user_has_permission_in_locale(self.request.user, action, self.locale_code())

    def user_has_permission(self, permission):
        return super().user_has_permission(permission) and self.locale_allows(permission)

    def user_has_any_permission(self, permissions):
        return any(self.user_has_permission(permission) for permission in permissions)

    def dispatch(self, request, *args, **kwargs):
        # Wagtail offers "Publish" on create, copy and edit by the model permission alone.
        if request.method == "POST" and "action-publish" in request.POST:
            if not self.locale_allows("publish"):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# The views of a snippet viewset that act on one object or one locale (not the listing, whose
# locale filter already shows one locale at a time, nor the chooser).
SNIPPET_VIEW_CLASSES = (
    "add_view_class",
    "copy_view_class",
    "edit_view_class",  # also the revert view, which Wagtail derives from it
    "delete_view_class",
    "usage_view_class",
    "history_view_class",
    "inspect_view_class",
    "revisions_view_class",
    "revisions_compare_view_class",
    "revisions_unschedule_view_class",
    "unpublish_view_class",
    "preview_on_add_view_class",
    "preview_on_edit_view_class",
    "lock_view_class",
    "unlock_view_class",
    "workflow_history_view_class",
    "workflow_history_detail_view_class",
)


def with_locale_rule(view_class):
    if issubclass(view_class, LocaleRuleViewMixin):
        return view_class
    return type(view_class.__name__, (LocaleRuleViewMixin, view_class), {})


class LocaleRuleIndexViewMixin:
    """For the listing of a translatable snippet, which shows one locale at a time: the title
    link and the "More" items of each row follow the locale rule for that row's object, so the
    listing offers no action that the view it opens would refuse."""

    def instance_allows(self, instance, *actions) -> bool:
        policy = self.permission_policy
        if not isinstance(policy, LocalePermissionPolicy):
            return True
        code = locale_code_of(instance)
        user = self.request.user
        return any(policy.user_has_permission_in_locale(user, action, code) for action in actions)

    def get_edit_url(self, instance):
        if self.instance_allows(instance, "change"):
            return super().get_edit_url(instance)
        return None

    def get_copy_url(self, instance):
        if self.instance_allows(instance, "add"):
            return super().get_copy_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.instance_allows(instance, "delete"):
            return super().get_delete_url(instance)
        return None

    def get_inspect_url(self, instance):
        if self.instance_allows(instance, "add", "change", "delete", "view"):
            return super().get_inspect_url(instance)
        return None


def apply_locale_rule_to_snippet_views():
    """register_admin_urls, before Wagtail builds the viewsets' URLs: each translatable
    snippet's viewset constructs its views from the locale-aware classes."""
    for model in translatable_snippet_models():
        viewset = getattr(model, "snippet_viewset", None)
        if viewset is None:
            continue
        for name in SNIPPET_VIEW_CLASSES:
            view_class = getattr(viewset, name, None)
            if isinstance(view_class, type) and issubclass(view_class, PermissionCheckedMixin):
                setattr(viewset, name, with_locale_rule(view_class))
        index = viewset.index_view_class
        if not issubclass(index, LocaleRuleIndexViewMixin):
            viewset.index_view_class = type(index.__name__, (LocaleRuleIndexViewMixin, index), {})
    return []


def snippet_menu_locale(request, context) -> str | None:
    instance = context.get("instance")
    if instance is not None and getattr(instance, "locale_id", None):
        return locale_code_of(instance)
    return request.GET.get("locale") or Locale.get_default().language_code


def hide_snippet_publish(menu_items, request, context):
    """construct_snippet_action_menu: no "Publish" where the user may not publish."""
    model = context.get("model")
    if model not in translatable_snippet_models():
        return
    policy = policy_registry.get_by_type(model)
    if not isinstance(policy, LocalePermissionPolicy):
        return
    code = snippet_menu_locale(request, context)
    if not policy.user_has_permission_in_locale(request.user, "publish", code):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


# --- pages and snippets: wagtail-localize's editor and Wagtail's actions ----------------------


def synced_translation(instance) -> Translation | None:
    """The enabled translation whose editor (wagtail-localize's) replaces Wagtail's."""
    if getattr(instance, "translation_key", None) is None:
        return None
    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    ).first()


def guard_editor_actions(request, instance):
    """before_edit_page / before_edit_snippet (before wagtail-localize's own hook)."""
    if isinstance(instance, Page):
        instance = instance.specific
    match = request.resolver_match
    if match is not None and match.url_name == "revisions_revert":
        if synced_translation(instance) is not None:
            messages.error(
                request,
                _(
                    "A synced translation has no revisions of its own to go back to: it is made "
                    "from the source and the translated strings. Change the strings instead."
                ),
            )
            raise PermissionDenied
    if request.method == "POST" and request.POST.get("action-cancel-workflow"):
        state = instance.current_workflow_state
        if state is None or not state.user_can_cancel(request.user):
            raise PermissionDenied
        if synced_translation(instance) is not None:
            # wagtail-localize's editor would answer the request without cancelling.
            state.cancel(user=request.user)
            messages.success(
                request, _("Workflow on '%(object)s' has been cancelled.") % {"object": instance}
            )
            return redirect(edit_url(instance))
    return None


def hide_convert_to_alias(menu_items, request, context):
    """construct_page_action_menu: "Convert to alias page" only for those who may publish."""
    page = context.get("page")
    if page is not None and not page.permissions_for_user(request.user).can_publish():
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


def guard_page_copy(request, page):
    """before_copy_page: Wagtail opens the copy form for anyone who may edit the page; a copy
    is a new page, so it needs the permission to add pages in the page's locale."""
    home = page if page.depth <= 2 else page.get_ancestors().filter(depth=2).first()
    if home is None or "add" not in home.permissions_for_user(request.user).permissions:
        raise PermissionDenied


def guard_page_move(request, page, destination):
    """before_move_page: Wagtail shows its move confirmation to anyone with admin access and
    only refuses the move when it is sent; whoever may not move the page there is refused at
    once, as on every other action."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


localize_convert_to_alias = localize_convert.convert_to_alias


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for those who may publish the page only: the
    source's live content goes live under the translation's address at once."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        messages.error(
            request,
            _(
                "Converting a translation to an alias publishes the source's content in its "
                "place; only those who may publish here (the locale's reviewers) can do it."
            ),
        )
        raise PermissionDenied
    return localize_convert_to_alias(request, page_id)


def may_publish_translation(user, translation: Translation) -> bool:
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False  # not made yet: a draft first, like every new translation
    if isinstance(target, Page):
        target = target.specific
    return user_can_publish_object(user, target)


class ReviewedUpdateTranslationsView(localize_update.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages/snippets". With "Publish immediately" ticked,
    only the translations the user may publish are published; the others are updated as draft
    revisions (the live version stays) and go through review."""

    @transaction.atomic
    def form_valid(self, form):
        # The changed strings are recorded for the translators' digest (sync.py); wagtail-localize
        # updating the source again below changes nothing more.
        update_source(self.object)
        if not form.cleaned_data.get("publish_translations"):
            return super().form_valid(form)
        user = self.request.user
        translations = list(
            self.object.translations.filter(enabled=True).select_related("target_locale")
        )
        if form.cleaned_data.get("use_machine_translation"):
            machine_translator = get_machine_translator()
            for translation in translations:
                apply_machine_translation(translation.id, user, machine_translator)
        drafts = []
        for translation in translations:
            with contextlib.suppress(ValidationError):
                if may_publish_translation(user, translation):
                    translation.save_target(user=user, publish=True)
                else:
                    save_draft(translation, user)
                    drafts.append(str(translation.target_locale.get_display_name()))
        self.components.save(self.object, sources_and_translations={self.object: translations})
        messages.success(self.request, self.get_success_message())
        if drafts:
            messages.warning(
                self.request,
                _(
                    "Updated as drafts, not published: %(languages)s. You may not publish in "
                    "these languages; the translations go live when the language's reviewers "
                    "approve them (Translation review), after a translator has translated the "
                    "new text and submitted it."
                )
                % {"languages": ", ".join(drafts)},
            )
        return redirect(self.get_success_url() or self.get_default_success_url())


def install_localize_views():
    """wagtail-localize builds its admin URLs from these module attributes when the URLconf
    loads, which is after every wagtail_hooks module (this app's included) is imported."""
    localize_convert.convert_to_alias = convert_to_alias
    localize_update.UpdateTranslationsView = ReviewedUpdateTranslationsView
