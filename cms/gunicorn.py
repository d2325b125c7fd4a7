"""gunicorn's configuration: `gunicorn -c python:cms.gunicorn cms.wsgi` (docs/deployment.md).

Every value comes from the environment, with defaults for a small machine. Threads (gthread)
because a request mostly waits on PostgreSQL; a few processes because Python runs one thread at a
time. Workers are recycled after a number of requests so that a slow leak cannot grow forever, and
a request that hangs is killed after `timeout` seconds instead of holding its worker.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{_int('PORT', 8000)}")
workers = _int("GUNICORN_WORKERS", min(multiprocessing.cpu_count() * 2, 8))
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 4)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Logs go to stdout/stderr for the process supervisor; the access log is off unless asked for
# (the load balancer usually keeps one).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# Behind a reverse proxy on the same host: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def post_worker_init(worker):
    """Fill the worker's database pool before it accepts requests (cms/db/pool.py), so that no
    request pays for setting a connection up. Without a pool (DATABASE_POOL=false) it does
    nothing. GUNICORN_POOL_WAIT bounds the wait: a database that is down must not keep the
    worker from starting (it then answers 503 until the database is back)."""
    # Why here: gunicorn reads this file before Django is set up; the worker has loaded the app.
    from cms.db.pool import open_pools

    open_pools(timeout=float(os.environ.get("GUNICORN_POOL_WAIT", 20)))
