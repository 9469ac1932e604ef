"""GET /api/entities/{name}: a person, organisation or place merged across articles."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from newsgraph.server.deps import StoreDep
from newsgraph.server.schemas import EntityProfile
from newsgraph.server.views import entity_profile

router = APIRouter(prefix="/api/entities", tags=["entities"])


@router.get(
    "/{name:path}", response_model=EntityProfile, responses={404: {"description": "Unknown."}}
)
def get_entity(name: str, store: StoreDep) -> EntityProfile:
    """Roles, aliases, quotes and events of one entity (any of its names works)."""
    profile = entity_profile(store, name)
    if profile is None:
        raise HTTPException(404, f"no entity {name!r}")
    return profile
