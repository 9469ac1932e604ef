"""GET /api/quotes and /api/speakers: who said what, filtered."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from newsgraph.server.deps import StoreDep
from newsgraph.server.schemas import QuoteHit
from newsgraph.server.views import quote_hits

router = APIRouter(prefix="/api", tags=["quotes"])


@router.get("/quotes", response_model=list[QuoteHit])
def list_quotes(
    store: StoreDep,
    speaker: Annotated[str | None, Query(description="Speaker name or alias.")] = None,
    search: Annotated[str | None, Query(description="Full-text search in the quote.")] = None,
    since: Annotated[date | None, Query(description="Published on or after.")] = None,
    until: Annotated[date | None, Query(description="Published on or before.")] = None,
    outlet: Annotated[str | None, Query()] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="Leave out quotes scored below this.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[QuoteHit]:
    """Quotes with speaker, cue, span, confidence and the article they come from."""
    cited = store.cited_quotes(
        speaker=speaker,
        search=search,
        since=since,
        until=until,
        outlet=outlet,
        min_confidence=min_confidence,
        limit=limit,
    )
    return quote_hits(cited)


class SpeakerCount(BaseModel):
    name: str
    quotes: int


@router.get("/speakers", response_model=list[SpeakerCount])
def list_speakers(
    store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50
) -> list[SpeakerCount]:
    """Speakers by number of quotes."""
    return [SpeakerCount(name=n, quotes=c) for n, c in store.speakers(limit=limit)]
