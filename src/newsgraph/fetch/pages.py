"""Fetched responses into Articles, through the same HTML reader as files, with their provenance.

`article_of` reads one article page; `read_urls` (`newsgraph ingest URL...`) follows what a user
names: a feed's entries' pages, a sitemap's pages, or the page itself; `fetched_articles` does so
with a fetcher of its own, the origins named allowed, its WARC files beside the database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.errors import OnError, ReadError
from newsgraph.fetch.address import FetchFailed, normalise_url, origins
from newsgraph.fetch.client import POLITE, Fetcher, Politeness, Response
from newsgraph.fetch.discover import article_urls, feed_entries, kind_of, read_sitemap
from newsgraph.fetch.warc import WarcFiles, warc_folder
from newsgraph.model import Article
from newsgraph.read.html import article_from_html


def provenance(response: Response) -> dict[str, Any]:
    """The Article fields that record how `response` was fetched (`url` is its final URL)."""
    warc = response.warc
    return {
        "fetched_url": response.url,
        "fetched_at": response.fetched,
        "http_status": response.status,
        "warc_file": warc.file if warc else None,
        "warc_record": warc.record if warc else None,
        "warc_offset": warc.offset if warc else None,
    }


def article_of(response: Response, *, on_error: OnError) -> Article | None:
    """The article of a fetched page, or None after reporting `not-html`, `no-text`..."""
    kind = kind_of(response.content_type, response.body)
    if kind != "html":
        shown = response.content_type or "no Content-Type"
        on_error(ReadError(response.url, None, "not-html", f"{shown}, read as {kind}"))
        return None
    article = article_from_html(
        response.body,
        source=response.url,
        record=None,
        on_error=on_error,
        url=response.final_url,
    )
    return dataclasses.replace(article, **provenance(response)) if article else None


def fetch_article(fetcher: Fetcher, url: str, *, on_error: OnError) -> Article | None:
    """Fetch one article page; a URL not read is reported with its reason."""
    try:
        response = fetcher.get(url)
    except FetchFailed as exc:
        on_error(ReadError(url, None, exc.reason, exc.detail))
        return None
    return article_of(response, on_error=on_error)


def read_urls(fetcher: Fetcher, urls: Iterable[str], *, on_error: OnError) -> Iterator[Article]:
    """The articles behind the URLs a user names: each feed's or sitemap's pages, or the page."""
    for named in urls:
        url = normalise_url(named)
        try:
            response = fetcher.get(url)
        except FetchFailed as exc:
            on_error(ReadError(url, None, exc.reason, exc.detail))
            continue
        kind = kind_of(response.content_type, response.body)
        if kind == "feed":
            pages = feed_entries(response.body, response.final_url)
        elif kind == "sitemap":
            pages = read_sitemap(response.body, response.final_url).pages
        else:
            article = article_of(response, on_error=on_error)
            if article:
                yield article
            continue
        for page in article_urls(pages):
            article = fetch_article(fetcher, page, on_error=on_error)
            if article:
                yield article


def is_url(path: object) -> bool:
    """Whether an input path is an http(s) URL to fetch rather than a file."""
    return isinstance(path, str) and path.lower().startswith(("http://", "https://"))


def fetched_articles(
    urls: list[str],
    *,
    db: str | None,
    politeness: Politeness = POLITE,
    on_error: OnError,
) -> Iterator[Article]:
    """The articles behind `urls` (`read_urls`); the origins they name may be local."""
    if not urls:
        return
    allowed = dataclasses.replace(politeness, allowed=politeness.allowed | origins(urls))
    with Fetcher(allowed, warc=WarcFiles(warc_folder(db))) as fetcher:
        yield from read_urls(fetcher, urls, on_error=on_error)
