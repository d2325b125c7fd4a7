"""The worker as production runs it, in real processes: killed mid-delivery, connection cut.

`manage.py run_worker` runs in a subprocess under cms.settings.test with TEST_WORKER_DATABASE_TASKS
(tasks in the database, persistent connections), on a PostgreSQL database of its own: a template
is migrated once per module with `manage.py migrate`, each test works on a copy, and all are
dropped afterwards. Deliveries are created through `manage.py shell` (notify(), as a publish
does); the receiver is an HTTP server on 127.0.0.1 in this process. Every wait has a timeout and
every process started here is killed (by its pid) at the end.
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from psycopg import sql

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MARK = "@@RESULT@@ "
WORKER_APP = "cms-test-worker"  # the worker's connections, as pg_stat_activity names them
SHELL_APP = "cms-test-shell"

# Short timings, so a dead attempt is taken over within seconds: an attempt's lease is
# WEBHOOK_TIMEOUT_SECONDS + WEBHOOK_RECOVERY_MARGIN_SECONDS = 6 s.
WORKER_ENV = {
    "WEBHOOK_TIMEOUT_SECONDS": "5",
    "WEBHOOK_RECOVERY_MARGIN_SECONDS": "1",
    "WEBHOOK_RECONCILE_INTERVAL_SECONDS": "0.5",
    "WEBHOOK_MAX_ATTEMPTS": "5",
    "WORKER_RESTART_DELAY_SECONDS": "0.2",
    "WORKER_RESTART_MAX_DELAY_SECONDS": "1",
}

CREATE_DELIVERY = """
import json
from django.db import transaction
from cms.webhooks.delivery import notify
from cms.webhooks.models import WebhookEndpoint

endpoint, _ = WebhookEndpoint.objects.get_or_create(
    name="Receiver", defaults={{"url": {url!r}, "secret": "s3cret", "events": ["page.published"]}}
)
payload = {{"type": "EventPage", "id": "1", "locale": "en", "path": "/en/x/", "translations": []}}
with transaction.atomic():
    [delivery] = notify(["page.published"], None, lambda: payload)
print({mark!r} + json.dumps({{"pk": delivery.pk, "uuid": str(delivery.uuid)}}))
"""


def server() -> dict:
    database = settings.DATABASES["default"]
    return {
        "host": database.get("HOST") or "127.0.0.1",
        "port": int(database.get("PORT") or 5432),
        "user": database.get("USER") or "postgres",
        "password": database.get("PASSWORD") or None,
    }


def connect(dbname: str) -> psycopg.Connection:
    return psycopg.connect(dbname=dbname, autocommit=True, connect_timeout=10, **server())


def scratch_name(kind: str) -> str:
    base = os.environ.get("DATABASE_URL", "").rsplit("/", 1)[-1].split("?")[0] or "cms"
    return f"{base}_worker_{kind}_{uuid.uuid4().hex[:8]}"


def create_database(name: str, template: str | None = None) -> None:
    with connect("postgres") as conn:
        query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            query += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        conn.execute(query)


def drop_database(name: str) -> None:
    with connect("postgres") as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def database_url(name: str, application: str) -> str:
    params = server()
    credentials = quote(params["user"]) + (
        ":" + quote(params["password"]) if params["password"] else ""
    )
    return (
        f"postgres://{credentials}@{params['host']}:{params['port']}/{name}"
        f"?application_name={application}"
    )


def environment(name: str, application: str, media: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WEBHOOK_", "WORKER_", "DJANGO_", "TASKS"))
    }
    env.update(
        WORKER_ENV,
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        TEST_WORKER_DATABASE_TASKS="1",
        DATABASE_URL=database_url(name, application),
        TEST_MEDIA_ROOT=str(media),
        PYTHONUNBUFFERED="1",
    )
    return env


def wait_for(condition, timeout: float, what: str, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class WorkerDatabase:
    def __init__(self, name: str, folder: Path):
        self.name = name
        self.folder = folder
        self.processes: list[subprocess.Popen] = []
        self.logs: list[Path] = []

    def manage(self, *args: str, timeout: float = 120) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_ROOT,
            env=environment(self.name, SHELL_APP, self.folder / "media"),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        output = done.stdout[-3000:] + done.stderr[-6000:]
        assert done.returncode == 0, f"manage.py {args[0]} failed:\n{output}"
        return done.stdout

    def start_worker(self, label: str) -> subprocess.Popen:
        log = self.folder / f"worker-{label}.log"
        self.logs.append(log)
        with log.open("w") as output:
            process = subprocess.Popen(
                [sys.executable, "manage.py", "run_worker", "--interval", "0.2"],
                cwd=PROJECT_ROOT,
                env=environment(self.name, WORKER_APP, self.folder / "media"),
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        self.processes.append(process)
        return process

    def log(self) -> str:
        return "\n".join(f"--- {log.name}\n{log.read_text()[-4000:]}" for log in self.logs)

    def create_delivery(self, url: str) -> dict:
        output = self.manage(
            "shell", "--no-imports", "-c", CREATE_DELIVERY.format(url=url, mark=MARK)
        )
        [line] = [line for line in output.splitlines() if line.startswith(MARK)]
        return json.loads(line[len(MARK) :])

    def query(self, query: str, params=()) -> list[tuple]:
        with connect(self.name) as conn:
            return conn.execute(query, params).fetchall()

    def delivery(self, pk: int) -> dict:
        [row] = self.query(
            "SELECT status, attempts, response_code, error FROM home_webhookdelivery WHERE id = %s",
            (pk,),
        )
        return dict(zip(("status", "attempts", "response_code", "error"), row, strict=True))

    def tasks(self, pk: int) -> list[tuple]:
        return self.query(
            "SELECT status, exception_class_path FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = 'cms.webhooks.delivery.deliver_webhook' "
            "AND args_kwargs -> 'args' = %s::jsonb ORDER BY enqueued_at",
            (json.dumps([pk]),),
        )

    def worker_backends(self) -> list[int]:
        rows = self.query(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND application_name = %s",
            (self.name, WORKER_APP),
        )
        return [pid for (pid,) in rows]

    def new_backend(self, old: list[int]) -> int:
        """The pid of the worker's one connection, once it is not one of `old` (reconnected)."""

        def one_new():
            backends = self.worker_backends()
            return len(backends) == 1 and backends[0] not in old and backends[0]

        return wait_for(one_new, 15, f"a new connection of the worker\n{self.log()}")

    def stop(self, process: subprocess.Popen) -> int:
        process.send_signal(signal.SIGTERM)
        return process.wait(timeout=15)

    def cleanup(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def migrated_template(tmp_path_factory):
    """A database migrated with `manage.py migrate` (about 30 s, once for the module)."""
    name = scratch_name("tpl")
    create_database(name)
    try:
        WorkerDatabase(name, tmp_path_factory.mktemp("migrate")).manage(
            "migrate", "--noinput", "--skip-checks", timeout=600
        )
        yield name
    finally:
        drop_database(name)


@pytest.fixture
def worker_db(migrated_template, tmp_path):
    name = scratch_name("run")
    create_database(name, template=migrated_template)
    database = WorkerDatabase(name, tmp_path)
    try:
        yield database
    finally:
        database.cleanup()
        drop_database(name)


def test_a_worker_killed_during_a_delivery_sends_it_once_more_after_a_restart(worker_db, receiver):
    started = time.monotonic()
    receiver.hold(30)  # the first attempt stays in flight until the kill
    first = worker_db.start_worker("first")
    created = worker_db.create_delivery(receiver.url)
    pk = created["pk"]
    assert receiver.arrived.wait(30), worker_db.log()

    first.send_signal(signal.SIGKILL)  # kill -9 mid-delivery
    assert first.wait(timeout=10) == -signal.SIGKILL
    receiver.release()
    # What the dead worker left: the delivery claimed, its task RUNNING for ever.
    assert worker_db.delivery(pk)["status"] == "pending"
    assert worker_db.delivery(pk)["attempts"] == 1
    assert worker_db.tasks(pk) == [("RUNNING", "")]

    second = worker_db.start_worker("second")
    wait_for(
        lambda: worker_db.delivery(pk)["status"] == "succeeded",
        timeout=40,
        what=f"the delivery to succeed\n{worker_db.log()}",
    )
    assert worker_db.stop(second) == 0
    elapsed = time.monotonic() - started

    # Sent once more, and only once: the receiver got the killed attempt and one retry.
    assert len(receiver.requests) == 2
    keys = {request["headers"]["Idempotency-Key"] for request in receiver.requests}
    assert keys == {created["uuid"]}
    assert {r["headers"]["X-Webhook-Delivery"] for r in receiver.requests} == keys
    assert len({request["body"] for request in receiver.requests}) == 1
    assert worker_db.delivery(pk) == {
        "status": "succeeded",
        "attempts": 2,
        "response_code": 200,
        "error": "",
    }
    assert worker_db.query("SELECT count(*) FROM home_webhookdelivery") == [(1,)]
    assert worker_db.tasks(pk) == [
        ("FAILED", "cms.webhooks.recovery.WorkerLost"),
        ("SUCCESSFUL", ""),
    ]
    print(f"kill test: {elapsed:.1f} s from the first worker's start to the second's stop")
    assert elapsed < 60


def test_run_worker_survives_its_database_connection_being_terminated(worker_db, receiver):
    started = time.monotonic()
    worker = worker_db.start_worker("supervised")
    first = worker_db.create_delivery(receiver.url)["pk"]
    wait_for(
        lambda: worker_db.delivery(first)["status"] == "succeeded",
        timeout=30,
        what=f"the first delivery\n{worker_db.log()}",
    )
    backends = []
    # Terminated while idle, twice: the worker notices at its next query and reconnects.
    for round in (1, 2):
        backend = worker_db.new_backend(backends)
        backends.append(backend)
        terminate(backend)
        wait_for(
            lambda round=round: worker_db.log().count("Database error in the worker") >= round,
            timeout=15,
            what=f"the worker to notice\n{worker_db.log()}",
        )
        assert worker.poll() is None, worker_db.log()

    after = worker_db.create_delivery(receiver.url)["pk"]
    wait_for(
        lambda: worker_db.delivery(after)["status"] == "succeeded",
        timeout=30,
        what=f"a delivery after the connection was terminated\n{worker_db.log()}",
    )
    backend = worker_db.new_backend(backends)  # a new connection
    backends.append(backend)

    # Terminated while a delivery waits for its receiver: the outcome is still recorded (on a new
    # connection), and the delivery is not sent twice.
    receiver.hold(20)
    during = worker_db.create_delivery(receiver.url)["pk"]
    assert receiver.arrived.wait(30), worker_db.log()
    terminate(backend)
    receiver.release()
    wait_for(
        lambda: worker_db.delivery(during)["status"] == "succeeded",
        timeout=30,
        what=f"the delivery in flight when the connection was terminated\n{worker_db.log()}",
    )
    assert worker_db.delivery(during)["attempts"] == 1
    assert len(receiver.requests) == 3  # one request per delivery

    # The database refuses connections for a while (a restart, a failover): the worker waits
    # with growing delays, and goes on once it can connect again.
    errors = worker_db.log().count("Database error in the worker")
    backend = worker_db.new_backend(backends)
    with outage(worker_db.name):
        terminate(backend)
        wait_for(
            lambda: worker_db.log().count("Database error in the worker") >= errors + 3,
            timeout=15,
            what=f"the worker to retry\n{worker_db.log()}",
        )
        assert worker.poll() is None, worker_db.log()
    last = worker_db.create_delivery(receiver.url)["pk"]
    wait_for(
        lambda: worker_db.delivery(last)["status"] == "succeeded",
        timeout=30,
        what=f"a delivery after the outage\n{worker_db.log()}",
    )
    assert len(receiver.requests) == 4
    assert worker.poll() is None
    assert worker_db.stop(worker) == 0
    assert time.monotonic() - started < 60


def allow_connections(name: str, allowed: bool) -> None:
    query = sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS {}")
    with connect("postgres") as conn:
        conn.execute(query.format(sql.Identifier(name), sql.SQL(str(allowed).lower())))


@contextlib.contextmanager
def outage(name: str):
    """New connections to the database are refused inside the block."""
    allow_connections(name, False)
    try:
        yield
    finally:
        allow_connections(name, True)


def terminate(backend: int) -> None:
    with connect("postgres") as conn:
        [(terminated,)] = conn.execute("SELECT pg_terminate_backend(%s)", (backend,)).fetchall()
    assert terminated
