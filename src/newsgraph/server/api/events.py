"""GET /api/events: PLOVER events filtered by actor, type, date range and place, paged."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from newsgraph.server.deps import StoreDep
from newsgraph.server.filters import event_filters, given
from newsgraph.server.paging import PAGED, Cursor, Offset, paged
from newsgraph.server.schemas import EventHit
from newsgraph.server.views import event_hits

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=list[EventHit], responses=PAGED)
def list_events(
    request: Request,
    response: Response,
    store: StoreDep,
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    offset: Offset = 0,
    cursor: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[EventHit]:
    """Events with actors, place, date and the article they come from, latest first."""
    page = store.page("events", offset=offset, limit=limit, cursor=cursor, **given(filters))
    paged(request, response, page, limit)
    return event_hits(page.items)
