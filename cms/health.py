"""Health checks for load balancers and orchestrators (docs/deployment.md, "Health checks").

- `/healthz` (liveness): the process is up and answers; 200 `{"status": "ok"}`, touching nothing
  else. Restart the process when it fails.
- `/readyz` (readiness): the database answers a trivial query (within
  HEALTH_CHECK_TIMEOUT_SECONDS) and the default cache stores and returns a key; 200
  `{"status": "ok", "checks": {"database": "ok", "cache": "ok"}}`, else 503 with `Retry-After`
  and the failing check named by its error class (`"database": "OperationalError"`). Send no
  traffic to the process while it fails; do not restart it for that.

A connection broken earlier (its backend killed, the server restarted) is dropped and the check
tried once more on a new one, so /readyz is 200 again as soon as the database is back, without a
restart. Neither answer is ever cached (`Cache-Control: no-store`).
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from cms.logs import one_line

logger = logging.getLogger("cms.health")

OK = "ok"


def no_store(response: JsonResponse) -> JsonResponse:
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def healthz(request) -> JsonResponse:
    return no_store(JsonResponse({"status": OK}))


@require_safe
def readyz(request) -> JsonResponse:
    checks = {"database": check_database(), "cache": check_cache()}
    if all(result == OK for result in checks.values()):
        return no_store(JsonResponse({"status": OK, "checks": checks}))
    response = JsonResponse({"status": "unavailable", "checks": checks}, status=503)
    response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER_SECONDS)
    logger.warning(
        "Not ready: %s",
        " ".join(f"{name}={result}" for name, result in checks.items()),
    )
    response._has_been_logged = True  # this line is the log of it (not django.request's too)
    return no_store(response)


def check_database(alias: str = DEFAULT_DB_ALIAS) -> str:
    """`ok`, or the class name of the error the database answered with."""
    connection = connections[alias]
    try:
        select_one(connection)
    except Exception:  # noqa: BLE001 - perhaps only this connection broke: try a new one
        drop(connection)
        try:
            select_one(connection)
        except Exception as error:  # noqa: BLE001
            drop(connection)
            logger.debug("database check failed: %s", one_line(error))
            return type(error).__name__
    return OK


def select_one(connection) -> None:
    timeout_ms = max(1, int(settings.HEALTH_CHECK_TIMEOUT_SECONDS * 1000))
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # For this transaction only: a server too busy to answer in time is not ready.
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(timeout_ms)])
        cursor.execute("SELECT 1")
        cursor.fetchone()


def drop(connection) -> None:
    """Close a connection that failed, so the next use opens a new one.

    Not inside a transaction block: ATOMIC_REQUESTS is off, so that is only a test's own
    transaction, which closing would break.
    """
    if not connection.in_atomic_block:
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - closing a dead connection may fail too
            connection.connection = None


def check_cache(alias: str = "default") -> str:
    """`ok` when the cache stores a key and returns it, else the error's class name."""
    key = f"readyz:{uuid.uuid4().hex}"
    try:
        cache = caches[alias]
        cache.set(key, OK, timeout=30)
        found = cache.get(key)
        cache.delete(key)
    except Exception as error:  # noqa: BLE001 - whatever the backend raises
        logger.debug("cache check failed: %s", one_line(error))
        return type(error).__name__
    return OK if found == OK else "CacheReadBackFailed"
