from wagtail.snippets.models import register_snippet

from cms.admin import NamedSnippetViewSet

from .models import Award, Organisation

register_snippet(
    NamedSnippetViewSet(
        model=Organisation,
        icon="group",
        menu_order=210,
        columns=["name", "short_name", "kind", "country"],
        list_filter=["kind", "country", "live"],
        search_fields=["name", "short_name", "description"],
    )
)
register_snippet(
    NamedSnippetViewSet(model=Award, icon="pick", menu_order=220, columns=["name", "awarded_by"])
)
