"""Permission matrix: each role × each locale × view/edit/submit/publish, for pages and snippets.

view: the admin editor opens (200); anything else is a refusal (403 or Wagtail's redirect with
its permission message). edit/submit/publish: what the permission checks of the admin allow.
"""

import pytest
from django.urls import reverse

from cms.translation.roles import user_can_edit_object, user_can_publish_object
from events.models import EventPage
from home.models import Topic
from people.models import Award, Organisation
from tests.factories import UserFactory

LOCALES = ("en", "cs", "uk")
FULL = {"view", "edit", "submit", "publish"}
NO_PUBLISH = {"view", "edit", "submit"}
NOTHING = set()

EXPECTED = {
    "Editors": {"en": FULL, "cs": NO_PUBLISH, "uk": NO_PUBLISH},
    # Wagtail's Moderators publish English only; cs and uk go through "Translation review".
    "Moderators": {"en": FULL, "cs": NO_PUBLISH, "uk": NO_PUBLISH},
    "Translators (cs)": {"en": NOTHING, "cs": NO_PUBLISH, "uk": NOTHING},
    "Translators (uk)": {"en": NOTHING, "cs": NOTHING, "uk": NO_PUBLISH},
    "Reviewers (cs)": {"en": NOTHING, "cs": FULL, "uk": NOTHING},
    "Reviewers (uk)": {"en": NOTHING, "cs": NOTHING, "uk": FULL},
}


def page_rights(client, user, page) -> set[str]:
    perms = page.permissions_for_user(user)
    rights = set()
    if client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200:
        rights.add("view")
    if perms.can_edit():
        rights.add("edit")
    if perms.can_edit() and perms.can_submit_for_moderation():
        rights.add("submit")
    if perms.can_publish():
        rights.add("publish")
    return rights


def snippet_rights(client, user, snippet) -> set[str]:
    meta = snippet._meta
    url = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[snippet.pk])
    rights = set()
    if client.get(url).status_code == 200:
        rights.add("view")
    if user_can_edit_object(user, snippet):
        rights.update({"edit", "submit"})
    if user_can_publish_object(user, snippet):
        rights.add("publish")
    return rights


@pytest.fixture
def forum(locales):
    english = EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")
    return {code: english.get_translation(locales[code]) for code in LOCALES}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_page_matrix(client, forum, role):
    user = UserFactory(groups=[role])
    client.force_login(user)
    actual = {code: page_rights(client, user, forum[code]) for code in LOCALES}
    assert actual == EXPECTED[role]


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize(
    ("model", "lookup"),
    [
        (Topic, {"slug": "cybersecurity"}),
        (Organisation, {"short_name": "UCA"}),
        (Award, {}),
    ],
    ids=["topic", "organisation", "award"],
)
def test_snippet_matrix(client, locales, role, model, lookup):
    user = UserFactory(groups=[role])
    client.force_login(user)
    english = model.objects.filter(locale=locales["en"], **lookup).first()
    actual = {
        code: snippet_rights(client, user, english.get_translation(locales[code]))
        for code in LOCALES
    }
    assert actual == EXPECTED[role]


def test_translator_cannot_save_another_locales_string_and_keeps_their_own(client, forum):
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    user = UserFactory(groups=["Translators (uk)"])
    client.force_login(user)
    english = forum["en"]
    segment = StringSegment.objects.filter(
        source__object_id=english.translation_key, context__path="summary"
    ).get()

    def put(code, value):
        translation = Translation.objects.get(
            source=segment.source, target_locale=forum[code].locale
        )
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        return client.put(url, f"value={value}", content_type="application/x-www-form-urlencoded")

    assert put("uk", "Мій переклад").status_code == 200
    assert put("cs", "Cizí překlad").status_code == 403
    assert (
        StringTranslation.objects.get(
            translation_of=segment.string, context=segment.context, locale=forum["uk"].locale
        ).data
        == "Мій переклад"
    )
    assert not StringTranslation.objects.filter(
        translation_of=segment.string, locale=forum["cs"].locale, data="Cizí překlad"
    ).exists()


def test_translator_refused_on_another_locales_snippet_post(client, locales):
    topic = Topic.objects.get(locale=locales["cs"], slug="cybersecurity")
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    url = reverse("wagtailsnippets_home_topic:edit", args=[topic.pk])
    response = client.post(url, {"name": "hacked", "slug": "cybersecurity"})
    # Wagtail's admin answers PermissionDenied with its permission message and a redirect.
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    topic.refresh_from_db()
    assert topic.name == "Kybernetická bezpečnost"
