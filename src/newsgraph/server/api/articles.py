"""GET /api/articles: articles with every annotation and span."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from newsgraph.server.deps import StoreDep
from newsgraph.server.filters import article_filters, given
from newsgraph.server.paging import PAGED, Cursor, Offset, paged
from newsgraph.server.schemas import ArticleSummary, ExtractedOut, brief_summary, extracted_out

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", response_model=list[ArticleSummary], responses=PAGED)
def list_articles(
    request: Request,
    response: Response,
    store: StoreDep,
    filters: Annotated[dict[str, Any], Depends(article_filters)],
    offset: Offset = 0,
    cursor: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> list[ArticleSummary]:
    """Articles, newest first, with the number of records of each kind."""
    page = store.page("articles", offset=offset, limit=limit, cursor=cursor, **given(filters))
    paged(request, response, page, limit)
    return [brief_summary(b) for b in page.items]


@router.get(
    "/{article_id:path}",
    response_model=ExtractedOut,
    responses={404: {"description": "No such article."}},
)
def get_article(article_id: str, store: StoreDep) -> ExtractedOut:
    """One article: text, entities with mentions, quotes, events, figures and sentence spans."""
    extracted = store.article(article_id)
    if extracted is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return extracted_out(extracted)
