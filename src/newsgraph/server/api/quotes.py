"""GET /api/quotes and /api/speakers: who said what, filtered and paged."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel

from newsgraph.server.deps import StoreDep
from newsgraph.server.filters import given, quote_filters, speaker_filters
from newsgraph.server.paging import PAGED, Cursor, Offset, paged
from newsgraph.server.schemas import QuoteHit
from newsgraph.server.views import quote_hits

router = APIRouter(prefix="/api", tags=["quotes"])


@router.get("/quotes", response_model=list[QuoteHit], responses=PAGED)
def list_quotes(
    request: Request,
    response: Response,
    store: StoreDep,
    filters: Annotated[dict[str, Any], Depends(quote_filters)],
    offset: Offset = 0,
    cursor: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[QuoteHit]:
    """Quotes with speaker, cue, span, confidence and the article they come from, newest
    first; `X-Total-Count` gives the filtered total and `Link` the next page."""
    page = store.page("quotes", offset=offset, limit=limit, cursor=cursor, **given(filters))
    paged(request, response, page, limit)
    return quote_hits(page.items)


class SpeakerCount(BaseModel):
    name: str
    quotes: int


@router.get("/speakers", response_model=list[SpeakerCount], responses=PAGED)
def list_speakers(
    request: Request,
    response: Response,
    store: StoreDep,
    filters: Annotated[dict[str, Any], Depends(speaker_filters)],
    offset: Offset = 0,
    cursor: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> list[SpeakerCount]:
    """Speakers by number of quotes, most quoted first."""
    page = store.page("speakers", offset=offset, limit=limit, cursor=cursor, **given(filters))
    paged(request, response, page, limit)
    return [SpeakerCount(name=n, quotes=c) for n, c in page.items]
