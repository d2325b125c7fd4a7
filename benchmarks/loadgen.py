"""The load generator of `make bench`: N clients, each one request after another, for S seconds.

asyncio in one process with raw HTTP/1.1 (no library between the socket and the clock): a client
keeps its connection while the server allows it and reconnects when the server closes it, as
gunicorn's sync workers do after every answer (the connect is then part of the request's time).
Only answers completed inside the measured window count; any status other than the expected one
(200, or 304 for conditional GETs) and any connection failure is an error.

    .venv/bin/python benchmarks/loadgen.py URL [--method POST --body JSON] [--header 'K: V']
        [--expect 200] [--clients 16] [--seconds 20] [--warmup 3]

prints one JSON object: requests, errors (by status), req/s, p50/p95/p99 in seconds and the CPU
time the generator itself used, so a run whose client was the bottleneck says so.

    .venv/bin/python benchmarks/loadgen.py BASE_URL --mix FILE [--clients 32] [--seconds 60]

sends a mix instead of one request: FILE holds a JSON list of {"kind", "method", "path",
"body"?} and the clients take them in turn from one shared cycle (so each is sent about as often
as the others); the JSON object then also has `kinds`: the same numbers per kind.

    .venv/bin/python benchmarks/loadgen.py --serve-fixed PORT

serves a fixed 200 JSON answer and closes, like a sync worker but with no framework behind it:
what the generator manages against it is the generator's own ceiling on this machine.
"""

import argparse
import asyncio
import json
import os
import time
from collections import Counter
from urllib.parse import urlsplit

FIXED_ANSWER = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n"
    b'Connection: close\r\n\r\n{"ok": true}'
)


def build_request(url: str, method: str, body: bytes | None, headers: list[str]) -> bytes:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = [f"{method} {target} HTTP/1.1", f"Host: {parts.netloc}", "Accept: application/json"]
    lines += headers
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """(status, whether the server keeps the connection) after reading the whole answer."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip().lower()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif status != 304 and status >= 200:
        await reader.read()
        return status, False
    return status, headers.get("connection") != "close"


class Run:
    def __init__(self, host, port, requests: list[tuple[str, bytes]], expect: int, timeout: float):
        self.host, self.port, self.requests = host, port, requests
        self.expect, self.timeout = expect, timeout
        self.latencies: dict[str, list[float]] = {kind: [] for kind, _ in requests}
        self.errors: dict[str, Counter] = {kind: Counter() for kind, _ in requests}
        self.window = (0.0, 0.0)
        self.sent = 0

    def next_request(self) -> tuple[str, bytes]:
        # One cycle shared by every client (asyncio: no other task runs in between).
        request = self.requests[self.sent % len(self.requests)]
        self.sent += 1
        return request

    def record(self, kind: str, started: float, finished: float, outcome):
        begin, end = self.window
        if begin <= finished <= end:
            if outcome == self.expect:
                self.latencies[kind].append(finished - started)
            else:
                self.errors[kind][str(outcome)] += 1

    async def client(self, until: float):
        reader = writer = None
        while time.perf_counter() < until:
            kind, request = self.next_request()
            started = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(self.host, self.port)
                writer.write(request)
                status, keep = await asyncio.wait_for(read_answer(reader), self.timeout)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as e:
                self.record(kind, started, time.perf_counter(), type(e).__name__)
                keep, status = False, None
            else:
                self.record(kind, started, time.perf_counter(), status)
            if not keep and writer is not None:
                writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    async def run(self, clients: int, warmup: float, seconds: float):
        begin = time.perf_counter() + warmup
        self.window = (begin, begin + seconds)
        tasks = [asyncio.create_task(self.client(begin + seconds)) for _ in range(clients)]
        # Requests still running when the window closes could not count: abandoned, so a slow
        # server does not hold the bench for another whole request.
        _, pending = await asyncio.wait(tasks, timeout=warmup + seconds + 0.5)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


def percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def numbers(latencies: list[float], errors: Counter, seconds: float) -> dict:
    return {
        "requests": len(latencies),
        "errors": dict(errors),
        "rps": len(latencies) / seconds,
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
    }


def measure(url, requests, expect, clients, seconds, warmup, timeout=30.0, by_kind=False) -> dict:
    """`requests`: [(kind, method, body, headers, path)] sent in turn."""
    parts = urlsplit(url)
    built = [
        (kind, build_request(url + path, method, body, headers))
        for kind, method, body, headers, path in requests
    ]
    run = Run(parts.hostname, parts.port or 80, built, expect, timeout)
    cpu = os.times()
    asyncio.run(run.run(clients, warmup, seconds))
    after = os.times()
    used = (after.user - cpu.user) + (after.system - cpu.system)
    every = [latency for latencies in run.latencies.values() for latency in latencies]
    errors = sum(run.errors.values(), Counter())
    result = numbers(every, errors, seconds)
    # Share of one core the generator used over warm-up and window (1.0 = a full core).
    result["client_cpu"] = used / (seconds + warmup)
    if by_kind:
        result["kinds"] = {
            kind: numbers(run.latencies[kind], run.errors[kind], seconds) for kind in run.latencies
        }
    return result


async def serve_fixed(port: int):
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(FIXED_ANSWER)
            await writer.drain()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", port, backlog=1024, reuse_port=True)
    async with server:
        await server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url", nargs="?")
    parser.add_argument("--method", default="GET")
    parser.add_argument("--body")
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--expect", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--serve-fixed", type=int, metavar="PORT")
    parser.add_argument("--mix", metavar="FILE", help="a JSON list of requests to send in turn")
    options = parser.parse_args()
    if options.serve_fixed:
        asyncio.run(serve_fixed(options.serve_fixed))
        return
    if not options.url:
        parser.error("a URL to load, or --serve-fixed PORT")
    if options.mix:
        with open(options.mix) as mix:
            requests = [
                (
                    one["kind"],
                    one["method"],
                    json.dumps(one["body"]).encode() if one.get("body") is not None else None,
                    options.header,
                    one["path"],
                )
                for one in json.load(mix)
            ]
    else:
        body = options.body.encode() if options.body is not None else None
        requests = [("all", options.method, body, options.header, "")]
    result = measure(
        options.url,
        requests,
        options.expect,
        options.clients,
        options.seconds,
        options.warmup,
        by_kind=bool(options.mix),
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
