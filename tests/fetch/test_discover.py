"""Finding article URLs: feed entries, feed links on a page, (news) sitemaps, courlan's filter."""

from __future__ import annotations

from fetch.site import rss, urlset
from newsgraph.fetch.discover import (
    article_urls,
    feed_entries,
    feeds_in_page,
    kind_of,
    read_sitemap,
)

BASE = "https://news.example.org"


def test_a_feed_gives_its_entries_links_resolved_against_it() -> None:
    body = rss(BASE, "News", [f"{BASE}/a.html", "/b.html"])
    assert feed_entries(body, f"{BASE}/feed.xml") == [f"{BASE}/a.html", f"{BASE}/b.html"]


def test_a_page_gives_the_feeds_it_links_to() -> None:
    page = (
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>'
    )
    assert feeds_in_page(page, f"{BASE}/") == [f"{BASE}/rss"]


def test_a_news_sitemap_gives_its_news_entries_and_an_index_its_sitemaps() -> None:
    news = urlset([f"{BASE}/a.html"]).replace(
        b"</urlset>", f"<url><loc>{BASE}/about</loc></url></urlset>".encode()
    )
    assert read_sitemap(news, BASE).pages == [f"{BASE}/a.html"]
    index = (
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://news.example.org/s1.xml</loc></sitemap></sitemapindex>"
    )
    assert read_sitemap(index, BASE).sitemaps == [f"{BASE}/s1.xml"]


def test_a_sitemap_with_an_external_entity_is_read_without_it() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.org/&x;'
        b"</loc></url></urlset>"
    )
    pages = read_sitemap(body, BASE).pages
    assert all("root:" not in p for p in pages)


def test_what_cannot_be_an_article_is_left_out_and_urls_come_once() -> None:
    urls = [
        f"{BASE}/2024/05/storm.html?utm_source=rss",
        f"{BASE}/2024/05/storm.html",
        f"{BASE}/photo.jpg",
        f"{BASE}/tag/weather",
        f"{BASE}/login",
    ]
    assert article_urls(urls) == [f"{BASE}/2024/05/storm.html"]


def test_kinds_are_told_by_their_first_bytes() -> None:
    assert kind_of("text/xml", rss(BASE, "N", [])) == "feed"
    assert kind_of("application/xml", urlset([])) == "sitemap"
    assert kind_of("", b"<!DOCTYPE html><html></html>") == "html"
    assert kind_of("application/pdf", b"%PDF-1.7") == "other"
