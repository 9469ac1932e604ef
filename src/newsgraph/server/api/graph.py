"""GET /api/graph: who met whom, from CONSULT events (meetings, visits, calls)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.server.deps import StoreDep
from newsgraph.server.schemas import Graph, Stats
from newsgraph.server.views import meeting_graph

router = APIRouter(prefix="/api", tags=["graph"])


@router.get("/graph", response_model=Graph)
def get_graph(
    store: StoreDep,
    actor: Annotated[
        str | None, Query(description="Only meetings this actor took part in.")
    ] = None,
) -> Graph:
    """Nodes are actors; an edge is the meetings between two of them, with count and dates."""
    return meeting_graph(store, actor=actor)


@router.get("/stats", response_model=Stats, tags=["stats"])
def get_stats(store: StoreDep) -> Stats:
    """Row count per table."""
    return Stats(counts=store.counts())
