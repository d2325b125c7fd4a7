"""Transactional tests keep the demo site: request `keep_demo_site` (before `live_server`).

A test against a live server, another process or another thread commits its database changes,
and pytest-django empties every table after it. The demo site the rest of the session relies on
is saved before the test (Django's own test serialisation) and put back after the flush.
Loaded for the whole suite by tests/conftest.py (`pytest_plugins`)."""

import json

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from pytest_django.plugin import blocking_manager_key

SNAPSHOT_ATTR = "_demo_db_snapshot"


@pytest.fixture
def keep_demo_site(request, transactional_db):
    """Request before live_server: snapshot now, restore after pytest-django's flush."""
    setattr(request.node, SNAPSHOT_ATTR, connection.creation.serialize_db_to_string())


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    snapshot = getattr(item, SNAPSHOT_ATTR, None)
    if snapshot is None:
        return
    if nextitem is None:
        # The session ends (or -x stops it): its fixtures, the test database included, are
        # already torn down, and no later test needs the demo site.
        delattr(item, SNAPSHOT_ATTR)
        return
    with item.config.stash[blocking_manager_key].unblock():
        # The flush after a transactional test recreates content types and permissions with new
        # ids; empty everything again without that, then load the saved rows.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        with transaction.atomic():
            # Content types first: building some rows (Wagtail's tasks) looks them up, which
            # would create them with other ids; then everything, in Django's dependency order.
            content_types = [
                row for row in json.loads(snapshot) if row["model"] == "contenttypes.contenttype"
            ]
            for obj in serializers.deserialize("json", json.dumps(content_types)):
                obj.save()
            ContentType.objects.clear_cache()
            connection.creation.deserialize_db_from_string(snapshot)
            # The flush restarted the id sequences; the restored rows kept their ids, so the
            # next row a later test makes must come after them, not collide with them.
            statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
        # What the caches remember of the emptied tables (Wagtail's site root paths, the API's
        # content version) must not outlive them.
        for cache in caches.all(initialized_only=True):
            cache.clear()
    delattr(item, SNAPSHOT_ATTR)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so fixtures know whether the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
