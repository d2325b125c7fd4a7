"""Headless preview: the editor's preview link, page(previewToken:) and its refusals."""

import uuid
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.models import PagePreview
from cms.preview import SALT, make_token
from events.models import EventPage, EventPageTopic
from home.models import Topic
from tests.factories import EventPageFactory, TopicFactory, UserFactory

PREVIEW = """
query Preview($token: String!) {
  page(previewToken: $token) {
    __typename id title slug path locale isFallback
    ... on EventPage {
      summary venue city
      topics { name slug }
      translations { locale path }
    }
  }
}
"""

PUBLISHED = """
query Published($path: String!) {
  page(path: $path) {
    __typename title
    ... on EventPage { summary topics { slug } }
  }
}
"""

PREVIEW_WITH_PATH = """
query PreviewWithPath($token: String!) {
  page(previewToken: $token, path: "/en/") { title }
}
"""

FRONTENDS = {
    "en": "https://example.org/api/preview",
    "cs": "https://example.org/api/preview?site=cs",
}


@pytest.fixture
def frontends(settings):
    settings.PREVIEW_FRONTEND_URLS = FRONTENDS


def post(client, query, variables):
    return client.post(
        "/graphql/",
        data={"query": query, "variables": variables},
        content_type="application/json",
    )


def preview_link(page) -> str:
    """What the editor's Preview button opens for the page's latest draft, unchanged.

    The admin builds the page from the edit form (which starts from the latest revision) and
    calls serve_preview on it.
    """
    request = RequestFactory().get("/admin/pages/preview/")
    request.user = UserFactory(is_superuser=True)
    response = (
        Page.objects.get(pk=page.pk).get_latest_revision_as_object().serve_preview(request, "")
    )
    assert response.status_code == 302, response.content
    assert response["Cache-Control"] == "private, no-store"
    return response["Location"]


def token_of(link: str) -> str:
    return parse_qs(urlsplit(link).query)["token"][0]


@pytest.fixture
def draft_event(db):
    ai = TopicFactory(name="Preview AI", slug="preview-ai")
    cyber = TopicFactory(name="Preview cyber", slug="preview-cyber")
    event = EventPageFactory(
        title="Preview forum", slug="preview-forum", venue="Hall A", city="Prague"
    )
    event.topics.add(EventPageTopic(topic=ai))
    event.save_revision().publish()
    event = EventPage.objects.get(pk=event.pk)
    # The editor changes the text and the topics and saves a draft.
    event.title = "Preview forum (draft)"
    event.summary = "The draft summary."
    event.venue = "Hall B"
    event.topics.clear()
    event.topics.add(EventPageTopic(topic=cyber))
    event.save_revision()
    return event


def test_preview_button_opens_the_frontend_with_a_token(frontends, draft_event):
    link = preview_link(draft_event)
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == FRONTENDS["en"]
    query = parse_qs(parts.query)
    assert (query["locale"], query["type"]) == (["en"], ["EventPage"])
    data = signing.loads(query["token"][0], salt=SALT)
    assert set(data) == {"page", "preview"}
    assert data["page"] == draft_event.pk
    # The token names the stored preview: the page as the editor sees it.
    stored = PagePreview.objects.get(key=data["preview"])
    assert stored.page_id == draft_event.pk
    assert (stored.content["pk"], stored.content["title"], stored.content["venue"]) == (
        draft_event.pk,
        "Preview forum (draft)",
        "Hall B",
    )
    assert [row["topic"] for row in stored.content["topics"]] == [
        Topic.objects.get(slug="preview-cyber").pk
    ]


def test_preview_token_returns_the_draft_with_the_published_types(client, frontends, draft_event):
    response = post(client, PREVIEW, {"token": token_of(preview_link(draft_event))})
    assert response["Cache-Control"] == "private, no-store"
    assert response.json() == {
        "data": {
            "page": {
                "__typename": "EventPage",
                "id": str(draft_event.pk),
                "title": "Preview forum (draft)",
                "slug": "preview-forum",
                "path": "/en/events/preview-forum/",
                "locale": "en",
                "isFallback": False,
                "summary": "The draft summary.",
                "venue": "Hall B",
                "city": "Prague",
                "topics": [{"name": "Preview cyber", "slug": "preview-cyber"}],
                "translations": [{"locale": "en", "path": "/en/events/preview-forum/"}],
            }
        }
    }
    # The public still gets the published version, and it may be cached.
    public = post(client, PUBLISHED, {"path": "/en/events/preview-forum/"})
    assert "Cache-Control" not in public
    assert public.json()["data"] == {
        "page": {
            "__typename": "EventPage",
            "title": "Preview forum",
            "summary": "An event made by a test.",
            "topics": [{"slug": "preview-ai"}],
        }
    }


def test_preview_of_a_translation_in_progress(client, frontends, locales):
    english = EventPage.objects.get(
        url_path__endswith="/ai-forum-cz-ua-2024/", locale=locales["en"]
    )
    czech = english.get_translation(locales["cs"])
    source = TranslationSource.objects.get(object_id=english.translation_key)
    translation = Translation.objects.get(source=source, target_locale=locales["cs"])
    # The translator retranslates the title in wagtail-localize's editor and saves a draft.
    title_segment = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.filter(
        translation_of_id=title_segment.string_id,
        context_id=title_segment.context_id,
        locale=locales["cs"],
    ).update(data="AI fórum CZ-UA 2024 (rozpracovaný překlad)")
    translation.save_target(publish=False)
    czech.refresh_from_db()
    assert czech.live and czech.has_unpublished_changes

    link = preview_link(czech)
    assert link.startswith(FRONTENDS["cs"] + "&token=")
    body = post(client, PREVIEW, {"token": token_of(link)}).json()
    page = body["data"]["page"]
    assert {key: page[key] for key in ("__typename", "id", "title", "path", "locale")} == {
        "__typename": "EventPage",
        "id": str(czech.pk),
        "title": "AI fórum CZ-UA 2024 (rozpracovaný překlad)",
        "path": "/cs/akce/ai-forum-cz-ua-2024/",
        "locale": "cs",
    }
    assert page["city"] == "Praha"
    assert page["translations"] == [
        {"locale": "en", "path": "/en/events/ai-forum-cz-ua-2024/"},
        {"locale": "cs", "path": "/cs/akce/ai-forum-cz-ua-2024/"},
        {"locale": "uk", "path": "/uk/podii/ai-forum-cz-ua-2024/"},
    ]


def refused(client, token, code):
    response = post(client, PREVIEW, {"token": token})
    assert response["Cache-Control"] == "private, no-store"
    body = response.json()
    assert body["data"] == {"page": None}
    assert [error["extensions"]["code"] for error in body["errors"]] == [code]
    return body["errors"][0]["message"]


def test_expired_token_gives_an_error_and_no_content(client, frontends, draft_event, settings):
    token = token_of(preview_link(draft_event))
    settings.PREVIEW_TOKEN_MAX_AGE = -1
    message = refused(client, token, "PREVIEW_TOKEN_EXPIRED")
    assert message == "This preview link has expired; press Preview in the CMS again."


def test_tampered_and_foreign_tokens_are_refused(client, frontends, draft_event):
    token = token_of(preview_link(draft_event))
    payload, _, signature = token.rpartition(":")
    other_page = Page.objects.get(url_path__endswith="/ai-forum-cz-ua-2024/", depth=4, locale_id=1)
    forged = signing.dumps(
        {"page": other_page.pk, "revision": draft_event.latest_revision_id}, salt="other"
    )
    foreign = signing.dumps(
        {"page": draft_event.pk, "revision": draft_event.latest_revision_id},
        salt=SALT,
        key="the-secret-key-of-another-site",
    )
    for bad in (token[:-2] + "xx", payload + ":" + signature[::-1], forged, foreign, "nonsense"):
        refused(client, bad, "PREVIEW_TOKEN_INVALID")


def test_token_is_bound_to_its_page_and_stored_preview(client, frontends, draft_event, settings):
    data = signing.loads(token_of(preview_link(draft_event)), salt=SALT)
    other = Page.objects.get(url_path__endswith="/ai-forum-cz-ua-2024/", depth=4, locale_id=1)
    # A validly signed token naming another page's stored preview, or none, shows nothing.
    refused(client, make_token(other.pk, data["preview"]), "PREVIEW_NOT_FOUND")
    refused(client, make_token(draft_event.pk, str(uuid.uuid4())), "PREVIEW_NOT_FOUND")
    refused(
        client,
        signing.dumps({"page": draft_event.pk, "preview": "x"}, salt=SALT),
        "PREVIEW_TOKEN_INVALID",
    )
    # A stored preview older than the token lifetime is gone even if its token still verifies,
    # and storing a new preview deletes it.
    PagePreview.objects.filter(key=data["preview"]).update(
        created_at=timezone.now() - timedelta(seconds=settings.PREVIEW_TOKEN_MAX_AGE + 1)
    )
    message = refused(client, make_token(draft_event.pk, data["preview"]), "PREVIEW_NOT_FOUND")
    assert message == "The page or stored preview of this link no longer exists."
    preview_link(draft_event)
    assert not PagePreview.objects.filter(key=data["preview"]).exists()
    assert PagePreview.objects.filter(page_id=draft_event.pk).count() == 1


def test_preview_token_with_a_path_is_refused(client, frontends, draft_event):
    body = post(client, PREVIEW_WITH_PATH, {"token": "x"}).json()
    assert body["data"] == {"page": None}
    assert [error["extensions"]["code"] for error in body["errors"]] == ["INVALID_ARGUMENT"]


def test_preview_is_off_without_frontend_addresses(draft_event, settings):
    settings.PREVIEW_FRONTEND_URLS = {}
    assert draft_event.preview_modes == []
    settings.PREVIEW_FRONTEND_URLS = {"cs": FRONTENDS["cs"]}
    assert draft_event.preview_modes == [("", "Frontend")]
    request = RequestFactory().get("/")
    response = draft_event.serve_preview(request, "")
    assert response.status_code == 200
    assert response.content.decode() == (
        "No frontend preview address is set for 'en' (PREVIEW_FRONTEND_URLS)."
    )


def test_preview_of_a_page_that_is_not_live(client, frontends, draft_event):
    draft_event.unpublish()
    token = token_of(preview_link(draft_event))
    page = post(client, PREVIEW, {"token": token}).json()["data"]["page"]
    assert (page["title"], page["locale"], page["isFallback"], page["translations"]) == (
        "Preview forum (draft)",
        "en",
        False,
        [],  # translations lists only what the public can see
    )
    public = post(client, PUBLISHED, {"path": "/en/events/preview-forum/"}).json()
    assert public["data"] == {"page": None}


def test_admin_preview_of_a_revision_redirects_to_the_frontend(client, frontends, draft_event):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    revision = draft_event.latest_revision
    response = client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[draft_event.pk, revision.pk])
    )
    assert response.status_code == 302
    # The admin adds its own never-cache directives.
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    link = response["Location"]
    assert link.startswith(FRONTENDS["en"] + "?token=")
    page = post(client, PREVIEW, {"token": token_of(link)}).json()["data"]["page"]
    assert page["title"] == "Preview forum (draft)"
    # An older revision from the page history (the published one) previews as that revision.
    response = client.get(
        reverse(
            "wagtailadmin_pages:revisions_view",
            args=[draft_event.pk, draft_event.live_revision_id],
        )
    )
    page = post(client, PREVIEW, {"token": token_of(response["Location"])}).json()["data"]["page"]
    assert (page["title"], page["venue"], page["topics"]) == (
        "Preview forum",
        "Hall A",
        [{"name": "Preview AI", "slug": "preview-ai"}],
    )


def test_page_editor_offers_the_frontend_preview(client, frontends, draft_event):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[draft_event.pk]))
    assert response.status_code == 200
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft_event.pk])
    assert preview_url.encode() in response.content


def test_preview_of_a_translation_never_published(client, frontends, locales):
    event = EventPageFactory(title="Fresh forum", slug="fresh-forum")
    czech = event.copy_for_translation(locales["cs"])  # the translation's first draft
    czech.title = "Nové fórum"
    czech.save_revision()
    assert not czech.live
    link = preview_link(czech)
    page = post(client, PREVIEW, {"token": token_of(link)}).json()["data"]["page"]
    assert {key: page[key] for key in ("__typename", "id", "title", "locale", "isFallback")} == {
        "__typename": "EventPage",
        "id": str(czech.pk),
        "title": "Nové fórum",
        "locale": "cs",
        "isFallback": False,
    }
    assert page["path"] == "/cs/akce/fresh-forum/"
    assert page["translations"] == [{"locale": "en", "path": "/en/events/fresh-forum/"}]
    # The public gets the English page for the Czech path's translation key, flagged fallback.
    public = post(client, PUBLISHED, {"path": page["path"]}).json()["data"]["page"]
    assert public["title"] == "Fresh forum"


EDITOR_PREVIEW = """
query EditorPreview($token: String!) {
  page(previewToken: $token) {
    __typename id title slug path locale isFallback
    ... on EventPage {
      summary venue city
      topics { name slug }
      translations { locale path }
    }
  }
}
"""

PUBLIC_EVENT = """
query PublicEvent($path: String!) {
  event(path: $path) { __typename id title slug path locale isFallback summary venue city
    topics { name slug } }
}
"""


def edit_form_data(page, **changes):
    """The page editor's form as the editor leaves it, with `changes` typed in and not saved."""
    local = timezone.localtime
    topics = list(page.topics.all())
    data = {
        "title": page.title,
        "slug": page.slug,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "kind": page.kind,
        "start": local(page.start).strftime("%Y-%m-%d %H:%M"),
        "end": local(page.end).strftime("%Y-%m-%d %H:%M") if page.end else "",
        "time_zone": page.time_zone,
        "city": page.city,
        "venue": page.venue,
        "address": page.address,
        "online_url": page.online_url,
        "registration_url": page.registration_url,
        "summary": page.summary,
        "topics": inline_formset(
            [
                {"id": row.pk or "", "topic": row.topic_id, "ORDER": i}
                for i, row in enumerate(topics)
            ],
            initial=len(topics),
        ),
        "organisers": inline_formset([]),
        "speakers": inline_formset([]),
        "participants": inline_formset([]),
        "programme": streamfield([]),
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_editor_previews_unsaved_edits_in_the_frontend(client, frontends, locales):
    """The admin journey: type, press Preview (nothing saved), the frontend shows the edits."""
    ai = TopicFactory(name="Journey AI", slug="journey-ai")
    event = EventPageFactory(
        title="Journey forum", slug="journey-forum", venue="Hall A", city="Prague"
    )
    event.topics.add(EventPageTopic(topic=ai))
    event.save_revision().publish()
    event = EventPage.objects.get(pk=event.pk)
    revisions_before = event.revisions.count()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    # The editor types a new title and summary and presses Preview: Wagtail's preview endpoint
    # gets the form by POST and shows it by GET.
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[event.pk])
    form = edit_form_data(
        event, title="Journey forum (unsaved)", summary="The unsaved summary.", venue="Hall C"
    )
    posted = client.post(preview_url, form)
    assert posted.status_code == 200
    assert posted.json() == {"is_valid": True, "is_available": True}
    shown = client.get(preview_url)
    assert shown.status_code == 302
    assert {"private", "no-store"} <= {part.strip() for part in shown["Cache-Control"].split(",")}
    link = shown["Location"]
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == FRONTENDS["en"]
    query = parse_qs(parts.query)
    assert (query["locale"], query["type"]) == (["en"], ["EventPage"])

    # Nothing was saved: no new revision, the page's own fields are the published ones.
    event.refresh_from_db()
    assert event.revisions.count() == revisions_before
    assert (event.title, event.summary, event.has_unpublished_changes) == (
        "Journey forum",
        "An event made by a test.",
        False,
    )

    # The frontend follows the redirect and asks for the preview by its token.
    response = post(client, EDITOR_PREVIEW, {"token": query["token"][0]})
    assert response["Cache-Control"] == "private, no-store"
    assert response.json() == {
        "data": {
            "page": {
                "__typename": "EventPage",
                "id": str(event.pk),
                "title": "Journey forum (unsaved)",
                "slug": "journey-forum",
                "path": "/en/events/journey-forum/",
                "locale": "en",
                "isFallback": False,
                "summary": "The unsaved summary.",
                "venue": "Hall C",
                "city": "Prague",
                "topics": [{"name": "Journey AI", "slug": "journey-ai"}],
                "translations": [{"locale": "en", "path": "/en/events/journey-forum/"}],
            }
        }
    }

    # The public still reads the published event.
    public = post(client, PUBLIC_EVENT, {"path": "/en/events/journey-forum/"})
    assert "Cache-Control" not in public
    assert public.json() == {
        "data": {
            "event": {
                "__typename": "EventPage",
                "id": str(event.pk),
                "title": "Journey forum",
                "slug": "journey-forum",
                "path": "/en/events/journey-forum/",
                "locale": "en",
                "isFallback": False,
                "summary": "An event made by a test.",
                "venue": "Hall A",
                "city": "Prague",
                "topics": [{"name": "Journey AI", "slug": "journey-ai"}],
            }
        }
    }


def test_translator_previews_strings_not_yet_saved_to_the_page(client, frontends, locales):
    """wagtail-localize's editor: a retranslated string shows in the preview before Save."""
    english = EventPage.objects.get(
        url_path__endswith="/ai-forum-cz-ua-2024/", locale=locales["en"]
    )
    czech = english.get_translation(locales["cs"])
    revisions_before = czech.revisions.count()
    source = TranslationSource.objects.get(object_id=english.translation_key)
    translation = Translation.objects.get(source=source, target_locale=locales["cs"])
    title_segment = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.filter(
        translation_of_id=title_segment.string_id,
        context_id=title_segment.context_id,
        locale=locales["cs"],
    ).update(data="AI fórum CZ-UA 2024 (neuložený překlad)")

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    shown = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert shown.status_code == 302
    link = shown["Location"]
    assert link.startswith(FRONTENDS["cs"] + "&token=")
    assert czech.revisions.count() == revisions_before  # nothing saved to the page

    page = post(client, PREVIEW, {"token": token_of(link)}).json()["data"]["page"]
    assert {key: page[key] for key in ("__typename", "id", "title", "path", "locale")} == {
        "__typename": "EventPage",
        "id": str(czech.pk),
        "title": "AI fórum CZ-UA 2024 (neuložený překlad)",
        "path": "/cs/akce/ai-forum-cz-ua-2024/",
        "locale": "cs",
    }
    public = post(client, PUBLISHED, {"path": "/cs/akce/ai-forum-cz-ua-2024/"}).json()
    assert public["data"]["page"]["title"] == czech.title != page["title"]
