"""Production settings pass `check --deploy`; introspection and GraphiQL follow their settings."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
URL = "/graphql/"


def production_env(**overrides) -> dict:
    # The browser test sets DJANGO_ALLOW_ASYNC_UNSAFE in this process (Playwright's loop);
    # a deployment never has it, and check --deploy rightly warns about it.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("SECURE_") and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cms.example.org",
        **overrides,
    )
    return env


def printed_json(script: str, env: dict):
    """What a Python script printed as JSON, run in a process of its own under `env` (the
    settings are read once per process, so each environment needs its own)."""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_passes_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_defaults():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.GRAPHQL_RATE_LIMIT, s.GRAPHQL_INTROSPECTION, s.GRAPHIQL, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, "
        "s.DATABASES['default']['CONN_HEALTH_CHECKS'], s.SECURE_REDIRECT_EXEMPT)"
    )
    env = production_env()
    for name in ("GRAPHQL_RATE_LIMIT", "GRAPHQL_INTROSPECTION", "GRAPHIQL"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 6) == [
        "300/60",
        "True",
        "None",
        "True",
        "True",
        "True",
        "['^healthz$', '^readyz$']\n",
    ]


def test_production_refuses_a_malformed_rate_limit():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=production_env(GRAPHQL_RATE_LIMIT="lots"),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "GRAPHQL_RATE_LIMIT must be 'requests/seconds'" in result.stderr


INTROSPECTION = "{ __schema { queryType { name } } }"


@pytest.mark.django_db
def test_introspection_is_on_by_default(client):
    response = client.post(URL, {"query": INTROSPECTION}, content_type="application/json")
    assert response.json() == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query,field",
    [(INTROSPECTION, "__schema"), ('{ __type(name: "Query") { fields { name } } }', "__type")],
)
def test_introspection_off_refuses_schema_queries(client, settings, query, field):
    settings.GRAPHQL_INTROSPECTION = False
    response = client.post(URL, {"query": query}, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == {
        "data": None,
        "errors": [
            {
                "message": f"Introspection is disabled on this server; the query asks for "
                f"'{field}' (GRAPHQL_INTROSPECTION).",
                "locations": [{"line": 1, "column": 3}],
                "extensions": {"code": "INTROSPECTION_DISABLED"},
            }
        ],
    }


@pytest.mark.django_db
def test_introspection_off_still_answers_typename(client, settings):
    settings.GRAPHQL_INTROSPECTION = False
    response = client.post(
        URL, {"query": "{ __typename site { name } }"}, content_type="application/json"
    )
    assert response.json()["data"]["__typename"] == "Query"


@pytest.mark.django_db
def test_graphiql_off_serves_no_ide(client, settings):
    settings.GRAPHIQL = False
    settings.DEBUG = True  # GRAPHIQL wins over DEBUG
    response = client.get(URL, HTTP_ACCEPT="text/html")
    assert b"graphiql" not in response.content.lower()
    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"] == {"code": "NOT_FOUND"}


@pytest.mark.django_db
@pytest.mark.parametrize(("graphiql", "debug"), [(True, False), (None, True)])
def test_graphiql_on_serves_the_ide(client, settings, graphiql, debug):
    settings.GRAPHIQL = graphiql
    settings.DEBUG = debug
    response = client.get(URL, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"graphiql" in response.content.lower()


@pytest.mark.django_db
def test_graphiql_follows_debug_when_unset(client, settings):
    settings.GRAPHIQL = None
    settings.DEBUG = False
    response = client.get(URL, HTTP_ACCEPT="text/html")
    assert b"graphiql" not in response.content.lower()
