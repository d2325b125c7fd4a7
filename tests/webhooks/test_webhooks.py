"""Publish webhooks, sent to a real HTTP receiver on 127.0.0.1 that the tests start."""

import hashlib
import hmac
import json

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms.webhooks.delivery import retry_delay
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from home.models import Topic
from tests.factories import EventPageFactory, TopicFactory, UserFactory

SECRET = "test-webhook-secret"
ALL_EVENTS = [event.value for event in WebhookEvent]
FORUM_CS = "/cs/akce/ai-forum-cz-ua-2024/"


@pytest.fixture
def endpoint(receiver, db):
    return WebhookEndpoint.objects.create(
        name="Test frontend", url=receiver.url, secret=SECRET, events=ALL_EVENTS
    )


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run the code, then what waits for the commit: the webhook tasks (immediate backend)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def verified(request) -> dict:
    expected = "sha256=" + hmac.new(SECRET.encode(), request["body"], hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request["headers"]["X-Webhook-Signature"], expected)
    return json.loads(request["body"])


def test_publishing_a_page_posts_a_signed_delivery(receiver, endpoint, sent):
    event = sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    [request] = receiver.requests
    payload = verified(request)
    delivery = WebhookDelivery.objects.get()
    assert payload == {
        "deliveryId": str(delivery.uuid),
        "event": "page.published",
        "occurredAt": payload["occurredAt"],
        "type": "EventPage",
        "id": str(event.pk),
        "locale": "en",
        "path": "/en/events/hook-event/",
        "translations": [],
    }
    headers = request["headers"]
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Webhook-Event"] == "page.published"
    assert headers["X-Webhook-Delivery"] == str(delivery.uuid)
    assert (delivery.status, delivery.attempts, delivery.response_code, delivery.error) == (
        "succeeded",
        1,
        200,
        "",
    )
    assert delivery.payload == payload


def test_a_tampered_body_does_not_verify(receiver, endpoint, sent):
    sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    [request] = receiver.requests
    with pytest.raises(AssertionError):
        verified({**request, "body": request["body"].replace(b"hook-event", b"evil-event")})


def test_translation_published_goes_to_endpoints_of_its_locale(receiver, endpoint, sent, locales):
    endpoint.locales.set([locales["cs"]])
    uk_only = WebhookEndpoint.objects.create(
        name="Ukrainian site", url=receiver.url + "/uk", secret=SECRET, events=ALL_EVENTS
    )
    uk_only.locales.set([locales["uk"]])
    forum = Page.objects.get(url_path__endswith="/ai-forum-cz-ua-2024/", locale=locales["cs"])
    sent(lambda: forum.specific.save_revision().publish())
    [request] = receiver.requests
    payload = verified(request)
    en = Page.objects.get(url_path__endswith="/ai-forum-cz-ua-2024/", locale=locales["en"])
    uk = Page.objects.get(url_path__endswith="/ai-forum-cz-ua-2024/", locale=locales["uk"])
    assert {key: value for key, value in payload.items() if key != "occurredAt"} == {
        "deliveryId": str(WebhookDelivery.objects.get().uuid),
        "event": "translation.published",
        "type": "EventPage",
        "id": str(forum.pk),
        "locale": "cs",
        "path": FORUM_CS,
        "translations": [
            {"id": str(en.pk), "locale": "en", "path": "/en/events/ai-forum-cz-ua-2024/"},
            {"id": str(uk.pk), "locale": "uk", "path": "/uk/podii/ai-forum-cz-ua-2024/"},
        ],
    }


def test_endpoint_without_translation_event_gets_page_published(receiver, endpoint, sent, locales):
    endpoint.events = ["page.published"]
    endpoint.save()
    forum = Page.objects.get(url_path__endswith="/ai-forum-cz-ua-2024/", locale=locales["cs"])
    sent(lambda: forum.specific.save_revision().publish())
    assert [p["event"] for p in receiver.payloads()] == ["page.published"]


def test_a_failing_receiver_is_retried_until_it_answers(receiver, endpoint, sent):
    receiver.statuses = [500, 503, 200]
    sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    assert len(receiver.requests) == 3
    bodies = {request["body"] for request in receiver.requests}
    assert len(bodies) == 1  # the same delivery, the same signature, every time
    assert {verified(request)["deliveryId"] for request in receiver.requests} == {
        str(WebhookDelivery.objects.get().uuid)
    }
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 3, 200)
    assert delivery.next_attempt_at is None


def test_delivery_gives_up_after_the_last_attempt(receiver, endpoint, sent, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    receiver.statuses = [500, 500, 500, 500]
    sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    assert len(receiver.requests) == 3
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code, delivery.error) == (
        "failed",
        3,
        500,
        "The receiver answered 500.",
    )


def test_a_timeout_is_retried(receiver, endpoint, sent, settings):
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.3
    # The first answer comes too late; the receiver is quick again for the retry.
    receiver.delays = [0.6]
    sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 2, 200)
    assert len(receiver.requests) == 2


def test_an_unreachable_receiver_is_logged(endpoint, sent, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    endpoint.url = "http://127.0.0.1:9/nothing-listens-here"
    endpoint.save()
    sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("failed", 2, None)
    # What failed, without the socket's details (errno, address, port): those go to the log.
    assert delivery.error == "The connection failed."


def test_backoff_doubles(settings):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 30
    assert [retry_delay(attempts) for attempts in (1, 2, 3, 4)] == [30, 60, 120, 240]


def test_nothing_is_sent_for_a_draft_save(receiver, endpoint, sent, locales):
    event = sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    receiver.requests.clear()
    WebhookDelivery.objects.all().delete()

    def edit_draft():
        event.title = "Hook event, draft title"
        event.save_revision()
        topic = Topic.objects.filter(locale=locales["en"]).first()
        topic.name = "Draft name"
        topic.save_revision()

    sent(edit_draft)
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_deleting_a_live_page_unpublishes_then_deletes(receiver, endpoint, sent, locales):
    event = sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    receiver.requests.clear()
    sent(lambda: Page.objects.get(pk=event.pk).delete())
    assert [
        {
            key: value
            for key, value in verified(r).items()
            if key not in ("deliveryId", "occurredAt")
        }
        for r in receiver.requests
    ] == [
        {
            "event": name,
            "type": "EventPage",
            "id": str(event.pk),
            "locale": "en",
            "path": "/en/events/hook-event/",
            "translations": [],
        }
        for name in ("page.unpublished", "page.deleted")
    ]


def test_unpublish_and_move_payloads(receiver, endpoint, sent, locales):
    from events.models import EventIndexPage

    event = sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    news_index = Page.objects.get(url_path__endswith="/news/", locale=locales["en"])
    receiver.requests.clear()
    sent(lambda: event.unpublish())
    sent(lambda: Page.objects.get(pk=event.pk).move(news_index, pos="last-child"))
    sent(
        lambda: Page.objects.get(pk=event.pk).move(
            EventIndexPage.objects.get(locale=locales["en"]), pos="last-child"
        )
    )
    assert [
        (p["event"], p["path"], p.get("oldPath")) for p in (verified(r) for r in receiver.requests)
    ] == [
        ("page.unpublished", "/en/events/hook-event/", None),
        ("page.moved", "/en/news/hook-event/", "/en/events/hook-event/"),
        ("page.moved", "/en/events/hook-event/", "/en/news/hook-event/"),
    ]


def test_snippet_published_unpublished_deleted(receiver, endpoint, sent):
    topic = sent(lambda: TopicFactory(name="Hooks", slug="hooks"))
    sent(lambda: topic.unpublish())
    pk = topic.pk
    sent(lambda: topic.delete())
    assert [
        {
            key: value
            for key, value in verified(r).items()
            if key not in ("deliveryId", "occurredAt")
        }
        for r in receiver.requests
    ] == [
        {
            "event": event,
            "type": "Topic",
            "id": str(pk),
            "locale": "en",
            "path": None,
            "translations": [],
        }
        for event in ("snippet.published", "snippet.unpublished", "snippet.deleted")
    ]


def test_inactive_endpoint_and_unsubscribed_events_get_nothing(receiver, endpoint, sent):
    endpoint.events = ["snippet.published"]
    endpoint.save()
    sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    endpoint.active = False
    endpoint.events = ALL_EVENTS
    endpoint.save()
    sent(lambda: TopicFactory(name="Hooks", slug="hooks"))
    assert receiver.requests == []


def test_admin_manages_endpoints_and_shows_the_delivery_log(client, receiver, endpoint, sent):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    receiver.statuses = [500, 200]
    sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    delivery = WebhookDelivery.objects.get()

    index = client.get(reverse("webhook_endpoints:index"))
    assert index.status_code == 200 and b"Test frontend" in index.content
    add = client.get(reverse("webhook_endpoints:add"))
    assert add.status_code == 200 and b"translation.published" in add.content
    created = client.post(
        reverse("webhook_endpoints:add"),
        {
            "name": "Second frontend",
            "url": "https://example.org/hooks",
            "secret": "another-secret",
            "events": ["page.published", "page.unpublished"],
            "active": "on",
        },
    )
    assert created.status_code == 302, created.content
    second = WebhookEndpoint.objects.get(name="Second frontend")
    assert second.events == ["page.published", "page.unpublished"]

    log = client.get(reverse("webhook_deliveries:index"))
    assert log.status_code == 200
    assert b"page.published" in log.content and b"Succeeded" in log.content
    inspect = client.get(reverse("webhook_deliveries:inspect", args=[delivery.pk]))
    assert inspect.status_code == 200 and str(delivery.uuid).encode() in inspect.content
    assert client.get(reverse("webhook_deliveries:add")).status_code == 302
    assert client.get(reverse("webhook_deliveries:edit", args=[delivery.pk])).status_code == 302


def test_a_scheduled_publication_is_sent_when_it_goes_live(receiver, endpoint, sent):
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Revision

    event = sent(lambda: EventPageFactory(title="Hook event", slug="hook-event"))
    sent(lambda: event.unpublish())
    receiver.requests.clear()
    event.go_live_at = timezone.now() + dt.timedelta(hours=1)
    revision = sent(lambda: event.save_revision())
    sent(lambda: revision.publish())
    assert receiver.requests == []

    past = timezone.now() - dt.timedelta(seconds=1)
    Page.objects.filter(pk=event.pk).update(go_live_at=past)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at == past
    sent(lambda: call_command("publish_scheduled"))
    assert [(p["event"], p["path"]) for p in receiver.payloads()] == [
        ("page.published", "/en/events/hook-event/")
    ]
