"""GET /api/timeline: quotes, articles or events per day, week or month, as JSON or CSV (Media
Cloud's attention over time, GDELT's timeline volume), counted in SQL by the store."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from newsgraph.server.deps import StoreDep
from newsgraph.server.filters import given
from newsgraph.server.paging import download

router = APIRouter(prefix="/api", tags=["timeline"])


class Point(BaseModel):
    start: str  # the ISO date the bucket starts on
    count: int


class Timeline(BaseModel):
    interval: str
    count: str
    points: list[Point]


@router.get("/timeline", response_model=Timeline, responses={200: {"content": {"text/csv": {}}}})
def get_timeline(
    store: StoreDep,
    entity: Annotated[str | None, Query(description="Articles mentioning this entity.")] = None,
    speaker: Annotated[str | None, Query(description="Quotes by this speaker.")] = None,
    search: Annotated[str | None, Query(description="Full-text search words.")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name, any case.")] = None,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
    interval: Literal["day", "week", "month"] = "month",
    count: Annotated[
        Literal["quotes", "articles", "events"] | None,
        Query(
            description="What to count: quotes (default with speaker), articles, or events "
            "(by their own date; `entity` or `speaker` is an actor, words and outlet do not "
            "apply)."
        ),
    ] = None,
    format: Literal["json", "csv"] = "json",  # noqa: A002  (the word a researcher types)
) -> Timeline | StreamingResponse:
    """Counts per bucket of publication date, oldest first, with empty buckets as 0."""
    what = count or ("quotes" if speaker or (search and not entity) else "articles")
    filters: dict[str, object] = {"since": since, "until": until}
    if what == "events":
        if search or outlet:
            raise HTTPException(422, "events are counted by actor and dates, not words or outlet")
        filters |= {"actor": entity or speaker}
    else:
        filters |= {"search": search, "outlet": outlet}
        filters |= {"speaker": speaker} if what == "quotes" else {"entity": entity}
    points = store.timeline(count=what, interval=interval, **given(filters))
    if format == "csv":
        rows = ({"start": p.start, "count": p.count} for p in points)
        return download(rows, "csv", f"timeline-{interval}")
    return Timeline(
        interval=interval,
        count=what,
        points=[Point(start=p.start, count=p.count) for p in points],
    )
