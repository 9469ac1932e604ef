"""GET /api/figures: numbers with hedge, unit and source; contested ones grouped."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.server.deps import StoreDep
from newsgraph.server.schemas import FigureGroup, FigureHit
from newsgraph.server.views import contested_groups, figure_hits

router = APIRouter(prefix="/api/figures", tags=["figures"])


@router.get("", response_model=list[FigureHit])
def list_figures(
    store: StoreDep,
    contested: Annotated[bool, Query(description="Only figures another source disputes.")] = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[FigureHit]:
    return figure_hits(store.cited_figures(contested=contested, limit=limit))


@router.get("/contested", response_model=list[FigureGroup])
def list_contested(
    store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 500
) -> list[FigureGroup]:
    """One group per quantity: the same quantity as given by different sources."""
    return contested_groups(store, limit=limit)
