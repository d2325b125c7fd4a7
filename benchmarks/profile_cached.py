"""The bench's cached GraphQL GET, measured in one process: the CPU of a response-cache hit.

`make bench` compares this project's cards query answered from the response cache (GET, Redis)
with a minimal Django JSON view (benchmarks/peers/). This sends the same requests through
Django's WSGIHandler, with an environ like gunicorn's (closer to it than the test client), with
the production settings of the bench's cached row (benchmarks/profile_cards.py's environment(),
the response cache on, Redis db 12, rate limit off), against the bench data in `cms_profile`
(PROFILE_DB; built by profile_cards.py, reused when it holds the data of BENCH_PAGES pages):

- hit: the cards query as the bench's GET, answered from the response cache;
- 304: the same with If-None-Match of the cached answer's ETag;
- minimal: the peers' view (`JsonResponse({"ok": True})`) behind the peers' MIDDLEWARE
  (benchmarks/peers/peers/settings.py), in this process, through the same harness;
- bare: that view called with no middleware at all (the floor of Django's handler).

It prints the median CPU ms per request of this process (time.process_time; Redis's work is
not in it) of each, and hit and 304 as a share of the minimal view's requests per second
(what the bench compares, if CPU were all); with --profile, the top functions of K hits under
cProfile.

    .venv/bin/python benchmarks/profile_cached.py [-k 2000] [--profile] [--top 40] [--tottime]

`--compare BEFORE [AFTER]`: two trees of the project (AFTER: this one), one process each,
the same requests in alternating rounds (see profile_cards.py):

    .venv/bin/python benchmarks/profile_cached.py --compare /tmp/before -k 4000 --rounds 8
"""

import argparse
import ast
import io
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import profile_cards

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
REDIS_URL = "redis://127.0.0.1:6379/12"
HOST = "127.0.0.1:8000"
KINDS = ("hit", "304", "minimal", "bare")


def peers_middleware() -> list[str]:
    """The peers' MIDDLEWARE, read from their settings file (importing it needs their
    environment)."""
    tree = ast.parse((BENCH / "peers" / "peers" / "settings.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["MIDDLEWARE"]:
            return ast.literal_eval(node.value)
    raise SystemExit("benchmarks/peers/peers/settings.py has no MIDDLEWARE")


def environment(database: str, tree: Path) -> dict:
    env = profile_cards.environment(database, tree)
    env.update(
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX="cms-profile-cached",
        GRAPHQL_RESPONSE_CACHE="true",
    )
    return env


def minimal(request):
    """The peers' minimal view (benchmarks/peers/peers/views.py)."""
    from django.http import JsonResponse

    return JsonResponse({"ok": True})


class App:
    """The project of `tree` in this process, with a WSGI handler per kind of request."""

    def __init__(self, tree: Path, database: str, limit: int = 20):
        os.environ.update(environment(database, tree))
        sys.path[:0] = [str(tree), str(BENCH)]
        import django

        django.setup()
        # After django.setup(): they need the settings.
        import redis
        import scenarios
        from django.core.handlers.wsgi import WSGIHandler
        from django.test.utils import override_settings
        from django.urls import clear_url_caches, path

        import cms.urls

        redis.Redis.from_url(REDIS_URL).flushdb()
        self.handler = WSGIHandler()
        cms.urls.urlpatterns.append(path("__minimal__/", minimal))
        clear_url_caches()
        with override_settings(MIDDLEWARE=peers_middleware()):
            self.minimal_handler = WSGIHandler()
        self.bare_handler = WSGIHandler()
        self.bare_handler._middleware_chain = self.bare_handler._get_response
        self.bare_handler._view_middleware = []
        self.bare_handler._template_response_middleware = []
        self.bare_handler._exception_middleware = []

        # As benchmarks/bench.py builds the cached row's GET.
        params = {"query": scenarios.CARDS, "variables": json.dumps({"limit": limit})}
        self.query_string = urllib.parse.urlencode(params)
        status, headers, body = self.call(self.handler, "/graphql/", self.query_string)
        if status != 200:
            raise SystemExit(f"HTTP {status}: {body[:400]!r}")
        scenarios.check_cards(json.loads(body), limit)
        self.etag = headers["ETag"]
        status, headers, cached = self.call(self.handler, "/graphql/", self.query_string)
        if status != 200 or cached != body or headers.get("ETag") != self.etag:
            raise SystemExit(f"not the cached answer: HTTP {status} {cached[:200]!r}")
        self.requests = {
            "hit": (self.handler, "/graphql/", self.query_string, {}),
            "304": (
                self.handler,
                "/graphql/",
                self.query_string,
                {"HTTP_IF_NONE_MATCH": self.etag},
            ),
            "minimal": (self.minimal_handler, "/__minimal__/", "", {}),
            "bare": (self.bare_handler, "/__minimal__/", "", {}),
        }
        for kind, expected in (("304", 304), ("minimal", 200), ("bare", 200)):
            status, _, body = self.send(kind)
            if status != expected:
                raise SystemExit(f"{kind}: HTTP {status}: {body[:200]!r}")

    @staticmethod
    def environ(path: str, query_string: str, extra: dict) -> dict:
        """What gunicorn's sync worker gives the application for the bench's requests."""
        host, port = HOST.split(":")
        return {
            "REQUEST_METHOD": "GET",
            "SCRIPT_NAME": "",
            "PATH_INFO": path,
            "RAW_URI": f"{path}?{query_string}" if query_string else path,
            "QUERY_STRING": query_string,
            "SERVER_NAME": host,
            "SERVER_PORT": port,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "SERVER_SOFTWARE": "gunicorn",
            "REMOTE_ADDR": "127.0.0.1",
            "REMOTE_PORT": "50000",
            "HTTP_HOST": HOST,
            "HTTP_ACCEPT": "application/json",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.file_wrapper": None,
            **extra,
        }

    def call(self, handler, path, query_string, extra=None):
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"] = int(status.split()[0])
            started["headers"] = dict(headers)

        result = handler(self.environ(path, query_string, extra or {}), start_response)
        try:
            body = b"".join(result)
        finally:
            result.close()  # request_finished, as gunicorn does
        return started["status"], started["headers"], body

    def send(self, kind: str):
        handler, path, query_string, extra = self.requests[kind]
        return self.call(handler, path, query_string, extra)

    def timed(self, kind: str, count: int) -> list[float]:
        """CPU seconds of this process for each request."""
        timings = []
        for _ in range(count):
            cpu = time.process_time()
            self.send(kind)
            timings.append(time.process_time() - cpu)
        return timings


def medians(timings: dict[str, list[float]]) -> dict[str, float]:
    return {kind: statistics.median(values) * 1000 for kind, values in timings.items() if values}


def report(label: str, timings: dict[str, list[float]]) -> str:
    ms = medians(timings)
    parts = [f"{kind} {ms[kind]:.3f}" for kind in KINDS if kind in ms]
    line = f"{label}: CPU ms/request (median of {len(timings['hit'])}): " + ", ".join(parts)
    if "minimal" in ms:
        shares = [f"{kind} {ms['minimal'] / ms[kind]:.0%}" for kind in ("hit", "304")]
        line += "; of the minimal view's rate if CPU were all: " + ", ".join(shares)
    return line


def rounds(app: App, k: int, rounds_: int) -> dict[str, list[float]]:
    """k requests of each kind, interleaved in rounds so that a busy moment weighs on all."""
    timings = {kind: [] for kind in KINDS}
    per_round = max(1, k // rounds_)
    for _ in range(rounds_):
        for kind in KINDS:
            timings[kind] += app.timed(kind, per_round)
    return timings


def profile(options, tree: Path, database: str):
    app = App(tree, database)
    for kind in KINDS:
        app.timed(kind, 200)  # warm-up
    print(report(str(tree), rounds(app, options.k, options.rounds)), flush=True)
    if not options.profile:
        return
    profile_cards.print_profile(options, lambda: app.send(options.profile_kind))


def worker(options, tree: Path, database: str):
    """--worker: set up, say so, then time `KIND N` requests per line read."""
    app = App(tree, database)
    for kind in KINDS:
        app.timed(kind, 200)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        kind, count = line.split()
        print(json.dumps(app.timed(kind, int(count))), flush=True)


def compare(options, before: Path, after: Path, database: str):
    workers = {}
    for name, tree in (("before", before), ("after", after)):
        command = [sys.executable, __file__, "--worker", "--tree", tree]
        workers[name] = subprocess.Popen(
            [str(part) for part in command],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PROFILE_DB": database},
        )
        # One at a time: both flush Redis db 12 when they start.
        json.loads(workers[name].stdout.readline())
    timings = {name: {kind: [] for kind in KINDS} for name in workers}
    try:
        per_round = max(1, options.k // options.rounds)
        for round_ in range(options.rounds):
            order = list(workers) if round_ % 2 == 0 else list(reversed(workers))
            for kind in KINDS:
                for name in order:
                    workers[name].stdin.write(f"{kind} {per_round}\n")
                    workers[name].stdin.flush()
                    timings[name][kind] += json.loads(workers[name].stdout.readline())
    finally:
        for w in workers.values():
            w.stdin.close()
            w.wait(timeout=30)
    for name, tree in (("before", before), ("after", after)):
        print(report(f"{name:6} {tree}", timings[name]))
    before_ms, after_ms = medians(timings["before"]), medians(timings["after"])
    print(
        "after / before, CPU medians: "
        + ", ".join(f"{kind} {before_ms[kind] / after_ms[kind]:.2f}× as fast" for kind in KINDS)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-k", type=int, default=2000, help="requests timed of each kind")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--profile", action="store_true", help="K requests under cProfile")
    parser.add_argument("--profile-kind", default="hit", choices=KINDS)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--tottime", action="store_true", help="also the top by own time")
    parser.add_argument("--save", metavar="FILE", help="write the profile (pstats) to FILE")
    parser.add_argument("--pages", type=int, default=int(os.environ.get("BENCH_PAGES", 5000)))
    parser.add_argument("--tree", type=Path, default=ROOT, help="the project tree to measure")
    parser.add_argument("--compare", nargs="+", type=Path, metavar="TREE")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    database = os.environ.get("PROFILE_DB", "cms_profile")
    if options.worker:
        return worker(options, options.tree.resolve(), database)
    migrate_from = (options.compare[0] if options.compare else options.tree).resolve()
    print(profile_cards.ensure_data(database, options.pages, False, migrate_from), flush=True)
    if options.compare:
        before = options.compare[0].resolve()
        after = (options.compare[1] if len(options.compare) > 1 else options.tree).resolve()
        return compare(options, before, after, database)
    return profile(options, options.tree.resolve(), database)


if __name__ == "__main__":
    main()
