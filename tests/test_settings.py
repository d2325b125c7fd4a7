"""Settings are safe by default: production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Locale

ROOT = Path(__file__).resolve().parent.parent
SETUP = "import django; django.setup(); print('started')"


def run_with(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": "cms.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("overrides", "missing"),
    [
        ({"ALLOWED_HOSTS": "cms.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "s3cret-value"}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": " ", "ALLOWED_HOSTS": "cms.example.org"}, "SECRET_KEY"),
    ],
)
def test_production_refuses_to_start_without_required_settings(overrides, missing):
    result = run_with(overrides)
    assert result.returncode != 0
    assert f"{missing} must be set in the environment for production" in result.stderr
    assert "started" not in result.stdout


def test_production_starts_with_them():
    result = run_with({"SECRET_KEY": "s3cret-value", "ALLOWED_HOSTS": "cms.example.org"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"


def test_production_is_not_in_debug():
    code = SETUP.replace(
        "print('started')", "from django.conf import settings; print(settings.DEBUG)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "s3cret-value",
        "ALLOWED_HOSTS": "cms.example.org",
        "DEBUG": "true",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == "False"


def test_three_locales_exist_after_migrate(db):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["cs", "en", "uk"]
    assert Locale.get_default().language_code == "en"
