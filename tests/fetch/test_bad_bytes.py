"""Whatever a server sends, discovery gives lists and a page gives an Article or a ReadError."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import ReadError
from newsgraph.fetch.client import Response
from newsgraph.fetch.discover import feed_entries, feeds_in_page, kind_of, read_sitemap
from newsgraph.fetch.pages import article_of
from newsgraph.model import Article

BASE = "https://news.example.org/"
PREFIXES = [b"", b"<rss><channel><item><link>", b"<urlset><url><loc>", b"<!doctype html><html>"]
bodies = st.builds(lambda head, tail: head + tail, st.sampled_from(PREFIXES), st.binary())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=bodies, content_type=st.sampled_from(["text/html", "application/xml", ""]))
def test_any_bytes_are_read_or_reported(body: bytes, content_type: str) -> None:
    assert kind_of(content_type, body) in ("feed", "sitemap", "html", "other")
    assert isinstance(feed_entries(body, BASE), list)
    assert isinstance(feeds_in_page(body, BASE), list)
    sitemap = read_sitemap(body, BASE)
    assert isinstance(sitemap.pages, list) and isinstance(sitemap.sitemaps, list)
    reported: list[ReadError] = []
    response = Response(
        url=BASE,
        final_url=BASE,
        status=200,
        headers=httpx.Headers({"content-type": content_type}),
        body=body,
        fetched=datetime.now(UTC),
    )
    article = article_of(response, on_error=reported.append)
    if article is None:
        assert reported, "a page that gives no article says why"
    else:
        assert isinstance(article, Article) and article.fetched_url == BASE
    assert all(isinstance(r, ReadError) for r in reported)
