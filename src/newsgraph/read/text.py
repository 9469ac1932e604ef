"""Plain-text articles, including the scraped shape `- Outlet - URL -`, title line, paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import OnError, ReadError
from newsgraph.model import Article, content_hash

# "- The Media Line - https://themedialine.org -": the outlet/URL header of a scraped page
HEADER = re.compile(r"^\s*-\s*(?P<outlet>.+?)\s+-\s+(?P<url>https?://\S+)\s*-\s*$")


def read_text(data: bytes, *, source: str, on_error: OnError) -> Iterator[Article]:
    """One article from a text file: header and title lines are metadata, the rest is the body."""
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        on_error(ReadError(source, None, "encoding", str(exc)))
        return
    lines = raw.replace("\r\n", "\n").split("\n")
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
    body = "\n".join(lines).strip()
    if not body:
        on_error(ReadError(source, None, "no-text"))
        return
    yield Article(
        id=Path(source).stem + "-" + content_hash(body)[:10],
        text=body,
        source=source,
        outlet=outlet,
        url=url,
        title=title,
        language="en",
    )
