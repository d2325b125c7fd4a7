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


EMAIL_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_HOST_USER, "
    "s.DEFAULT_FROM_EMAIL, s.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL, sep='|')"
)


@pytest.mark.parametrize(
    ("settings_module", "overrides", "expected"),
    [
        (
            "cms.settings.production",
            {
                "EMAIL_URL": "smtp+tls://mailer:pw@smtp.example.org:587",
                "DEFAULT_FROM_EMAIL": "CMS <cms@example.org>",
            },
            "django.core.mail.backends.smtp.EmailBackend|smtp.example.org|587|True|mailer|"
            "CMS <cms@example.org>|CMS <cms@example.org>",
        ),
        (
            "cms.settings.production",
            {},
            "django.core.mail.backends.smtp.EmailBackend|127.0.0.1|25|False|None|"
            "Czech–Ukrainian Digital Innovation CMS <cms@localhost>|"
            "Czech–Ukrainian Digital Innovation CMS <cms@localhost>",
        ),
        (
            "cms.settings.dev",
            {},
            "django.core.mail.backends.console.EmailBackend|None|None|False|None|"
            "Czech–Ukrainian Digital Innovation CMS <cms@localhost>|"
            "Czech–Ukrainian Digital Innovation CMS <cms@localhost>",
        ),
    ],
)
def test_email_comes_from_the_environment(settings_module, overrides, expected):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"EMAIL_URL", "DEFAULT_FROM_EMAIL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        SECRET_KEY="s3cret-value",
        ALLOWED_HOSTS="cms.example.org",
        **overrides,
    )
    code = SETUP.replace("print('started')", EMAIL_SETTINGS)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
