"""Translation roles and review in the admin (docs/translation.md): the locale rule for snippets,
the "Submit for review" path of wagtail-localize's editor, the status report and dashboard panel.
The guards are registered before wagtail-localize's own hooks."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.mixins import translatable_snippet_models

from . import report, workflow
from .roles import LocalePermissionPolicy

hooks.register("register_admin_urls", workflow.admin_urls)
hooks.register("before_edit_snippet", workflow.guard_snippet, order=-100)
hooks.register("before_delete_snippet", workflow.guard_snippet_delete, order=-100)
hooks.register("register_admin_urls", report.admin_urls)
hooks.register("register_reports_menu_item", report.menu_item)
hooks.register(
    "construct_homepage_panels",
    lambda request, panels: panels.append(report.TranslationStatusPanel(request.user)),
)
for _model in translatable_snippet_models():
    register_permission_policy(_model, LocalePermissionPolicy(_model))
