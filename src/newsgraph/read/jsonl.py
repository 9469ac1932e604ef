"""JSON Lines: one article a line with at least `id` and `text`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from newsgraph.errors import OnError, ReadError
from newsgraph.model import Article


def read_jsonl(data: bytes, *, source: str, on_error: OnError) -> Iterator[Article]:
    """One Article per line; `article.id` is the line's `id`."""
    for number, line in enumerate(data.splitlines(), start=1):
        record = f"line {number}"
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            on_error(ReadError(source, record, "malformed", str(exc)))
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row.get("id"):
            on_error(ReadError(source, record, "malformed", "needs 'id' and 'text'"))
            continue
        if not row["text"].strip():
            on_error(ReadError(source, record, "no-text"))
            continue
        yield article_from_row(row, source=f"{source}#{record}")


def article_from_row(row: dict[str, Any], *, source: str) -> Article:
    """An Article from one JSON object with `id` and `text` (optional metadata keys)."""
    try:
        published = date.fromisoformat(str(row["published"])[:10]) if row.get("published") else None
    except ValueError:
        published = None
    return Article(
        id=str(row["id"]),
        text=row["text"],
        source=source,
        outlet=row.get("outlet"),
        url=row.get("url"),
        title=row.get("title"),
        author=row.get("author"),
        published=published,
        language=row.get("language", "en"),
    )
