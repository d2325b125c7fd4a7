"""No way past review, beside the action tables (test_actions.py): the editor's sync with
"Publish", who is told of a submission, the live row kept on submit, the reviewers' queue in the
report, publishing new snippets, and what wagtail-localize's editor offers."""

import json
import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from home.models import Topic
from tests.factories import UserFactory

NEW_PARAGRAPH = "A new English paragraph, not yet translated."
MEMORANDUM = "/en/who-are-we/memorandum/"


@pytest.fixture
def memorandum(locales):
    english = Page.objects.get(url_path=MEMORANDUM).specific
    return {code: english.get_translation(locales[code]).specific for code in ("en", "cs", "uk")}


def translation_of(obj, locale):
    return Translation.objects.get(source__object_id=obj.translation_key, target_locale=locale)


def submit(client, user, obj, locale):
    client.force_login(user)
    response = client.post(
        reverse("translation_review_submit", args=[translation_of(obj, locale).pk])
    )
    assert response.status_code == 302
    return response


# --- "Sync translated pages" with "Publish" --------------------------------------------------


def add_english_paragraph(english):
    english.body.append(("paragraph", RichText(f"<p>{NEW_PARAGRAPH}</p>")))
    english.save_revision().publish()


def sync_and_publish(client, user, english):
    client.force_login(user)
    source = TranslationSource.objects.get(object_id=english.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.get(url).status_code == 200
    return client.post(url, {"publish_translations": "on"})


def test_editors_sync_with_publish_makes_drafts_in_cs_and_uk(
    client, memorandum, django_capture_on_commit_callbacks
):
    add_english_paragraph(memorandum["en"])
    live = {code: (page.live_revision_id, str(page.body)) for code, page in memorandum.items()}

    with django_capture_on_commit_callbacks(execute=True):
        response = sync_and_publish(client, UserFactory(groups=["Editors"]), memorandum["en"])

    assert response.status_code == 302
    shown = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "Updated as drafts, not published: Czech, Ukrainian" in shown
    for code in ("cs", "uk"):
        page = Page.objects.get(pk=memorandum[code].pk).specific
        # The public still reads the approved version; the new paragraph waits in a draft.
        assert (page.live_revision_id, str(page.body)) == live[code]
        assert NEW_PARAGRAPH not in str(page.body)
        assert page.live and page.has_unpublished_changes
        assert NEW_PARAGRAPH in json.dumps(page.latest_revision.content)


def test_a_superusers_sync_with_publish_still_publishes(
    client, memorandum, django_capture_on_commit_callbacks
):
    add_english_paragraph(memorandum["en"])
    with django_capture_on_commit_callbacks(execute=True):
        response = sync_and_publish(client, UserFactory(is_superuser=True), memorandum["en"])
    assert response.status_code == 302
    assert "drafts" not in " ".join(str(m) for m in get_messages(response.wsgi_request))
    czech = Page.objects.get(pk=memorandum["cs"].pk).specific
    assert NEW_PARAGRAPH in str(czech.body)


# --- submitting: who is told, what stays live --------------------------------------------------


def recipients():
    return {address for message in mail.outbox for address in message.to}


@pytest.mark.parametrize("kind", ["page", "snippet"])
def test_a_submission_is_mailed_to_the_reviewers_of_its_locale_only(client, locales, kind):
    czech_reviewer = UserFactory(groups=["Reviewers (cs)"])
    ukrainian_reviewer = UserFactory(groups=["Reviewers (uk)"])
    admin = UserFactory(is_superuser=True)
    if kind == "page":
        english = Page.objects.get(url_path=MEMORANDUM)
    else:
        english = Topic.objects.get(locale=locales["en"], slug="cybersecurity")
    mail.outbox.clear()

    submit(client, UserFactory(groups=["Translators (cs)"]), english, locales["cs"])

    told = recipients()
    assert czech_reviewer.email in told
    assert ukrainian_reviewer.email not in told
    assert admin.email in told  # superusers, as Wagtail tells them


def test_the_task_names_the_reviewers_of_the_objects_locale(locales, memorandum):
    czech = memorandum["cs"]
    task = czech.get_workflow().tasks.get().specific
    assert [group.name for group in task.reviewer_groups_for(czech)] == ["Reviewers (cs)"]
    assert [group.name for group in task.reviewer_groups_for(memorandum["uk"])] == [
        "Reviewers (uk)"
    ]


def test_submitting_keeps_the_live_rows_publishing_history(client, locales, memorandum):
    czech = memorandum["cs"]
    before = (czech.live_revision_id, czech.last_published_at, czech.first_published_at)
    assert before[0] is not None and before[1] is not None

    submit(client, UserFactory(groups=["Translators (cs)"]), memorandum["en"], locales["cs"])

    czech = Page.objects.get(pk=czech.pk).specific
    assert czech.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert (czech.live_revision_id, czech.last_published_at, czech.first_published_at) == before
    assert czech.live and czech.has_unpublished_changes
    assert czech.latest_revision_id != before[0]


def test_submitting_a_snippet_keeps_its_publishing_history(client, locales):
    english = Topic.objects.get(locale=locales["en"], slug="cybersecurity")
    czech = english.get_translation(locales["cs"])
    before = (czech.live_revision_id, czech.last_published_at, czech.first_published_at)

    submit(client, UserFactory(groups=["Translators (cs)"]), english, locales["cs"])

    czech = Topic.objects.get(pk=czech.pk)
    assert (czech.live_revision_id, czech.last_published_at, czech.first_published_at) == before
    assert czech.live and czech.current_workflow_state is not None


# --- the reviewers' queue ------------------------------------------------------------------------


def test_a_submitted_translation_is_awaiting_review_in_the_report(client, locales, memorandum):
    title = memorandum["en"].title
    submit(client, UserFactory(groups=["Translators (cs)"]), memorandum["en"], locales["cs"])

    client.force_login(UserFactory(groups=["Reviewers (cs)"]))
    url = reverse("translation_status_report")
    rows = client.get(url, {"status": "awaiting review"}).context["rows"]
    assert [(row.title, row.locale) for row in rows] == [(title, "cs")]
    assert rows[0].edit_url == reverse("wagtailadmin_pages:edit", args=[memorandum["cs"].pk])

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-status="awaiting review">1<' in html

    # Approved, it leaves the queue.
    state = Page.objects.get(pk=memorandum["cs"].pk).specific.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, UserFactory(is_superuser=True), "approve")
    assert client.get(url, {"status": "awaiting review"}).context["rows"] == []


# --- publishing new snippets, and what the editors offer -------------------------------------


def test_editors_may_not_publish_a_new_or_copied_snippet_outside_english(client, locales):
    client.force_login(UserFactory(groups=["Editors"]))
    add = reverse("wagtailsnippets_home_topic:add")
    data = {"name": "Nové téma", "slug": "nove-tema", "description": "", "action-publish": "1"}

    response = client.post(f"{add}?locale=cs", data)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not Topic.objects.filter(slug="nove-tema").exists()

    # Saved as a draft it is fine (it then goes through review), and in English it publishes.
    del data["action-publish"]
    client.post(f"{add}?locale=cs", data)
    assert not Topic.objects.get(slug="nove-tema", locale=locales["cs"]).live
    client.post(f"{add}?locale=en", {**data, "action-publish": "1"})
    assert Topic.objects.get(slug="nove-tema", locale=locales["en"]).live

    # The create form does not offer "Publish" in Czech.
    html = client.get(f"{add}?locale=cs").content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-publish"' in client.get(f"{add}?locale=en").content.decode()


def editor_props(client, url) -> dict:
    html = client.get(url).content.decode()
    start = html.index('data-props="') + len('data-props="')
    raw = html[start : html.index('"', start)]
    return json.loads(raw.replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&"))


def test_the_translation_editor_offers_what_the_role_allows(client, locales, memorandum):
    url = reverse("wagtailadmin_pages:edit", args=[memorandum["cs"].pk])

    client.force_login(UserFactory(groups=["Translators (cs)"]))
    props = editor_props(client, url)
    assert props["perms"]["canPublish"] is False
    assert props["links"]["convertToAliasUrl"] is None

    client.force_login(UserFactory(groups=["Reviewers (cs)"]))
    props = editor_props(client, url)
    assert props["perms"]["canPublish"] is True
    assert props["links"]["convertToAliasUrl"]

    # Editors hold the model's publish permission on topics, but not in Czech.
    topic = Topic.objects.get(locale=locales["cs"], slug="cybersecurity")
    client.force_login(UserFactory(groups=["Editors"]))
    props = editor_props(client, reverse("wagtailsnippets_home_topic:edit", args=[topic.pk]))
    assert props["perms"]["canPublish"] is False


def test_a_snippet_translation_under_review_opens_for_its_reviewer(client, locales):
    english = Topic.objects.get(locale=locales["en"], slug="cybersecurity")
    submit(client, UserFactory(groups=["Translators (cs)"]), english, locales["cs"])
    czech = english.get_translation(locales["cs"])

    client.force_login(UserFactory(groups=["Reviewers (cs)"]))
    response = client.get(reverse("wagtailsnippets_home_topic:edit", args=[czech.pk]))
    assert response.status_code == 200
    assert reverse("wagtailsnippets_home_topic:workflow_history", args=[czech.pk]) in (
        response.content.decode()
    )


def test_a_translator_converting_to_an_alias_changes_nothing_live(client, locales, memorandum):
    czech = memorandum["cs"]
    client.force_login(UserFactory(groups=["Translators (cs)"]))
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[czech.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    czech = Page.objects.get(pk=czech.pk).specific
    assert czech.alias_of_id is None
    assert czech.title == memorandum["cs"].title
    assert translation_of(memorandum["en"], locales["cs"]).enabled
    assert StringSegment.objects.filter(source__object_id=czech.translation_key).exists()


# --- the translation editor's action bar and "Save draft" -----------------------------------


def action_bar(client, url) -> list[str]:
    """The actions of the editor's action bar, main action first."""
    html = client.get(url).content.decode()
    bar = html[
        html.index("data-translation-actions") : html.index(
            "</footer>", html.index("data-translation-actions")
        )
    ]
    return re.findall(r'data-translation-action="([a-z-]+)"', bar)


def test_the_action_bar_leads_with_submit_for_review_unless_one_may_publish(
    client, locales, memorandum
):
    page_url = reverse("wagtailadmin_pages:edit", args=[memorandum["cs"].pk])
    topic = Topic.objects.get(locale=locales["cs"], slug="cybersecurity")
    topic_url = reverse("wagtailsnippets_home_topic:edit", args=[topic.pk])

    client.force_login(UserFactory(groups=["Translators (cs)"]))
    assert action_bar(client, page_url) == [
        "submit-for-review",
        "save-draft",
        "stop-translation",
        "lock",
    ]
    assert action_bar(client, topic_url) == ["submit-for-review", "save-draft", "stop-translation"]

    # Editors may edit Czech content but not publish it: they submit, as translators do.
    client.force_login(UserFactory(groups=["Editors"]))
    assert action_bar(client, page_url)[0] == "submit-for-review"
    assert "convert-to-alias" not in action_bar(client, page_url)

    # The locale's reviewers publish (their approval), and may convert to an alias.
    client.force_login(UserFactory(groups=["Reviewers (cs)"]))
    assert action_bar(client, page_url) == [
        "publish",
        "save-draft",
        "submit-for-review",
        "stop-translation",
        "lock",
        "convert-to-alias",
        "delete",
        "unpublish",
    ]
    assert action_bar(client, topic_url) == [
        "publish",
        "save-draft",
        "submit-for-review",
        "stop-translation",
    ]


def test_save_draft_keeps_the_live_version_and_asks_for_no_review(client, locales, memorandum):
    czech = memorandum["cs"]
    translation = translation_of(memorandum["en"], locales["cs"])
    url = reverse("translation_review_save_draft", args=[translation.pk])
    before = (czech.live_revision_id, czech.title, czech.revisions.count())

    # Another locale's translator is refused, and nothing is saved.
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert Page.objects.get(pk=czech.pk).specific.revisions.count() == before[2]

    client.force_login(UserFactory(groups=["Translators (cs)"]))
    response = client.post(url)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[czech.pk])
    czech = Page.objects.get(pk=czech.pk).specific
    assert (czech.live_revision_id, czech.title) == before[:2]
    assert czech.revisions.count() == before[2] + 1
    assert czech.live and czech.has_unpublished_changes
    assert czech.current_workflow_state is None
