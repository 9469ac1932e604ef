"""What list pages share: the pager over a listing's page, its download links, and facet values
as links to the list narrowed to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import Request

from newsgraph.server.filters import given
from newsgraph.server.paging import next_url, previous_url
from newsgraph.store.base import Page


@dataclass(frozen=True)
class Pager:
    """What a page shows of a listing: which items of how many, the next and previous pages,
    and the downloads of exactly its filtered rows."""

    total: int
    first: int
    last: int
    next: str | None = None
    previous: str | None = None
    downloads: list[tuple[str, str]] = field(default_factory=list)


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else str(value)


def download_links(kind: str, filters: dict[str, Any]) -> list[tuple[str, str]]:
    query = urlencode({k: _query_value(v) for k, v in given(filters).items()})
    return [(fmt, f"/api/{kind}.{fmt}" + (f"?{query}" if query else "")) for fmt in ("csv", "json")]


def pager(
    request: Request,
    page: Page[Any],
    limit: int,
    kind: str | None = None,
    filters: dict[str, Any] | None = None,
) -> Pager:
    return Pager(
        total=page.total,
        first=page.offset + 1,
        last=page.offset + len(page.items),
        next=next_url(request, page, limit),
        previous=previous_url(request, page, limit),
        downloads=download_links(kind, filters or {}) if kind else [],
    )


FacetLinks = list[tuple[str, list[tuple[str, int, str | None]]]]


def month_filter(month: str) -> dict[str, str]:
    """A "YYYY-MM" facet value as the from/to dates of that month."""
    year, number = (int(part) for part in month.split("-"))
    after = date(year + number // 12, number % 12 + 1, 1)
    return {"since": f"{month}-01", "until": date.fromordinal(after.toordinal() - 1).isoformat()}


def facet_links(
    request: Request, found: dict[str, list[tuple[str, int]]], links: dict[str, Any]
) -> FacetLinks:
    """Each facet's values with counts, and where the page narrowed to that value is: `links`
    maps a facet to the filter a value sets (a dict of query parameters) or to a page's URL."""
    here = request.url.remove_query_params("offset")
    out: FacetLinks = []
    for name, values in found.items():
        make = links.get(name)
        shown = []
        for value, n in values:
            target = make(value) if make else None
            href = str(here.include_query_params(**target)) if isinstance(target, dict) else target
            shown.append((value, n, href))
        out.append((name, shown))
    return out


def is_month(value: str) -> bool:
    return len(value) == 7 and value[4] == "-" and value.replace("-", "").isdigit()


MONTH = {"month": lambda v: month_filter(v) if is_month(v) else None}
