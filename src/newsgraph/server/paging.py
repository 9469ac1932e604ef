"""Paging and downloads shared by the API and the pages: `offset`/`limit` in, the filtered
total and the next page's address out, and a listing's rows streamed as CSV or JSON Lines.

The API keeps its list bodies (JSON arrays, the public schema) and says the rest in headers:
`X-Total-Count` (the filtered total), `Link: <...>; rel="next"` (RFC 8288) while more follow,
by offset or, for a request that gave `cursor=`, by cursor, and `X-Next-Cursor` (the token).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import Query, Request, Response
from fastapi.responses import StreamingResponse

from newsgraph.store.base import Page

# past this an offset is no page of any database (and SQLite's integers end at 2**63)
MAX_OFFSET = 1_000_000_000
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="Items to skip: the page starts after them.")
]
Cursor = Annotated[
    str | None,
    Query(
        max_length=1000,
        description="Where the page starts: the cursor in the last page's `Link` (or "
        "`X-Next-Cursor`); empty for the first page. Pages by key: a deep page is as quick as "
        "the first. Not with `offset`.",
    ),
]
TOTAL_HEADER = "X-Total-Count"
CURSOR_HEADER = "X-Next-Cursor"
PAGE_HEADERS = {
    TOTAL_HEADER: {
        "description": "Items matching the filters, on all pages.",
        "schema": {"type": "integer"},
    },
    "Link": {
        "description": 'The next page, as `<URL>; rel="next"`, while more follow: by `offset`, '
        "or by `cursor` when the request gave one.",
        "schema": {"type": "string"},
    },
    CURSOR_HEADER: {
        "description": "The `cursor` of the next page, while more follow.",
        "schema": {"type": "string"},
    },
}
PAGED = {200: {"headers": PAGE_HEADERS}}
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
}


def next_url(request: Request, page: Page[Any], limit: int) -> str | None:
    """The address of the page after `page`, or None on the last page."""
    after = page.offset + limit
    if after >= page.total:
        return None
    return str(request.url.include_query_params(offset=after))


def previous_url(request: Request, page: Page[Any], limit: int) -> str | None:
    if page.offset <= 0:
        return None
    return str(request.url.include_query_params(offset=max(0, page.offset - limit)))


def next_cursor_url(request: Request, page: Page[Any]) -> str | None:
    """The address of the page after `page` by its cursor, or None on the last page."""
    if page.next_cursor is None:
        return None
    return str(
        request.url.remove_query_params("offset").include_query_params(cursor=page.next_cursor)
    )


def paged(request: Request, response: Response, page: Page[Any], limit: int) -> None:
    """Put the total and the next page's link on an API response: by cursor when the request
    was (`cursor=`, even empty), else by offset, as before cursors."""
    response.headers[TOTAL_HEADER] = str(page.total)
    by_cursor = "cursor" in request.query_params
    after = next_cursor_url(request, page) if by_cursor else next_url(request, page, limit)
    if after:
        response.headers["Link"] = f'<{after}>; rel="next"'
    if page.next_cursor:
        response.headers[CURSOR_HEADER] = page.next_cursor


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A header line, then one line per row (the first row's keys are the columns)."""
    out = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _plain(v) for k, v in row.items()})
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def json_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n"


def json_array(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON array, written a row at a time."""
    yield "["
    for n, line in enumerate(json_lines(rows)):
        yield ("," if n else "") + "\n" + line.rstrip("\n")
    yield "\n]\n"


WRITERS: dict[str, Callable[[Iterable[dict[str, Any]]], Iterator[str]]] = {
    "csv": csv_lines,
    "json": json_array,
    "jsonl": json_lines,
}


def download(rows: Iterable[dict[str, Any]], fmt: str, name: str) -> StreamingResponse:
    """A listing's rows as a streamed file: nothing holds more than a thousand rows at once."""
    return StreamingResponse(
        WRITERS[fmt](rows),
        media_type=FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )
