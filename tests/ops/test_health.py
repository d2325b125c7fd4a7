"""/healthz and /readyz (cms/health.py): liveness without the database, readiness of the
database and the cache, 503 naming the failing check, and recovery without a restart."""

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

from .conftest import BROKEN_CACHE

READY = {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_healthz_answers_without_the_database(client):
    # No database fixture: any query would fail the request (pytest-django blocks them).
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_healthz_answers_while_the_database_is_down(client, database):
    database.down()
    response = client.get("/healthz")
    assert response.status_code == 200


@pytest.mark.django_db
def test_readyz_is_ok_with_database_and_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == READY
    assert response["Cache-Control"] == "no-store"
    assert "Retry-After" not in response


def test_readyz_only_answers_get_and_head(client):
    assert client.post("/readyz").status_code == 405
    assert client.head("/healthz").status_code == 200


def test_readyz_fails_while_the_database_is_unreachable_and_recovers(client, database, caplog):
    assert client.get("/readyz").status_code == 200
    database.down()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "OperationalError", "cache": "ok"},
    }
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    # One WARNING line of its own, not django.request's ERROR for every probe.
    assert [(r.name, r.levelname) for r in caplog.records if r.levelname != "DEBUG"] == [
        ("cms.health", "WARNING")
    ]
    assert "database=OperationalError" in caplog.records[-1].getMessage()

    database.up()  # no restart, nothing else done
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    assert response.json() == READY


def test_readyz_replaces_a_killed_connection(client, database):
    assert client.get("/readyz").status_code == 200
    database.kill_backend()
    # The broken connection is dropped and the check made again on a new one.
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    assert response.json() == READY


@pytest.mark.django_db
def test_readyz_names_a_database_error(client, monkeypatch, settings):
    settings.OUTAGE_RETRY_AFTER_SECONDS = 7

    def fail(self, sql, params=None):
        raise OperationalError("server closed the connection unexpectedly")

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", fail)
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "OperationalError", "cache": "ok"}
    assert response["Retry-After"] == "7"
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_fails_with_a_broken_cache_and_recovers(client, settings):
    working = settings.CACHES
    settings.CACHES = {"default": BROKEN_CACHE}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "ConnectionError"},
    }
    assert response["Retry-After"] == "5"
    settings.CACHES = working
    assert client.get("/readyz").json() == READY


def test_health_checks_are_exempt_from_the_https_redirect(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/graphql/").status_code == 301
