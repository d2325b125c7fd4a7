"""What `make bench` prints and writes to docs/performance.md, and its checks of the answers."""

import datetime as dt
import importlib.metadata
import os
import platform
import statistics
from dataclasses import dataclass, field

import psycopg

OURS = [
    "ours",
    "ours-page",
    "ours-search-cs",
    "ours-search-uk",
    "ours-search-cs-narrow",
    "ours-search-uk-narrow",
    "ours-cached",
    "ours-304",
]
PEERS = ["grapple", "api"]
ROWS = [*OURS, *PEERS, "minimal"]
MIX_KINDS = {"listing": "listings", "page": "pages by path", "search": "searches"}


@dataclass
class Context:
    options: object
    machine: dict
    started: float
    notes: list[str] = field(default_factory=list)
    versions: dict = field(default_factory=dict)
    builds: list[dict] = field(default_factory=list)  # bench.build_ours / _peers / _base
    first_search: dict = field(default_factory=dict)  # row key -> [seconds], one per new server


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
        f"p95 {seconds(result.get('p95'))}, p99 {seconds(result['p99'])}, {errors} errors"
    )


SIDES = {"ours": "this project", "peers": "the peers", "base": "this project, for the scale rows"}


def build_line(build: dict) -> str:
    side = SIDES[build["side"]]
    return f"{side}: {build['built']}; migrate {build['migrate']:.0f} s, data {build['data']:.0f} s"


def queries(sql, per_size: bool = True) -> str:
    if not sql or None in sql:
        return "—"
    if sql == (0, 0) or not per_size:
        return str(sql[0])
    return f"{sql[0]} → {sql[1]}"


def errors_of(entry: dict) -> str:
    return ", ".join(f"{n} × {k}" for k, n in entry["errors"].items()) or "0"


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
            *_scale(results),
            *_details(results, context),
            "",
            *_mixed(results.get("mixed", {}), context),
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
    lines = [
        "# Performance: this project's API against the peers",
        "",
        "Written by `make bench` (benchmarks/bench.py); rerun it rather than editing this file.",
        "",
        f"- **Date:** {date}",
        f"- **Machine:** {m['cores']} cores ({m['cpu']}), {m['memory']}, Python {m['python']}, "
        f"PostgreSQL {m['postgresql']}{redis}; load average {m['load']:.1f} when the run began "
        "(the machine is shared, so numbers move between runs)",
        f"- **Command:** {_command(o.command)} ({o.clients} clients, "
        f"{o.seconds:g} s per row after {o.warmup:g} s of warm-up; mixed load "
        f"{o.mixed_clients} clients for {o.mixed_seconds:g} s)",
        f"- **Data:** {o.pages:,} pages asked for (BENCH_PAGES)",
    ]
    lines += [f"  - built, {build_line(build)}" for build in context.builds]
    lines += [
        "",
        "The cards rows (this project uncached, cached and 304; wagtail-grapple; Wagtail API v2) "
        "are the same 20-event card (title, path, start, image rendition URL, 2 topics, 3 "
        "speakers) from each server, on the same events; the page and search rows are other "
        "requests of this project, uncached, on the same server and data; the minimal view "
        "answers a fixed JSON object. Each server runs under gunicorn with 2 sync workers:",
        "",
    ]
    return lines


def _command(command: str) -> str:
    if command == ".venv/bin/python benchmarks/bench.py":
        return f"`make bench` = `{command}`"
    return f"`{command}`"


def _table(results: dict, peers: dict) -> list[str]:
    lines = [
        "| server | req/s | p50 | p95 | p99 | SQL queries (10 → 100 items) |",
        "|---|---|---|---|---|---|",
    ]
    for key in ROWS:
        entry = results[key]
        if "skipped" in entry:
            lines.append(f"| {entry['label']} | skipped: {entry['skipped']} | | | | |")
            continue
        if key == "grapple" and "wagtail-grapple" in peers:
            entry = {**entry, "label": f"{entry['label']} {peers['wagtail-grapple']}"}
        lines.append(
            f"| {entry['label']} | {rate(entry['rps'])} | {seconds(entry['p50'])} | "
            f"{seconds(entry.get('p95'))} | {seconds(entry['p99'])} | "
            f"{queries(entry['sql'], entry.get('per_size', True))} |"
        )
    return lines


def _ratios(results: dict) -> list[str]:
    lines = [
        "Ratios of req/s, measured in the same run. Only the cards rows ask the peers' question; "
        "the page and search rows are set against the peers' cards to show their cost, not as a "
        "like-for-like comparison:",
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


def _scale(results: dict) -> list[str]:
    """The scale rows (a run with BENCH_PAGES other than the default): each request at the
    default size and at this run's, in alternating rounds; nothing in other runs."""
    if "scale" not in results:
        return []
    small, large = results["scale"]["pages"]
    rows = results["scale"]["rows"]
    rounds = max((len(row["rounds"]) for row in rows.values()), default=0)
    lines = [
        f"## Scale: {small:,} pages against {large:,}, in this run",
        "",
        f"Each request below was measured on a server over {small:,} pages (built in this run "
        f"as the default size is) and on one over {large:,}, with the same settings and load "
        f"({results['scale']['clients'][0]} clients), "
        f"in {rounds} rounds: in each, one server and then the other (which went first "
        "alternates), so that neither how fast the shared machine was in another run nor a "
        "slow spell within this one decides the ratio. Req/s and p95 are the medians of the "
        "rounds; the ratio is the median of the rounds' p95 ratios (each round's in brackets):",
        "",
        f"| request | req/s at {small:,} | p95 at {small:,} | req/s at {large:,} | "
        f"p95 at {large:,} | p95 ratio |",
        "|---|---|---|---|---|---|",
    ]
    lines += [_scale_row(results[key]["label"], row["rounds"]) for key, row in rows.items()]
    unqueued = {key: row["unqueued"] for key, row in rows.items() if row.get("unqueued")}
    if unqueued:
        loaded, one_per_worker = results["scale"]["clients"]
        lines += [
            "",
            f"The same rounds with {one_per_worker} clients, one per worker: no request waits "
            "for a busy worker, so the p95 is what one request takes, where at "
            f"{loaded} clients it is mostly the time spent waiting behind the others (the p95 "
            "there is about the clients divided by the req/s):",
            "",
            f"| request | req/s at {small:,} | p95 at {small:,} | req/s at {large:,} | "
            f"p95 at {large:,} | p95 ratio |",
            "|---|---|---|---|---|---|",
            *(_scale_row(results[key]["label"], measured) for key, measured in unqueued.items()),
        ]
    return [*lines, ""]


def _scale_row(label: str, rounds: list[dict]) -> str:
    pairs = [(one["base"], one["scale"]) for one in rounds]
    if any("skipped" in side for pair in pairs for side in pair):
        return f"| {label} | skipped | | | | |"
    base = [small_side for small_side, _ in pairs]
    scaled = [large_side for _, large_side in pairs]
    ratios = [large_side["p95"] / small_side["p95"] for small_side, large_side in pairs]
    each = ", ".join(f"{one:.2f}" for one in ratios)
    return (
        f"| {label} | {rate(_median(base, 'rps'))} | "
        f"{seconds(_median(base, 'p95'))} | {rate(_median(scaled, 'rps'))} | "
        f"{seconds(_median(scaled, 'p95'))} | {statistics.median(ratios):.2f}× ({each}) |"
    )


def _median(results: list[dict], name: str) -> float:
    return statistics.median(result[name] for result in results)


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
            lines.append(
                f"| {entry['label']} | {entry['requests']:,} | {errors_of(entry)} | "
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
    if context.first_search:
        firsts = ", ".join(
            f"{results[key]['label'].split(', ')[1].split(' (')[0]} "
            + " / ".join(seconds(value) for value in values)
            for key, values in context.first_search.items()
        )
        servers = len(next(iter(context.first_search.values())))
        lines += [
            "",
            "The first searches of a server that has just started (gunicorn with the production "
            "config and its database pool; timed from when it answers its health check, one "
            f"search of each language, not under load; {servers} servers started one after "
            f"another): {firsts}.",
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


def _mixed(mixed: dict, context: Context) -> list[str]:
    o = context.options
    lines = [
        "## Mixed load, response cache on",
        "",
    ]
    if "skipped" in mixed or not mixed:
        return [*lines, f"Not run: {mixed.get('skipped') or 'no result'}."]
    distinct = mixed["distinct"]
    lines += [
        f"{mixed['clients']} clients for {mixed['seconds']:g} s (after {o.warmup:g} s of "
        "warm-up) against one server with the production settings and the response cache on "
        "(Redis, emptied before), each client sending GETs from one shared cycle: of every five, "
        f"two listings ({distinct['listing']} distinct: events, news and people in each locale, "
        f"20 per page at offsets up to 200), two pages by path ({distinct['page']:,} distinct, "
        f"drawn from every page built) and one search ({distinct['search']} distinct, in each "
        "locale). A request seen before is answered from the cache; the first of each, and every "
        "one after a miss, runs.",
        "",
        "| requests | answers in the window | errors | req/s | p50 | p95 | p99 |",
        "|---|---|---|---|---|---|---|",
    ]
    kinds = mixed.get("kinds", {})
    for kind, label in MIX_KINDS.items():
        if kind in kinds:
            k = kinds[kind]
            lines.append(
                f"| {label} | {k['requests']:,} | {errors_of(k)} | {rate(k['rps'])} | "
                f"{seconds(k['p50'])} | {seconds(k.get('p95'))} | {seconds(k['p99'])} |"
            )
    lines.append(
        f"| **all** | {mixed['requests']:,} | {errors_of(mixed)} | {rate(mixed['rps'])} | "
        f"{seconds(mixed['p50'])} | {seconds(mixed.get('p95'))} | {seconds(mixed['p99'])} |"
    )
    lines += [
        "",
        f"Load generator CPU: {mixed['client_cpu']:.0%} of one core. Errors are answers other than "
        "200, timeouts (30 s) and failed connections; the percentiles are of the 200 answers. "
        "The rate limit is off (one load generator is one client).",
    ]
    return lines


def _setup(context: Context) -> list[str]:
    ours, peers = context.versions.get("ours", {}), context.versions.get("peers", {})
    return [
        "## What runs",
        "",
        "- **This project**: `gunicorn -c python:cms.gunicorn cms.wsgi` with "
        "`cms.settings.production` (rate limit off, no TLS redirect), `--worker-class sync "
        "--workers 2 --threads 1 --max-requests 0`; the cards query is "
        '`events(locale: "en", pagination: {limit: 20})` with '
        '`mainImage { rendition(spec: "fill-480x270") { url width height } }`, '
        "`topics { name slug }`, `speakers { title path }`. The page by path is "
        '`page(path: "/cs/aktuality/bench-news-7/")` with its breadcrumbs, translations, '
        "image, topics and StreamField body (heading, paragraphs, quote, an image with its "
        "rendition); the searches are `search(query, locale, pagination: {limit: 10})` for "
        '"kybernetické bezpečnosti" in Czech and "кібербезпеки" in Ukrainian, words on ~90% of a '
        "locale's pages, and the narrow searches "
        '"kvantová kryptografie" and "квантова криптографія", words on ~2% of them (inflected '
        "forms: the Hunspell dictionaries do the matching), with score, excerpt and page. "
        "Every row's "
        "first answer is checked before its load (the 20 cards; the page's title, blocks and "
        "rendition; 10 results of the locale, each with a highlighted excerpt: "
        "benchmarks/scenarios.py). " + _modes(context) + _versions(ours),
        "- **wagtail-grapple** and **Wagtail API v2** (`/api/v2/pages/?type=cards.EventPage"
        "&fields=_,title,url_path,start,main_image_card,topics,speakers&limit=20`) serve "
        "benchmarks/peers/, a Wagtail project with the same shape (an event page with an image "
        "and orderables to topic snippets and speaker pages), declared as each peer's "
        "documentation shows, with the same gunicorn options; each worker keeps one database "
        "connection, checked before each request (`CONN_MAX_AGE`, `CONN_HEALTH_CHECKS`; this "
        "project's production settings keep it in a pool of one, also checked before each "
        "request, and set up before the worker serves), in their own venv `.venv-bench` "
        "(grapple needs graphql-core < 3.3). " + _versions(peers),
        "- **Data** (benchmarks/shape.py): BENCH_PAGES pages here, a third per locale (English, "
        "Czech, Ukrainian): per locale a home page, three indexes, 40% events, 40% news, the "
        "rest people; each event with 2 of 10 topics, 3 of 30 speakers, an image from a pool of "
        "40 (960×540 JPEGs; the first 20 events each their own) and a StreamField body; the "
        "translations share the English pages' translation keys, their topic rows point at the "
        "locale's topics and their speaker rows at the English people, as wagtail-localize "
        "leaves them. Inserted in bulk (benchmarks/tree.py), live, without revisions, then the "
        "search index (`update_index`) and VACUUM ANALYZE (as autovacuum soon leaves the "
        "tables). The peers get the same English events, topics, speakers and images, without "
        "locales, news or other people "
        "(benchmarks/peers/build.py). No demo content on either side.",
        "- **Minimal Django JSON view**: a `JsonResponse` on the peers' server, no database: "
        "the ceiling of Django under gunicorn here.",
        "- **Renditions** of the card (`fill-480x270`) exist on both sides before the load, so "
        "no request makes one; the bench checks every server's first answer is the same 20 "
        "cards with such a rendition.",
        "- **SQL queries** are counted in each project's own process (Django's test client and "
        "`CaptureQueriesContext`), after one warm-up request (per-process lookups filled, as in "
        "a server that has served a request), at 10 and 100 items for the cards and once for "
        "the page and the searches.",
        "- **Load** (benchmarks/loadgen.py): asyncio clients in one process, each sending the "
        "next request when the answer is read; sync workers close the connection after each "
        "answer, so each request includes its TCP connect. Only answers completed in the "
        "window count; p50, p95 and p99 are of those.",
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
        "make bench                                      # this file, about 8 minutes",
        ".venv/bin/python benchmarks/bench.py --quick    # smoke run, 3 s per row, prints only",
        "BENCH_PAGES=50000 .venv/bin/python benchmarks/bench.py --output "
        "docs/performance-50000.md   # the scale run",
        ".venv/bin/python benchmarks/bench.py --clients 32 --seconds 60 --mixed-seconds 120 --keep",
        ".venv/bin/python benchmarks/profile_cards.py    # one request in-process, with cProfile",
        ".venv/bin/python benchmarks/profile_cached.py   # a response-cache hit in-process",
        "```",
        "",
        "It needs PostgreSQL on 127.0.0.1:5432 (user postgres) with the Czech and Ukrainian "
        "Hunspell dictionaries (`make search-dictionaries`), and Redis on 127.0.0.1:6379 for the "
        "cached rows and the mixed load (skipped without it). It makes the databases "
        "`cms_bench` and `cms_bench_peers` and drops them at the end (`--keep` keeps them), and "
        "the venv `.venv-bench` (kept between runs while benchmarks/peers/requirements.txt is "
        "unchanged); logs are in var/bench/. Close other work on the machine first: the "
        "servers, PostgreSQL and the load generator share its cores.",
        "",
    ]
