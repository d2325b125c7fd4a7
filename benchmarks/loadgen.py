"""The load generator of `make bench`: N clients, each one request after another, for S seconds.

asyncio in one process with raw HTTP/1.1 (no library between the socket and the clock): a client
keeps its connection while the server allows it and reconnects when the server closes it, as
gunicorn's sync workers do after every answer (the connect is then part of the request's time).
Only answers completed inside the measured window count; any status other than the expected one
(200, or 304 for conditional GETs) and any connection failure is an error.

    .venv/bin/python benchmarks/loadgen.py URL [--method POST --body JSON] [--header 'K: V']
        [--expect 200] [--clients 16] [--seconds 20] [--warmup 3]

prints one JSON object: requests, errors (by status), req/s, p50/p99 in seconds and the CPU time
the generator itself used, so a run whose client was the bottleneck says so.

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
    def __init__(self, host, port, request: bytes, expect: int, timeout: float):
        self.host, self.port, self.request = host, port, request
        self.expect, self.timeout = expect, timeout
        self.latencies: list[float] = []
        self.errors: Counter = Counter()
        self.window = (0.0, 0.0)

    def record(self, started: float, finished: float, outcome):
        begin, end = self.window
        if begin <= finished <= end:
            if outcome == self.expect:
                self.latencies.append(finished - started)
            else:
                self.errors[str(outcome)] += 1

    async def client(self, until: float):
        reader = writer = None
        while time.perf_counter() < until:
            started = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(self.host, self.port)
                writer.write(self.request)
                status, keep = await asyncio.wait_for(read_answer(reader), self.timeout)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as e:
                self.record(started, time.perf_counter(), type(e).__name__)
                keep, status = False, None
            else:
                self.record(started, time.perf_counter(), status)
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


def measure(url, method, body, headers, expect, clients, seconds, warmup, timeout=30.0) -> dict:
    parts = urlsplit(url)
    request = build_request(url, method, body, headers)
    run = Run(parts.hostname, parts.port or 80, request, expect, timeout)
    cpu = os.times()
    asyncio.run(run.run(clients, warmup, seconds))
    after = os.times()
    used = (after.user - cpu.user) + (after.system - cpu.system)
    return {
        "requests": len(run.latencies),
        "errors": dict(run.errors),
        "rps": len(run.latencies) / seconds,
        "p50": percentile(run.latencies, 0.50),
        "p99": percentile(run.latencies, 0.99),
        # Share of one core the generator used over warm-up and window (1.0 = a full core).
        "client_cpu": used / (seconds + warmup),
    }


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
    options = parser.parse_args()
    if options.serve_fixed:
        asyncio.run(serve_fixed(options.serve_fixed))
        return
    if not options.url:
        parser.error("a URL to load, or --serve-fixed PORT")
    body = options.body.encode() if options.body is not None else None
    result = measure(
        options.url,
        options.method,
        body,
        options.header,
        options.expect,
        options.clients,
        options.seconds,
        options.warmup,
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
