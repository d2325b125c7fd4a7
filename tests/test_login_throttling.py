"""Admin login throttling (django-axes; docs/deployment.md "Admin login throttling").

Through the admin's real login form (/admin/login/), with REMOTE_ADDR as the client's address:
five wrong passwords for one username from one address are answered as usual, the attempts after
them are refused with HTTP 429 and the lockout message on the login page, the right password
included, for the cool-off; other addresses and other usernames are not affected; the count is in
the database, so it survives a restart, and a successful login clears it.
"""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt, AccessLog
from django.conf import settings as django_settings
from django.core.cache import caches
from django.http import HttpRequest
from django.test import Client, RequestFactory
from django.utils import timezone
from django.utils.module_loading import import_string

from tests.factories import UserFactory

PASSWORD = "correct horse battery"
WRONG = "wrong horse battery"
LOGIN = "/admin/login/"
HOME = "/admin/"
IP = "203.0.113.7"
OTHER_IP = "198.51.100.20"
WRONG_PASSWORD = "Your username and password didn't match. Please try again."


def locked_message(minutes: int) -> str:
    unit = "minute" if minutes == 1 else "minutes"
    return (
        "Too many failed sign-in attempts for this account from your network. "
        f"Try again in {minutes} {unit}."
    )


@pytest.fixture(autouse=True)
def axes_on(settings):
    """test.py turns axes off for the rest of the suite; the values production has by default."""
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
    settings.AXES_TRUSTED_PROXIES = 0


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=["Editors"])


@pytest.fixture
def translator(db):
    return UserFactory(username="translator", groups=["Translators (uk)"])


def attempt(client, username, password, ip=IP, **meta):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **meta)


def failures(username="editor", ip=IP) -> int:
    return sum(
        AccessAttempt.objects.filter(username=username, ip_address=ip).values_list(
            "failures_since_start", flat=True
        )
    )


def assert_wrong_password(response):
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "wagtailadmin/login.html"
    assert response.context["form"].non_field_errors() == [WRONG_PASSWORD]
    assert "Retry-After" not in response


def assert_logged_in(client, response, user):
    assert response.status_code == 302
    assert response["Location"] == HOME
    assert int(client.session["_auth_user_id"]) == user.pk
    assert client.get(HOME).status_code == 200


def assert_locked(client, response, minutes=15):
    """The admin's login page, HTTP 429, the lockout message as the form's only error."""
    assert response.status_code == 429
    html = response.content.decode()
    assert f'<li class="error">{locked_message(minutes)}</li>' in html
    assert "didn&#x27;t match" not in html
    assert 'name="username"' in html and 'name="password"' in html  # the form is still there
    assert 'value="editor"' in html  # with the username filled in
    assert "Traceback" not in html
    assert "wagtailadmin/login.html" in [t.name for t in response.templates]
    assert (minutes - 1) * 60 < int(response["Retry-After"]) <= minutes * 60
    assert "no-cache" in response["Cache-Control"]
    # Not logged in, whatever the password was.
    assert "_auth_user_id" not in client.session
    assert client.get(HOME).status_code == 302


def lock_out(username="editor", ip=IP):
    client = Client()
    for _ in range(5):
        assert_wrong_password(attempt(client, username, WRONG, ip))
    return client


def test_five_wrong_passwords_are_answered_then_the_right_one_is_refused(editor):
    client = Client()
    for number in range(1, 6):
        assert_wrong_password(attempt(client, "editor", WRONG))
        assert failures() == number

    # The 6th attempt, with the right password: refused.
    response = attempt(client, "editor", PASSWORD)
    assert_locked(client, response, minutes=15)
    assert 899 <= int(response["Retry-After"]) <= 900
    # And the 7th. Refused attempts are not counted (they do not prolong the lockout).
    assert_locked(client, attempt(client, "editor", WRONG))
    assert failures() == 5
    # The login page itself still opens.
    assert client.get(LOGIN, REMOTE_ADDR=IP).status_code == 200


def test_another_address_can_still_log_in_as_the_editor(editor):
    lock_out()
    other = Client()
    assert_logged_in(other, attempt(other, "editor", PASSWORD, ip=OTHER_IP), editor)
    # Its success clears only its own address's count: the guesser's address stays locked.
    assert failures() == 5
    fresh = Client()
    assert_locked(fresh, attempt(fresh, "editor", PASSWORD))


def test_another_username_from_the_locked_address_is_not_locked(editor, translator):
    lock_out()
    client = Client()
    assert_wrong_password(attempt(client, "translator", WRONG))
    assert failures("translator") == 1
    assert_logged_in(client, attempt(client, "translator", PASSWORD), translator)
    assert failures("translator") == 0
    assert failures("editor") == 5


def test_the_right_password_works_after_the_cool_off(editor):
    lock_out()
    started = AccessAttempt.objects.get(username="editor", ip_address=IP).attempt_time

    # 14 minutes later (the failures moved back in time): still refused, one minute to go.
    AccessAttempt.objects.filter(username="editor").update(
        attempt_time=started - dt.timedelta(minutes=14)
    )
    client = Client()
    response = attempt(client, "editor", PASSWORD)
    assert_locked(client, response, minutes=1)

    # 15 minutes and a second later: the right password works, the count is gone.
    AccessAttempt.objects.filter(username="editor").update(
        attempt_time=timezone.now() - dt.timedelta(minutes=15, seconds=1)
    )
    client = Client()
    assert_logged_in(client, attempt(client, "editor", PASSWORD), editor)
    assert not AccessAttempt.objects.filter(username="editor").exists()


def test_a_shorter_cool_off_from_the_setting(editor, settings):
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=2)
    client = lock_out()
    response = attempt(client, "editor", PASSWORD)
    assert_locked(client, response, minutes=2)
    assert 119 <= int(response["Retry-After"]) <= 120


def test_a_successful_login_before_the_limit_resets_the_count(editor):
    client = Client()
    for _ in range(4):
        assert_wrong_password(attempt(client, "editor", WRONG))
    assert failures() == 4
    assert_logged_in(client, attempt(client, "editor", PASSWORD), editor)
    assert failures() == 0
    assert not AccessAttempt.objects.filter(username="editor", ip_address=IP).exists()

    # Five more wrong passwords are answered normally again (9 without the reset); then refused.
    client = Client()
    for number in range(1, 6):
        assert_wrong_password(attempt(client, "editor", WRONG))
        assert failures() == number
    assert_locked(client, attempt(client, "editor", PASSWORD))


def test_the_count_is_in_the_database_and_survives_a_restart(editor):
    lock_out()
    attempts = list(
        AccessAttempt.objects.filter(username="editor").values(
            "ip_address", "failures_since_start", "path_info", "post_data"
        )
    )
    assert len(attempts) == 1
    row = attempts[0]
    assert (row["ip_address"], row["failures_since_start"], row["path_info"]) == (IP, 5, LOGIN)
    assert WRONG not in row["post_data"]  # passwords are masked
    assert not AccessLog.objects.exists()  # successful logins are not logged

    # A restart: no handler, no cache, no session, a new client. Only the database remains.
    AxesProxyHandler.get_implementation(force=True)
    caches["default"].clear()
    fresh = Client()
    assert_locked(fresh, attempt(fresh, "editor", PASSWORD))


def test_forwarded_for_is_ignored_without_trusted_proxies(editor):
    lock_out()
    client = Client()
    # A client writing its own X-Forwarded-For does not escape the lockout.
    response = attempt(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert_locked(client, response)


def test_behind_a_trusted_proxy_the_address_it_saw_is_counted(editor, settings):
    settings.AXES_TRUSTED_PROXIES = 1
    proxy = "10.0.0.2"
    client = Client()
    for number in range(5):
        # The client writes a different address each time; the proxy appends the real one.
        forwarded = f"192.0.2.{number}, {IP}"
        response = attempt(client, "editor", WRONG, ip=proxy, HTTP_X_FORWARDED_FOR=forwarded)
        assert_wrong_password(response)
    assert failures(ip=IP) == 5
    assert not AccessAttempt.objects.filter(ip_address=proxy).exists()
    response = attempt(client, "editor", PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR=IP)
    assert_locked(client, response)

    # Another editor's browser behind the same proxy is not locked.
    other = Client()
    response = attempt(other, "editor", PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR=OTHER_IP)
    assert_logged_in(other, response, editor)


@pytest.mark.parametrize(
    ("remote_addr", "forwarded", "proxies", "counted"),
    [
        ("203.0.113.7", "", 0, "203.0.113.7"),
        ("203.0.113.7", "192.0.2.1", 0, "203.0.113.7"),
        ("10.0.0.2", "192.0.2.1, 203.0.113.7", 1, "203.0.113.7"),
        ("10.0.0.2", "192.0.2.1, 203.0.113.7, 10.0.0.3", 2, "203.0.113.7"),
        ("10.0.0.2", "203.0.113.7", 2, "203.0.113.7"),
        ("10.0.0.2", "203.0.113.7:51234", 1, "203.0.113.7"),
        ("10.0.0.2", "not an address", 1, "10.0.0.2"),
        ("10.0.0.2", "", 1, "10.0.0.2"),
        # IPv6 counts per /64: hopping inside one's own block gives no fresh guesses.
        ("2001:db8:1:2:aaaa::1", "", 0, "2001:db8:1:2::"),
        ("2001:db8:1:2:bbbb::9", "", 0, "2001:db8:1:2::"),
        ("10.0.0.2", "[2001:db8:1:2::5]:443", 1, "2001:db8:1:2::"),
        ("::ffff:203.0.113.7", "", 0, "203.0.113.7"),
        ("", "", 0, None),
    ],
)
def test_client_address(settings, remote_addr, forwarded, proxies, counted):
    settings.AXES_TRUSTED_PROXIES = proxies
    meta = {"REMOTE_ADDR": remote_addr}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    client_ip = import_string(django_settings.AXES_CLIENT_IP_CALLABLE)
    assert client_ip(RequestFactory().post(LOGIN, **meta)) == counted


def test_ipv6_addresses_of_one_block_share_a_count(editor):
    client = Client()
    for number in range(1, 6):
        assert_wrong_password(attempt(client, "editor", WRONG, ip=f"2001:db8:1:2::{number}"))
    response = attempt(client, "editor", PASSWORD, ip="2001:db8:1:2:ffff::1")
    assert_locked(client, response)
    assert failures(ip="2001:db8:1:2::") == 5


def test_other_ways_of_logging_in_in_tests(editor):
    # force_login() sends no password and is never throttled, also with axes on.
    client = Client()
    client.force_login(editor)
    assert client.get(HOME).status_code == 200
    # login() needs the request with axes on; test.py turns axes off for the rest of the suite.
    assert Client().login(request=HttpRequest(), username="editor", password=PASSWORD)


def test_client_login_with_the_suite_settings(editor, settings):
    settings.AXES_ENABLED = False
    assert Client().login(username="editor", password=PASSWORD)


def settings_in_subprocess(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    code = (
        "import cms.settings.base as s; "
        "print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME, s.AXES_TRUSTED_PROXIES)"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"AXES_FAILURE_LIMIT", "AXES_COOLOFF_MINUTES", "AXES_TRUSTED_PROXIES"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
    )


def test_settings_from_the_environment():
    default = settings_in_subprocess({})
    assert default.stdout.split() == ["5", "0:15:00", "0"], default.stderr
    chosen = settings_in_subprocess(
        {"AXES_FAILURE_LIMIT": "10", "AXES_COOLOFF_MINUTES": "60", "AXES_TRUSTED_PROXIES": "1"}
    )
    assert chosen.stdout.split() == ["10", "1:00:00", "1"], chosen.stderr
    refused = settings_in_subprocess({"AXES_FAILURE_LIMIT": "0"})
    assert refused.returncode != 0
    assert "AXES_FAILURE_LIMIT and AXES_COOLOFF_MINUTES must be at least 1" in refused.stderr
