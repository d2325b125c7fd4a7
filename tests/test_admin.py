"""An editor logs in and finds the demo site in three locales in the admin."""

import pytest
from django.urls import reverse

from home.models import Topic
from people.models import Award, Organisation
from tests.factories import UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def editor_client(client, db):
    editor = UserFactory(username="editor", groups=["Editors"])
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "editor", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    client.editor = editor
    return client


def test_wrong_password_is_a_form_error_not_a_login(client, db):
    UserFactory(username="editor", groups=["Editors"])
    response = client.post(reverse("wagtailadmin_login"), {"username": "editor", "password": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_dashboard(editor_client):
    response = editor_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Czech–Ukrainian Digital Innovation" in response.content.decode()


def test_admin_pages_name_no_other_host(editor_client, settings):
    """No avatar from gravatar.com, no update check against releases.wagtail.org (offline-safe)."""
    superuser = UserFactory(username="root", is_superuser=True)  # the update check is for admins
    editor_client.force_login(superuser)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        html = editor_client.get(url).content.decode()
        assert "gravatar.com" not in html
        assert "releases.wagtail.org" not in html
        assert "data-w-upgrade-current-version-value" not in html
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = True  # the check can be turned back on
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-w-upgrade-current-version-value" in html


@pytest.mark.parametrize(
    ("code", "children"),
    [
        ("en", ["Who are we?", "Ambassadors", "Events", "What's new?"]),
        ("cs", ["Kdo jsme?", "Ambasadoři", "Akce", "Co je nového?"]),
        ("uk", ["Хто ми?", "Амбасадори", "Події", "Що нового?"]),
    ],
)
def test_page_explorer_of_each_locale(editor_client, homes, code, children):
    response = editor_client.get(reverse("wagtailadmin_explore", args=[homes[code].pk]))
    assert response.status_code == 200
    listed = [page.title for page in response.context["pages"]]
    assert sorted(listed) == sorted(children)


@pytest.mark.parametrize("code", ["cs", "uk"])
def test_translated_event_opens_in_the_editor(editor_client, locales, code):
    from events.models import EventPage

    event = EventPage.objects.get(locale=locales[code], start__date="2024-04-24", kind="forum")
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert response.status_code == 200
    assert event.title in response.content.decode()


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        (Topic, {"en": "Cybersecurity", "cs": "Kybernetická bezpečnost", "uk": "Кібербезпека"}),
        (
            Organisation,
            {
                "en": "Ukrainian Cluster Alliance",
                "cs": "Ukrajinská klastrová aliance",
                "uk": "Українська кластерна асоціація",
            },
        ),
        (
            Award,
            {
                "en": "Professionals4Ukraine",
                "cs": "Professionals4Ukraine",
                "uk": "Professionals4Ukraine — «Професіонали для України»",
            },
        ),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_snippet_listing_per_locale(editor_client, locales, model, expected):
    meta = model._meta
    url = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")
    for code, name in expected.items():
        response = editor_client.get(url, {"locale": code})
        assert response.status_code == 200
        listed = {str(obj) for obj in response.context["object_list"]}
        assert listed == {str(obj) for obj in model.objects.filter(locale=locales[code])}
        assert name in listed


def test_snippet_edit_view_of_a_translation(editor_client, locales):
    topic = Topic.objects.get(locale=locales["uk"], slug="cybersecurity")
    response = editor_client.get(reverse("wagtailsnippets_home_topic:edit", args=[topic.pk]))
    assert response.status_code == 200
    assert "Кібербезпека" in response.content.decode()


def test_organisation_listing_filters_by_kind_within_a_locale(editor_client):
    url = reverse("wagtailsnippets_people_organisation:list")
    response = editor_client.get(url, {"locale": "cs", "kind": "signatory"})
    assert response.status_code == 200
    assert sorted(str(obj) for obj in response.context["object_list"]) == [
        "Ministerstvo průmyslu a obchodu České republiky",
        "Ukrajinská klastrová aliance",
    ]
