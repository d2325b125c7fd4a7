"""Machine translation with the dummy backend: strings are marked as machine-made, the status
and the review step show it, and they stay marked until a person edits or approves them."""

from django.conf import settings
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.translation.report import build_rows
from cms.translation.workflow import machine_translated_strings
from events.models import EventPage
from tests.factories import UserFactory


def test_machine_translation_is_marked_until_reviewed(client, locales):
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("DummyTranslator")
    english = EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")
    ukrainian = english.get_translation(locales["uk"])
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=locales["uk"]
    )
    segments = StringSegment.objects.filter(source=translation.source)
    StringTranslation.objects.filter(
        locale=locales["uk"], translation_of__in=segments.values("string")
    ).delete()

    translator = UserFactory(groups=["Translators (uk)"])
    client.force_login(translator)
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    machine = machine_translated_strings(translation)
    assert len(machine) == segments.count()
    assert {string.tool_name for string in machine} == {"Dummy translator"}

    # The report and the editor (what the reviewer opens) show it.
    row = next(r for r in build_rows(["uk"]) if r.title == english.title)
    assert row.status == "machine-translated"
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[ukrainian.pk]))
    assert "data-machine-translated" in editor.content.decode()

    # A person edits one string: that one is no longer machine-made.
    title = segments.get(context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title.pk])
    body = "value=AI-форум CZ-UA 2024"
    client.put(url, body, content_type="application/x-www-form-urlencoded")
    assert len(machine_translated_strings(translation)) == segments.count() - 1

    # Submitted and approved: the rest count as reviewed.
    client.post(reverse("translation_review_submit", args=[translation.pk]))
    state = EventPage.objects.get(pk=ukrainian.pk).current_workflow_state
    reviewer = UserFactory(groups=["Reviewers (uk)"])
    state.current_task_state.task.specific.on_action(state.current_task_state, reviewer, "approve")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert machine_translated_strings(translation) == []


def test_translator_cannot_machine_translate_another_locale(client, locales):
    english = EventPage.objects.get(locale=locales["en"], slug="ai-forum-cz-ua-2024")
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=locales["cs"]
    )
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
