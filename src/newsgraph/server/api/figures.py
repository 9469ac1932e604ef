"""GET /api/figures: numbers with hedge, unit and source; contested ones grouped."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from newsgraph.server.deps import StoreDep
from newsgraph.server.filters import figure_filters, given
from newsgraph.server.paging import PAGED, Cursor, Offset, paged
from newsgraph.server.schemas import FigureGroup, FigureHit
from newsgraph.server.views import contested_groups, figure_hits

router = APIRouter(prefix="/api/figures", tags=["figures"])


@router.get("", response_model=list[FigureHit], responses=PAGED)
def list_figures(
    request: Request,
    response: Response,
    store: StoreDep,
    filters: Annotated[dict[str, Any], Depends(figure_filters)],
    offset: Offset = 0,
    cursor: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[FigureHit]:
    """Figures with hedge, unit, source and the article they come from, newest first."""
    page = store.page("figures", offset=offset, limit=limit, cursor=cursor, **given(filters))
    paged(request, response, page, limit)
    return figure_hits(page.items)


@router.get("/contested", response_model=list[FigureGroup])
def list_contested(
    store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 500
) -> list[FigureGroup]:
    """One group per quantity: the same quantity as given by different sources."""
    return contested_groups(store, limit=limit)
