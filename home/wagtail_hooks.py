from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


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
