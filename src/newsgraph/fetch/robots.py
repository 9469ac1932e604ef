"""robots.txt, read with protego (Scrapy's parser: wildcards, Allow/Disallow precedence, Sitemap).

One robots.txt per origin, fetched before its first URL and kept for the fetcher's life (one
`watch` round, one `ingest`). What a missing or failing robots.txt means follows RFC 9309: a 4xx
(404 most often) allows everything; a 5xx, a timeout or an unreachable server allows nothing, for
now ("the crawler MUST assume complete disallow"). Its `Crawl-delay`, when longer than the
fetcher's own delay, is the delay between two requests to that host.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from newsgraph.fetch.address import FetchFailed, origin

log = logging.getLogger(__name__)

ALLOW_ALL = Protego.parse("")
DISALLOW_ALL = Protego.parse("User-agent: *\nDisallow: /\n")
AGENT = "newsgraph"  # the product token robots.txt groups are matched against


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


class Robots:
    """The robots.txt rules of every origin seen; `fetch` reads one (status, body) or raises."""

    def __init__(self, fetch: Callable[[str], tuple[int, bytes]]) -> None:
        self.fetch = fetch
        self.rules: dict[str, Protego] = {}

    def of(self, url: str) -> Protego:
        key = origin(url)
        if key not in self.rules:
            self.rules[key] = self._read(robots_url(url))
        return self.rules[key]

    def _read(self, url: str) -> Protego:
        try:
            status, body = self.fetch(url)
        except FetchFailed as exc:
            log.warning("%s: %s; nothing on this host is fetched for now", url, exc)
            return DISALLOW_ALL
        if 400 <= status < 500:
            return ALLOW_ALL
        if status >= 500:
            log.warning("%s: HTTP %d; nothing on this host is fetched for now", url, status)
            return DISALLOW_ALL
        return Protego.parse(body.decode("utf-8", errors="replace"))

    def allowed(self, url: str) -> bool:
        return bool(self.of(url).can_fetch(url, AGENT))

    def sitemaps(self, url: str) -> list[str]:
        return list(self.of(url).sitemaps)
