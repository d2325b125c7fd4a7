"""SQL queries per request, counted in-process: Django's test client and CaptureQueriesContext.

Runs in the venv of the project under test (this one's or .venv-bench for the peers), with that
project's settings and database in the environment. It reads a JSON list of requests on stdin,
`[{"label": …, "method": "GET"|"POST", "path": …, "body": {…}}]`, sends each once to warm the
process (per-process caches fill, as in a server that has served a request), then once more while
counting, and prints `{label: queries}` as JSON on its last line. With `"conditional": true` the
counted request carries If-None-Match with the first answer's ETag and must be answered 304;
without an ETag, or with another status, its count is null (the server has no such answer).

    benchmarks/count_queries.py [--sys-path DIR] < requests.json
"""

import argparse
import json
import sys

import django


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sys-path", action="append", default=[])
    options = parser.parse_args()
    sys.path[:0] = options.sys_path
    django.setup()
    # After django.setup(): the test client and connection need configured settings.
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for request in json.load(sys.stdin):
        counts[request["label"]] = count(client, connection, CaptureQueriesContext, request)
    print(json.dumps(counts))


def count(client, connection, capture, request: dict) -> int | None:
    def send(**headers):
        if request.get("body") is None:
            return client.get(request["path"], **headers)
        return client.post(
            request["path"], request["body"], content_type="application/json", **headers
        )

    first = send()
    if first.status_code != 200:
        raise SystemExit(f"{request['label']}: HTTP {first.status_code}: {first.content[:300]}")
    headers, expect = {}, 200
    if request.get("conditional"):
        if not first.has_header("ETag"):
            return None
        headers, expect = {"HTTP_IF_NONE_MATCH": first["ETag"]}, 304
    with capture(connection) as queries:
        answer = send(**headers)
    return len(queries) if answer.status_code == expect else None


if __name__ == "__main__":
    main()
