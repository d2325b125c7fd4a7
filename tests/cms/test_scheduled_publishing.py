"""go_live_at and expire_at hold in every public output at once; publish_scheduled catches up."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, Revision

from cms.scheduling import run_publish_scheduled
from events.models import EventPage
from tests.factories import EventPageFactory

EVENT = """
query Event($path: String!) {
  event(path: $path) { title path }
  events(pagination: {limit: 100}) { totalCount results { path } }
  sitemap(locale: "en", pagination: {limit: 100}) { totalCount results { path } }
}
"""

PATH = "/en/events/scheduled-event/"


def public_view(graphql, client):
    """What the public sees of the test event, through the API and the calendar."""
    data = graphql(EVENT, {"path": PATH})["data"]
    feed = client.get("/events/calendar.ics").content.decode()
    return {
        "event": data["event"],
        "inListing": PATH in [item["path"] for item in data["events"]["results"]],
        "inSitemap": PATH in [item["path"] for item in data["sitemap"]["results"]],
        "inCalendar": "Scheduled event" in feed,
    }


VISIBLE = {
    "event": {"title": "Scheduled event", "path": PATH},
    "inListing": True,
    "inSitemap": True,
    "inCalendar": True,
}
HIDDEN = {"event": None, "inListing": False, "inSitemap": False, "inCalendar": False}


def time_passes(page, revision):
    """The scheduled go-live time is reached (as publish_scheduled will then see it)."""
    past = timezone.now() - dt.timedelta(seconds=1)
    Page.objects.filter(pk=page.pk).update(go_live_at=past)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def make_event(**fields) -> EventPage:
    event = EventPageFactory(title="Scheduled event", slug="scheduled-event", **fields)
    return EventPage.objects.get(pk=event.pk)


def test_expiry_holds_at_once_without_publish_scheduled(graphql, client):
    event = make_event()
    event.expire_at = timezone.now() + dt.timedelta(hours=1)
    event.save_revision().publish()
    assert public_view(graphql, client) == VISIBLE

    # The expiry time passes; publish_scheduled has not run, the page is still flagged live.
    EventPage.objects.filter(pk=event.pk).update(expire_at=timezone.now() - dt.timedelta(seconds=1))
    assert Page.objects.filter(pk=event.pk, live=True, expired=False).exists()
    assert public_view(graphql, client) == HIDDEN
    assert client.get(f"/events/{event.pk}.ics").status_code == 404

    call_command("publish_scheduled")
    assert Page.objects.filter(pk=event.pk, live=False, expired=True).exists()
    assert public_view(graphql, client) == HIDDEN


def test_scheduled_first_publication_goes_live_with_publish_scheduled(graphql, client):
    event = make_event()
    event.unpublish()
    event.go_live_at = timezone.now() + dt.timedelta(hours=1)
    revision = event.save_revision()
    revision.publish()
    event.refresh_from_db()
    assert (event.live, event.go_live_at is not None) == (False, True)
    assert public_view(graphql, client) == HIDDEN

    # The go-live time comes; a live page before its go_live_at would be hidden by the API too.
    Page.objects.filter(pk=event.pk).update(live=True)
    assert public_view(graphql, client) == HIDDEN
    Page.objects.filter(pk=event.pk).update(live=False)

    time_passes(event, revision)
    call_command("publish_scheduled")
    assert public_view(graphql, client) == VISIBLE


def test_scheduled_change_of_a_live_page_keeps_the_live_version_until_go_live(graphql, client):
    event = make_event()
    event.title = "Scheduled event, new title"
    event.go_live_at = timezone.now() + dt.timedelta(hours=1)
    revision = event.save_revision()
    revision.publish()
    assert graphql(EVENT, {"path": PATH})["data"]["event"]["title"] == "Scheduled event"

    time_passes(event, revision)
    call_command("publish_scheduled")
    assert graphql(EVENT, {"path": PATH})["data"]["event"]["title"] == "Scheduled event, new title"


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def scheduled_runs():
    return list(
        DBTaskResult.objects.filter(task_path="cms.scheduling.run_publish_scheduled")
        .order_by("run_after")
        .values_list("run_after", flat=True)
    )


def test_go_live_and_expiry_are_enqueued_for_their_moment(
    graphql, client, database_tasks, django_capture_on_commit_callbacks
):
    go_live = (timezone.now() + dt.timedelta(hours=1)).replace(microsecond=0)
    expire = go_live + dt.timedelta(days=7)
    event = make_event()
    event.unpublish()
    event.go_live_at = go_live
    event.expire_at = expire
    with django_capture_on_commit_callbacks(execute=True):
        revision = event.save_revision()
        revision.publish()
    assert scheduled_runs() == [go_live]

    # At go-live the worker runs the task: the page goes live, and its expiry gets its own run.
    time_passes(event, revision)
    with django_capture_on_commit_callbacks(execute=True):
        run_publish_scheduled.call()
    assert public_view(graphql, client) == VISIBLE
    assert scheduled_runs() == [go_live, expire]


def test_nothing_is_enqueued_without_a_schedule(
    db, database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_event().save_revision().publish()
    assert scheduled_runs() == []
