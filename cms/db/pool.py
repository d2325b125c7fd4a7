"""Opening the connection pools before a process serves (gunicorn's post_worker_init)."""

import logging
import time

from django.db import connections

logger = logging.getLogger("cms.db")


def open_pools(timeout: float, databases=connections) -> None:
    """Open every pooled database's pool, grow it to its `max_size` (the settings give other
    processes a `min_size` of one) and wait until it holds them, each set up (search dictionaries
    loaded), so no request waits for a new connection.

    A database that is down does not stop the process: after `timeout` seconds it serves
    anyway, its requests answered 503 until the pool connects (psycopg_pool keeps trying).
    psycopg_pool's own `wait()` is not used because it closes the pool for good on a timeout.
    """
    for connection in databases.all():
        pool = getattr(connection, "pool", None)
        if pool is None:
            continue
        pool.open()
        pool.resize(min_size=pool.max_size, max_size=pool.max_size)
        if not wait_until_filled(pool, timeout):
            logger.warning(
                "Database pool %r holds %s of its %s connections after %g s; serving anyway",
                connection.alias,
                pool.get_stats().get("pool_available", 0),
                pool.min_size,
                timeout,
            )


def wait_until_filled(pool, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while pool.get_stats().get("pool_available", 0) < pool.min_size:
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True
