"""Where a webhook may go: https to hosts on the public internet, nothing inside our network.

An editor types the endpoint URL, and the worker POSTs to it from inside our network. Without a
check the URL could name the cloud metadata service (credentials), the database, Redis or an
admin port on 127.0.0.1, and the delivery log would tell the editor what answered: server-side
request forgery. So a URL is checked when the endpoint is saved (WebhookEndpoint.clean, a form
error in the admin) and again before every attempt (transport.py), because what a name resolves
to can change between the two (DNS rebinding):

- the scheme is https; http only with WEBHOOK_ALLOW_HTTP (dev and tests, whose receivers are
  local); no user name or password in the URL;
- the host name is resolved once, and every address it resolves to must be public. Refused:
  loopback (127/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7), shared/CGNAT
  (100.64/10), link-local (169.254/16, fe80::/10), cloud metadata services (169.254.169.254,
  fd00:ec2::254 and the others in METADATA), multicast, unspecified (0.0.0.0, ::), and every
  reserved, documentation or otherwise non-global range; an IPv6 address that carries an IPv4
  one (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16)
  is judged by the IPv4 address inside it;
- WEBHOOK_ALLOW_PRIVATE_ADDRESSES allows loopback, private and shared addresses (tests and dev,
  whose receivers listen on 127.0.0.1; a deployment whose frontend is on its own network). The
  metadata services, link-local, multicast, unspecified and reserved addresses stay refused.

The sender then connects to the very address that was checked (transport.py), never resolving
the name again.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _networks(*cidrs: str) -> tuple:
    return tuple(ipaddress.ip_network(cidr) for cidr in cidrs)


# Instance metadata and credential services of the clouds: AWS (IPv4, IPv6, ECS task and EKS pod
# identity), GCP and Azure (169.254.169.254 too), Alibaba, Oracle.
METADATA = frozenset(
    ipaddress.ip_address(address)
    for address in (
        "169.254.169.254",
        "169.254.170.2",
        "169.254.170.23",
        "fd00:ec2::254",
        "fd00:ec2::23",
        "100.100.100.200",
        "192.0.0.192",
    )
)
LOOPBACK = _networks("127.0.0.0/8", "::1/128")
PRIVATE = _networks("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")
SHARED = _networks("100.64.0.0/10")  # carrier-grade NAT, also used inside clouds and VPNs
LINK_LOCAL = _networks("169.254.0.0/16", "fe80::/10")
MULTICAST = _networks("224.0.0.0/4", "ff00::/8")
# Ranges that are no destination on the internet, beyond what ipaddress already flags (some of
# these it calls global: 192.0.0.0/24 in part, fec0::/10).
RESERVED = _networks(
    "0.0.0.0/8",  # "this network"; 0.0.0.0 reaches the local host on Linux
    "192.0.0.0/24",  # IETF protocol assignments
    "192.0.2.0/24",  # documentation
    "192.88.99.0/24",  # 6to4 relay anycast (deprecated)
    "198.18.0.0/15",  # benchmarking
    "198.51.100.0/24",  # documentation
    "203.0.113.0/24",  # documentation
    "240.0.0.0/4",  # reserved, and 255.255.255.255 broadcast
    "::/96",  # IPv4-compatible (deprecated); judged by the IPv4 address too
    "64:ff9b:1::/48",  # local-use NAT64
    "100::/64",  # discard-only
    "2001::/23",  # IETF protocol assignments (Teredo, ORCHID, …)
    "2001:db8::/32",  # documentation
    "3fff::/20",  # documentation
    "5f00::/16",  # segment routing
    "fec0::/10",  # site-local (deprecated)
)
NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")

# The messages of each kind of refused address, for a literal address and for a host name that
# resolves to one: whole sentences, so that the admin can say them in the editor's language (they
# are translated when raised; a worker has no language active and logs them in English).
KINDS = {
    "metadata": (
        gettext_noop("%(host)s is a cloud metadata address."),
        gettext_noop("%(host)s resolves to a cloud metadata address."),
    ),
    "unspecified": (
        gettext_noop("%(host)s is the unspecified address."),
        gettext_noop("%(host)s resolves to the unspecified address."),
    ),
    "loopback": (
        gettext_noop("%(host)s is a loopback address."),
        gettext_noop("%(host)s resolves to a loopback address."),
    ),
    "link-local": (
        gettext_noop("%(host)s is a link-local address."),
        gettext_noop("%(host)s resolves to a link-local address."),
    ),
    "multicast": (
        gettext_noop("%(host)s is a multicast address."),
        gettext_noop("%(host)s resolves to a multicast address."),
    ),
    "private": (
        gettext_noop("%(host)s is a private address."),
        gettext_noop("%(host)s resolves to a private address."),
    ),
    "shared": (
        gettext_noop("%(host)s is a shared (carrier-grade NAT) address."),
        gettext_noop("%(host)s resolves to a shared (carrier-grade NAT) address."),
    ),
    "reserved": (
        gettext_noop("%(host)s is a reserved, non-public address."),
        gettext_noop("%(host)s resolves to a reserved, non-public address."),
    ),
}
# The kinds WEBHOOK_ALLOW_PRIVATE_ADDRESSES lets through.
PRIVATE_KINDS = frozenset({"loopback", "private", "shared"})


class URLNotAllowed(ValueError):
    """The URL, or an address its host resolves to, is not a place webhooks may go."""

    address: IPAddress | None = None  # the refused address, when an address was refused


class HostNotResolved(OSError):
    """The host name does not resolve (now): a failed attempt, tried again later."""


def _in(address: IPAddress, networks) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (mapped, NAT64, 6to4 or compatible), if any."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address in NAT64 or (address in IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


def kind_of(address: IPAddress) -> str | None:
    """The kind of non-public address this is ("loopback", "private", …), None when public."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            address = ipaddress.IPv6Address(str(address).split("%")[0])
        inner = _embedded_ipv4(address)
        if inner is not None:
            kind = kind_of(inner)
            if kind or address in IPV4_COMPATIBLE:
                return kind or "reserved"  # compatible form: deprecated, never a destination
            if address.ipv4_mapped or address in NAT64:
                return None  # the public IPv4 address it stands for
    if address in METADATA:
        return "metadata"
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback or _in(address, LOOPBACK):
        return "loopback"
    if address.is_link_local or _in(address, LINK_LOCAL):
        return "link-local"
    if address.is_multicast or _in(address, MULTICAST):
        return "multicast"
    if _in(address, PRIVATE):
        return "private"
    if _in(address, SHARED):
        return "shared"
    if (
        _in(address, RESERVED)
        or address.is_reserved
        or address.is_private
        or not address.is_global
        or getattr(address, "is_site_local", False)
    ):
        return "reserved"
    return None


def refusal(address: IPAddress) -> str | None:
    """Why the sender may not connect to `address` under the current settings, or None."""
    kind = kind_of(address)
    if kind is None:
        return None
    if kind in PRIVATE_KINDS and getattr(settings, "WEBHOOK_ALLOW_PRIVATE_ADDRESSES", False):
        return None
    return kind


@dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (`addresses`, in order) and what to say to it."""

    scheme: str
    host: str  # ASCII (IDNA) host name or address literal: the Host header and TLS name
    port: int
    path: str  # path and query, as sent in the request line
    addresses: tuple[IPAddress, ...]


def allowed_schemes() -> tuple[str, ...]:
    return ("https", "http") if getattr(settings, "WEBHOOK_ALLOW_HTTP", False) else ("https",)


def parse(url: str) -> tuple[str, str, int, str]:
    """(scheme, ASCII host, port, path with query) of a URL webhooks may use, or URLNotAllowed."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise URLNotAllowed(_("The URL is not valid.")) from error
    scheme = parts.scheme.lower()
    if scheme not in allowed_schemes():
        raise URLNotAllowed(
            _("Only https URLs are accepted.")
            if allowed_schemes() == ("https",)
            else _("Only https and http URLs are accepted.")
        )
    if parts.username is not None or parts.password is not None:
        raise URLNotAllowed(_("The URL must not contain a user name or password."))
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise URLNotAllowed(_("The URL has no host name."))
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise URLNotAllowed(_("The host name is not valid.")) from error
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return scheme, host, port or (443 if scheme == "https" else 80), path


def _getaddrinfo(host: str, port: int):
    """The system resolver (tests replace this: they never resolve real names)."""
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)


def literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def resolve(host: str, port: int) -> tuple[IPAddress, ...]:
    """Every address `host` stands for, once, in the resolver's order (a literal is itself)."""
    if (address := literal(host)) is not None:
        return (address,)
    try:
        infos = _getaddrinfo(host, port)
    except (OSError, UnicodeError) as error:
        raise HostNotResolved(f"{host} does not resolve: {error}") from error
    addresses = []
    for family, _type, _proto, _name, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise HostNotResolved(f"{host} resolves to no IP address")
    return tuple(addresses)


def check(url: str) -> Target:
    """Parse and resolve `url` and check every address; URLNotAllowed or HostNotResolved."""
    scheme, host, port, path = parse(url)
    addresses = resolve(host, port)
    for address in addresses:
        kind = refusal(address)
        if kind:
            is_address, resolves_to = KINDS[kind]
            message = is_address if literal(host) else resolves_to
            refused = URLNotAllowed(_(message) % {"host": host})
            refused.address = address  # for the operators' log, not for the editor
            raise refused
    return Target(scheme, host, port, path, addresses)
