from wagtail.snippets.models import register_snippet

from cms.admin import NamedSnippetViewSet

from .models import Topic

register_snippet(
    NamedSnippetViewSet(model=Topic, icon="tag", menu_order=200, columns=["name", "slug"])
)
