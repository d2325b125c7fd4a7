"""Translation roles: who may do what in which locale (see docs/translation.md).

Wagtail gives page permissions per subtree, and each locale has its own tree, so the page side is
GroupPagePermission on each locale's home page. Snippets have only model-wide permissions in
Wagtail; the locale rule below is applied on top of them by `LocalePermissionPolicy` and by the
hooks of cms/translation/workflow.py (snippet editor, wagtail-localize's translation editor and
its string API).

The groups are created by the data migration home/0006_translation_roles; page permissions and
the "Translation review" workflow are attached to a locale's home page as soon as it exists
(cms/translation/signals.py connects `attach_locale_tree` to the home page's creation).
"""

from django.utils.translation import gettext_noop
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.permissions import get_permission_name, user_can_edit_snippet_type

SOURCE_LOCALE = "en"
TARGET_LOCALES = ("cs", "uk")
EDITORS = "Editors"
MODERATORS = "Moderators"
# The names the workflow and its task are created with: rows, stored in English. Marked for
# translation so that the emails can name them in the reader's language (templatetags/
# translation_notifications.py); gettext_noop leaves the stored name as it is.
WORKFLOW_NAME = gettext_noop("Translation review")
TASK_NAME = gettext_noop("Review by the locale's reviewers")

ALL = frozenset({"add", "change", "delete", "publish", "lock", "unlock", "view"})
NO_PUBLISH = frozenset({"add", "change", "delete", "lock", "unlock", "view"})
TRANSLATE = frozenset({"change", "lock", "unlock", "view"})
REVIEW = frozenset({"change", "publish", "lock", "unlock", "view"})


def translators(code: str) -> str:
    return f"Translators ({code})"


def reviewers(code: str) -> str:
    return f"Reviewers ({code})"


# Group -> {locale code: actions allowed on snippets of that locale}. Groups not named here
# (administrators' own groups) are not restricted by locale. Editors and Wagtail's Moderators
# publish English only: cs and uk snippets are published by approving their review.
SNIPPET_LOCALE_RULES: dict[str, dict[str, frozenset]] = {
    EDITORS: {SOURCE_LOCALE: ALL, **{code: NO_PUBLISH for code in TARGET_LOCALES}},
    MODERATORS: {SOURCE_LOCALE: ALL, **{code: NO_PUBLISH for code in TARGET_LOCALES}},
    **{translators(code): {code: TRANSLATE} for code in TARGET_LOCALES},
    **{reviewers(code): {code: REVIEW} for code in TARGET_LOCALES},
}

# Group -> page permissions on its locale's tree (codenames of wagtailcore.Page).
PAGE_TREE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    **{translators(code): ("change_page", "lock_page") for code in TARGET_LOCALES},
    **{reviewers(code): ("change_page", "publish_page", "lock_page") for code in TARGET_LOCALES},
}
# Editors publish English pages; in cs and uk they edit and request review (Wagtail's own
# Editors permissions on the root give them add/change/lock everywhere, never publish).
EDITOR_SOURCE_TREE_PERMISSIONS = ("publish_page",)
# Wagtail's Moderators keep add/change/lock/unlock on the root; their publish permission is on
# the English tree only (migration home/0009_moderators_publish_english_only), so cs and uk
# pages are published only by approving them in "Translation review".
MODERATOR_SOURCE_TREE_PERMISSIONS = ("publish_page",)

SNIPPET_MODELS = [("home", "topic"), ("people", "organisation"), ("people", "award")]
SNIPPET_MODEL_PERMISSIONS: dict[str, tuple[str, ...]] = {
    **{translators(code): ("change", "lock", "unlock") for code in TARGET_LOCALES},
    **{reviewers(code): ("change", "publish", "lock", "unlock") for code in TARGET_LOCALES},
}

ROLE_GROUPS = [translators(code) for code in TARGET_LOCALES] + [
    reviewers(code) for code in TARGET_LOCALES
]


def tree_locale_of_group(name: str) -> str | None:
    for code in TARGET_LOCALES:
        if name in (translators(code), reviewers(code)):
            return code
    return None


def reviewer_locale(group_name: str) -> str | None:
    for code in TARGET_LOCALES:
        if group_name == reviewers(code):
            return code
    return None


def user_group_names(user) -> set[str]:
    cache = "_translation_role_groups"
    if not hasattr(user, cache):
        names = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
        setattr(user, cache, names)
    return getattr(user, cache)


def snippet_actions_in_locale(user, code: str) -> frozenset:
    """Actions the locale rule allows the user on snippets of locale `code`."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return ALL
    allowed: set[str] = set()
    for name in user_group_names(user):
        rules = SNIPPET_LOCALE_RULES.get(name)
        if rules is None:
            allowed |= ALL
        else:
            allowed |= rules.get(code, frozenset())
    return frozenset(allowed)


def locale_code_of(instance) -> str | None:
    if getattr(instance, "locale_id", None) is None:
        return None
    return instance.locale.language_code


def user_can_in_locale(user, action: str, instance) -> bool:
    """The locale rule only (model permissions are checked separately)."""
    code = locale_code_of(instance)
    if code is None:
        return True
    return action in snippet_actions_in_locale(user, code)


class LocalePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed per instance to the locales the user's groups may touch.

    Wagtail's snippet views ask model-wide questions ("may this user lock topics?"); the views of
    the translatable snippets are given the object or locale they act on
    (cms/translation/admin_guards.py) and ask `user_has_permission_in_locale` as well, so that
    every view (edit, lock, unlock, history, unpublish, revisions, usage...) agrees with
    `user_has_permission_for_instance`.
    """

    def user_has_permission_in_locale(self, user, action, code: str | None) -> bool:
        """The locale rule alone, for content of locale `code` (None: not translatable)."""
        if code is None or user.is_superuser:
            return True
        return action in snippet_actions_in_locale(user, code)

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(
            user, action, instance
        ) and self.user_has_permission_in_locale(user, action, locale_code_of(instance))

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser:
            return queryset
        codes = [
            code
            for code in (SOURCE_LOCALE, *TARGET_LOCALES)
            if set(actions) & snippet_actions_in_locale(user, code)
        ]
        return queryset.filter(locale__language_code__in=codes)


def user_can_edit_object(user, instance) -> bool:
    """May the user edit this page or snippet (used for wagtail-localize's editor too)?"""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user_can_edit_snippet_type(user, type(instance)) and user_can_in_locale(
        user, "change", instance
    )


def user_can_publish_object(user, instance) -> bool:
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return (
        user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))
    ) and user_can_in_locale(user, "publish", instance)


# --- set-up: migration and locale trees -------------------------------------------------------


def ensure_groups(apps):
    """Create the role groups with their model permissions (idempotent; migration-safe)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        # Editors request translations (wagtail-localize's "Translate" action).
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="wagtail_localize", codename="submit_translation"
            )
        )
    for name in ROLE_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        if admin_access:
            group.permissions.add(admin_access)
        actions = SNIPPET_MODEL_PERMISSIONS[name]
        for app_label, model in SNIPPET_MODELS:
            codenames = [f"{action}_{model}" for action in actions]
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


def ensure_workflow(apps):
    """The "Translation review" workflow with one locale-aware group approval task."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TranslationReviewTask = apps.get_model("home", "TranslationReviewTask")

    task_type = ContentType.objects.get_for_model(TranslationReviewTask)
    task = TranslationReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = TranslationReviewTask.objects.create(
            name=TASK_NAME, active=True, content_type=task_type
        )
    task.groups.set(Group.objects.filter(name__in=[reviewers(code) for code in TARGET_LOCALES]))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for app_label, model in SNIPPET_MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
    return workflow


def attach_locale_tree(apps, home_page):
    """Give the roles their permissions on a locale's tree and put it under review."""
    Locale = apps.get_model("wagtailcore", "Locale")

    code = Locale.objects.get(pk=home_page.locale_id).language_code
    grants: dict[str, tuple[str, ...]] = {}
    if code == SOURCE_LOCALE:
        grants[EDITORS] = EDITOR_SOURCE_TREE_PERMISSIONS
        grants[MODERATORS] = MODERATOR_SOURCE_TREE_PERMISSIONS
    else:
        grants = {
            name: perms
            for name, perms in PAGE_TREE_PERMISSIONS.items()
            if tree_locale_of_group(name) == code
        }
        put_tree_under_review(apps, home_page)
    grant_tree_permissions(apps, home_page, grants)


def put_tree_under_review(apps, home_page):
    """Edits in the tree go through "Translation review", once ensure_workflow has made it."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page_id=home_page.pk, defaults={"workflow": workflow})


def grant_tree_permissions(apps, home_page, grants: dict[str, tuple[str, ...]]):
    """Page permissions (codenames of wagtailcore.Page) for each named group on the tree."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    for name, codenames in grants.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=home_page.pk, permission=permission
            )


def attach_existing_trees(apps):
    Page = apps.get_model("wagtailcore", "Page")
    for home_page in Page.objects.filter(depth=2):
        attach_locale_tree(apps, home_page)
