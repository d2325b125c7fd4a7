"""Translation roles and review in the admin (docs/translation.md): the locale rule for snippets,
the guards that keep every admin action within the roles (admin_guards.py), the "Submit for
review" path of wagtail-localize's editor, the status report and dashboard panel.
The guards are registered before wagtail-localize's own hooks."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.mixins import translatable_snippet_models

from . import admin_api, admin_guards, report, sync_admin, workflow
from .roles import LocalePermissionPolicy

hooks.register("register_admin_urls", workflow.admin_urls)
hooks.register("before_edit_snippet", workflow.guard_snippet, order=-100)
hooks.register("before_edit_snippet", admin_guards.guard_editor_actions, order=-90)
hooks.register("before_edit_page", admin_guards.guard_editor_actions, order=-90)
hooks.register("before_delete_snippet", workflow.guard_snippet_delete, order=-100)
hooks.register("before_copy_page", admin_guards.guard_page_copy, order=-100)
hooks.register("before_move_page", admin_guards.guard_page_move, order=-100)
hooks.register("construct_page_action_menu", admin_guards.hide_convert_to_alias)
hooks.register("construct_snippet_action_menu", admin_guards.hide_snippet_publish)
# Before Wagtail's own register_admin_urls hook builds the snippet viewsets' URLs.
hooks.register("register_admin_urls", admin_guards.apply_locale_rule_to_snippet_views, order=-1000)
admin_guards.install_localize_views()
hooks.register("register_admin_urls", report.admin_urls)
hooks.register("register_reports_menu_item", report.menu_item)
# "Update from source" for translators (sync_admin.py).
hooks.register("register_admin_urls", sync_admin.admin_urls)
hooks.register("register_page_listing_more_buttons", sync_admin.page_buttons)
hooks.register("register_page_header_buttons", sync_admin.page_buttons)
hooks.register("register_snippet_listing_buttons", sync_admin.snippet_buttons)
# The translation editor's page chooser reads English pages from the admin API (admin_api.py).
hooks.register("construct_admin_api", admin_api.register)
hooks.register(
    "construct_homepage_panels",
    lambda request, panels: panels.append(report.TranslationStatusPanel(request.user)),
)
for _model in translatable_snippet_models():
    register_permission_policy(_model, LocalePermissionPolicy(_model))
