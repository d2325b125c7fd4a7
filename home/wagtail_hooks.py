from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from people.models import Award, Organisation

from . import translation_status, translation_workflow
from .models import Topic
from .translation_roles import LocalePermissionPolicy

# Translation roles and review (docs/translation.md): the locale rule for snippets and the
# "Submit for review" path of wagtail-localize's editor; before wagtail-localize's own hooks.
hooks.register("register_admin_urls", translation_workflow.admin_urls)
hooks.register("before_edit_snippet", translation_workflow.guard_snippet, order=-100)
hooks.register("before_delete_snippet", translation_workflow.guard_snippet_delete, order=-100)
hooks.register("register_admin_urls", translation_status.admin_urls)
hooks.register("register_reports_menu_item", translation_status.menu_item)
hooks.register(
    "construct_homepage_panels",
    lambda request, panels: panels.append(translation_status.TranslationStatusPanel(request.user)),
)
for _model in (Topic, Organisation, Award):
    register_permission_policy(_model, LocalePermissionPolicy(_model))


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale", "live"]
    # Wagtail adds the locale filter itself for translatable snippets.
    list_filter = ["live"]
    search_fields = ["name", "description"]
    ordering = ["name"]


register_snippet(TopicViewSet)


# --- publish webhooks (home/webhooks.py): endpoints and their delivery log, in a menu group ---

from wagtail import hooks  # noqa: E402
from wagtail.admin.viewsets.base import ViewSetGroup  # noqa: E402
from wagtail.admin.viewsets.model import ModelViewSet  # noqa: E402
from wagtail.permission_policies import ModelPermissionPolicy  # noqa: E402
from wagtail.permissions import register_permission_policy  # noqa: E402

from .webhooks import WebhookDelivery, WebhookEndpoint  # noqa: E402


class DeliveryLogPolicy(ModelPermissionPolicy):
    """The delivery log is written by the sender only: it can be read and cleared, not edited."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(WebhookDelivery, DeliveryLogPolicy(WebhookDelivery))


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = "Webhook endpoints"
    list_display = ["name", "url", "active"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    copy_view_enabled = False


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = "Webhook deliveries"
    list_display = ["event", "endpoint", "status", "attempts", "response_code", "created_at"]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "uuid",
        "endpoint",
        "event",
        "status",
        "attempts",
        "response_code",
        "error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "payload",
    ]
    copy_view_enabled = False
    form_fields = ["status"]  # never editable (DeliveryLogPolicy); the form must name a field


class WebhookViewSetGroup(ViewSetGroup):
    menu_label = "Webhooks"
    menu_icon = "link-external"
    menu_order = 900
    items = (
        WebhookEndpointViewSet("webhook_endpoints"),
        WebhookDeliveryViewSet("webhook_deliveries"),
    )


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return WebhookViewSetGroup()
