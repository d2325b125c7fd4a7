"""Querysets compiled once per process and run with new values (cms/db/precompiled.py): the
answers are those of the queryset built anew, whatever the values; the SQL is compiled once per
key; a value the SQL would not read is refused when the query is compiled."""

import datetime as dt
import threading
import uuid

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.db import precompiled
from cms.visibility import PublicScope, visible
from events.models import EventPage

pytestmark = pytest.mark.django_db

FORUM = "/en/events/ai-forum-cz-ua-2024/"


def new_key() -> tuple:
    """A key no other test used: the cache outlives a test."""
    return ("test", uuid.uuid4())


def pages_by_id(ids):
    return Page.objects.filter(pk__any=ids).order_by("pk")


def test_every_run_answers_as_the_queryset_built_with_its_values():
    all_ids = list(Page.objects.order_by("pk").values_list("pk", flat=True))
    assert len(all_ids) > 20  # the demo site
    key = new_key()
    runs = [all_ids[:1], all_ids[3:6], all_ids[::3], [all_ids[5], all_ids[5], -1], []]
    with CaptureQueriesContext(connection) as queries:
        answers = [[page.pk for page in precompiled.run(key, pages_by_id, ids)] for ids in runs]
    assert answers == [
        all_ids[:1],
        all_ids[3:6],
        all_ids[::3],
        [all_ids[5]],
        [],
    ]
    assert answers == [
        [page.pk for page in Page.objects.filter(pk__in=ids).order_by("pk")] for ids in runs
    ]
    # One statement for any number of ids: the list is one array parameter.
    compiled = precompiled._compiled[key]
    assert compiled.sql.count("= ANY(%s)") == 1
    assert len(queries) == len(runs)
    assert all('"wagtailcore_page"."id" = ANY(' in query["sql"] for query in queries)


def test_the_sql_is_compiled_once_per_key(monkeypatch):
    key = new_key()
    ids = list(Page.objects.values_list("pk", flat=True)[:4])
    precompiled.run(key, pages_by_id, ids)
    compiled = precompiled._compiled[key]
    built = []
    monkeypatch.setattr(Page.objects, "filter", lambda **kwargs: built.append(kwargs))

    again = precompiled.run(key, pages_by_id, ids[:2])

    assert built == []
    assert precompiled._compiled[key] is compiled
    assert sorted(page.pk for page in again) == sorted(ids[:2])


def test_the_time_is_a_value_of_the_run_not_part_of_the_sql(locales):
    forum = Page.objects.get(url_path=FORUM)
    now = timezone.now()
    Page.objects.filter(pk=forum.pk).update(
        go_live_at=now + dt.timedelta(hours=1), expire_at=now + dt.timedelta(hours=3)
    )
    scope = PublicScope.of_site(None)
    en = Locale.objects.get(language_code="en")
    key = new_key()

    def forum_visible_at(moment):
        return precompiled.run(
            key,
            lambda ids, now: visible(EventPage, scope, en, now=now).filter(pk__any=ids),
            [forum.pk],
            moment,
        )

    assert forum_visible_at(now) == []  # before its go-live time
    assert [page.pk for page in forum_visible_at(now + dt.timedelta(hours=2))] == [forum.pk]
    assert forum_visible_at(now + dt.timedelta(hours=4)) == []  # expired
    compiled = precompiled._compiled[key]
    assert sum(isinstance(p, precompiled.TimeSlot) for p in compiled.params) == 2
    assert [type(page) for page in forum_visible_at(now + dt.timedelta(hours=2))] == [EventPage]


def test_a_snippet_query_that_reads_no_time_is_run_without_one(locales):
    from home.models import Topic

    topics = list(Topic.objects.filter(live=True).order_by("pk")[:2])
    assert len(topics) == 2
    scope = PublicScope.of_site(None)
    found = precompiled.run(
        new_key(),
        lambda keys, now: visible(Topic, scope, topics[0].locale, now=now).filter(
            translation_key__any=keys
        ),
        [topic.translation_key for topic in topics],
        timezone.now(),
    )
    assert {topic.pk for topic in found} == {
        topic.pk for topic in topics if topic.locale_id == topics[0].locale_id
    }


def test_a_value_the_sql_would_not_read_is_refused():
    with pytest.raises(ValueError, match="<list slot> not in the compiled query's parameters"):
        precompiled.run(new_key(), lambda ids: Page.objects.filter(depth=1), [1])
    with pytest.raises(ValueError, match="<time slot> not in the compiled query's parameters"):
        precompiled.run(
            new_key(),
            lambda now: Page.objects.filter(go_live_at__lte=now + dt.timedelta(0)),
            timezone.now(),
        )


def test_values_list_queries_keep_their_rows(locales):
    ids = list(Page.objects.order_by("pk").values_list("pk", flat=True)[:5])
    rows = precompiled.run(
        new_key(),
        lambda ids: Page.objects.filter(pk__any=ids).order_by("pk").values_list("pk", "depth"),
        ids,
    )
    assert rows == list(Page.objects.filter(pk__in=ids).order_by("pk").values_list("pk", "depth"))


def test_other_databases_build_the_queryset_each_time_with_in(monkeypatch):
    """The SQLite of `make run`: no arrays, the lookup is IN and nothing is kept."""
    ids = list(Page.objects.order_by("pk").values_list("pk", flat=True)[:3])
    monkeypatch.setattr(connection, "vendor", "sqlite")
    key = new_key()

    sql, params = pages_by_id([*ids, ids[0]]).query.get_compiler("default").as_sql()
    found = precompiled.run(key, pages_by_id, ids)

    assert '"wagtailcore_page"."id" IN (%s, %s, %s)' in sql
    assert params == tuple(ids)
    assert [page.pk for page in found] == ids
    assert key not in precompiled._compiled
    assert precompiled.run(key, pages_by_id, []) == []


def test_a_query_compiled_in_one_thread_runs_in_another_on_its_own_connection():
    """gunicorn's threads (and the browser tests' live server) share the compiled SQL; each runs
    it on its own database connection."""
    ids = list(Page.objects.order_by("pk").values_list("pk", flat=True)[:3])
    key = new_key()
    assert [page.pk for page in precompiled.run(key, pages_by_id, ids)] == ids
    answers, connections_used = [], []

    def other_thread():
        try:
            answers.append([page.pk for page in precompiled.run(key, pages_by_id, ids[1:])])
            connections_used.append(connections["default"])
        except Exception as error:  # noqa: BLE001 - handed to the test's thread
            answers.append(error)
        finally:
            connections["default"].close()

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()

    assert answers == [ids[1:]]
    assert connections_used[0] is not connection


def test_in_bulk_answers_as_djangos():
    ids = list(EventPage.objects.order_by("pk").values_list("pk", flat=True)[:4])
    assert len(ids) == 4
    found = precompiled.in_bulk(EventPage, [*ids, -1])
    assert found == EventPage.objects.in_bulk(ids)
    assert all(type(page) is EventPage for page in found.values())
    assert precompiled.in_bulk(EventPage, []) == {}
