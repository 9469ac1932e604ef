"""Plain-text articles, including the scraped shape `- Outlet - URL -`, title line, paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from newsgraph.errors import OnError, ReadError
from newsgraph.model import Article
from newsgraph.read.article import MAX_BYTES, make_article
from newsgraph.read.decode import decode, read_document

# "- The Daily Example - https://example.org -": the outlet/URL header of a scraped page
HEADER = re.compile(r"^\s*-\s*(?P<outlet>.+?)\s+-\s+(?P<url>https?://\S+)\s*-\s*$")


def read_text(
    stream: BinaryIO, *, source: str, on_error: OnError, max_bytes: int = MAX_BYTES
) -> Iterator[Article]:
    """One article from a text file: header and title lines are metadata, the rest is the body."""
    data = read_document(stream, source=source, on_error=on_error, max_bytes=max_bytes)
    if data is None:
        return
    try:
        raw = decode(data)
    except UnicodeDecodeError as exc:
        on_error(ReadError(source, None, "encoding", str(exc)))
        return
    outlet, url, title, body = split_header(raw)
    if not body:
        on_error(ReadError(source, None, "no-text"))
        return
    yield make_article(body, source=source, outlet=outlet, url=url, title=title)


def split_header(raw: str) -> tuple[str | None, str | None, str | None, str]:
    """(outlet, url, title, body) of a text file; the first three are None without a header."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    outlet = url = title = None
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and (match := HEADER.match(lines[0])):
        outlet, url = match["outlet"], match["url"]
        lines.pop(0)
        while lines and not lines[0].strip():
            lines.pop(0)
        if lines:
            title = lines.pop(0).strip()
    return outlet, url, title, "\n".join(lines).strip()
