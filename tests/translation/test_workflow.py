"""Review before publish: a translator submits from wagtail-localize's editor, the live version
stays until the locale's reviewer approves; a rejection keeps the translator's work."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from events.models import EventPage
from home.models import Topic
from tests.factories import UserFactory

NEW_TITLE = "AI-форум CZ-UA 2024 (оновлено)"


@pytest.fixture
def english_forum(locales):
    return EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")


def translate_string(client, translation, source, path, value):
    segment = StringSegment.objects.get(source=source, context__path=path)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, f"value={value}", content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201), response.content
    return segment


def workflow_action(client, page, action, task_state, comment=""):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment} if comment else {})


def test_translation_goes_through_review(client, locales, english_forum):
    ukrainian = english_forum.get_translation(locales["uk"])
    old_title = ukrainian.title
    translation = Translation.objects.get(
        source__object_id=english_forum.translation_key, target_locale=locales["uk"]
    )

    # The Ukrainian translator edits the title in wagtail-localize's editor and submits.
    translator = UserFactory(groups=["Translators (uk)"])
    client.force_login(translator)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[ukrainian.pk]))
    assert editor.status_code == 200
    assert "Submit for review" in editor.content.decode()
    segment = translate_string(client, translation, translation.source, "title", NEW_TITLE)
    response = client.post(reverse("translation_review_submit", args=[translation.pk]))
    assert response.status_code == 302

    ukrainian = EventPage.objects.get(pk=ukrainian.pk)
    state = ukrainian.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Translation review"
    # The public still reads the approved version.
    assert ukrainian.live and ukrainian.title == old_title
    assert ukrainian.has_unpublished_changes
    assert ukrainian.latest_revision.as_object().title == NEW_TITLE

    task_state = state.current_task_state
    # The Czech reviewer may not moderate Ukrainian content.
    czech_reviewer = UserFactory(groups=["Reviewers (cs)"])
    assert task_state.task.specific.get_actions(ukrainian, czech_reviewer) == []
    client.force_login(czech_reviewer)
    workflow_action(client, ukrainian, "approve", task_state)
    assert EventPage.objects.get(pk=ukrainian.pk).title == old_title

    # The Ukrainian reviewer asks for changes: the work stays, nothing is published.
    reviewer = UserFactory(groups=["Reviewers (uk)"])
    client.force_login(reviewer)
    response = workflow_action(client, ukrainian, "reject", task_state, "Please check the year.")
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state.refresh_from_db()
    assert task_state.comment == "Please check the year."
    assert (
        StringTranslation.objects.get(
            translation_of=segment.string, context=segment.context, locale=locales["uk"]
        ).data
        == NEW_TITLE
    )
    assert EventPage.objects.get(pk=ukrainian.pk).title == old_title

    # The translator resubmits; the reviewer approves, which publishes.
    client.force_login(translator)
    client.post(reverse("translation_review_submit", args=[translation.pk]))
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    client.force_login(reviewer)
    workflow_action(client, ukrainian, "approve", state.current_task_state)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert EventPage.objects.get(pk=ukrainian.pk).title == NEW_TITLE


def test_translator_cannot_publish_from_the_editor(client, locales, english_forum):
    ukrainian = english_forum.get_translation(locales["uk"])
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[ukrainian.pk]), {"action": "publish"}
    )
    assert response.status_code in (302, 403)
    assert not EventPage.objects.get(pk=ukrainian.pk).has_unpublished_changes


def test_snippet_translation_goes_through_review(client, locales):
    english = Topic.objects.get(locale=locales["en"], slug="cybersecurity")
    czech = english.get_translation(locales["cs"])
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=locales["cs"]
    )
    client.force_login(UserFactory(groups=["Translators (cs)"]))
    translate_string(client, translation, translation.source, "name", "Kyberbezpečnost")
    client.post(reverse("translation_review_submit", args=[translation.pk]))
    czech = Topic.objects.get(pk=czech.pk)
    assert czech.live and czech.name == "Kybernetická bezpečnost"
    state = czech.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    task = state.current_task_state.task.specific
    assert task.get_actions(czech, UserFactory(groups=["Reviewers (uk)"])) == []
    reviewer = UserFactory(groups=["Reviewers (cs)"])
    assert [action for action, *_ in task.get_actions(czech, reviewer)] == [
        "reject",
        "approve",
        "approve",
    ]
    task.on_action(state.current_task_state, reviewer, "approve")
    czech = Topic.objects.get(pk=czech.pk)
    assert czech.live and czech.name == "Kyberbezpečnost"
