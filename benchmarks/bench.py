"""`make bench`: this project's API against its peers, side by side in one run.

Everything runs on this machine against 127.0.0.1:
1. builds two PostgreSQL databases with the same data shape (benchmarks/shape.py): `cms_bench`
   for this project (migrate, then benchmarks/data.py: BENCH_PAGES pages, default 5,000, as
   events, news and people in English, Czech and Ukrainian, each event with an image, 2 topics
   and 3 speakers, every body a StreamField; the search index built) and `cms_bench_peers` for a
   tiny Wagtail project with the peers (benchmarks/peers/: wagtail-grapple, Wagtail API v2 and a
   plain JSON view; the same English events), whose venv `.venv-bench` is made on the first run
   and kept while benchmarks/peers/requirements.txt is unchanged; the card's rendition exists on
   both sides before any request; the build times are reported;
2. counts SQL queries per request in each project's own process (benchmarks/count_queries.py),
   and times this project's first search on a new database connection;
3. serves each project with gunicorn (2 sync workers, production settings) and sends N clients
   for S seconds after a warm-up (benchmarks/loadgen.py): this project's event cards uncached, a
   page by path with a StreamField body and searches in Czech and Ukrainian (broad: words on ~90%
   of the pages; narrow: ~2%) uncached, the cards with its response cache (Redis db 14) and with
   If-None-Match (304) when its settings have them; grapple, API v2 and the minimal view with the
   same cards; the load generator alone against a fixed answer (its own ceiling); then a mixed
   load (listings, pages by path, searches; 32 clients for 60 s by default) with the response
   cache on; a scale run (BENCH_PAGES other than 5,000) also builds 5,000 pages in
   `cms_bench_base` and measures the cards and the searches on it and at BENCH_PAGES in turns
   (--scale-rounds rounds of S / rounds seconds on each), with N clients and again with one
   client per worker (what one request takes, no queue): their p95 ratio within one run;
4. prints the tables and writes docs/performance.md, or --output (benchmarks/report.py; not
   with --quick).

    BENCH_PAGES=5000 .venv/bin/python benchmarks/bench.py [--clients 16] [--seconds 20]
        [--mixed-clients 32] [--mixed-seconds 60] [--scale-rounds 3] [--quick] [--keep]
        [--output FILE]

Logs of every step and server are in var/bench/. The databases are dropped at the end (--keep
keeps them). About 8 minutes with the defaults, a minute more when .venv-bench is made;
BENCH_PAGES=50000 builds for several minutes more (the scale run:
`BENCH_PAGES=50000 .venv/bin/python benchmarks/bench.py --output docs/performance-50000.md`).
"""

import argparse
import concurrent.futures
import contextlib
import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
import report
import scenarios
import shape

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PEERS = BENCH / "peers"
WORK = ROOT / "var" / "bench"
OUR_PYTHON = Path(sys.executable)
PEERS_VENV = ROOT / ".venv-bench"
PEERS_PYTHON = PEERS_VENV / "bin" / "python"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
OUR_DB, PEERS_DB = "cms_bench", "cms_bench_peers"
# A scale run (BENCH_PAGES other than the default) also builds the default size in BASE_DB and
# measures the scale rows on both, in alternating rounds (scale_rows).
BASE_DB = "cms_bench_base"
REDIS_URL = "redis://127.0.0.1:6379/14"
SECRET_KEY = secrets.token_urlsafe(50)
LIMIT = 20
PAGES = shape.pages_from_environment()
BASE_PAGES = shape.DEFAULT_PAGES
SCALE_RUN = PAGES != BASE_PAGES
# Sync workers of every server, each with one thread.
WORKERS = 2

CARDS = scenarios.CARDS
GRAPPLE_CARDS = """query Cards($limit: PositiveInt) {
  pages(contentType: "cards.EventPage", limit: $limit, order: "path") {
    ... on EventPage {
      title urlPath start
      mainImage { rendition(fill: "480x270") { url width height } }
      topics { name slug }
      speakers { title urlPath }
    }
  }
}"""
API_V2_CARDS = (
    "/api/v2/pages/?type=cards.EventPage&order=start&limit={limit}"
    "&fields=_,title,url_path,start,main_image_card,topics,speakers"
)


@dataclass(frozen=True)
class Target:
    """One row of the table: the request a server is sent, and how its cards are read."""

    key: str
    label: str
    method: str = "GET"
    query: str = ""  # a GraphQL document: the POST body or ?query=; else `path` is REST
    path: str = "/graphql/"
    conditional: bool = False  # If-None-Match with the ETag of a first answer, 304 expected
    cards: str = ""  # report.read_cards reads the answer: "ours", "grapple", "api"; "" none
    variables: dict | None = None  # fixed variables; None: {"limit": the page size}
    check: Callable[[dict], None] | None = None  # refuses an answer that is not the expected one

    def request(self, limit: int = LIMIT) -> dict:
        variables = self.variables if self.variables is not None else {"limit": limit}
        if self.query and self.method == "POST":
            body = {"query": self.query, "variables": variables}
            return {"method": "POST", "path": self.path, "body": body}
        if self.query:
            params = {"query": self.query, "variables": json.dumps(variables)}
            return {"method": "GET", "path": f"{self.path}?{urllib.parse.urlencode(params)}"}
        return {"method": "GET", "path": self.path.format(limit=limit)}

    @property
    def per_size(self) -> bool:
        """Its cost may depend on the page size (counted at 10 and 100 items)."""
        return self.variables is None

    @property
    def expect(self) -> int:
        return 304 if self.conditional else 200


OURS = Target("ours", "this project, GraphQL (POST, uncached)", "POST", CARDS, cards="ours")


def scenario_target(key: str, label: str) -> Target:
    scenario = scenarios.by_key(key)
    return Target(
        f"ours-{key}", label, "POST", scenario.query, variables=scenario.variables,
        check=scenario.check,
    )  # fmt: skip


OURS_PAGE = scenario_target("page", "this project, page by path, StreamField body (uncached)")
OURS_SEARCH_CS = scenario_target(
    "search-cs", "this project, search in Czech, words on ~90% of the pages (uncached)"
)
OURS_SEARCH_UK = scenario_target(
    "search-uk", "this project, search in Ukrainian, words on ~90% of the pages (uncached)"
)
OURS_NARROW_CS = scenario_target(
    "search-cs-narrow", "this project, search in Czech, words on ~2% of the pages (uncached)"
)
OURS_NARROW_UK = scenario_target(
    "search-uk-narrow", "this project, search in Ukrainian, words on ~2% of the pages (uncached)"
)
OURS_UNCACHED = [OURS, OURS_PAGE, OURS_SEARCH_CS, OURS_SEARCH_UK, OURS_NARROW_CS, OURS_NARROW_UK]
OURS_CACHED = Target(
    "ours-cached", "this project, GraphQL GET, response cache (Redis)", query=CARDS, cards="ours"
)
OURS_304 = Target(
    "ours-304", "this project, GraphQL GET, If-None-Match → 304", query=CARDS, conditional=True
)
GRAPPLE = Target("grapple", "wagtail-grapple", "POST", GRAPPLE_CARDS, cards="grapple")
API_V2 = Target("api", "Wagtail API v2", path=API_V2_CARDS, cards="api")
MINIMAL = Target("minimal", "minimal Django JSON view", path="/minimal/")


# --- processes ---------------------------------------------------------------------------------


def run(name: str, command: list, env: dict, cwd: Path = ROOT, stdin: str | None = None) -> str:
    """A step's stdout; its stderr in var/bench/<name>.log. The bench stops if it fails."""
    log = WORK / f"{name}.log"
    with log.open("w") as errors:
        done = subprocess.run(
            [str(part) for part in command],
            cwd=cwd,
            env=env,
            input=stdin,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            timeout=900,
        )
    (WORK / f"{name}.out").write_text(done.stdout)
    if done.returncode:
        tail = "".join(log.read_text().splitlines(keepends=True)[-30:])
        raise SystemExit(f"{name} failed (exit {done.returncode}), {log}:\n{tail}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(name: str, command: list, env: dict, ready_path: str, cwd: Path = ROOT):
    """A server for the length of the block, at the address it yields; log in var/bench/."""
    base = f"http://127.0.0.1:{env['BENCH_PORT']}"
    with (WORK / f"{name}.log").open("w") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=log)
        try:
            wait_ready(process, base + ready_path, name)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_ready(process, url: str, name: str, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} stopped at start; see {WORK / name}.log")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{name} did not answer {url} within {seconds:.0f} s")


def gunicorn(python: Path, app: str, port: int, *config: str) -> list:
    # Sync workers, one thread each, never recycled during a run: the same for every server.
    return [
        str(python), "-m", "gunicorn", *config, app, "--bind", f"127.0.0.1:{port}",
        "--worker-class", "sync", "--workers", str(WORKERS), "--threads", "1",
        "--max-requests", "0", "--timeout", "30", "--log-level", "warning",
    ]  # fmt: skip


def both(*steps):
    """Independent steps at once (two cores: a build waits on PostgreSQL part of the time)."""
    with concurrent.futures.ThreadPoolExecutor(len(steps)) as pool:
        futures = [pool.submit(step) for step in steps]
        return [future.result() for future in futures]


# --- databases, Redis, the peers' venv ---------------------------------------------------------


def reset_database(name: str, drop_only: bool = False):
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if not drop_only:
            connection.execute(f"CREATE DATABASE {name}")


def redis_client():
    """Redis db 14, or None when no Redis answers (the cached rows are then skipped)."""
    # Why here: redis-py is only needed for the cached rows, and only when Redis runs.
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError:
        return None
    return client


def peers_venv() -> str:
    """Make .venv-bench with the same Python, unless it was made from this requirements.txt."""
    requirements = PEERS / "requirements.txt"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    stamp = PEERS_VENV / ".installed"
    if PEERS_PYTHON.exists() and stamp.exists() and stamp.read_text() == digest:
        return "kept"
    shutil.rmtree(PEERS_VENV, ignore_errors=True)
    run("peers-venv", [sys.executable, "-m", "venv", PEERS_VENV], dict(os.environ))
    pip = [PEERS_PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run("peers-pip", [*pip, "-r", requirements], dict(os.environ))
    stamp.write_text(digest)
    return "made"


# --- environments ------------------------------------------------------------------------------


def our_env(
    port: int = 0, cache: bool | None = None, database: str = OUR_DB, pages: int = PAGES
) -> dict:
    """Production settings from the environment; `cache` True/False turns the response cache
    on/off over Redis (None: the settings have no response cache, Redis is not set)."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "REDIS_URL")}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"{POSTGRES}/{database}",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(WORK / "media-ours"),
        "STATIC_ROOT": str(WORK / "static-ours"),
        "GRAPHQL_RATE_LIMIT": "",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_WORKERS": str(WORKERS),
        "GUNICORN_THREADS": "1",
        "GUNICORN_MAX_REQUESTS": "0",
        "BENCH_PORT": str(port),
        "BENCH_PAGES": str(pages),
    }
    if cache is not None:
        env.update(
            REDIS_URL=REDIS_URL,
            CACHE_KEY_PREFIX="cms-bench",
            GRAPHQL_RESPONSE_CACHE="true" if cache else "false",
        )
    return env


def peers_env(port: int = 0) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "peers.settings",
        "SECRET_KEY": SECRET_KEY,
        "MEDIA_ROOT": str(WORK / "media-peers"),
        "PEERS_DB_NAME": PEERS_DB,
        "PYTHONPATH": os.pathsep.join([str(PEERS), str(BENCH)]),
        "BENCH_PORT": str(port),
        "BENCH_PAGES": str(PAGES),
    }


# --- steps -------------------------------------------------------------------------------------


def build_ours(database: str = OUR_DB, pages: int = PAGES, side: str = "ours") -> dict:
    env = our_env(database=database, pages=pages)
    reset_database(database)
    started = time.monotonic()
    run(f"{side}-migrate", [OUR_PYTHON, "manage.py", "migrate", "--noinput"], env)
    migrated = time.monotonic()
    built = run(f"{side}-data", [OUR_PYTHON, BENCH / "data.py"], env).strip()
    done = time.monotonic()
    return {"side": side, "built": built, "migrate": migrated - started, "data": done - migrated}


def build_base() -> dict:
    return build_ours(BASE_DB, BASE_PAGES, "base")


def build_peers() -> dict:
    venv = peers_venv()
    env = peers_env()
    reset_database(PEERS_DB)
    started = time.monotonic()
    run("peers-migrate", [PEERS_PYTHON, "manage.py", "migrate", "--noinput"], env, PEERS)
    migrated = time.monotonic()
    built = run("peers-data", [PEERS_PYTHON, PEERS / "build.py"], env).strip()
    done = time.monotonic()
    return {
        "side": "peers", "built": f"{built} (.venv-bench {venv})",
        "migrate": migrated - started, "data": done - migrated,
    }  # fmt: skip


def our_cache_support(redis) -> list[str]:
    """Why the cached rows cannot run, from this project's settings at the time of the run and
    from Redis; empty when they can."""
    probe = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps([n for n in ('REDIS_URL', 'GRAPHQL_RESPONSE_CACHE') "
        "if not hasattr(settings, n)]))"
    )
    missing = json.loads(run("ours-settings", [OUR_PYTHON, "-c", probe], our_env()).strip())
    reasons = [f"cms/settings has no {name}" for name in missing]
    if redis is None:
        reasons.append(f"no Redis answers at {REDIS_URL}")
    return reasons


def count_queries(name: str, python: Path, env: dict, targets: list[Target]) -> dict:
    """{target key: (queries at 10 items, at 100)}, counted in the project's own process; a
    target whose variables are fixed is counted once, (n, n)."""
    requests = [
        {"label": f"{t.key}:{n}", "conditional": t.conditional, **t.request(n)}
        for t in targets
        for n in ((10, 100) if t.per_size else (LIMIT,))
    ]
    command = [python, BENCH / "count_queries.py", "--sys-path", ROOT]
    found = json.loads(run(name, command, env, stdin=json.dumps(requests)).splitlines()[-1])
    counts = {}
    for t in targets:
        if t.per_size:
            counts[t.key] = (found[f"{t.key}:10"], found[f"{t.key}:100"])
        else:
            counts[t.key] = (found[f"{t.key}:{LIMIT}"],) * 2
    return counts


def fetch(base: str, target: Target, headers: dict | None = None):
    """(status, headers, body) of one request, for checking an answer before the load."""
    one = target.request()
    data = json.dumps(one["body"]).encode() if "body" in one else None
    request = urllib.request.Request(
        base + one["path"],
        data=data,
        method=one["method"],
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Skipped(Exception):
    """The server has no such answer (a row of the table is skipped, with the reason)."""


def checked(base: str, target: Target) -> dict:
    """Headers for the load, after checking that the server gives the card answer.

    Every side must answer the same 20 cards, or the comparison means nothing; a conditional
    target needs an ETag and a 304 for it, else it is Skipped."""
    status, headers, body = fetch(base, target)
    if status != 200:
        raise SystemExit(f"{target.label}: HTTP {status} before the load: {body[:300]!r}")
    if target.cards:
        report.check_cards(target.label, target.cards, json.loads(body), LIMIT)
    if target.check:
        try:
            target.check(json.loads(body))
        except (ValueError, KeyError, TypeError, IndexError) as error:
            raise SystemExit(f"{target.label}: {error}") from None
    if not target.conditional:
        return {}
    etag = headers.get("ETag")
    if not etag:
        raise Skipped("GET answers carry no ETag")
    status, _, _ = fetch(base, target, {"If-None-Match": etag})
    if status != 304:
        raise Skipped(f"If-None-Match with the ETag was answered {status}, not 304")
    return {"If-None-Match": etag}


def load(base: str, target: Target, options, headers: dict) -> dict:
    one = target.request()
    command = [
        OUR_PYTHON, BENCH / "loadgen.py", base + one["path"], "--method", one["method"],
        "--expect", target.expect, "--clients", options.clients,
        "--seconds", options.seconds, "--warmup", options.warmup,
    ]  # fmt: skip
    if "body" in one:
        command += ["--body", json.dumps(one["body"])]
    for name, value in headers.items():
        command += ["--header", f"{name}: {value}"]
    result = json.loads(run(f"load-{target.key}", command, dict(os.environ)).splitlines()[-1])
    print(f"  {target.label}: {report.summary(result)}", flush=True)
    return result


def measure(base: str, target: Target, options) -> dict:
    try:
        headers = checked(base, target)
    except Skipped as reason:
        print(f"  {target.label}: skipped, {reason.args[0]}", flush=True)
        return {"skipped": reason.args[0]}
    return load(base, target, options, headers)


def mixed(base: str, options) -> dict:
    """The mixed load (scenarios.mix_requests) with the response cache on, after checking that
    the first request of each kind is answered without errors."""
    requests = scenarios.mix_requests(shape.plan(PAGES))
    for kind in dict.fromkeys(one["kind"] for one in requests):
        first = next(one for one in requests if one["kind"] == kind)
        with urllib.request.urlopen(base + first["path"], timeout=30) as answer:
            body = json.loads(answer.read())
        if body.get("errors") or not body.get("data"):
            raise SystemExit(f"mixed load, {kind}: {str(body)[:300]}")
    mix_file = WORK / "mix.json"
    mix_file.write_text(json.dumps(requests))
    command = [
        OUR_PYTHON, BENCH / "loadgen.py", base, "--mix", mix_file,
        "--clients", options.mixed_clients, "--seconds", options.mixed_seconds,
        "--warmup", options.warmup,
    ]  # fmt: skip
    result = json.loads(run("load-mixed", command, dict(os.environ)).splitlines()[-1])
    kinds = scenarios.mix(shape.plan(PAGES))
    result["distinct"] = {kind: len(paths) for kind, paths in kinds.items()}
    result["clients"], result["seconds"] = options.mixed_clients, options.mixed_seconds
    print(f"  mixed load: {report.summary(result)}", flush=True)
    return result


def ceiling(options) -> dict:
    """The load generator against a fixed answer (two processes, closed after each answer as
    the sync workers do): the most it can measure on this machine."""
    port = free_port()
    command = [OUR_PYTHON, BENCH / "loadgen.py", "--serve-fixed", port]
    servers = [subprocess.Popen([str(part) for part in command]) for _ in range(2)]
    try:
        time.sleep(1)
        return load(f"http://127.0.0.1:{port}", Target("ceiling", "load generator alone",
                    path="/"), options, {})  # fmt: skip
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


# --- the run -----------------------------------------------------------------------------------


def options_from(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--mixed-clients", type=int, default=32)
    parser.add_argument("--mixed-seconds", type=float, default=60)
    parser.add_argument("--scale-rounds", type=int, default=3)
    parser.add_argument(
        "--quick", action="store_true", help="3 s per server, 5 s of mixed load, no docs written"
    )
    parser.add_argument("--keep", action="store_true", help="keep the two databases")
    parser.add_argument(
        "--output",
        default="docs/performance.md",
        help="where the report is written (the scale run: docs/performance-50000.md)",
    )
    options = parser.parse_args(argv)
    if options.quick:
        options.seconds, options.warmup, options.mixed_seconds = 3, 1, 5
    options.pages = PAGES
    arguments = " ".join([".venv/bin/python benchmarks/bench.py", *(argv or sys.argv[1:])])
    prefix = f"BENCH_PAGES={PAGES} " if "BENCH_PAGES" in os.environ else ""
    options.command = prefix + arguments
    return options


def main():
    options = options_from()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    redis = redis_client()
    context = report.Context(options, report.machine(POSTGRES, redis), time.time())
    print(f"building the databases ({PAGES} pages here; the peers and .venv-bench)…", flush=True)
    context.builds = both(build_ours, build_peers)
    if SCALE_RUN:
        print(f"building {BASE_PAGES} pages too, for the scale rows…", flush=True)
        context.builds.append(build_base())
    for build in context.builds:
        print(f"  {report.build_line(build)}", flush=True)
    try:
        context.notes = our_cache_support(redis)
        results = run_all(options, redis, context)
        context.versions = versions()
    finally:
        if not options.keep:
            reset_database(OUR_DB, drop_only=True)
            reset_database(PEERS_DB, drop_only=True)
            if SCALE_RUN:
                reset_database(BASE_DB, drop_only=True)
    (WORK / "results.json").write_text(json.dumps(results, indent=2))
    text = report.render(context, results)
    print("\n" + text)
    if not options.quick:
        (ROOT / options.output).write_text(text)
        print(f"wrote {options.output}")


def run_all(options, redis, context) -> dict:
    cache = not context.notes
    cached = [OURS_CACHED, OURS_304] if cache else []
    print("counting SQL queries per request…", flush=True)
    sql = all_counts(cache)
    print(f"first searches of {FIRST_SEARCH_SERVERS} newly started servers…", flush=True)
    context.first_search = first_searches(False if cache else None)
    print(f"load: {options.clients} clients, {options.seconds:g} s per server…", flush=True)
    results = {"ceiling": ceiling(options)}
    port = free_port()
    with serving("server-peers", gunicorn(PEERS_PYTHON, "peers.wsgi", port), peers_env(port),
                 "/minimal/", PEERS) as base:  # fmt: skip
        for target in (MINIMAL, GRAPPLE, API_V2):
            results[target.key] = measure(base, target, options)
    for targets, on in (OURS_UNCACHED, False if cache else None), (cached, True):
        if not targets:
            continue
        if redis is not None:
            redis.flushdb()
        port = free_port()
        server = our_server(port)
        with serving(f"server-{targets[0].key}", server, our_env(port, on), "/healthz") as base:
            for target in targets:
                results[target.key] = measure(base, target, options)
    if SCALE_RUN:
        results["scale"] = {
            "pages": [BASE_PAGES, PAGES],
            "clients": [options.clients, WORKERS],
            "rows": scale_rows(options, False if cache else None),
        }
    if cache:
        print(
            f"mixed load: {options.mixed_clients} clients, {options.mixed_seconds:g} s, "
            "response cache on…",
            flush=True,
        )
        redis.flushdb()
        port = free_port()
        server = our_server(port)
        with serving("server-mixed", server, our_env(port, True), "/healthz") as base:
            results["mixed"] = mixed(base, options)
    else:
        results["mixed"] = {"skipped": "; ".join(context.notes)}
    for target in (*OURS_UNCACHED, OURS_CACHED, OURS_304, GRAPPLE, API_V2, MINIMAL):
        entry = results.setdefault(target.key, {"skipped": "; ".join(context.notes)})
        entry.update(label=target.label, sql=sql.get(target.key), per_size=target.per_size)
    return results


# The rows whose cost at scale the issue sets targets for: the cards and the searches; the
# narrow searches beside the broad ones show a search's cost following what it finds.
SCALE_TARGETS = [OURS, OURS_SEARCH_CS, OURS_SEARCH_UK, OURS_NARROW_CS, OURS_NARROW_UK]
# The scale rows are also measured with one client per worker (WORKERS): no request waits for
# a busy worker, so their p95 is what one request costs, where at --clients it is mostly the
# queue.


def scale_rows(options, cache: bool | None) -> dict:
    """{target key: {"rounds": [{"base": result, "scale": result}], "unqueued": [same]}}: each
    scale row against a server over BASE_PAGES pages and one over PAGES, in turns:
    --scale-rounds rounds of --seconds / rounds on each, the first server of a round
    alternating. A slow spell of the shared machine then weighs on one round of both sides, not
    on one side's whole window (one window each, the cards once came out 0.80× as slow at
    50,000 pages as at 5,000). "rounds" are at --clients, "unqueued" at one client per worker."""
    rounds = max(1, options.scale_rounds)
    per_round = argparse.Namespace(**{**vars(options), "seconds": options.seconds / rounds})
    unqueued = argparse.Namespace(**{**vars(per_round), "clients": WORKERS})
    print(f"scale: each row at {BASE_PAGES:,} pages and at {PAGES:,}, {rounds} rounds…", flush=True)
    ports = [free_port()]
    while len(ports) < 2:
        ports += [port for port in [free_port()] if port not in ports]
    base_env = our_env(ports[0], cache, BASE_DB, BASE_PAGES)
    with (
        serving("server-scale-base", our_server(ports[0]), base_env, "/healthz") as base,
        serving("server-scale", our_server(ports[1]), our_env(ports[1], cache), "/healthz") as at,
    ):
        sides = [("base", base), ("scale", at)]

        def in_rounds(target, load) -> list[dict]:
            measured = []
            for round_ in range(rounds):
                print(
                    f"  round {round_ + 1}, {BASE_PAGES:,} / {PAGES:,} pages, "
                    f"{load.clients} clients:",
                    flush=True,
                )
                measured.append(
                    {
                        side: measure(server, target, load)
                        for side, server in (sides if round_ % 2 == 0 else sides[::-1])
                    }
                )
            return measured

        return {
            target.key: {
                "rounds": in_rounds(target, per_round),
                "unqueued": in_rounds(target, unqueued),
            }
            for target in SCALE_TARGETS
        }


def our_server(port: int) -> list:
    return gunicorn(OUR_PYTHON, "cms.wsgi", port, "-c", "python:cms.gunicorn")


FIRST_SEARCH_SERVERS = 3


def first_searches(cache: bool | None) -> dict:
    """{search target key: [seconds]}: what the first Czech and the first Ukrainian search wait
    on a server that has just started (a deploy, a worker restarted): gunicorn with the
    production config starts, answers its health check, then one search of each language is
    timed; repeated on FIRST_SEARCH_SERVERS new servers. Whatever the server does to set its
    database connections up (search dictionaries, cms/db/) happens before or inside these."""
    found = {OURS_SEARCH_CS.key: [], OURS_SEARCH_UK.key: []}
    for _ in range(FIRST_SEARCH_SERVERS):
        port = free_port()
        server = our_server(port)
        with serving("server-first-search", server, our_env(port, cache), "/healthz") as base:
            for target in (OURS_SEARCH_CS, OURS_SEARCH_UK):
                started = time.perf_counter()
                status, _, body = fetch(base, target)
                elapsed = time.perf_counter() - started
                if status != 200:
                    raise SystemExit(f"{target.label}, first search: HTTP {status}: {body[:300]!r}")
                found[target.key].append(elapsed)
    return found


def all_counts(cache: bool) -> dict:
    """Query counts of every row, the three processes at once."""
    uncached = False if cache else None
    steps = [
        lambda: count_queries("count-peers", PEERS_PYTHON, peers_env(), [GRAPPLE, API_V2, MINIMAL]),
        lambda: count_queries("count-ours", OUR_PYTHON, our_env(cache=uncached), OURS_UNCACHED),
    ]
    if cache:
        steps.append(
            lambda: count_queries(
                "count-ours-cached", OUR_PYTHON, our_env(cache=True), [OURS_CACHED, OURS_304]
            )
        )
    counts = {}
    for found in both(*steps):
        counts.update(found)
    return counts


def versions() -> dict:
    probe = (
        "import importlib.metadata as m, json; print(json.dumps({n: m.version(n) for n in "
        "('Django', 'wagtail', 'wagtail-grapple', 'graphene', 'graphql-core', "
        "'djangorestframework', 'gunicorn')}))"
    )
    peers = json.loads(run("peers-versions", [PEERS_PYTHON, "-c", probe], dict(os.environ)))
    return {"ours": report.our_versions(), "peers": peers}


if __name__ == "__main__":
    main()
