"""Which network addresses a shared server may fetch, and connections that obey it.

The web player fetches addresses its readers type. Without a policy any reader could make the server
read its own loopback services, the router's admin page or a cloud metadata endpoint, and show the
result to the whole library (server-side request forgery). The command line fetches whatever its
user asks: this policy is only the server's.

Every hop (the first request and every redirect) is resolved once, every address it resolves to is
checked, and the connection is made to the checked address, so a DNS answer that changes between
the check and the connection (DNS rebinding) gains nothing. One deadline covers the whole fetch: a
watchdog hangs up the fetch's sockets when it passes, however slowly a server trickles bytes.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from time import monotonic
from typing import Any

from .errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Refused IPv4 ranges: every entry of the IANA IPv4 Special-Purpose Address Registry
# (https://www.iana.org/assignments/iana-ipv4-special-registry, RFC 6890) that is not globally
# reachable, plus multicast (RFC 5771). 192.0.0.0/24 is refused whole: its two anycast /32s are
# not article servers. Order matters only for the name in the sentence: specific ranges first.
REFUSED_IPV4: tuple[tuple[str, str, str], ...] = (
    ("0.0.0.0/32", "the unspecified address", "RFC 1122"),
    ("0.0.0.0/8", "a 'this network' address", "RFC 791"),
    ("10.0.0.0/8", "a private address", "RFC 1918"),
    ("100.64.0.0/10", "a shared (carrier-grade NAT) address", "RFC 6598"),
    ("127.0.0.0/8", "a loopback address", "RFC 1122"),
    ("169.254.0.0/16", "a link-local address", "RFC 3927"),
    ("172.16.0.0/12", "a private address", "RFC 1918"),
    ("192.0.0.0/24", "an IETF protocol address", "RFC 6890"),
    ("192.0.2.0/24", "a documentation address", "RFC 5737"),
    ("192.88.99.0/24", "a deprecated 6to4 relay address", "RFC 7526"),
    ("192.168.0.0/16", "a private address", "RFC 1918"),
    ("198.18.0.0/15", "a benchmarking address", "RFC 2544"),
    ("198.51.100.0/24", "a documentation address", "RFC 5737"),
    ("203.0.113.0/24", "a documentation address", "RFC 5737"),
    ("224.0.0.0/4", "a multicast address", "RFC 5771"),
    ("255.255.255.255/32", "the broadcast address", "RFC 8190"),
    ("240.0.0.0/4", "a reserved address", "RFC 1112"),
)

# IPv6 prefixes that carry an IPv4 address, which is then judged by the IPv4 table:
# IPv6 forms that lead to an IPv4 address: IPv4-mapped (RFC 4291) and 6to4 (RFC 3056) are read by
# ipaddress itself; NAT64's well-known prefix (RFC 6052) is not.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")

# Refused IPv6 ranges: the IANA IPv6 Special-Purpose Address Registry
# (https://www.iana.org/assignments/iana-ipv6-special-registry, RFC 6890) entries that are not
# globally reachable, then everything outside 2000::/3, the only block the IANA IPv6 Address Space
# registry allocates for global unicast (the rest is "Reserved by IETF", ULA, link-local, multicast).
REFUSED_IPV6: tuple[tuple[str, str, str], ...] = (
    ("::/128", "the unspecified address", "RFC 4291"),
    ("::1/128", "a loopback address", "RFC 4291"),
    ("fc00::/7", "a private (unique-local) address", "RFC 4193"),
    ("fe80::/10", "a link-local address", "RFC 4291"),
    ("fec0::/10", "a deprecated site-local address", "RFC 3879"),
    ("ff00::/8", "a multicast address", "RFC 4291"),
    ("64:ff9b:1::/48", "a local-use translation address", "RFC 8215"),
    ("100::/64", "a discard-only address", "RFC 6666"),
    ("2001::/23", "an IETF protocol address", "RFC 2928"),
    ("2001:db8::/32", "a documentation address", "RFC 3849"),
    ("3fff::/20", "a documentation address", "RFC 9637"),
    ("::/3", "a reserved address", "IANA IPv6 Address Space"),
    ("4000::/2", "a reserved address", "IANA IPv6 Address Space"),
    ("8000::/1", "a reserved address", "IANA IPv6 Address Space"),
)

NETWORKS_V4 = tuple((ipaddress.IPv4Network(net), name) for net, name, _source in REFUSED_IPV4)
NETWORKS_V6 = tuple((ipaddress.IPv6Network(net), name) for net, name, _source in REFUSED_IPV6)

ALLOW_HINT = "this player fetches only public web addresses (its operator can allow others with --allow-private-urls)"


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address, which is where it leads."""
    if address in NAT64:  # the standard library knows the other two forms, not this one
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.ipv4_mapped or address.sixtofour


def refusal(address: str) -> str | None:
    """What kind of non-public address ``address`` is ("a loopback address"), or None if public."""
    ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone (fe80::1%eth0)
    if isinstance(ip, ipaddress.IPv6Address):
        inner = embedded_ipv4(ip)
        if inner is not None:
            return refusal(str(inner))
        return next((name for net, name in NETWORKS_V6 if ip in net), None)
    return next((name for net, name in NETWORKS_V4 if ip in net), None)


def check_address(host: str, address: str) -> None:
    """Raise a one-sentence FetchError if ``host`` resolved to ``address`` is not a public address."""
    kind = refusal(address)
    if kind is not None:
        shown = host if host == address else f"{host} ({address})"
        raise FetchError(f"{shown} is {kind}; {ALLOW_HINT}")


class Deadline:
    """One fetch's time limit: past it, every socket the fetch opened is hung up.

    A per-read timeout never ends a server that trickles a byte just inside it, nor one that trickles
    headers; shutting the sockets down from a timer ends any read at once, over plain HTTP or TLS.
    """

    def __init__(self, seconds: float) -> None:
        self._end = monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    @property
    def passed(self) -> bool:
        return self.expired or monotonic() >= self._end

    def remaining(self) -> float:
        left = self._end - monotonic()
        if left <= 0:
            raise TimeoutError("the fetch deadline has passed")
        return left

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                raise TimeoutError("the fetch deadline has passed")
            self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                try:  # the plain socket call: SSLSocket.shutdown would also drop its TLS state
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed


AddressCheck = Callable[[str, str], None]


@dataclass(frozen=True)
class Guard:
    """How one fetch connects: which addresses it may reach (None: any) and by when."""

    deadline: Deadline
    check: AddressCheck | None = check_address
    # A public address of this very machine passes the table; the connection shows it (below).
    refuse_own_machine: bool = True


def is_own_machine(sock: socket.socket) -> bool:
    """True when a connection goes to this machine: the kernel then picks the destination itself as
    the source address (a server listening on a public address would otherwise fetch itself)."""
    local, peer = sock.getsockname()[0], sock.getpeername()[0]
    return local.split("%", 1)[0] == peer.split("%", 1)[0]


def guarded_connection(guard: Guard, address: tuple[str, int], timeout: float, source_address: object = None) -> socket.socket:
    """``socket.create_connection`` that resolves once, checks every address, then connects to it."""
    host, port = address
    resolved = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if guard.check is not None:
        for *_, sockaddr in resolved:
            guard.check(host, str(sockaddr[0]))  # an IP family's address is a str; the stubs also allow int
    sock = connect_first(guard, resolved, timeout, host)
    if guard.check is not None and guard.refuse_own_machine and is_own_machine(sock):
        sock.close()
        raise FetchError(f"{host} is this machine's own address; {ALLOW_HINT}")
    return sock


def connect_first(guard: Guard, resolved: list[tuple], timeout: float, host: str) -> socket.socket:
    """The first of the checked addresses that answers, as ``socket.create_connection`` tries them."""
    last_error: OSError = OSError(f"{host} has no address")
    for family, kind, proto, _name, sockaddr in resolved:
        sock = socket.socket(family, kind, proto)
        try:
            guard.deadline.watch(sock)
            sock.settimeout(min(timeout, guard.deadline.remaining()))
            sock.connect(sockaddr)
            return sock
        except OSError as error:
            sock.close()
            last_error = error
    raise last_error


class GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, guard: Guard, **kwargs: Any) -> None:
        """urllib's own arguments (host, timeout, ...) pass through unchanged."""
        super().__init__(*args, **kwargs)
        self._create_connection = partial(guarded_connection, guard)


class GuardedHTTPSConnection(http.client.HTTPSConnection):
    """TLS to the checked address, with the certificate checked against the host name as usual."""

    def __init__(self, *args: Any, guard: Guard, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._guard = guard
        self._create_connection = partial(guarded_connection, guard)

    def connect(self) -> None:
        http.client.HTTPConnection.connect(self)
        # Handshake after the TLS socket is watched, so the deadline also ends a trickled handshake.
        # typeshed omits HTTPSConnection._context, the context CPython builds in __init__ (ALPN http/1.1 set).
        context = self._context  # type: ignore[attr-defined]
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host, do_handshake_on_connect=False)
        self._guard.deadline.watch(self.sock)
        self.sock.do_handshake()


class GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, guard: Guard) -> None:
        super().__init__()
        self._guard = guard

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(GuardedHTTPConnection, guard=self._guard), req)


class GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, guard: Guard) -> None:
        super().__init__()
        self._guard = guard

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # No context of our own: the connection builds the default one, as HTTPSHandler() would.
        return self.do_open(partial(GuardedHTTPSConnection, guard=self._guard), req)


def guarded_handlers(guard: Guard) -> tuple[urllib.request.BaseHandler, ...]:
    """urllib handlers for :func:`readaloud.load.fetch`: guarded http/https, and no proxy.

    A proxy from the environment would resolve the name itself, out of the policy's sight.
    """
    return (urllib.request.ProxyHandler({}), GuardedHTTPHandler(guard), GuardedHTTPSHandler(guard))
