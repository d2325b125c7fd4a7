"""One HTTP POST to a webhook receiver: to the checked address only, within one deadline.

- The URL is checked and its host resolved once (addresses.check); the connection goes to one of
  those checked addresses, never to a fresh lookup of the name, so a DNS answer that changes
  between the check and the connection (rebinding) cannot lead it inside our network. The request
  still names the host: the Host header, and for https the TLS server name (SNI) and the
  certificate check are for the host name, against the system's trusted CAs.
- Redirects are never followed: the status is returned as it is (a 3xx is a failed attempt for
  the caller), so signed bodies and headers never go to a Location the receiver chose.
- WEBHOOK_TIMEOUT_SECONDS bounds the whole attempt (connecting, TLS, sending and the answer's
  status line and headers), not each socket operation only; a receiver that trickles bytes is cut
  off at the deadline. The body of the answer is not read.
- Proxies from the environment (HTTPS_PROXY…) are not used: the connection is direct.

Errors keep their details (errno, address, port) for the operators' log; the delivery log shows
only the class of failure (delivery.py).
"""

import functools
import http.client
import socket
import ssl
import threading
import time

from .addresses import IPAddress, Target, check


def tls_context() -> ssl.SSLContext:
    """Certificates verified against the system's CAs, for the host name (tests replace this)."""
    return ssl.create_default_context()


def _connect_to(address: IPAddress, host_port, timeout=None, source_address=None):
    """socket.create_connection to the checked `address` instead of resolving the host again."""
    return socket.create_connection((str(address), host_port[1]), timeout, source_address)


class PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to `host` (Host header) over a TCP connection to the checked `address`."""

    def __init__(self, host, port, *, address: IPAddress, **kwargs):
        super().__init__(host, port, **kwargs)
        self._create_connection = functools.partial(_connect_to, address)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to `host` over a TCP connection to the checked `address`.

    http.client wraps the socket with server_hostname=host, so SNI and the certificate's name
    check are for the host name, whatever address the socket is connected to.
    """

    def __init__(self, host, port, *, address: IPAddress, **kwargs):
        super().__init__(host, port, context=tls_context(), **kwargs)
        self._create_connection = functools.partial(_connect_to, address)


class ConnectFailed(OSError):
    """No checked address accepted a connection (the last error is the cause)."""


def _abort(connection: http.client.HTTPConnection, expired: threading.Event) -> None:
    """At the deadline: cut the socket so the blocked read in the other thread returns."""
    expired.set()
    sock = connection.sock
    if sock is not None:
        try:
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass


def _post_to(
    target: Target, address: IPAddress, body: bytes, headers: dict, deadline: float
) -> tuple[int, str]:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("no time left before connecting")
    connection_class = PinnedHTTPSConnection if target.scheme == "https" else PinnedHTTPConnection
    connection = connection_class(target.host, target.port, address=address, timeout=remaining)
    expired = threading.Event()
    watchdog = threading.Timer(remaining, _abort, args=(connection, expired))
    watchdog.daemon = True
    watchdog.start()
    try:
        try:
            connection.connect()
        except OSError as error:
            if expired.is_set() or isinstance(error, TimeoutError):
                raise TimeoutError(f"connecting to {address} took too long") from error
            raise ConnectFailed(f"{address} port {target.port}: {error!r}") from error
        try:
            connection.request("POST", target.path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.reason
        except (OSError, http.client.HTTPException) as error:
            if expired.is_set():
                raise TimeoutError(f"no answer from {address} before the deadline") from error
            raise
    finally:
        watchdog.cancel()
        connection.close()


def post(url: str, body: bytes, headers: dict, timeout: float) -> tuple[int, str]:
    """POST `body` to `url`; (status, reason) of the answer, redirects included, not followed.

    Raises addresses.URLNotAllowed / HostNotResolved, TimeoutError, ssl.SSLError, OSError or
    http.client.HTTPException. Addresses are tried in the resolver's order while the TCP or TLS
    connection fails; once a request has been sent, there is no second try in this attempt.
    """
    deadline = time.monotonic() + timeout
    target = check(url)
    headers = {**headers, "Connection": "close"}
    last_error: OSError | None = None
    for address in target.addresses:
        try:
            return _post_to(target, address, body, headers, deadline)
        except ConnectFailed as error:
            last_error = error
            if isinstance(error.__cause__, ssl.SSLError):
                raise error.__cause__ from None  # the certificate is the same on every address
    assert last_error is not None
    raise last_error
