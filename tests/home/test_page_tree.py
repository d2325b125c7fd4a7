"""Editors can only build a sensible tree: each page type under its allowed parents only."""

import pytest
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from people.models import PeopleIndexPage, PersonPage
from tests.factories import UserFactory

ALLOWED_PARENTS = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage},
    NewsIndexPage: {HomePage},
    NewsPage: {NewsIndexPage},
    EventIndexPage: {HomePage},
    EventPage: {EventIndexPage},
    PeopleIndexPage: {HomePage},
    PersonPage: {PeopleIndexPage},
}
PAGE_TYPES = list(ALLOWED_PARENTS)
PARENT_TYPES = [Page, *PAGE_TYPES]


@pytest.fixture
def parents(db):
    """One page of every type, with an empty home page for the one-per-site index pages."""
    root = Page.get_first_root_node()
    full_home = root.add_child(instance=HomePage(title="Tree", slug="tree-test", intro="Tree"))
    empty_home = root.add_child(instance=HomePage(title="Empty", slug="tree-empty", intro="-"))
    standard = full_home.add_child(instance=StandardPage(title="Standard", slug="standard"))
    news_index = full_home.add_child(instance=NewsIndexPage(title="News", slug="news"))
    events = full_home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    people = full_home.add_child(instance=PeopleIndexPage(title="People", slug="people"))
    return {
        Page: root,
        HomePage: empty_home,
        StandardPage: standard,
        NewsIndexPage: news_index,
        NewsPage: news_index.add_child(
            instance=NewsPage(title="N", slug="n", date="2024-01-01", summary="s")
        ),
        EventIndexPage: events,
        EventPage: events.add_child(
            instance=EventPage(
                title="E", slug="e", start="2024-01-01T10:00Z", end="2024-01-01T12:00Z", summary="s"
            )
        ),
        PeopleIndexPage: people,
        PersonPage: people.add_child(instance=PersonPage(title="P", slug="p")),
    }


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_each_page_type_declares_exactly_its_parents(page_type):
    assert set(page_type.allowed_parent_page_models()) == ALLOWED_PARENTS[page_type]


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
@pytest.mark.parametrize("parent_type", PARENT_TYPES, ids=lambda model: f"under-{model.__name__}")
def test_page_can_be_created_only_under_allowed_parents(parents, page_type, parent_type):
    expected = parent_type in ALLOWED_PARENTS[page_type]
    assert page_type.can_create_at(parents[parent_type]) is expected


def test_one_index_of_each_kind_per_home(homes):
    for home in homes.values():
        for index_type in (NewsIndexPage, EventIndexPage, PeopleIndexPage):
            assert index_type.objects.child_of(home).count() == 1
            assert index_type.can_create_at(home) is False


@pytest.mark.parametrize(
    ("page_type", "parent_type", "allowed"),
    [
        (EventPage, EventIndexPage, True),
        (EventPage, NewsIndexPage, False),
        (EventPage, HomePage, False),
        (NewsPage, NewsIndexPage, True),
        (NewsPage, EventIndexPage, False),
        (PersonPage, PeopleIndexPage, True),
        (PersonPage, StandardPage, False),
        (StandardPage, StandardPage, True),
        (StandardPage, NewsIndexPage, False),
        (HomePage, Page, True),
        (HomePage, HomePage, False),
    ],
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_admin_offers_the_create_form_only_under_allowed_parents(
    client, parents, page_type, parent_type, allowed
):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    meta = page_type._meta
    url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parents[parent_type].pk}/"
    response = client.get(url, follow=True)
    assert response.status_code == 200
    if allowed:
        assert response.redirect_chain == []
        assert response.context["page_class"] is page_type
    else:
        # Wagtail's permission refusal: back to the dashboard with its message.
        assert response.redirect_chain == [("/admin/", 302)]
        messages = [str(message).strip() for message in response.context["messages"]]
        assert messages == ["Sorry, you do not have permission to access this area."]
