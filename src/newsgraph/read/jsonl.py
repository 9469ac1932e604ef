"""JSON Lines: one article a line with at least `id` and `text`.

Optional keys: `title`, `url`, `published` (ISO date or datetime), `outlet`, `author`, `language`.
The file is streamed line by line; a line over the size limit is skipped without being read whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsgraph.errors import OnError, ReadError
from newsgraph.model import Article
from newsgraph.read.article import MAX_BYTES, make_article, source_of

CHUNK = 1 << 20
FIELDS = ("id", "text", "title", "url", "published", "outlet", "author", "language")


def read_jsonl(
    stream: BinaryIO, *, source: str, on_error: OnError, max_bytes: int = MAX_BYTES
) -> Iterator[Article]:
    """One Article per line; `article.id` is the line's `id`, `line N` (from 1) names the line."""
    for number, line in bounded_lines(stream, max_bytes):
        if line is not None and not line.strip():
            continue
        record = f"line {number}"
        if line is None:
            on_error(ReadError(source, record, "too-large", f"over {max_bytes} bytes"))
            continue
        try:
            row = json.loads(line)
        except UnicodeDecodeError as exc:
            on_error(ReadError(source, record, "encoding", str(exc)))
            continue
        except json.JSONDecodeError as exc:
            on_error(ReadError(source, record, "malformed", str(exc)))
            continue
        except RecursionError:  # the C decoder's nesting limit (about 1,000 levels), anywhere
            on_error(ReadError(source, record, "too-complex", "JSON nested too deep"))
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row.get("id"):
            on_error(ReadError(source, record, "malformed", "needs 'id' and 'text'"))
            continue
        if not row["text"].strip():
            on_error(ReadError(source, record, "no-text"))
            continue
        if field := unencodable(row):
            detail = f"{field!r} holds a lone surrogate (an escape like \\ud800)"
            on_error(ReadError(source, record, "encoding", detail))
            continue
        yield article_from_row(row, source=source_of(source, record))


def unencodable(row: dict[str, Any]) -> str | None:
    """The first field whose string has no UTF-8 form: JSON allows a lone surrogate escape
    ("\\ud800", a broken emoji in scraped JSON), which no text store or hash can take."""
    for field in FIELDS:
        value = row.get(field)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return field
    return None


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(number from 1, line) for each non-empty line of a stream; None for a line over
    `max_bytes`, whose rest is skipped unkept.

    Read in blocks and split here, not by `readline`, and empty lines are only counted: a gzip
    bomb of blank lines (a million per KB) costs a list item per line, not a call and a yield.
    """
    pending: list[bytes] = []  # the start of the current line, while it is within the limit
    size = 0  # bytes of the current line so far
    number = 1  # the current line's
    # read1: what is decompressed so far, so a truncated gzip gives its lines before the EOFError
    read = getattr(stream, "read1", stream.read)
    while block := read(CHUNK):
        pieces = block.split(b"\n")
        first, *middle, last = pieces if len(pieces) > 1 else (None, pieces[0])
        if first is not None:
            size += len(first)
            if pending or first or size:
                yield number, None if size > max_bytes else b"".join((*pending, first, b"\n"))
            pending, size = [], 0
            starts = number + 1
            number += len(pieces) - 1
            for index in [i for i, piece in enumerate(middle) if piece]:
                piece = middle[index]
                yield starts + index, None if len(piece) > max_bytes else piece + b"\n"
        size += len(last)
        if size > max_bytes:
            pending = []
        elif last:
            pending.append(last)
    if size:
        yield number, None if size > max_bytes else b"".join(pending)


def article_from_row(row: dict[str, Any], *, source: str) -> Article:
    """An Article from one JSON object with `id` and `text` (optional metadata keys)."""
    return make_article(
        row["text"],
        source=source,
        id=str(row["id"]),
        outlet=row.get("outlet"),
        url=row.get("url"),
        title=row.get("title"),
        author=row.get("author"),
        published=row.get("published"),
        language=row.get("language"),
    )
