"""Where webhooks may go: https to public addresses, checked on save and at every attempt.

Names are resolved by the fake resolver of conftest.py; public addresses are only ever checked,
never connected to. Receivers listen on 127.0.0.1 (test settings allow http and private
addresses; the tests of refusals turn that off).
"""

import ipaddress
import logging
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cms.webhooks import delivery as delivery_module
from cms.webhooks import transport
from cms.webhooks.addresses import HostNotResolved, URLNotAllowed, check, kind_of
from cms.webhooks.delivery import deliver_webhook, notify
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests.factories import UserFactory

from .receivers import Receiver

ROOT = Path(__file__).resolve().parents[2]
SECRET = "test-webhook-secret"
PAYLOAD = {"type": "EventPage", "id": "1", "locale": "en", "path": "/en/x/", "translations": []}


@pytest.fixture
def strict(settings):
    """Production's rules: https only, public addresses only."""
    settings.WEBHOOK_ALLOW_HTTP = False
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    return settings


def send_one(url: str, sent) -> WebhookDelivery:
    """A delivery to `url` (endpoint saved without the checks, as an old row would be), sent."""
    WebhookEndpoint.objects.create(
        name="Receiver", url=url, secret=SECRET, events=["page.published"]
    )
    sent(lambda: notify(["page.published"], None, lambda: dict(PAYLOAD)))
    return WebhookDelivery.objects.get()


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


# --- the address rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.254", "private"),
        ("192.168.1.10", "private"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("100.100.100.200", "metadata"),
        ("100.64.0.1", "shared"),
        ("100.127.255.254", "shared"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("0.1.2.3", "reserved"),
        ("192.0.0.8", "reserved"),
        ("192.0.2.10", "reserved"),
        ("198.18.0.1", "reserved"),
        ("198.51.100.7", "reserved"),
        ("203.0.113.9", "reserved"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("2001:db8::1", "reserved"),
        ("fec0::1", "reserved"),
        ("100::1", "reserved"),
        ("2001::1", "reserved"),  # Teredo
        # IPv6 forms of IPv4 addresses are judged by the IPv4 address inside.
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "metadata"),
        ("::ffff:a9fe:a9fe", "metadata"),  # the same, written in hex
        ("::ffff:100.64.0.1", "shared"),
        ("::127.0.0.1", "loopback"),  # IPv4-compatible
        ("::10.0.0.1", "private"),
        ("::8.8.8.8", "reserved"),  # IPv4-compatible is deprecated: never a destination
        ("64:ff9b::10.0.0.1", "private"),  # NAT64
        ("64:ff9b::127.0.0.1", "loopback"),
        ("2002:a00:1::", "private"),  # 6to4 of 10.0.0.1
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        # Public.
        ("93.184.215.14", None),
        ("8.8.8.8", None),
        ("172.32.0.1", None),
        ("100.128.0.1", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:93.184.215.14", None),
        ("64:ff9b::93.184.215.14", None),
    ],
)
def test_address_kinds(address, kind):
    assert kind_of(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://127.0.0.1/hook", "127.0.0.1 is a loopback address."),
        ("https://[::1]:8443/hook", "::1 is a loopback address."),
        ("https://10.1.2.3/hook", "10.1.2.3 is a private address."),
        ("https://172.20.0.1/hook", "172.20.0.1 is a private address."),
        ("https://192.168.0.1/hook", "192.168.0.1 is a private address."),
        ("https://[fd00::1]/hook", "fd00::1 is a private address."),
        (
            "https://169.254.169.254/latest/meta-data/",
            "169.254.169.254 is a cloud metadata address.",
        ),
        ("https://[fd00:ec2::254]/", "fd00:ec2::254 is a cloud metadata address."),
        ("https://169.254.10.1/", "169.254.10.1 is a link-local address."),
        ("https://[fe80::1]/", "fe80::1 is a link-local address."),
        ("https://100.64.1.1/", "100.64.1.1 is a shared (carrier-grade NAT) address."),
        ("https://224.0.0.251/", "224.0.0.251 is a multicast address."),
        ("https://0.0.0.0/", "0.0.0.0 is the unspecified address."),
        ("https://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 is a loopback address."),
        (
            "https://[::ffff:169.254.169.254]/",
            "::ffff:169.254.169.254 is a cloud metadata address.",
        ),
        ("https://localhost:8000/", "localhost resolves to a loopback address."),
        ("ftp://example.org/hook", "Only https URLs are accepted."),
        ("http://example.org/hook", "Only https URLs are accepted."),
        ("file:///etc/passwd", "Only https URLs are accepted."),
        ("https://user:pw@example.org/hook", "The URL must not contain a user name or password."),
        ("https:///hook", "The URL has no host name."),
    ],
)
def test_refused_urls(strict, url, message):
    with pytest.raises(URLNotAllowed) as refused:
        check(url)
    assert str(refused.value) == message


def test_a_name_resolving_to_public_and_private_addresses_is_refused(strict, dns):
    dns.names["mixed.example.org"] = ["93.184.215.14", "10.0.0.7"]
    with pytest.raises(URLNotAllowed, match="mixed.example.org resolves to a private address"):
        check("https://mixed.example.org/hook")
    dns.names["mixed6.example.org"] = ["2606:2800:21f:cb07:6820:80da:af6b:8b2c", "::1"]
    with pytest.raises(URLNotAllowed, match="resolves to a loopback address"):
        check("https://mixed6.example.org/hook")


def test_public_names_and_addresses_are_accepted_without_connecting(strict, dns, monkeypatch):
    def no_connection(*args, **kwargs):
        raise AssertionError("a check must not connect")

    monkeypatch.setattr(transport.socket, "create_connection", no_connection)
    target = check("https://example.org/hooks/cms?site=en")
    assert (target.scheme, target.host, target.port, target.path) == (
        "https",
        "example.org",
        443,
        "/hooks/cms?site=en",
    )
    assert [str(a) for a in target.addresses] == [
        "93.184.215.14",
        "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
    ]
    assert check("https://93.184.215.14:8443/x").addresses == (
        ipaddress.ip_address("93.184.215.14"),
    )
    assert dns.lookups == ["example.org"]  # a literal needs no lookup


def test_a_name_that_does_not_resolve(strict):
    with pytest.raises(HostNotResolved):
        check("https://nowhere.invalid/hook")


def test_private_addresses_when_the_setting_allows_them(settings):
    settings.WEBHOOK_ALLOW_HTTP = True
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    for url in (
        "http://127.0.0.1:8000/",
        "http://10.0.0.5/",
        "https://[fd00::5]/",
        "http://100.64.0.9/",
    ):
        check(url)
    # Never, whatever the setting says: metadata, link-local, multicast, unspecified, reserved.
    for url, kind in [
        ("http://169.254.169.254/", "a cloud metadata address"),
        ("http://[fd00:ec2::254]/", "a cloud metadata address"),
        ("http://169.254.1.1/", "a link-local address"),
        ("http://239.1.1.1/", "a multicast address"),
        ("http://0.0.0.0:8000/", "the unspecified address"),
        ("http://192.0.2.1/", "a reserved, non-public address"),
    ]:
        with pytest.raises(URLNotAllowed, match=kind):
            check(url)
    settings.WEBHOOK_ALLOW_HTTP = False
    with pytest.raises(URLNotAllowed, match="Only https URLs"):
        check("http://127.0.0.1:8000/")


def test_production_allows_neither_http_nor_private_addresses():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.WEBHOOK_ALLOW_HTTP, settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES)"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("WEBHOOK_") and key != "DJANGO_SETTINGS_MODULE"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="s3cret-value",
        ALLOWED_HOSTS="cms.example.org",
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


# --- when an endpoint is saved ------------------------------------------------------------------


def test_the_model_refuses_an_unsafe_url(strict, db):
    endpoint = WebhookEndpoint(name="Metadata", url="https://169.254.169.254/latest", events=[])
    with pytest.raises(ValidationError) as refused:
        endpoint.full_clean()
    assert refused.value.message_dict["url"] == [
        "This address is not allowed: 169.254.169.254 is a cloud metadata address."
    ]
    endpoint.url = "https://hooks.example.org/cms"
    endpoint.full_clean()


def test_the_admin_form_says_why_an_address_is_refused(strict, client, db, dns):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    dns.names["internal.example.org"] = ["10.20.30.40"]
    form = {
        "name": "Internal",
        "secret": "another-secret",
        "events": ["page.published"],
        "active": "on",
    }
    for url, error in [
        (
            "https://internal.example.org/hook",
            "internal.example.org resolves to a private address.",
        ),
        ("http://hooks.example.org/hook", "Only https URLs are accepted."),
        ("ftp://hooks.example.org/hook", "Only https URLs are accepted."),
        ("https://127.0.0.1:6379/", "127.0.0.1 is a loopback address."),
        ("https://nowhere.invalid/hook", "The host name does not resolve; check the address."),
    ]:
        response = client.post(reverse("webhook_endpoints:add"), {**form, "url": url})
        assert response.status_code == 200, url
        assert error in response.content.decode(), url
    assert not WebhookEndpoint.objects.filter(name="Internal").exists()

    created = client.post(
        reverse("webhook_endpoints:add"), {**form, "url": "https://hooks.example.org/hook"}
    )
    assert created.status_code == 302
    assert WebhookEndpoint.objects.get(name="Internal").url == "https://hooks.example.org/hook"


# --- at every attempt ---------------------------------------------------------------------------


def test_an_endpoint_saved_before_the_rules_is_refused_at_send_time(strict, db, sent):
    delivery = send_one("http://127.0.0.1:9/hook", sent)
    # A refused address is final: sending it again would be refused again.
    assert (delivery.status, delivery.attempts, delivery.response_code, delivery.error) == (
        "failed",
        1,
        None,
        "The address is not allowed: Only https URLs are accepted.",
    )


def test_dns_rebinding_is_caught_at_send_time(receiver, dns, db, sent, settings, caplog):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False  # http stays allowed: the receiver's
    answers = iter([["93.184.215.14"], ["127.0.0.1"]])
    dns.names["rebind.example.org"] = lambda: next(answers)
    endpoint = WebhookEndpoint(
        name="Rebinding",
        url=f"http://rebind.example.org:{receiver.port}/hook",
        secret=SECRET,
        events=["page.published"],
    )
    endpoint.full_clean()  # public when saved…
    endpoint.save()
    sent(lambda: notify(["page.published"], None, lambda: dict(PAYLOAD)))
    delivery = WebhookDelivery.objects.get()  # …loopback when sent
    assert delivery.error == (
        "The address is not allowed: rebind.example.org resolves to a loopback address."
    )
    assert delivery.status == "failed"
    assert receiver.requests == []
    assert "refused address 127.0.0.1" in caplog.text  # for operators


def test_the_connection_goes_to_the_address_that_was_checked(receiver, dns, db, sent, monkeypatch):
    # The name resolves to the receiver once; asking again would give another address.
    answers = iter([["127.0.0.1"]])
    dns.names["pinned.example.org"] = lambda: next(answers, ["127.0.0.2"])
    connected_to = []
    create_connection = transport.socket.create_connection

    def spy(address, *args, **kwargs):
        connected_to.append(address)
        return create_connection(address, *args, **kwargs)

    monkeypatch.setattr(transport.socket, "create_connection", spy)
    delivery = send_one(f"http://pinned.example.org:{receiver.port}/hook", sent)
    assert (delivery.status, delivery.attempts) == ("succeeded", 1)
    assert dns.lookups == ["pinned.example.org"]  # resolved once, by the check
    assert connected_to == [("127.0.0.1", receiver.port)]  # to the checked address
    [request] = receiver.requests
    assert request["headers"]["Host"] == f"pinned.example.org:{receiver.port}"


def test_redirects_are_not_followed(db, sent, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    target = Receiver()
    redirecting = Receiver()
    try:
        redirecting.statuses = [302, 307]
        redirecting.headers = [{"Location": target.url}, {"Location": target.url}]
        delivery = send_one(redirecting.url, sent)
        assert (delivery.status, delivery.attempts, delivery.response_code, delivery.error) == (
            "failed",
            2,
            307,
            "The receiver answered 307; redirects are not followed.",
        )
        assert len(redirecting.requests) == 2
        assert target.requests == []  # nothing went to the Location
    finally:
        target.close()
        redirecting.close()


def test_a_302_is_a_failed_attempt_that_is_retried(receiver, db, sent):
    receiver.statuses = [302, 200]
    receiver.headers = [{"Location": "http://127.0.0.1:9/elsewhere"}]
    delivery = send_one(receiver.url, sent)
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 2, 200)


def test_the_log_says_what_failed_without_socket_details(db, sent, settings, caplog):
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    with caplog.at_level(logging.WARNING, logger="cms.webhooks.delivery"):
        delivery = send_one("http://127.0.0.1:9/nothing-listens-here", sent)
    assert delivery.error == "The connection failed."
    for detail in ("Errno", "111", "refused", ":9", "127.0.0.1", "URLError"):
        assert detail not in delivery.error
    # The operators' log has the details.
    [record] = [r for r in caplog.records if "failed:" in r.getMessage()]
    assert "Connection refused" in record.getMessage() and "port 9" in record.getMessage()


def test_a_timeout_says_how_long_it_waited(receiver, db, sent, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.3
    receiver.delays = [1.0]
    delivery = send_one(receiver.url, sent)
    assert delivery.error == "The receiver did not answer within 0.3 s."


def test_the_deadline_covers_a_receiver_that_trickles_its_answer(db, sent, settings):
    """A receiver that sends a byte now and then is cut off at the deadline, not per read."""
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.6
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def trickle():
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100:
                if stop.is_set():
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(0.1)

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    try:
        started = time.monotonic()
        delivery = send_one(f"http://127.0.0.1:{listener.getsockname()[1]}/hook", sent)
        elapsed = time.monotonic() - started
    finally:
        stop.set()
        listener.close()
    assert delivery.error == "The receiver did not answer within 0.6 s."
    assert elapsed < 3


def test_every_attempt_carries_the_same_idempotency_key(receiver, db, sent):
    receiver.statuses = [500, 503, 200]
    delivery = send_one(receiver.url, sent)
    assert (delivery.status, delivery.attempts) == ("succeeded", 3)
    keys = {request["headers"]["Idempotency-Key"] for request in receiver.requests}
    assert keys == {str(delivery.uuid)}
    assert {r["headers"]["X-Webhook-Delivery"] for r in receiver.requests} == keys
    assert len({request["body"] for request in receiver.requests}) == 1


# --- https to the checked address, with the host's certificate ----------------------------------


def make_certificates(folder: Path, name: str) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate for `name` (the openssl command line)."""

    def openssl(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl(
        "req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=Webhook test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign",
    )  # fmt: skip
    openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", f"/CN={name}")
    (folder / "ext.cnf").write_text(f"subjectAltName=DNS:{name}\nextendedKeyUsage=serverAuth\n")
    openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf",
    )  # fmt: skip
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


@pytest.fixture
def tls_receiver(tmp_path, monkeypatch, settings):
    if not shutil.which("openssl"):
        pytest.skip("the openssl command is needed to make test certificates")
    settings.WEBHOOK_ALLOW_HTTP = False  # https only, as in production
    ca, certificate, key = make_certificates(tmp_path, "hooks.example.test")
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(certificate, key)
    monkeypatch.setattr(transport, "tls_context", lambda: ssl.create_default_context(cafile=ca))
    receiver = Receiver(tls_context=server_context)
    yield receiver
    receiver.close()


def test_https_connects_to_the_checked_address_and_verifies_the_host_name(
    tls_receiver, dns, db, sent
):
    dns.names["hooks.example.test"] = ["127.0.0.1"]
    delivery = send_one(f"https://hooks.example.test:{tls_receiver.port}/hooks/cms", sent)
    assert (delivery.status, delivery.response_code) == ("succeeded", 200)
    assert tls_receiver.server_names == ["hooks.example.test"]  # SNI: the name, not the address
    assert tls_receiver.requests[0]["headers"]["Host"] == f"hooks.example.test:{tls_receiver.port}"


def test_a_certificate_for_another_name_is_refused(tls_receiver, dns, db, sent, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    dns.names["other.example.test"] = ["127.0.0.1"]
    delivery = send_one(f"https://other.example.test:{tls_receiver.port}/hooks/cms", sent)
    assert (delivery.status, delivery.error) == (
        "failed",
        "The receiver's TLS certificate was not accepted.",
    )
    assert tls_receiver.requests == []


def test_a_task_for_a_delivery_being_sent_sends_nothing(receiver, db, sent):
    """A second task for a delivery whose attempt holds it (a live lease) does not send it."""
    WebhookEndpoint.objects.create(
        name="Receiver", url=receiver.url, secret=SECRET, events=["page.published"]
    )
    [created] = notify(["page.published"], None, lambda: dict(PAYLOAD))  # not committed: no task
    claimed = delivery_module._claim(created.pk)
    assert claimed is not None and claimed.attempts == 1
    assert deliver_webhook.call(created.pk) == "skipped"
    assert delivery_module._claim(created.pk) is None
    assert receiver.requests == []
