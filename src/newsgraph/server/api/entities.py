"""GET /api/entities/{name}: a person, organisation or place merged across articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from newsgraph.server.deps import StoreDep
from newsgraph.server.paging import MAX_OFFSET
from newsgraph.server.schemas import EntityProfile
from newsgraph.server.views import entity_profile

router = APIRouter(prefix="/api/entities", tags=["entities"])


@router.get(
    "/{name:path}", response_model=EntityProfile, responses={404: {"description": "Unknown."}}
)
def get_entity(
    name: str,
    store: StoreDep,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Quotes and events to skip.")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> EntityProfile:
    """Roles, aliases, a page of the quotes and events of one entity (the latest first; their
    totals in `quotes_total`, `events_total`); any of its names works."""
    profile = entity_profile(store, name, limit=limit, offset=offset)
    if profile is None:
        raise HTTPException(404, f"no entity {name!r}")
    return profile
