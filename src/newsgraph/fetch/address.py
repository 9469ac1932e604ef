"""Which URLs the fetcher may request: http(s) only, and no machine-internal address unless named.

A feed is written by someone else: an entry pointing at `http://127.0.0.1:6379/` or at a cloud's
metadata service (169.254.169.254) must not turn the fetcher against the machine it runs on or
its network. So every URL (each redirect hop too) is resolved and refused when any address it
resolves to is not global, unless its origin (host and port) is one the user named in the
sources list or on the command line. URLs are normalised with courlan (tracking parameters
dropped, host lower-cased) and lose their fragment: that is the key of a URL everywhere.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

import courlan

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}


class FetchFailed(Exception):
    """A URL not read: `reason` is a slug of `errors.FETCH_REASONS`, `detail` says more."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def refused(detail: str) -> FetchFailed:
    return FetchFailed("refused-address", detail)


def normalise_url(url: str) -> str:
    """The key of a URL: courlan's normal form (no tracking parameters), without the fragment."""
    normal = courlan.normalize_url(url.strip(), strict=False)
    return urlunsplit(urlsplit(normal)._replace(fragment=""))


def origin(url: str) -> str:
    """`host:port` of an http(s) URL, the port made explicit: what an allowance names."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or DEFAULT_PORTS.get(parts.scheme, 0)
    return f"{host}:{port}"


def origins(urls: Iterable[str]) -> frozenset[str]:
    """The origins of the given URLs: the allowance for the sources a user names."""
    return frozenset(origin(u) for u in urls)


def check_url(url: str, *, allowed: frozenset[str] = frozenset()) -> None:
    """Raise FetchFailed unless `url` is http(s) and resolves only to global addresses, or its
    origin is in `allowed` (named by the user, so a local or intranet server may be followed)."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise refused(f"scheme {parts.scheme or 'none'!r}: only http and https are fetched")
    if not parts.hostname:
        raise refused("no host")
    if origin(url) in allowed:
        return
    for address in resolve(parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]):
        if not address.is_global:
            shown = origin(url) if parts.hostname == str(address) else f"{origin(url)} ({address})"
            raise refused(f"{shown} is a {scope(address)} address that no source names")


def scope(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """What kind of non-public address this is, in words."""
    for name in ("loopback", "link_local", "private", "multicast", "unspecified"):
        if getattr(address, f"is_{name}"):
            return name.replace("_", "-")
    return "reserved"


def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address `host` resolves to (an IP literal is its own); none when it does not."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchFailed("unreachable", f"{host} does not resolve: {exc}") from exc
    # an IPv6 address may carry a zone ("fe80::1%eth0"): the part before % is the address
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
