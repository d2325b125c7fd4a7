"""Translations follow their source into drafts (cms/translation/sync.py): an editor's publish
syncs the cs and uk translations in the background, as drafts that keep every translated string;
the live translations stay until a reviewer approves; translators "Update from source" in their
own locale only; outdated strings are shown in the translation editor; snippets alike."""

import json
import re
import uuid

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.translation.models import SourceChange
from cms.translation.report import build_rows
from home.models import StandardPage, Topic
from people.models import Award, Organisation
from tests.factories import UserFactory

CODES = ("cs", "uk")

# Every English string of the test page and its Czech and Ukrainian translations.
TEXTS = {
    "Keeping current": {"cs": "Aktuálnost", "uk": "Актуальність"},
    "keeping-current": {"cs": "aktualnost", "uk": "aktualnist"},
    "How translations follow their source.": {
        "cs": "Jak překlady následují zdroj.",
        "uk": "Як переклади йдуть за джерелом.",
    },
    "The network links Czech and Ukrainian clusters.": {
        "cs": "Síť propojuje české a ukrajinské klastry.",
        "uk": "Мережа поєднує чеські та українські кластери.",
    },
    "Members meet twice a year.": {
        "cs": "Členové se scházejí dvakrát ročně.",
        "uk": "Учасники зустрічаються двічі на рік.",
    },
    "Every event is open to partners.": {
        "cs": "Každá akce je otevřená partnerům.",
        "uk": "Кожен захід відкритий для партнерів.",
    },
    "Join the network": {"cs": "Přidejte se k síti", "uk": "Приєднуйтеся до мережі"},
}
PARAGRAPHS = [
    "The network links Czech and Ukrainian clusters.",
    "Members meet twice a year.",
    "Every event is open to partners.",
]
CHANGED = "Members meet four times a year, online and in Brno."
NEW_TRANSLATION = {
    "cs": "Členové se scházejí čtyřikrát ročně, online i v Brně.",
    "uk": "Учасники зустрічаються чотири рази на рік, онлайн і в Брно.",
}

PAGE_QUERY = """
query ($id: ID!, $locale: String!) {
  page(id: $id, locale: $locale, fallback: false) {
    title locale isFallback
    translationStatus { percentTranslated isOutdated }
    ... on StandardPage { intro body { ... on ParagraphBlock { html } } }
  }
}
"""


# --- content made as the demo makes it: English, then cs and uk translated and published -------


def translate(obj, texts, codes=CODES) -> dict[str, Translation]:
    """Translate `obj` into `codes` with `texts` (English string -> {code: text}), publish."""
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    translations = {}
    for code in codes:
        locale = Locale.objects.get(language_code=code)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=texts[segment.string.data][code],
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
        translation.save_target(publish=False)
        target = translation.get_target_instance()
        (target.specific if isinstance(target, Page) else target).latest_revision.publish()
        translations[code] = translation
    return translations


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=["Editors"])


def call_to_action(page: Page) -> dict:
    """A button to an English page: wagtail-localize's editor shows its page chooser, which
    asks the admin API about that page."""
    value = {"text": "Join the network", "page": page.pk, "url": ""}
    return {"type": "call_to_action", "value": value, "id": str(uuid.uuid4())}


def make_translated_page(editor) -> StandardPage:
    """The English test page, published by the editor, translated into cs and uk."""
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    page = StandardPage(
        title="Keeping current",
        slug="keeping-current",
        intro="How translations follow their source.",
        body=[*(paragraph(text) for text in PARAGRAPHS), call_to_action(home)],
    )
    home.add_child(instance=page)
    page.save_revision(user=editor).publish(user=editor)
    translate(page, TEXTS)
    return StandardPage.objects.get(pk=page.pk)


@pytest.fixture
def translated_page(editor):
    return make_translated_page(editor)


def version(page, code) -> StandardPage:
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def change_second_paragraph(page, user, text=CHANGED):
    """What the editor does in Wagtail's page editor: one paragraph changed, then Publish."""
    body = list(page.body.raw_data)
    body[1] = {**body[1], "value": f"<p>{text}</p>"}
    page.body = body
    page.save_revision(user=user).publish(user=user)


def publish_as_editor(page, user, capture):
    """Publish, then run what waits for the commit (the sync's enqueue) as the commit would."""
    with capture(execute=False) as callbacks:
        change_second_paragraph(page, user)
    return callbacks


def paragraphs_of(revision_content) -> list[str]:
    body = revision_content["body"]
    if isinstance(body, str):
        body = json.loads(body)
    return [block["value"] for block in body if block["type"] == "paragraph"]


def html(texts) -> list[dict]:
    """The body as PAGE_QUERY asks for it: the paragraphs, then the call to action."""
    return [*({"html": f"<p>{text}</p>"} for text in texts), {}]


def translated(code, texts=PARAGRAPHS) -> list[str]:
    return [TEXTS[text][code] if text in TEXTS else text for text in texts]


# --- (a) one paragraph changes: drafts keep every translated string, the live stays -----------


def test_publishing_syncs_translations_into_drafts_and_nothing_translated_is_lost(
    client, graphql, translated_page, editor, django_capture_on_commit_callbacks
):
    before = {code: version(translated_page, code) for code in CODES}
    live = {code: (page.live_revision_id, page.latest_revision_id) for code, page in before.items()}

    callbacks = publish_as_editor(translated_page, editor, django_capture_on_commit_callbacks)

    # The editor's request only queued the sync: nothing happened to the translations yet.
    for code in CODES:
        page = version(translated_page, code)
        assert (page.live_revision_id, page.latest_revision_id) == live[code]
    for callback in callbacks:
        callback()

    for code in CODES:
        page = version(translated_page, code)
        # A new draft; the live revision and the row the public reads stay as they were.
        assert page.live and page.has_unpublished_changes
        assert page.live_revision_id == live[code][0]
        assert page.latest_revision_id != live[code][1]
        assert page.latest_revision.user == editor
        assert [block.value.source for block in page.body if block.block_type == "paragraph"] == [
            f"<p>{text}</p>" for text in translated(code)
        ]
        # The draft: the new English paragraph (untranslated, the source's text) between the
        # two translated paragraphs, which survive with their exact texts, as do the others.
        draft = page.latest_revision.content
        assert paragraphs_of(draft) == [
            f"<p>{TEXTS[PARAGRAPHS[0]][code]}</p>",
            f"<p>{CHANGED}</p>",
            f"<p>{TEXTS[PARAGRAPHS[2]][code]}</p>",
        ]
        assert (draft["title"], draft["slug"], draft["intro"]) == (
            TEXTS["Keeping current"][code],
            TEXTS["keeping-current"][code],
            TEXTS["How translations follow their source."][code],
        )

        # The API still serves the approved translation, and says it is outdated.
        answer = graphql(PAGE_QUERY, {"id": str(translated_page.pk), "locale": code})
        assert answer["data"]["page"] == {
            "title": TEXTS["Keeping current"][code],
            "locale": code,
            "isFallback": False,
            "translationStatus": {"percentTranslated": 86, "isOutdated": True},
            "intro": TEXTS["How translations follow their source."][code],
            "body": html(translated(code)),
        }

    assert report(translated_page) == {"cs": ("in progress", 86), "uk": ("in progress", 86)}
    # What changed is recorded for the digest: one string.
    change = SourceChange.objects.get()
    segment = StringSegment.objects.get(string__data=CHANGED)
    assert change.strings == [[segment.context_id, segment.string_id]]


def report(english) -> dict[str, tuple[str, int]]:
    """The translation report's status and percentage per locale for one English page."""
    return {
        row.locale: (row.status, row.percent) for row in build_rows() if row.source_id == english.pk
    }


def translate_string(client, translation, string, value):
    segment = StringSegment.objects.get(source=translation.source, string__data=string)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, f"value={value}", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 201, response.content


def approve(client, page, reviewer):
    client.force_login(reviewer)
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url)
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("code", CODES)
def test_the_translator_translates_the_new_string_and_the_reviewer_approves(
    client, graphql, translated_page, editor, code, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change_second_paragraph(translated_page, editor)
    page = version(translated_page, code)
    translation = Translation.objects.get(
        source__object_id=translated_page.translation_key, target_locale=page.locale
    )

    client.force_login(UserFactory(groups=[f"Translators ({code})"]))
    translate_string(client, translation, CHANGED, NEW_TRANSLATION[code])
    # Translated, not yet approved: the live translation still says what the source said.
    assert report(translated_page)[code] == ("outdated", 100)
    response = client.post(reverse("translation_review_submit", args=[translation.pk]))
    assert response.status_code == 302
    page = version(translated_page, code)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    answer = graphql(PAGE_QUERY, {"id": str(translated_page.pk), "locale": code})
    assert answer["data"]["page"]["body"] == html(translated(code))  # not yet approved

    assert report(translated_page)[code] == ("awaiting review", 100)

    approve(client, page, UserFactory(groups=[f"Reviewers ({code})"]))

    answer = graphql(PAGE_QUERY, {"id": str(translated_page.pk), "locale": code})
    assert answer["data"]["page"] == {
        "title": TEXTS["Keeping current"][code],
        "locale": code,
        "isFallback": False,
        "translationStatus": {"percentTranslated": 100, "isOutdated": False},
        "intro": TEXTS["How translations follow their source."][code],
        "body": html(
            [TEXTS[PARAGRAPHS[0]][code], NEW_TRANSLATION[code], TEXTS[PARAGRAPHS[2]][code]]
        ),
    }
    assert report(translated_page)[code] == ("up to date", 100)


def test_a_translation_under_review_is_not_redrafted(
    client, translated_page, editor, django_capture_on_commit_callbacks
):
    """Approving publishes the latest revision: a sync's draft would put text live that the
    reviewers never saw, so the sync leaves a translation under review alone."""
    czech = version(translated_page, "cs")
    czech.get_workflow().start(czech, UserFactory(groups=["Translators (cs)"]))
    submitted = version(translated_page, "cs").latest_revision_id

    with django_capture_on_commit_callbacks(execute=True):
        change_second_paragraph(translated_page, editor)

    assert version(translated_page, "cs").latest_revision_id == submitted
    ukrainian = version(translated_page, "uk")
    assert CHANGED in json.dumps(ukrainian.latest_revision.content)


def test_publishing_by_code_and_with_auto_sync_off_syncs_nothing(
    settings, translated_page, editor, django_capture_on_commit_callbacks
):
    latest = {code: version(translated_page, code).latest_revision_id for code in CODES}
    with django_capture_on_commit_callbacks(execute=True):
        change_second_paragraph(translated_page, None)  # the demo loader, a data script
    settings.TRANSLATION_AUTO_SYNC = False
    with django_capture_on_commit_callbacks(execute=True):
        change_second_paragraph(translated_page, editor, "Changed again.")
    assert {code: version(translated_page, code).latest_revision_id for code in CODES} == latest
    assert not SourceChange.objects.exists()


# --- (b) Update from source: the translator's own locale only ---------------------------------


def edit_page(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def update_url(translation) -> str:
    return reverse("translation_update_from_source", args=[translation.pk])


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.fixture
def changed_without_sync(settings, translated_page, editor):
    """The English page changed while auto-sync was off: the translations wait for an update."""
    settings.TRANSLATION_AUTO_SYNC = False
    change_second_paragraph(translated_page, editor)
    return {
        code: Translation.objects.get(
            source__object_id=translated_page.translation_key,
            target_locale__language_code=code,
        )
        for code in CODES
    }


def test_the_czech_translator_updates_the_czech_translation_from_source(
    client, translated_page, changed_without_sync
):
    czech, ukrainian = version(translated_page, "cs"), version(translated_page, "uk")
    before = {"cs": czech.latest_revision_id, "uk": ukrainian.latest_revision_id}
    client.force_login(UserFactory(groups=["Translators (cs)"]))

    # Offered in the editor, the page header and the listing, for the Czech page only.
    editor_html = client.get(edit_page(czech)).content.decode()
    assert f'action="{update_url(changed_without_sync["cs"])}"' in editor_html
    listing = client.get(reverse("wagtailadmin_explore", args=[czech.get_parent().pk]))
    assert update_url(changed_without_sync["cs"]) in listing.content.decode()
    confirm = client.get(update_url(changed_without_sync["cs"]))
    assert confirm.status_code == 200
    assert "Your translated strings stay" in confirm.content.decode()

    response = client.post(update_url(changed_without_sync["cs"]))

    assert response.status_code == 302 and response.url == edit_page(czech)
    assert messages_of(response) == [
        "Updated 'Aktuálnost' in Czech from its source as a draft: 1 new or changed string to "
        "translate. The live version stays until a reviewer approves."
    ]
    czech = version(translated_page, "cs")
    assert paragraphs_of(czech.latest_revision.content) == [
        f"<p>{TEXTS[PARAGRAPHS[0]]['cs']}</p>",
        f"<p>{CHANGED}</p>",
        f"<p>{TEXTS[PARAGRAPHS[2]]['cs']}</p>",
    ]
    assert czech.latest_revision_id != before["cs"] and czech.live_revision_id == before["cs"]
    # The Ukrainian translation is not touched (its editor shows the new source string).
    assert version(translated_page, "uk").latest_revision_id == before["uk"]


def test_the_czech_translator_may_not_update_the_ukrainian_translation(
    client, translated_page, changed_without_sync
):
    ukrainian = version(translated_page, "uk")
    before = ukrainian.latest_revision_id
    client.force_login(UserFactory(groups=["Translators (cs)"]))
    listing = client.get(reverse("wagtailadmin_explore", args=[ukrainian.get_parent().pk]))
    assert update_url(changed_without_sync["uk"]) not in listing.content.decode()

    for method in (client.get, client.post):
        response = method(update_url(changed_without_sync["uk"]))
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        assert messages_of(response) == [
            "You may update only the translations you translate: 'Актуальність' in Ukrainian "
            "is translated by its own language's translators.",
            "Sorry, you do not have permission to access this area.",
        ]
        client.get(response.url)  # where the messages are shown (and consumed)
    assert version(translated_page, "uk").latest_revision_id == before
    assert not SourceChange.objects.exists()


# --- outdated strings in the translation editor ------------------------------------------------


def test_the_editor_shows_the_strings_changed_since_the_last_publish(
    client, translated_page, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change_second_paragraph(translated_page, editor)
    ukrainian = version(translated_page, "uk")
    translation = Translation.objects.get(
        source__object_id=translated_page.translation_key, target_locale=ukrainian.locale
    )
    client.force_login(UserFactory(groups=["Translators (uk)"]))

    page = client.get(edit_page(ukrainian)).content.decode()
    assert 'data-outdated-strings="1"' in page
    assert (
        "1 string changed since this translation was last published. It is highlighted below; "
        "the live version keeps its old text until a reviewer approves the translation."
    ) in page
    assert (
        f'<li data-outdated-string data-translated="false"><strong>Body</strong>: '
        f"&lt;p&gt;{CHANGED}&lt;/p&gt;"
    ) not in page  # strings are shown as the editor shows them, without block markup
    assert (
        f'<li data-outdated-string data-translated="false"><strong>Body</strong>: {CHANGED} '
        "<em>(to translate)</em></li>"
    ) in page
    data = json.loads(re.search(r'id="translation-outdated-strings"[^>]*>(.*?)</script>', page)[1])
    assert data == {"strings": [CHANGED], "label": "Changed since last published"}

    # Translated in the draft: still outdated (not published), marked as translated.
    translate_string(client, translation, CHANGED, NEW_TRANSLATION["uk"])
    page = client.get(edit_page(ukrainian)).content.decode()
    assert (
        f'<li data-outdated-string data-translated="true"><strong>Body</strong>: {CHANGED} '
        "<em>(translated in the draft)</em></li>"
    ) in page

    # Approved: nothing is outdated any more.
    client.post(reverse("translation_review_submit", args=[translation.pk]))
    approve(client, version(translated_page, "uk"), UserFactory(groups=["Reviewers (uk)"]))
    client.force_login(UserFactory(groups=["Translators (uk)"]))
    page = client.get(edit_page(ukrainian)).content.decode()
    assert "data-outdated-strings" not in page


def test_translators_read_the_english_pages_their_editor_points_at(client, homes):
    """The editor's page chooser of a synchronised page (the call to action's English page)
    asks the admin API; the explorer still lists only the translator's own tree."""
    client.force_login(UserFactory(groups=["Translators (uk)"]))

    response = client.get(f"/admin/api/main/pages/{homes['en'].pk}/")

    assert response.status_code == 200
    assert (response.json()["id"], response.json()["title"]) == (homes["en"].pk, homes["en"].title)
    assert client.get(f"/admin/api/main/pages/{homes['cs'].pk}/").status_code == 404
    explorer = client.get("/admin/api/main/pages/", {"child_of": "root", "for_explorer": "1"})
    assert [item["id"] for item in explorer.json()["items"]] == [homes["uk"].pk]


# --- (d) snippets: topics, organisations, awards -----------------------------------------------

SNIPPET_TEXTS = {
    "Sync test snippet": {"cs": "Testovací úryvek", "uk": "Тестовий фрагмент"},
    "STS": {"cs": "TÚ", "uk": "ТФ"},
    "The first description.": {"cs": "První popis.", "uk": "Перший опис."},
}
NEW_DESCRIPTION = "The description, rewritten."
SNIPPETS = {
    Topic: {"slug": "sync-test-snippet"},
    Organisation: {"short_name": "STS", "kind": "member", "country": "CZ"},
    Award: {},
}


@pytest.mark.parametrize("model", list(SNIPPETS), ids=lambda model: model.__name__)
def test_snippets_sync_into_drafts_too(graphql, editor, model, django_capture_on_commit_callbacks):
    english = model(
        name="Sync test snippet",
        description="The first description.",
        locale=Locale.get_default(),
        **SNIPPETS[model],
    )
    english.save()
    english.save_revision(user=editor).publish(user=editor)
    translate(english, SNIPPET_TEXTS)

    english.description = NEW_DESCRIPTION
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision(user=editor).publish(user=editor)

    for code in CODES:
        snippet = model.objects.get(
            translation_key=english.translation_key, locale__language_code=code
        )
        assert snippet.live and snippet.has_unpublished_changes
        # Live: the approved translation; the draft: the new English description, the
        # translated name kept.
        assert (snippet.name, snippet.description) == (
            SNIPPET_TEXTS["Sync test snippet"][code],
            SNIPPET_TEXTS["The first description."][code],
        )
        draft = snippet.latest_revision.as_object()
        assert (draft.name, draft.description) == (
            SNIPPET_TEXTS["Sync test snippet"][code],
            NEW_DESCRIPTION,
        )
        if model is Organisation:
            assert draft.short_name == SNIPPET_TEXTS["STS"][code]


def test_update_from_source_for_snippets_in_ones_own_locale_only(client, editor, settings, locales):
    settings.TRANSLATION_AUTO_SYNC = False
    english = Topic(
        name="Sync test snippet",
        slug="sync-test-snippet",
        description="The first description.",
        locale=locales["en"],
    )
    english.save()
    english.save_revision(user=editor).publish(user=editor)
    translations = translate(english, SNIPPET_TEXTS)
    english.description = NEW_DESCRIPTION
    english.save_revision(user=editor).publish(user=editor)
    czech, ukrainian = (english.get_translation(locales[code]) for code in CODES)
    client.force_login(UserFactory(groups=["Translators (cs)"]))

    listing = client.get(reverse("wagtailsnippets_home_topic:list"), {"locale": "cs"})
    assert update_url(translations["cs"]) in listing.content.decode()
    response = client.post(update_url(translations["cs"]))

    assert response.url == reverse("wagtailsnippets_home_topic:edit", args=[czech.pk])
    assert messages_of(response) == [
        "Updated 'Testovací úryvek' in Czech from its source as a draft: 1 new or changed "
        "string to translate. The live version stays until a reviewer approves."
    ]
    draft = Topic.objects.get(pk=czech.pk).latest_revision.as_object()
    assert (draft.name, draft.description) == ("Testovací úryvek", NEW_DESCRIPTION)
    assert Topic.objects.get(pk=czech.pk).description == "První popis."
    client.get(response.url)

    response = client.post(update_url(translations["uk"]))
    assert response.url == reverse("wagtailadmin_home")
    assert messages_of(response)[0] == (
        "You may update only the translations you translate: 'Тестовий фрагмент' in "
        "Ukrainian is translated by its own language's translators."
    )
    assert Topic.objects.get(pk=ukrainian.pk).latest_revision_id == ukrainian.latest_revision_id
