"""`make faults`: the production server and worker under load while the database and worker fail.

What it does, all on this machine (127.0.0.1):
1. builds a throwaway PostgreSQL database (`cms_faults`) with the demo content, production
   settings and the database task backend;
2. starts gunicorn (cms/gunicorn.py) and `manage.py run_worker`, and a webhook receiver that
   answers slowly (so a delivery is in flight when the worker is killed) and counts the
   Idempotency-Key of every request;
3. sends GraphQL reads from several client threads for the whole run, while on a timeline it
   publishes pages (each publish makes a webhook delivery), kills every database connection,
   kills the worker with SIGKILL and starts it again, and refuses new database connections for a
   few seconds (an outage), then lets them in again;
4. waits for the deliveries to drain and prints what the clients and the receiver saw.

The numbers that matter: requests answered 200 with an error in the body must be 0 (an outage is
answered 503 with Retry-After, so load balancers see it), and deliveries lost must be 0.

    .venv/bin/python benchmarks/faults.py [--seconds 40] [--clients 6] [--write-docs]

`--write-docs` replaces the results block in docs/deployment.md.
"""

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from signal import SIGKILL

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "cms_faults"
SERVER = "postgres://postgres@127.0.0.1:5432"
QUERY = """query Cards { events(pagination: {limit: 10}) { totalCount results { id title
  path topics { name } speakers { name } } } }"""
DOCS = ROOT / "docs" / "deployment.md"
BEGIN, END = "<!-- faults:begin -->", "<!-- faults:end -->"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def admin_sql(sql: str, *params):
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql, params)


def kill_connections():
    admin_sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = %s AND pid <> pg_backend_pid()",
        DATABASE,
    )


def allow_connections(allowed: bool):
    admin_sql(f"ALTER DATABASE {DATABASE} ALLOW_CONNECTIONS {'true' if allowed else 'false'}")


def environment(port: int, media: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"{SERVER}/{DATABASE}",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": media,
        "STATIC_ROOT": os.path.join(media, "static"),
        # The receiver listens on 127.0.0.1 over http: allowed here only.
        "WEBHOOK_ALLOW_HTTP": "true",
        "WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "true",
        "WEBHOOK_TIMEOUT_SECONDS": "5",
        "WEBHOOK_RETRY_BASE_SECONDS": "2",
        "GRAPHQL_RATE_LIMIT": "",
        "PORT": str(port),
        "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "4",
    }


def manage(env: dict, *args: str, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs
    )


class Receiver(BaseHTTPRequestHandler):
    keys: Counter = Counter()
    delay = 1.0

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(self.delay)
        Receiver.keys[self.headers.get("Idempotency-Key") or "?"] += 1
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class Load:
    """Client threads reading the API; every answer classified."""

    def __init__(self, url: str, clients: int):
        self.url, self.clients = url, clients
        self.results: Counter = Counter()
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def one(self) -> str:
        body = json.dumps({"query": QUERY}).encode()
        request = urllib.request.Request(
            self.url, data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                answer = json.loads(response.read())
                return "200 with error" if answer.get("errors") else "200 ok"
        except urllib.error.HTTPError as error:
            retry = " with Retry-After" if error.headers.get("Retry-After") else ""
            return f"{error.code}{retry}"
        except OSError as error:
            return f"no answer ({type(error).__name__})"

    def run(self):
        while not self.stop.is_set():
            outcome = self.one()
            with self.lock:
                self.results[outcome] += 1

    def start(self):
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(self.clients)]
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=20)


def start_worker(env):
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_ready(url: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer {url} within {seconds} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=40)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--write-docs", action="store_true")
    options = parser.parse_args()

    media = tempfile.mkdtemp(prefix="faults-media-")
    port = free_port()
    env = environment(port, media)
    admin_sql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    admin_sql(f"CREATE DATABASE {DATABASE}")
    print("building the database (migrate, demo content)…", flush=True)
    manage(env, "migrate", "--noinput", stdout=subprocess.DEVNULL)
    manage(env, "load_demo_content", stdout=subprocess.DEVNULL)

    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    receiver_url = f"http://127.0.0.1:{receiver.server_address[1]}/hook"

    # The ORM of this process works on the same database, as an editor's publish would.
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import close_old_connections, connection

    from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
    from events.models import EventPage

    WebhookEndpoint.objects.create(
        name="Fault receiver", url=receiver_url, events=["page.published"]
    )
    pages = list(EventPage.objects.filter(locale__language_code="en").order_by("pk")[:6])

    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:cms.gunicorn", "cms.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers = [start_worker(env)]
    url = f"http://127.0.0.1:{port}/graphql/"
    try:
        wait_ready(f"http://127.0.0.1:{port}/healthz")
        load = Load(url, options.clients)
        load.start()
        started = time.monotonic()
        timeline = []

        def at(second: float, what: str, action):
            time.sleep(max(0.0, started + second - time.monotonic()))
            action()
            timeline.append(f"{second:.0f} s: {what}")

        def publish(count: int):
            def run():
                close_old_connections()
                for page in pages[:count]:
                    page.save_revision().publish()

            return run

        def outage_begins():
            allow_connections(False)
            kill_connections()

        def outage_ends():
            allow_connections(True)
            connection.close()

        at(3, "publish 3 pages (3 deliveries)", publish(3))
        at(6, "kill every database connection", kill_connections)
        at(8, "publish 3 more pages", publish(3))
        at(
            9,
            "SIGKILL the worker while it delivers",
            lambda: workers[-1].send_signal(SIGKILL),
        )
        at(12, "start the worker again", lambda: workers.append(start_worker(env)))
        at(16, "database outage: new connections refused, open ones killed", outage_begins)
        at(24, "database back", outage_ends)
        at(options.seconds, "load ends", lambda: None)
        load.finish()

        deadline = time.monotonic() + 90
        close_old_connections()
        while time.monotonic() < deadline:
            pending = WebhookDelivery.objects.exclude(status__in=["succeeded", "failed"]).count()
            if not pending:
                break
            time.sleep(1)
            close_old_connections()
        deliveries = Counter(WebhookDelivery.objects.values_list("status", flat=True))
        created = sum(deliveries.values())
        report(options, load.results, timeline, deliveries, created, Receiver.keys)
    finally:
        for process in (server, *workers):
            process.terminate()
        for process in (server, *workers):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        receiver.shutdown()
        allow_connections(True)
        from django.db import connections

        connections.close_all()
        admin_sql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def report(options, results, timeline, deliveries, created, keys):
    received = len(keys)
    duplicates = sum(count - 1 for count in keys.values() if count > 1)
    lines = [
        f"Run: `.venv/bin/python benchmarks/faults.py --seconds {options.seconds} "
        f"--clients {options.clients}` (gunicorn 2 × 4 threads, run_worker, PostgreSQL on "
        "this machine).",
        "",
        "Timeline: " + "; ".join(timeline) + ".",
        "",
        "| requests | count |",
        "| --- | --- |",
        *(f"| {outcome} | {count} |" for outcome, count in sorted(results.items())),
        f"| **answered 200 with an error** | **{results.get('200 with error', 0)}** |",
        "",
        "| deliveries | count |",
        "| --- | --- |",
        f"| created | {created} |",
        *(f"| {status} | {count} |" for status, count in sorted(deliveries.items())),
        f"| received (distinct Idempotency-Key) | {received} |",
        f"| received again with the same key (receiver can drop) | {duplicates} |",
        f"| **lost** (created, never received) | **{created - received}** |",
    ]
    text = "\n".join(lines)
    print(text)
    if options.write_docs:
        docs = DOCS.read_text()
        start, end = docs.index(BEGIN) + len(BEGIN), docs.index(END)
        DOCS.write_text(docs[:start] + "\n" + text + "\n" + docs[end:])
        print(f"wrote {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
