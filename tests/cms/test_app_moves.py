"""An existing database migrates from the old app layout to the new one without losing data.

TranslationReviewTask moved from `home` to `translation`, WebhookEndpoint/WebhookDelivery to
`webhooks` and PagePreview to `cms`, by state-only migrations that keep the tables and rename the
content types and the waiting django-tasks rows in place (translation/0001, webhooks/0001,
cms/0001, home/0010).

The tests use PostgreSQL databases of their own, never pytest-django's test database (no `db`
fixture, so no test transaction either). Once per module a template database is migrated the way
production is today (home up to 0009, every other pre-existing app to its latest migration, the
new apps not at all) and filled with plain SQL as the old code wrote its rows. Each test copies
it, runs `manage.py migrate` in a subprocess and reads everything back through the ORM in another
subprocess (`manage.py shell`).

Forward: no data lost. Back: the reverse migrations restore the old layout row for row, whether
the three new apps are unapplied in one run or one `migrate <app> zero` at a time (then
post_migrate re-creates home content types between the runs, and cms/content_types.py merges
them into the original rows instead of dropping grants).
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from psycopg import sql
from psycopg.types.json import Jsonb

PROJECT_ROOT = Path(__file__).resolve().parents[2]
HOME_OLD_LEAF = "0009_moderators_publish_english_only"
HOME_MOVE = "0010_models_moved_to_their_apps"
NEW_APPS = ("translation", "webhooks", "cms")
# Moved model -> its new app label.
MOVED = {
    "translationreviewtask": "translation",
    "webhookendpoint": "webhooks",
    "webhookdelivery": "webhooks",
    "pagepreview": "cms",
}
TASK_RENAMES = {
    "home.webhooks.deliver_webhook": "cms.webhooks.delivery.deliver_webhook",
    "home.scheduling.run_publish_scheduled": "cms.scheduling.run_publish_scheduled",
}
TRANSLATORS_CS = "Translators (cs)"
REVIEWERS = ["Reviewers (cs)", "Reviewers (uk)"]
WORKFLOW_NAME = "Translation review"
TASK_NAME = "Review by the locale's reviewers"
MARK = "@@RESULT@@ "

# After `migrate home 0009`: every other app that existed before the move up to its latest
# migration, as in production (this creates django-tasks' table, for one). The new apps and
# home/0010 are left out.
OLD_LAYOUT_REST = f"""
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

graph = MigrationLoader(connection).graph
for app_label, name in sorted(graph.leaf_nodes()):
    plan = graph.forwards_plan((app_label, name))
    if any(a in {NEW_APPS!r} or (a, n) == ("home", {HOME_MOVE!r}) for a, n in plan):
        continue
    call_command("migrate", app_label, name, interactive=False, verbosity=0, skip_checks=True)
print({MARK!r} + "{{}}")
"""

# Everything read back through the new models; prints one JSON line.
VERIFY = f"""
import json
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry, Task, Workflow

from cms.models import PagePreview
from cms.translation.models import TranslationReviewTask
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint

endpoint = WebhookEndpoint.objects.get()
delivery = WebhookDelivery.objects.get()
preview = PagePreview.objects.get()
group = Group.objects.get(name={TRANSLATORS_CS!r})
user = User.objects.get(username="translator-cs")
task = Task.objects.get(name={TASK_NAME!r})
specific = task.specific
workflow = Workflow.objects.get(name={WORKFLOW_NAME!r})
models = {{
    "translationreviewtask": TranslationReviewTask,
    "webhookendpoint": WebhookEndpoint,
    "webhookdelivery": WebhookDelivery,
    "pagepreview": PagePreview,
}}
result = {{
    "endpoint": {{
        "id": endpoint.pk,
        "name": endpoint.name,
        "url": endpoint.url,
        "secret": endpoint.secret,
        "events": endpoint.events,
        "active": endpoint.active,
        "created_at": endpoint.created_at.isoformat(),
        "locales": sorted(endpoint.locales.values_list("language_code", flat=True)),
        "deliveries": [d.uuid.hex for d in endpoint.deliveries.all()],
        "history": [
            [e.pk, e.action, e.label, e.object_id]
            for e in ModelLogEntry.objects.for_instance(endpoint)
        ],
    }},
    "delivery": {{
        "id": delivery.pk,
        "uuid": delivery.uuid.hex,
        "endpoint": delivery.endpoint.name,
        "event": delivery.event,
        "payload": delivery.payload,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "response_code": delivery.response_code,
        "error": delivery.error,
        "created_at": delivery.created_at.isoformat(),
        "last_attempt_at": delivery.last_attempt_at.isoformat(),
        "next_attempt_at": delivery.next_attempt_at.isoformat(),
    }},
    "preview": {{
        "id": preview.pk,
        "key": preview.key.hex,
        "page": preview.page_id,
        "content": preview.content,
        "created_at": preview.created_at.isoformat(),
    }},
    "content_types": {{
        name: [ContentType.objects.get_for_model(model).pk, model._meta.app_label]
        for name, model in models.items()
    }},
    "content_type_rows": sorted(
        [ct.pk, ct.app_label, ct.model] for ct in ContentType.objects.filter(model__in=list(models))
    ),
    "group_permissions": sorted(
        [p.pk, p.content_type.app_label, p.content_type.model, p.codename]
        for p in group.permissions.all()
    ),
    "permissions_of_moved_models": sorted(
        [p.pk, p.content_type.app_label, p.codename]
        for p in Permission.objects.filter(content_type__model__in=list(models))
    ),
    "user_perms": {{
        name: user.has_perm(name)
        for name in [
            "webhooks.change_webhookendpoint",
            "webhooks.view_webhookdelivery",
            "home.change_webhookendpoint",
        ]
    }},
    "task": {{
        "id": task.pk,
        "class": type(specific).__module__ + "." + type(specific).__qualname__,
        "is_translation_review_task": isinstance(specific, TranslationReviewTask),
        "active": specific.active,
        "groups": sorted(specific.groups.values_list("name", flat=True)),
        "workflows": sorted(task.workflows.values_list("name", flat=True)),
    }},
    "workflow_tasks": [t.specific.name for t in workflow.tasks.all()],
    "db_tasks": sorted(
        [str(t.id), t.task_path, t.status, t.args_kwargs] for t in DBTaskResult.objects.all()
    ),
}}
print({MARK!r} + json.dumps(result, sort_keys=True))
"""


# --- databases and subprocesses --------------------------------------------------------------


def connect(dbname: str) -> psycopg.Connection:
    db = settings.DATABASES["default"]
    return psycopg.connect(
        host=db.get("HOST") or "127.0.0.1",
        port=db.get("PORT") or 5432,
        user=db.get("USER") or "postgres",
        password=db.get("PASSWORD") or None,
        dbname=dbname,
        autocommit=True,
    )


def database_url(dbname: str) -> str:
    db = settings.DATABASES["default"]
    user = quote(db.get("USER") or "postgres", safe="")
    password = db.get("PASSWORD")
    auth = f"{user}:{quote(password, safe='')}" if password else user
    return f"postgres://{auth}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{dbname}"


def scratch_name(suffix: str) -> str:
    """Named after the configured database, so runs against different ones stay apart."""
    return f"{settings.DATABASES['default']['NAME']}_app_moves_{suffix}"


def drop_database(name: str) -> None:
    with connect("postgres") as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def create_database(name: str, template: str | None = None) -> None:
    drop_database(name)
    query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        query += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with connect("postgres") as conn:
        conn.execute(query)


class Project:
    """`manage.py` in a subprocess against one scratch database, and SQL on it."""

    def __init__(self, dbname: str):
        self.dbname = dbname
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url(dbname),
        }

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, (
            f"manage.py {' '.join(args)} failed ({done.returncode}):\n"
            f"{done.stdout[-4000:]}\n{done.stderr[-8000:]}"
        )
        return done.stdout

    def migrate(self, *args: str) -> None:
        # System checks import the URLconf, which has nothing to do with migrating.
        self.manage("migrate", *args, "--noinput", "--skip-checks")

    def shell(self, code: str) -> dict:
        output = self.manage("shell", "--no-imports", "-c", code)
        lines = [line for line in output.splitlines() if line.startswith(MARK)]
        assert len(lines) == 1, output
        return json.loads(lines[0][len(MARK) :])

    def query(self, query, params=()) -> list[tuple]:
        with connect(self.dbname) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else []

    def one(self, query, params=()):
        rows = self.query(query, params)
        assert len(rows) == 1 and len(rows[0]) == 1, (query, rows)
        return rows[0][0]

    def insert(self, table: str, values: dict):
        """INSERT one row; returns its first column (the id)."""
        query = sql.SQL("INSERT INTO {} ({}) VALUES ({}) RETURNING *").format(
            sql.Identifier(table),
            sql.SQL(", ").join(map(sql.Identifier, values)),
            sql.SQL(", ").join(sql.Placeholder() * len(values)),
        )
        return self.query(query, list(values.values()))[0][0]

    def applied(self, app: str) -> list[str]:
        rows = self.query("SELECT name FROM django_migrations WHERE app = %s ORDER BY name", (app,))
        return [name for (name,) in rows]


# --- the old layout, as production has it ----------------------------------------------------


def task_row_extras(project: Project) -> dict:
    """NOT NULL columns of the task table beyond the ones written below (metadata: {})."""
    written = {
        "id",
        "status",
        "enqueued_at",
        "started_at",
        "finished_at",
        "args_kwargs",
        "priority",
        "task_path",
        "worker_ids",
        "queue_name",
        "backend_name",
        "run_after",
        "return_value",
        "exception_class_path",
        "traceback",
    }
    extras = {}
    for column, data_type in project.query(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = "
        "'django_tasks_database_dbtaskresult' AND is_nullable = 'NO' AND column_default IS NULL"
    ):
        if column not in written:
            assert data_type == "jsonb", (column, data_type)
            extras[column] = Jsonb({})
    return extras


def fill_like_production(project: Project) -> dict:
    """Rows as the old code wrote them, by plain SQL; returns what must come back."""
    cs = project.one("SELECT id FROM wagtailcore_locale WHERE language_code = 'cs'")
    page = project.one("SELECT id FROM wagtailcore_page WHERE depth = 2 ORDER BY id LIMIT 1")
    home_ct = {
        model: project.one(
            "SELECT id FROM django_content_type WHERE app_label = 'home' AND model = %s", (model,)
        )
        for model in MOVED
    }

    endpoint = project.insert(
        "home_webhookendpoint",
        {
            "name": "Public website",
            "url": "https://www.example.org/api/revalidate",
            "secret": "s3cret-Key_1234567890",
            "events": Jsonb(["page.published", "translation.published"]),
            "active": True,
            "created_at": "2026-01-02T03:04:05+00:00",
        },
    )
    project.query(
        "INSERT INTO home_webhookendpoint_locales (webhookendpoint_id, locale_id) VALUES (%s, %s)",
        (endpoint, cs),
    )
    # The admin's history of the endpoint (Wagtail logs model changes by content type).
    log_entry = project.insert(
        "wagtailcore_modellogentry",
        {
            "content_type_id": home_ct["webhookendpoint"],
            "label": "Public website",
            "action": "wagtail.create",
            "data": Jsonb({}),
            "timestamp": "2026-01-02T03:04:05+00:00",
            "content_changed": True,
            "deleted": False,
            "object_id": str(endpoint),
        },
    )
    delivery_uuid = uuid.UUID("3f2c1d7e-5b6a-4c8d-9e0f-112233445566")
    payload = {"event": "page.published", "page": {"id": page, "locale": "cs", "path": "/cs/"}}
    delivery = project.insert(
        "home_webhookdelivery",
        {
            "uuid": delivery_uuid,
            "endpoint_id": endpoint,
            "event": "page.published",
            "payload": Jsonb(payload),
            "status": "retrying",
            "attempts": 2,
            "response_code": 503,
            "error": "HTTP 503 from the receiver",
            "created_at": "2026-01-03T10:00:00+00:00",
            "last_attempt_at": "2026-01-03T10:01:00+00:00",
            "next_attempt_at": "2026-01-03T10:02:00+00:00",
        },
    )
    preview_key = uuid.UUID("aa11bb22-cc33-4d44-8e55-ff6677889900")
    preview_content = {"title": "Unsaved title", "pk": page, "body": []}
    preview = project.insert(
        "home_pagepreview",
        {
            "key": preview_key,
            "page_id": page,
            "content": Jsonb(preview_content),
            "created_at": "2026-01-04T08:00:00+00:00",
        },
    )

    # Tasks as the database backend stores them: two waiting (renamed), one finished (kept).
    extras = task_row_extras(project)
    tasks = {}
    for old_path, status, args in [
        ("home.webhooks.deliver_webhook", "READY", [delivery]),
        ("home.scheduling.run_publish_scheduled", "READY", []),
        ("home.webhooks.deliver_webhook", "SUCCESSFUL", [delivery]),
    ]:
        task_id = project.insert(
            "django_tasks_database_dbtaskresult",
            {
                "id": uuid.uuid4(),
                "status": status,
                "enqueued_at": "2026-01-03T10:01:00+00:00",
                "finished_at": None if status == "READY" else "2026-01-03T10:01:01+00:00",
                "args_kwargs": Jsonb({"args": args, "kwargs": {}}),
                "priority": 0,
                "task_path": old_path,
                "worker_ids": Jsonb([]),
                "queue_name": "default",
                "backend_name": "default",
                "run_after": "2026-01-03T10:02:00+00:00",
                "return_value": None,
                "exception_class_path": "",
                "traceback": "",
                **extras,
            },
        )
        new_path = TASK_RENAMES[old_path] if status == "READY" else old_path
        tasks[str(task_id)] = {"old": old_path, "new": new_path, "status": status, "args": args}

    # Translators (cs) may edit endpoints and read the delivery log; a translator is in it.
    group = project.one("SELECT id FROM auth_group WHERE name = %s", (TRANSLATORS_CS,))
    granted = []
    for model, codename in [
        ("webhookendpoint", "change_webhookendpoint"),
        ("webhookdelivery", "view_webhookdelivery"),
    ]:
        rows = project.query(
            "SELECT id FROM auth_permission WHERE content_type_id = %s AND codename = %s",
            (home_ct[model], codename),
        )
        permission = rows[0][0] if rows else None
        if permission is None:
            permission = project.insert(
                "auth_permission",
                {"name": codename, "content_type_id": home_ct[model], "codename": codename},
            )
        project.query(
            "INSERT INTO auth_group_permissions (group_id, permission_id) VALUES (%s, %s)",
            (group, permission),
        )
        granted.append(permission)
    user = project.insert(
        "auth_user",
        {
            "password": "!",
            "is_superuser": False,
            "username": "translator-cs",
            "first_name": "",
            "last_name": "",
            "email": "translator@example.org",
            "is_staff": False,
            "is_active": True,
            "date_joined": "2026-01-01T00:00:00+00:00",
        },
    )
    project.query("INSERT INTO auth_user_groups (user_id, group_id) VALUES (%s, %s)", (user, group))
    return {
        "endpoint": endpoint,
        "log_entry": log_entry,
        "delivery": delivery,
        "delivery_uuid": delivery_uuid.hex,
        "payload": payload,
        "preview": preview,
        "preview_key": preview_key.hex,
        "preview_content": preview_content,
        "page": page,
        "tasks": tasks,
        "granted": granted,
    }


def snapshot(project: Project) -> dict:
    """The rows the move touches, by SQL (ids included): the old layout must come back to it."""
    return {
        "content_types": project.query(
            # The moved models' content types, under either label; models the new apps gained
            # after the move (e.g. cms.persistedquery) keep theirs when rolled back, like any app.
            "SELECT id, app_label, model FROM django_content_type "
            "WHERE model = ANY(%s) ORDER BY id",
            (list(MOVED),),
        ),
        "moved_permissions": project.query(
            "SELECT p.id, ct.app_label, ct.model, p.codename FROM auth_permission p "
            "JOIN django_content_type ct ON ct.id = p.content_type_id "
            "WHERE ct.model = ANY(%s) ORDER BY p.id",
            (list(MOVED),),
        ),
        "group_permissions": project.query(
            "SELECT p.id, ct.app_label, ct.model, p.codename FROM auth_group_permissions gp "
            "JOIN auth_group g ON g.id = gp.group_id "
            "JOIN auth_permission p ON p.id = gp.permission_id "
            "JOIN django_content_type ct ON ct.id = p.content_type_id "
            "WHERE g.name = %s ORDER BY p.id",
            (TRANSLATORS_CS,),
        ),
        "review_task": project.query(
            "SELECT t.id, ct.app_label, ct.model, t.active, r.groupapprovaltask_ptr_id "
            "FROM wagtailcore_task t JOIN django_content_type ct ON ct.id = t.content_type_id "
            "LEFT JOIN home_translationreviewtask r ON r.groupapprovaltask_ptr_id = t.id "
            "WHERE t.name = %s",
            (TASK_NAME,),
        ),
        "log_entries": project.query(
            "SELECT id, content_type_id, object_id, action FROM wagtailcore_modellogentry "
            "ORDER BY id"
        ),
        "db_tasks": project.query(
            "SELECT id::text, task_path, status FROM django_tasks_database_dbtaskresult ORDER BY id"
        ),
        "rows": {
            table: project.query(
                sql.SQL("SELECT * FROM {} ORDER BY 1").format(sql.Identifier(table))
            )
            for table in [
                "home_webhookendpoint",
                "home_webhookendpoint_locales",
                "home_webhookdelivery",
                "home_pagepreview",
                "home_translationreviewtask",
            ]
        },
    }


@pytest.fixture(scope="module")
def old_layout():
    """A template database in the old layout with production-like rows (built once)."""
    name = scratch_name("old")
    create_database(name)
    try:
        project = Project(name)
        project.migrate("home", HOME_OLD_LEAF)
        project.shell(OLD_LAYOUT_REST)
        for app in NEW_APPS:
            assert project.applied(app) == []
        assert project.applied("home")[-1] == HOME_OLD_LEAF
        assert HOME_MOVE not in project.applied("home")
        assert project.applied("django_tasks_database")[-1] == (
            "0021_conditional_partial_index_ordering"
        )
        data = fill_like_production(project)
        before = snapshot(project)
        assert sorted((label, model) for _, label, model in before["content_types"]) == sorted(
            ("home", model) for model in MOVED
        )
        assert set(data["granted"]) <= {row[0] for row in before["group_permissions"]}
        yield name, data, before
    finally:
        drop_database(name)


@pytest.fixture
def project(old_layout):
    """A fresh copy of the old-layout database for one test."""
    template, data, before = old_layout
    name = scratch_name("test")
    create_database(name, template=template)
    try:
        yield Project(name), data, before
    finally:
        drop_database(name)


# --- checks -----------------------------------------------------------------------------------


def check_new_layout(project: Project, data: dict, before: dict) -> None:
    assert HOME_MOVE in project.applied("home")
    for app in NEW_APPS:
        # The move is each new app's first migration; later ones (new models) may follow.
        assert project.applied(app)[0] == "0001_initial"
    result = project.shell(VERIFY)
    old_ct = {model: pk for pk, _, model in before["content_types"]}

    assert result["endpoint"] == {
        "id": data["endpoint"],
        "name": "Public website",
        "url": "https://www.example.org/api/revalidate",
        "secret": "s3cret-Key_1234567890",
        "events": ["page.published", "translation.published"],
        "active": True,
        "created_at": "2026-01-02T03:04:05+00:00",
        "locales": ["cs"],
        "deliveries": [data["delivery_uuid"]],
        "history": [[data["log_entry"], "wagtail.create", "Public website", str(data["endpoint"])]],
    }
    assert result["delivery"] == {
        "id": data["delivery"],
        "uuid": data["delivery_uuid"],
        "endpoint": "Public website",
        "event": "page.published",
        "payload": data["payload"],
        "status": "retrying",
        "attempts": 2,
        "response_code": 503,
        "error": "HTTP 503 from the receiver",
        "created_at": "2026-01-03T10:00:00+00:00",
        "last_attempt_at": "2026-01-03T10:01:00+00:00",
        "next_attempt_at": "2026-01-03T10:02:00+00:00",
    }
    assert result["preview"] == {
        "id": data["preview"],
        "key": data["preview_key"],
        "page": data["page"],
        "content": data["preview_content"],
        "created_at": "2026-01-04T08:00:00+00:00",
    }

    # Content types renamed in place: the same rows under the new labels, none left in home.
    assert result["content_types"] == {
        model: [old_ct[model], label] for model, label in MOVED.items()
    }
    assert result["content_type_rows"] == sorted(
        [old_ct[model], label, model] for model, label in MOVED.items()
    )
    # The same permission rows, on the new labels; none created twice, none lost.
    assert result["permissions_of_moved_models"] == sorted(
        [pk, MOVED[model], codename] for pk, _, model, codename in before["moved_permissions"]
    )
    assert result["group_permissions"] == sorted(
        [pk, MOVED.get(model, label), model, codename]
        for pk, label, model, codename in before["group_permissions"]
    )
    granted = [p for p in result["group_permissions"] if p[0] in data["granted"]]
    assert granted == [
        [data["granted"][0], "webhooks", "webhookendpoint", "change_webhookendpoint"],
        [data["granted"][1], "webhooks", "webhookdelivery", "view_webhookdelivery"],
    ]
    assert result["user_perms"] == {
        "webhooks.change_webhookendpoint": True,
        "webhooks.view_webhookdelivery": True,
        "home.change_webhookendpoint": False,
    }

    [(task_id, label, model, active, ptr)] = before["review_task"]
    assert (label, model, active, ptr) == ("home", "translationreviewtask", True, task_id)
    assert result["task"] == {
        "id": task_id,
        "class": "cms.translation.models.TranslationReviewTask",
        "is_translation_review_task": True,
        "active": True,
        "groups": REVIEWERS,
        "workflows": [WORKFLOW_NAME],
    }
    assert result["workflow_tasks"] == [TASK_NAME]

    # Waiting tasks point at the new task paths; the finished one keeps its history.
    assert result["db_tasks"] == sorted(
        [task_id, task["new"], task["status"], {"args": task["args"], "kwargs": {}}]
        for task_id, task in data["tasks"].items()
    )
    assert sorted(t["new"] for t in data["tasks"].values()) == [
        "cms.scheduling.run_publish_scheduled",
        "cms.webhooks.delivery.deliver_webhook",
        "home.webhooks.deliver_webhook",
    ]


def check_old_layout(project: Project, before: dict) -> None:
    for app in NEW_APPS:
        assert project.applied(app) == []
    assert project.applied("home")[-1] == HOME_OLD_LEAF
    after = snapshot(project)
    # Key by key first, for a readable diff.
    for key in ["rows", "db_tasks", "review_task", "content_types", "moved_permissions"]:
        assert after[key] == before[key], key
    for key in ["group_permissions", "log_entries"]:
        assert after[key] == before[key], key
    assert after == before


# --- tests ------------------------------------------------------------------------------------


def test_old_database_migrates_to_the_new_layout_without_data_loss(project):
    project, data, before = project
    project.migrate()
    check_new_layout(project, data, before)


# The three new apps unapplied in one migration run, post_migrate signal once at the end (what
# `migrate` does, for several apps at once; `migrate` itself takes one app label).
ROLL_BACK_IN_ONE_RUN = f"""
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

executor = MigrationExecutor(connection)
targets = [(app, None) for app in {NEW_APPS!r}]
plan = executor.migration_plan(targets)
state = executor.migrate(targets, plan=plan)
emit_post_migrate_signal(0, False, "default", apps=state.apps, plan=plan)
print({MARK!r} + json.dumps([[m.app_label, m.name, backwards] for m, backwards in plan]))
"""


def test_reverse_migrations_restore_the_old_layout_and_forward_again(project):
    project, data, before = project
    project.migrate()
    plan = project.shell("import json\n" + ROLL_BACK_IN_ONE_RUN)
    moves = [
        ["home", HOME_MOVE, True],
        ["translation", "0001_initial", True],
        ["webhooks", "0001_initial", True],
        ["cms", "0001_initial", True],
    ]
    # Later migrations that depend on the move are unapplied first, all backwards.
    assert [step for step in plan if step in moves] == moves
    assert all(backwards for _, _, backwards in plan)
    # The same content type, permission, log entry and task rows as before, under home again.
    check_old_layout(project, before)
    project.migrate()
    check_new_layout(project, data, before)


def test_rolling_back_app_by_app_with_manage_py_keeps_the_data(project):
    # `migrate home 0009` is no rollback at all: it unapplies home/0010 only (nothing depends
    # the other way), the new apps' content types and task paths stay renamed and post_migrate
    # adds a second set of home content types and permissions next to them.
    project, data, before = project
    project.migrate()
    for app in NEW_APPS:
        project.migrate(app, "zero")
    check_old_layout(project, before)
    project.migrate()
    check_new_layout(project, data, before)
