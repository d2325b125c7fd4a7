"""Webhook receivers for the tests: real HTTP servers on 127.0.0.1 (never another address)."""

import json
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    """A frontend's webhook handler: records each request, answers with the queued statuses.

    `statuses`, `delays` (seconds before answering) and `headers` (extra response headers) are
    consumed one per request. While `hold_seconds` is set, requests wait for `release()` (at
    most that long) before answering; `arrived` is set when a request comes in.
    """

    def __init__(self, tls_context: ssl.SSLContext | None = None):
        self.requests = []
        self.statuses = []
        self.delays = []
        self.headers = []
        self.arrived = threading.Event()
        self.held = threading.Event()
        self.hold_seconds = 0.0
        self.server_names = []  # TLS server names (SNI) clients asked for
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append(
                    {"headers": dict(self.headers), "body": body, "path": self.path}
                )
                receiver.arrived.set()
                if receiver.hold_seconds:
                    receiver.held.wait(receiver.hold_seconds)
                time.sleep(receiver.delays.pop(0) if receiver.delays else 0)
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                extra = receiver.headers.pop(0) if receiver.headers else {}
                try:
                    self.send_response(status)
                    for name, value in extra.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(b"ok")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender gave up waiting (a timeout test) or died (a kill test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        scheme = "http"
        if tls_context is not None:

            def remember_name(sock, server_name, context):
                receiver.server_names.append(server_name)

            tls_context.sni_callback = remember_name
            self.server.socket = tls_context.wrap_socket(self.server.socket, server_side=True)
            scheme = "https"
        self.port = self.server.server_address[1]
        self.url = f"{scheme}://127.0.0.1:{self.port}/hooks/cms"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def payloads(self):
        return [json.loads(request["body"]) for request in self.requests]

    def hold(self, seconds: float) -> None:
        self.held.clear()
        self.arrived.clear()
        self.hold_seconds = seconds

    def release(self):
        self.hold_seconds = 0.0
        self.held.set()

    def close(self):
        self.release()
        self.server.shutdown()
        self.server.server_close()
