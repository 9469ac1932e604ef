"""RSS and Atom feeds from a file (feedparser): each entry is an article.

An entry's body is its full content when the feed carries it, else its summary; either is HTML,
turned into paragraphs of plain text here. The feed's title is the outlet of its entries.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from html import unescape
from typing import Any, BinaryIO

import feedparser
import lxml.html
from lxml.etree import ParserError

from newsgraph.errors import OnError, ReadError
from newsgraph.model import Article
from newsgraph.read.article import MAX_BYTES, make_article, source_of
from newsgraph.read.decode import read_document

# Elements that end a paragraph or line when HTML becomes plain text.
BLOCKS = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 blockquote pre tr table ul ol section article figure".split()  # noqa: SIM905 -- a word list
)
DROP = ("script", "style", "noscript", "iframe", "figcaption")
PARAGRAPH = "\u2029"  # the Unicode paragraph separator, as a mark no feed text uses


def read_feed(
    stream: BinaryIO, *, source: str, on_error: OnError, max_bytes: int = MAX_BYTES
) -> Iterator[Article]:
    """One article per feed entry; `entry N` (from 1) names the entry in reports."""
    data = read_document(stream, source=source, on_error=on_error, max_bytes=max_bytes)
    if data is None:
        return
    # A stream, never the bytes: feedparser would open bytes that look like a path as a file.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        detail = str(parsed.get("bozo_exception", "")) or "no entries"
        on_error(ReadError(source, None, "malformed" if parsed.bozo else "no-text", detail))
        return
    feed = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        record = f"entry {number}"
        body = html_to_text(entry_html(entry))
        if not body:
            on_error(ReadError(source, record, "no-text"))
            continue
        yield make_article(
            body,
            source=source_of(source, record),
            outlet=feed.get("title"),
            url=entry.get("link"),
            title=entry.get("title"),
            author=entry.get("author"),
            published=entry_date(entry),
            language=entry_language(entry, feed, parsed),
        )


def entry_html(entry: Any) -> str:
    """The fullest HTML body of an entry: its longest `content`, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content", ())]
    return max(contents, key=len, default="") or entry.get("summary", "")


def entry_date(entry: Any) -> date | None:
    """Publication (else update) date of an entry, from feedparser's parsed time tuple."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def entry_language(entry: Any, feed: Any, parsed: Any) -> str | None:
    """The language an entry's content, the feed or the document declares."""
    for content in entry.get("content", ()):
        if content.get("language"):
            return str(content["language"])
    declared = feed.get("language") or parsed.get("headers", {}).get("content-language")
    return str(declared) if declared else None


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one paragraph per block element, blank lines between."""
    if not markup.strip():
        return ""
    if "<" not in markup:  # a plain-text summary
        return re.sub(r"[ \t]+", " ", unescape(markup)).strip()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for element in list(root.iter(*DROP)):
        element.drop_tree()
    for element in list(root.iter(*BLOCKS)):  # mark block edges, then split the text on the marks
        element.text = PARAGRAPH + (element.text or "")
        element.tail = PARAGRAPH + (element.tail or "")
    paragraphs = (" ".join(p.split()) for p in root.text_content().split(PARAGRAPH))
    return "\n\n".join(p for p in paragraphs if p)
