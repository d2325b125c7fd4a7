"""What `make bench` prints and writes to docs/performance.md, and its checks of the answers."""

import datetime as dt
import importlib.metadata
import os
import platform
from dataclasses import dataclass, field

import psycopg

ROWS = ["ours", "ours-cached", "ours-304", "grapple", "api", "minimal"]
OURS = ["ours", "ours-cached", "ours-304"]
PEERS = ["grapple", "api"]


@dataclass
class Context:
    options: object
    machine: dict
    started: float
    notes: list[str] = field(default_factory=list)
    versions: dict = field(default_factory=dict)


# --- the answers -------------------------------------------------------------------------------


def read_cards(kind: str, answer: dict) -> list[tuple]:
    """(title, topics, speakers, rendition URL) of each card, whichever server answered."""
    if kind == "ours":
        items = answer["data"]["events"]["results"]
        image = lambda item: (item["mainImage"] or {}).get("rendition", {}).get("url")  # noqa: E731
    elif kind == "grapple":
        items = answer["data"]["pages"]
        image = lambda item: (item["mainImage"] or {}).get("rendition", {}).get("url")  # noqa: E731
    else:
        items = answer["items"]
        image = lambda item: (item["main_image_card"] or {}).get("url")  # noqa: E731
    return [(i["title"], len(i["topics"]), len(i["speakers"]), image(i)) for i in items]


def check_cards(label: str, kind: str, answer: dict, limit: int):
    """The same 20 cards on every side, each with 2 topics, 3 speakers and a rendition that
    was made beforehand (a file under /media/, not a URL that would make it on demand)."""
    try:
        cards = read_cards(kind, answer)
    except (KeyError, TypeError) as error:
        raise SystemExit(f"{label}: not a card answer ({error!r}): {str(answer)[:400]}") from None
    expected = [(f"Bench event {i}", 2, 3) for i in range(limit)]
    if [card[:3] for card in cards] != expected or not all(
        url and "/media/images/" in url and "fill-480x270" in url for *_, url in cards
    ):
        raise SystemExit(f"{label}: the answer is not the {limit} bench cards: {cards[:3]}…")


# --- the machine -------------------------------------------------------------------------------


def machine(postgres: str, redis) -> dict:
    with psycopg.connect(f"{postgres}/postgres") as connection:
        pg = connection.execute("SHOW server_version").fetchone()[0].split()[0]
    return {
        "cores": os.cpu_count(),
        "cpu": _cpuinfo("model name") or platform.processor() or "?",
        "memory": _memory(),
        "python": platform.python_version(),
        "postgresql": pg,
        "redis": redis.info("server")["redis_version"] if redis is not None else None,
        "load": os.getloadavg()[0],
    }


def _cpuinfo(key: str) -> str:
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def _memory() -> str:
    try:
        with open("/proc/meminfo") as info:
            kib = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
        return f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        return "?"


def our_versions() -> dict:
    names = ("Django", "wagtail", "strawberry-graphql", "strawberry-graphql-django")
    return {n: importlib.metadata.version(n) for n in (*names, "graphql-core", "gunicorn")}


# --- numbers -----------------------------------------------------------------------------------


def seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 1:
        return f"{value:.2f} s"
    return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"


def rate(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def summary(result: dict) -> str:
    errors = sum(result["errors"].values())
    return (
        f"{rate(result['rps'])} req/s, p50 {seconds(result['p50'])}, "
        f"p99 {seconds(result['p99'])}, {errors} errors"
    )


def queries(sql) -> str:
    if not sql or None in sql:
        return "—"
    return str(sql[0]) if sql == (0, 0) else f"{sql[0]} → {sql[1]}"


def ratio(ours: dict, other: dict, share: bool = False) -> str:
    """ours / other in req/s: "1.72×", or as a share of other ("0.8%", "45%")."""
    if "rps" not in ours or "rps" not in other or not other["rps"]:
        return "—"
    value = ours["rps"] / other["rps"]
    if share:
        return f"{value:.1%}" if value < 0.1 else f"{value:.0%}"
    return f"{value:.2f}×"


# --- the document ------------------------------------------------------------------------------


def render(context: Context, results: dict) -> str:
    return "\n".join(
        [
            *_head(context),
            *_table(results, context.versions.get("peers", {})),
            "",
            *_ratios(results),
            "",
            *_details(results, context),
            "",
            *_setup(context),
            "",
            *_rerun(),
        ]
    )


def _head(context: Context) -> list[str]:
    m, o = context.machine, context.options
    date = dt.datetime.fromtimestamp(context.started, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    redis = f", Redis {m['redis']}" if m["redis"] else ""
    return [
        "# Performance: the event cards against the peers",
        "",
        "Written by `make bench` (benchmarks/bench.py); rerun it rather than editing this file.",
        "",
        f"- **Date:** {date}",
        f"- **Machine:** {m['cores']} cores ({m['cpu']}), {m['memory']}, Python {m['python']}, "
        f"PostgreSQL {m['postgresql']}{redis}; load average {m['load']:.1f} when the run began "
        "(the machine is shared, so numbers move between runs)",
        f"- **Command:** `make bench` = `.venv/bin/python {o.command}` ({o.clients} clients, "
        f"{o.seconds:g} s per server after {o.warmup:g} s of warm-up)",
        "",
        "The same 20-event card (title, path, start, image rendition URL, 2 topics, 3 speakers) "
        "from each server, same data shape (500 events, each with an image, 2 topics, 3 speakers),"
        " each under gunicorn with 2 sync workers:",
        "",
    ]


def _table(results: dict, peers: dict) -> list[str]:
    lines = [
        "| server | req/s | p50 | p99 | SQL queries (10 → 100 items) |",
        "|---|---|---|---|---|",
    ]
    for key in ROWS:
        entry = results[key]
        if "skipped" in entry:
            lines.append(f"| {entry['label']} | skipped: {entry['skipped']} | | | |")
            continue
        if key == "grapple" and "wagtail-grapple" in peers:
            entry = {**entry, "label": f"{entry['label']} {peers['wagtail-grapple']}"}
        lines.append(
            f"| {entry['label']} | {rate(entry['rps'])} | {seconds(entry['p50'])} | "
            f"{seconds(entry['p99'])} | {queries(entry['sql'])} |"
        )
    return lines


def _ratios(results: dict) -> list[str]:
    lines = [
        "Ratios of req/s, measured in the same run:",
        "",
        "| this project | × wagtail-grapple | × Wagtail API v2 | of the minimal view |",
        "|---|---|---|---|",
    ]
    for key in OURS:
        entry = results[key]
        if "skipped" not in entry:
            lines.append(
                f"| {entry['label']} | {ratio(entry, results['grapple'])} | "
                f"{ratio(entry, results['api'])} | {ratio(entry, results['minimal'], share=True)} |"
            )
    return lines


def _details(results: dict, context: Context) -> list[str]:
    ceiling = results["ceiling"]
    lines = [
        "Every answer counted, and what the load generator used (share of one core, warm-up "
        "included; near 100% it, not the server, sets the pace):",
        "",
        "| server | answers in the window | errors (not 200/304) | load generator CPU |",
        "|---|---|---|---|",
    ]
    for key in ROWS:
        entry = results[key]
        if "skipped" not in entry:
            errors = ", ".join(f"{n} × {k}" for k, n in entry["errors"].items()) or "0"
            lines.append(
                f"| {entry['label']} | {entry['requests']:,} | {errors} | "
                f"{entry['client_cpu']:.0%} |"
            )
    minimal = results["minimal"]
    share = ratio(minimal, ceiling, share=True)
    lines += [
        f"| load generator alone, fixed answer | {ceiling['requests']:,} | "
        f"{sum(ceiling['errors'].values())} | {ceiling['client_cpu']:.0%} |",
        "",
        f"The load generator's ceiling on this machine: {rate(ceiling['rps'])} req/s against a "
        "fixed answer from two processes that close the connection after each answer, as sync "
        f"workers do (p50 {seconds(ceiling['p50'])}). The minimal view reached {share} of it"
        + _bound(minimal, ceiling),
    ]
    for note in context.notes:
        lines += ["", f"Not measured: {note}."]
    return lines


def _bound(minimal: dict, ceiling: dict) -> str:
    if "rps" in minimal and ceiling["rps"] and minimal["rps"] >= 0.7 * ceiling["rps"]:
        return (
            ": its row is bounded by the load generator and the machine (the generator, the "
            "two workers and the kernel's connects share two cores) as much as by Django."
        )
    return ": the load generator was not what limited it."


def _setup(context: Context) -> list[str]:
    ours, peers = context.versions.get("ours", {}), context.versions.get("peers", {})
    return [
        "## What runs",
        "",
        "- **This project**: `gunicorn -c python:cms.gunicorn cms.wsgi` with "
        "`cms.settings.production` (rate limit off, no TLS redirect), `--worker-class sync "
        "--workers 2 --threads 1 --max-requests 0`; the query is "
        '`events(locale: "en", pagination: {limit: 20})` with '
        '`mainImage { rendition(spec: "fill-480x270") { url width height } }`, '
        "`topics { name slug }`, `speakers { title path }`. " + _modes(context) + _versions(ours),
        "- **wagtail-grapple** and **Wagtail API v2** (`/api/v2/pages/?type=cards.EventPage"
        "&fields=_,title,url_path,start,main_image_card,topics,speakers&limit=20`) serve "
        "benchmarks/peers/, a Wagtail project with the same shape (an event page with an image "
        "and orderables to topic snippets and speaker pages), declared as each peer's "
        "documentation shows, with the same gunicorn options and database settings "
        "(persistent connections with health checks), in their own venv `.venv-bench` "
        "(grapple needs graphql-core < 3.3). " + _versions(peers),
        "- **Data** (benchmarks/shape.py, the same rows on both sides): 500 events, each with "
        "its own 960×540 JPEG, 2 of 10 topics and 3 of 30 speakers, under a home page the "
        "default site points at; built by benchmarks/data.py here (English only, no demo "
        "content) and benchmarks/peers/build.py there. Pages are live, without revisions.",
        "- **Minimal Django JSON view**: a `JsonResponse` on the peers' server, no database: "
        "the ceiling of Django under gunicorn here.",
        "- **Renditions** of the card (`fill-480x270`) exist on both sides before the load, so "
        "no request makes one; the bench checks every server's first answer is the same 20 "
        "cards with such a rendition.",
        "- **SQL queries** are counted in each project's own process (Django's test client and "
        "`CaptureQueriesContext`), after one warm-up request, at 10 and 100 items.",
        "- **Load** (benchmarks/loadgen.py): asyncio clients in one process, each sending the "
        "next request when the answer is read; sync workers close the connection after each "
        "answer, so each request includes its TCP connect. Only answers completed in the "
        "window count; p50 and p99 are of those.",
    ]


def _modes(context: Context) -> str:
    if context.notes:
        return "POST with the cache settings' defaults (no response cache in this run). "
    return (
        "Uncached: POST with the response cache off (`GRAPHQL_RESPONSE_CACHE=false`, Redis as "
        "the Django cache, as in production). Response cache: the same query as GET with the "
        "cache on (Redis db 14, emptied before). 304: that GET with `If-None-Match` of the "
        "answer's ETag. "
    )


def _versions(versions: dict) -> str:
    return "Versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + "."


def _rerun() -> list[str]:
    return [
        "## How to rerun",
        "",
        "```sh",
        "make bench                                      # this file, about 5 minutes",
        ".venv/bin/python benchmarks/bench.py --quick    # smoke run, 3 s per server, prints only",
        ".venv/bin/python benchmarks/bench.py --clients 32 --seconds 60 --keep",
        "```",
        "",
        "It needs PostgreSQL on 127.0.0.1:5432 (user postgres), and Redis on 127.0.0.1:6379 for "
        "the cached rows (skipped without it). It makes the databases `cms_bench` and "
        "`cms_bench_peers` and drops them at the end (`--keep` keeps them), and the venv "
        "`.venv-bench` (kept between runs while benchmarks/peers/requirements.txt is "
        "unchanged); logs are in var/bench/. Close other work on the machine first: the "
        "servers, PostgreSQL and the load generator share its cores.",
        "",
    ]
