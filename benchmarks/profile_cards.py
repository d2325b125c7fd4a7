"""The bench's uncached GraphQL requests, profiled in one process: where their time goes.

Builds the bench data (benchmarks/data.py, BENCH_PAGES pages) in a database of its own,
`cms_profile` by default (PROFILE_DB), unless that database already holds the data of the same
builder and size (a stamp in the database's comment); then, with the production settings of the
bench's uncached row (response cache off, Redis db 13 as the Django cache when it answers, rate
limit off), sends one of the bench's requests (benchmarks/scenarios.py; the event cards by
default) through Django's test client:

1. a warm-up, a check of the answer, and its SQL queries counted;
2. K timed requests: ms per request, wall (median, best) and this process's CPU (median);
3. K more under cProfile: the top functions by cumulative time (with --tottime, by own time too).

    .venv/bin/python benchmarks/profile_cards.py [-k 200] [--top 40] [--tottime]
        [--scenario cards|page|search-cs|search-uk] [--save FILE] [--rebuild] [--tree DIR]

`--compare BEFORE [AFTER]` compares two source trees of the project (AFTER: this one) in the same
run: one process per tree, the same requests in alternating rounds, so that the load of a shared
machine weighs on both alike; it prints each tree's ms per request and the ratio. A tree is a
copy of the project (e.g. `git archive HEAD | tar -x -C /tmp/before`); both use this venv and
the same database, built with BEFORE's migrations.

    .venv/bin/python benchmarks/profile_cards.py --compare /tmp/before -k 400 --rounds 8
"""

import argparse
import cProfile
import hashlib
import io
import json
import os
import pstats
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/13"


def environment(database: str, tree: Path) -> dict:
    """The bench's uncached production settings (benchmarks/bench.py, our_env)."""
    env = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=f"{POSTGRES}/{database}",
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(ROOT / "var" / "profile" / "media"),
        STATIC_ROOT=str(tree / "var" / "profile" / "static"),
        GRAPHQL_RATE_LIMIT="",
        GRAPHQL_RESPONSE_CACHE="false",
        LOG_LEVEL="WARNING",
        PYTHONPATH=os.pathsep.join([str(tree), str(BENCH)]),
    )
    if redis_answers():
        env.update(REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX="cms-profile")
    return env


def redis_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:  # noqa: BLE001 - no Redis: local memory, as without REDIS_URL
        return False


def stamp(pages: int) -> str:
    """What the data was built from: the builders' source and the size."""
    digest = hashlib.sha256()
    for name in ("data.py", "shape.py"):
        digest.update((BENCH / name).read_bytes())
    return f"bench data {pages} pages {digest.hexdigest()[:16]}"


def ensure_data(database: str, pages: int, rebuild: bool, tree: Path) -> str:
    """Build the database unless it holds this very data; returns what was done."""
    wanted = stamp(pages)
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        row = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (database,),
        ).fetchone()
        if row and row[0] == wanted and not rebuild:
            return f"reused {database} ({wanted})"
        connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {database}")
    env = {**environment(database, tree), "BENCH_PAGES": str(pages)}
    started = time.monotonic()
    for command in (
        [sys.executable, str(tree / "manage.py"), "migrate", "--noinput"],
        [sys.executable, str(BENCH / "data.py")],
    ):
        done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f"COMMENT ON DATABASE {database} IS '{wanted}'")
    return f"built {database} in {time.monotonic() - started:.0f} s: {done.stdout.strip()}"


# --- one process: the app of one tree ----------------------------------------------------------


class App:
    """The project of `tree`, set up in this process, sending one scenario's request."""

    def __init__(self, tree: Path, database: str, scenario_key: str):
        os.environ.update(environment(database, tree))
        sys.path[:0] = [str(tree), str(BENCH)]
        import django

        django.setup()
        # After django.setup(): the client and the connection need the settings.
        import scenarios
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext, setup_test_environment

        setup_test_environment()
        self.client = Client(HTTP_HOST="127.0.0.1")
        self.scenario = scenarios.by_key(scenario_key)
        self.body = self.scenario.body()
        first = self.send()
        if first.status_code != 200:
            raise SystemExit(f"HTTP {first.status_code}: {first.content[:400]!r}")
        self.scenario.check(json.loads(first.content))
        with CaptureQueriesContext(connection) as queries:
            self.send()
        # Read now: every request empties the connection's query log (request_started).
        self.queries = len(queries)

    def send(self):
        return self.client.post("/graphql/", self.body, content_type="application/json")

    def timed(self, count: int) -> list[tuple[float, float]]:
        """(wall, CPU) seconds of each request: the CPU time of this process only (PostgreSQL's
        work is not in it), which moves much less than wall time on a busy machine."""
        timings = []
        for _ in range(count):
            wall, cpu = time.perf_counter(), time.process_time()
            self.send()
            timings.append((time.perf_counter() - wall, time.process_time() - cpu))
        return timings


def summary(timings: list[tuple[float, float]]) -> str:
    wall = [w for w, _ in timings]
    cpu = [c for _, c in timings]
    return (
        f"wall ms/request median {statistics.median(wall) * 1000:.2f}, "
        f"best {min(wall) * 1000:.2f}; CPU ms/request median {statistics.median(cpu) * 1000:.2f}"
    )


def profile(options, tree: Path, database: str):
    app = App(tree, database, options.scenario)
    timings = app.timed(options.k)
    print(
        f"{app.scenario.label} ({tree}): {options.k} requests, {app.queries} SQL queries each; "
        + summary(timings),
        flush=True,
    )
    print_profile(options, app.send)


def print_profile(options, send):
    """`send()` K times under cProfile: the top functions (--top), by cumulative time and, with
    --tottime, by own time; the stats saved in --save's file too."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(options.k):
        send()
    profiler.disable()
    if options.save:
        profiler.dump_stats(options.save)
    for order in ("cumulative", "tottime") if options.tottime else ("cumulative",):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(options.top)
        print(out.getvalue())


def worker(options, tree: Path, database: str):
    """--worker: set up, say how many queries, then time `N` requests per line read."""
    app = App(tree, database, options.scenario)
    print(json.dumps({"queries": app.queries}), flush=True)
    for line in sys.stdin:
        print(json.dumps(app.timed(int(line))), flush=True)


# --- two trees, alternating --------------------------------------------------------------------


def compare(options, before: Path, after: Path, database: str):
    workers = {}
    for name, tree in (("before", before), ("after", after)):
        command = [
            sys.executable, __file__, "--worker", "--tree", tree,
            "--scenario", options.scenario, "--pages", options.pages,
        ]  # fmt: skip
        workers[name] = subprocess.Popen(
            [str(part) for part in command],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PROFILE_DB": database},
        )
    timings = {name: [] for name in workers}
    try:
        queries = {name: json.loads(w.stdout.readline())["queries"] for name, w in workers.items()}
        per_round = max(1, options.k // options.rounds)
        for round_ in range(options.rounds):
            # Alternate which tree goes first, so neither always follows the other.
            order = list(workers) if round_ % 2 == 0 else list(reversed(workers))
            for name in order:
                workers[name].stdin.write(f"{per_round}\n")
                workers[name].stdin.flush()
                timings[name] += json.loads(workers[name].stdout.readline())
    finally:
        for w in workers.values():
            w.stdin.close()
            w.wait(timeout=30)
    for name, tree in (("before", before), ("after", after)):
        print(
            f"{name:6} {tree}: {len(timings[name])} requests, {queries[name]} SQL queries each; "
            + summary(timings[name])
        )

    def ratio(pick, measure):
        before = measure([pick(t) for t in timings["before"]])
        return before / measure([pick(t) for t in timings["after"]])

    print(
        f"after / before: {ratio(lambda t: t[1], statistics.median):.2f}× as fast in CPU "
        f"(medians), {ratio(lambda t: t[0], min):.2f}× in wall time (best), "
        f"{ratio(lambda t: t[0], statistics.median):.2f}× in wall time (medians)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-k", type=int, default=200, help="requests timed, and profiled")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--tottime", action="store_true", help="also the top by own time")
    parser.add_argument("--scenario", default="cards")
    parser.add_argument("--pages", type=int, default=int(os.environ.get("BENCH_PAGES", 5000)))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--save", metavar="FILE", help="write the profile (pstats) to FILE")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the project tree to profile")
    parser.add_argument("--compare", nargs="+", type=Path, metavar="TREE")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    database = os.environ.get("PROFILE_DB", "cms_profile")
    if options.worker:
        return worker(options, options.tree.resolve(), database)
    migrate_from = (options.compare[0] if options.compare else options.tree).resolve()
    print(ensure_data(database, options.pages, options.rebuild, migrate_from), flush=True)
    if options.compare:
        before = options.compare[0].resolve()
        after = (options.compare[1] if len(options.compare) > 1 else options.tree).resolve()
        return compare(options, before, after, database)
    return profile(options, options.tree.resolve(), database)


if __name__ == "__main__":
    main()
