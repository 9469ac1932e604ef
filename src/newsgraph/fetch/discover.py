"""Where the article URLs are: feed entries, a site's feed links and its (news) sitemaps.

A feed's entries come from feedparser (as `read/feed.py` reads feeds); a page's feed links from
trafilatura's `determine_feed` (`<link rel="alternate">` of a feed type, else links that look
like feeds); a sitemap (robots.txt's `Sitemap:` lines, else `/sitemap.xml`) is parsed here with
lxml, entities and network off: a `<urlset>` gives pages (only its news entries when it is a
Google News sitemap), a `<sitemapindex>` more sitemaps. Candidate article URLs are normalised and
filtered with courlan: no images, archives or media files, no tag, category or login pages.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import courlan.filters
import feedparser
from lxml import etree
from trafilatura.feeds import FeedParameters, determine_feed

from newsgraph.fetch.address import normalise_url

FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
SITEMAP_ROOTS = (b"<urlset", b"<sitemapindex")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_LINKS = 1000  # URLs taken from one feed or sitemap


def kind_of(content_type: str, body: bytes) -> str:
    """ "feed", "sitemap", "html" or "other", from the first bytes and the declared type."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(root in head for root in SITEMAP_ROOTS):
        return "sitemap"
    if any(root in head for root in FEED_ROOTS):
        return "feed"
    if content_type in HTML_TYPES or b"<html" in head or head.startswith(b"<!doctype html"):
        return "html"
    return "other"


def feed_entries(body: bytes, base: str) -> list[str]:
    """The link of every entry of a feed, absolute, in feed order."""
    parsed = feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)
    links = [urljoin(base, e.get("link", "")) for e in parsed.entries if e.get("link")]
    return links[:MAX_LINKS]


def feeds_in_page(body: bytes, base: str) -> list[str]:
    """The feed URLs a page links to."""
    host = urlsplit(base).hostname or ""
    params = FeedParameters(base, host, base)
    return determine_feed(body.decode("utf-8", errors="replace"), params)


@dataclass(frozen=True, slots=True)
class Sitemap:
    pages: list[str]
    sitemaps: list[str]


def read_sitemap(body: bytes, base: str) -> Sitemap:
    """The pages (news entries first, only those if there are any) and child sitemaps."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return Sitemap([], [])
    if root is None:
        return Sitemap([], [])
    tag = _local(root)
    locs: list[str] = []
    news: list[str] = []
    for entry in root:
        if not isinstance(entry.tag, str):
            continue
        loc = next((c.text for c in entry if _local(c) == "loc" and c.text), None)
        if loc:
            locs.append(urljoin(base, loc.strip()))
            if any(c.tag == f"{{{NEWS}}}news" for c in entry):
                news.append(locs[-1])
    if tag == "sitemapindex":
        return Sitemap([], locs[:MAX_LINKS])
    return Sitemap((news or locs)[:MAX_LINKS], [])


def _local(element: etree._Element) -> str:
    """An element's name without its namespace; "" for a comment. By string, not etree.QName:
    the recovering parser keeps names QName refuses (":" from a broken sitemap)."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def article_urls(urls: Iterable[str]) -> list[str]:
    """Normalised, once each, without what cannot be an article (media files, tag pages...)."""
    kept: dict[str, None] = {}
    for url in urls:
        if not url.startswith(("http://", "https://")):
            kept[url] = None  # kept, so that the fetcher reports it `refused-address`
            continue
        normal = normalise_url(url)
        if (
            courlan.filters.extension_filter(normal)
            and courlan.filters.type_filter(normal)
            and not courlan.filters.is_not_crawlable(normal)
        ):
            kept[normal] = None
    return list(kept)
