"""Loading the demo content leaves no failed background task: every reference index update
Wagtail queues finds its object when a worker runs it later.

Tests run tasks at once (the immediate backend), when every row still exists. In production
the database backend keeps them for `db_worker`; by then wagtail-localize had replaced the inline
rows of each new translation (speakers, participants, related people and events), and 24
updates failed with EventSpeaker.DoesNotExist and the like. So this test loads the demo into an
empty site with the database backend, then runs the queue as a worker does.
"""

import io
import logging

import pytest
from django.core.management import call_command
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, ReferenceIndex

from events.models import EventPage, EventSpeaker
from home.models import HomePage, NewsPage, Topic
from people.models import Award, Organisation


@pytest.fixture
def empty_site(db):
    """The demo site taken away again (inside the test's transaction); images stay."""
    for home in HomePage.objects.filter(depth=2):
        home.delete()
    for model in (Award, Organisation, Topic):
        model.objects.all().delete()
    assert not Page.objects.filter(depth__gt=1).exists()


def run_queue() -> None:
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    while (result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)


def test_loading_the_demo_content_leaves_no_failed_task(
    empty_site, settings, caplog, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # wagtail-localize publishes each translation when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", "--quiet-steps", stdout=io.StringIO())
    queued = DBTaskResult.objects.filter(task_path="wagtail.tasks.update_reference_index_task")
    assert queued.ready().count() > 100

    with caplog.at_level(logging.ERROR):
        run_queue()

    failed = [
        (result.args_kwargs["args"], result.exception_class_path)
        for result in DBTaskResult.objects.failed().order_by("enqueued_at")
    ]
    assert failed == []
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert queued.successful().count() == queued.count()

    # And the index is complete: a Czech event points at its speakers, a news item at its
    # related people and events.
    czech_forum = EventPage.objects.get(url_path="/cs/akce/ai-forum-cz-ua-2024/")
    speakers = EventSpeaker.objects.filter(page=czech_forum)
    assert speakers.count() == 2
    references = ReferenceIndex.get_references_for_object(czech_forum)
    assert {
        (r.model_path, r.to_object_id) for r in references if r.model_path.startswith("speakers")
    } == {("speakers.item.person", str(speaker.person_id)) for speaker in speakers}
    news = NewsPage.objects.filter(locale__language_code="uk", related_people__isnull=False).first()
    assert any(
        r.model_path.startswith("related_people")
        for r in ReferenceIndex.get_references_for_object(news)
    )
