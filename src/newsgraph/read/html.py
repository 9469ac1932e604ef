"""HTML pages: the main text and metadata with trafilatura (dates by htmldate, inside it).

Settings (benchmarks/html_bodies.py measures them): the balanced default, the setting behind
trafilatura's published benchmark score; a short body is checked again with `favor_precision`
(on a page with no article, the balanced default returns the navigation links as a body;
precision mode returns nothing, so the page is reported `no-text`); `include_comments=False`
keeps reader comments out; `fast=True` skips the fallback extractors, a third of the time,
with the same text on our pages. A heading that repeats the title is dropped, so the body
starts with the first paragraph (the benchmark's gold bodies do not hold the headline either).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document

from newsgraph.errors import OnError, ReadError
from newsgraph.model import Article, normalise_text
from newsgraph.read.article import MAX_BYTES, make_article
from newsgraph.read.decode import read_document

HEADING_WORDS = 30
# Bodies shorter than this are checked again in precision mode: real news runs longer than a menu.
CONFIRM_WORDS = 100
# Tag marks (`<`) a page may hold before it is parsed: lxml and trafilatura take about 1.5 KB per
# element, so 2.3M tiny elements (a 17.5 MB page) took 3.6 GB. Long real news pages hold a
# few thousand elements; 200,000 marks keeps one page under about 300 MB. Past it: `too-complex`.
MAX_HTML_TAGS = 200_000


def read_html(
    stream: BinaryIO, *, source: str, on_error: OnError, max_bytes: int = MAX_BYTES
) -> Iterator[Article]:
    """One article from an HTML page."""
    data = read_document(stream, source=source, on_error=on_error, max_bytes=max_bytes)
    if data is None:
        return
    article = article_from_html(data, source=source, record=None, on_error=on_error)
    if article:
        yield article


def article_from_html(
    data: bytes,
    *,
    source: str,
    record: str | None,
    on_error: OnError,
    url: str | None = None,
    fallback_date: object = None,
) -> Article | None:
    """The article of one page, or None after reporting `no-text` or `malformed`.

    `url` (a WARC record's) wins over the page's own; `fallback_date` (the crawl date) is the
    publication date only when the page gives none.
    """
    where = f"{source}#{record}" if record else source
    if (tags := data.count(b"<")) > MAX_HTML_TAGS:  # counted before parsing: bytes, not a tree
        on_error(ReadError(source, record, "too-complex", f"{tags} tags, over {MAX_HTML_TAGS}"))
        return None
    tree = trafilatura.load_html(data)
    if tree is None:
        on_error(ReadError(source, record, "malformed", "not parseable as HTML"))
        return None
    language = tree.get("lang")
    document = extract_document(tree, url=url)
    if not isinstance(document, Document):  # None: nothing that looks like an article
        on_error(ReadError(source, record, "no-text"))
        return None
    body = without_title(document.text or "", document.title)
    if not body.strip():
        on_error(ReadError(source, record, "no-text"))
        return None
    return make_article(
        body,
        source=where,
        outlet=document.sitename,
        url=url or document.url,
        title=document.title,
        author=document.author,
        published=document.date or fallback_date,
        language=language,
    )


def extract_document(tree: HtmlElement, *, url: str | None) -> Document | None:
    """trafilatura's balanced extraction (F1 0.960 on the article-extraction benchmark; fast=True
    loses nothing there); a short result is confirmed in precision mode, which drops what is only
    a page's menu or link list ("Home World" from a <nav>) rather than an article."""
    options = {"url": url, "with_metadata": True, "include_comments": False, "fast": True}
    document = trafilatura.bare_extraction(tree, **options)
    if isinstance(document, Document) and len((document.text or "").split()) < CONFIRM_WORDS:
        precise = trafilatura.bare_extraction(tree, favor_precision=True, **options)
        return precise if isinstance(precise, Document) else None
    return document if isinstance(document, Document) else None


def without_title(text: str, title: str | None) -> str:
    """The body without a first line that repeats the title (the page's <h1>).

    A heading is short (HEADING_WORDS at most) and holds the title or is held in it: "Storm hits
    coast" under the title "Storm hits coast | Gazette", or "Storm hits coast: three dead".
    """
    first, _, rest = text.strip().partition("\n")
    line, title = normalise_text(first), normalise_text(title or "")
    if rest and title and len(line.split()) <= HEADING_WORDS and (line in title or title in line):
        return rest.strip()
    return text.strip()
