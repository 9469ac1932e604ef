"""GET /api/events: PLOVER events filtered by actor, type, date range and place."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.server.deps import StoreDep
from newsgraph.server.schemas import EventHit
from newsgraph.server.views import event_hits

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=list[EventHit])
def list_events(
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Source or target name.")] = None,
    type: Annotated[  # noqa: A002  (PLOVER's word, and the CLI option's name)
        str | None, Query(description="PLOVER type, e.g. CONSULT.")
    ] = None,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
    place: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[EventHit]:
    """Events with actors, place, date and the article they come from."""
    cited = store.cited_events(
        actor=actor, type=type, since=since, until=until, place=place, limit=limit
    )
    return event_hits(cited)
