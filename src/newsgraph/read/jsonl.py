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


def read_jsonl(
    stream: BinaryIO, *, source: str, on_error: OnError, max_bytes: int = MAX_BYTES
) -> Iterator[Article]:
    """One Article per line; `article.id` is the line's `id`, `line N` (from 1) names the line."""
    for number, line in enumerate(bounded_lines(stream, max_bytes), start=1):
        record = f"line {number}"
        if line is None:
            on_error(ReadError(source, record, "too-large", f"over {max_bytes} bytes"))
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except UnicodeDecodeError as exc:
            on_error(ReadError(source, record, "encoding", str(exc)))
            continue
        except json.JSONDecodeError as exc:
            on_error(ReadError(source, record, "malformed", str(exc)))
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row.get("id"):
            on_error(ReadError(source, record, "malformed", "needs 'id' and 'text'"))
            continue
        if not row["text"].strip():
            on_error(ReadError(source, record, "no-text"))
            continue
        yield article_from_row(row, source=source_of(source, record))


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a stream; None for a line over `max_bytes`, whose rest is skipped unread."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


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
