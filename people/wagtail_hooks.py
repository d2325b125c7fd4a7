from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Award, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "short_name", "kind", "country", "locale", "live"]
    # Wagtail adds the locale filter itself for translatable snippets.
    list_filter = ["kind", "country", "live"]
    search_fields = ["name", "short_name", "description"]
    ordering = ["name"]


class AwardViewSet(SnippetViewSet):
    model = Award
    icon = "pick"
    menu_label = "Awards"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "awarded_by", "locale", "live"]
    list_filter = ["live"]
    search_fields = ["name", "description"]
    ordering = ["name"]


register_snippet(OrganisationViewSet)
register_snippet(AwardViewSet)
