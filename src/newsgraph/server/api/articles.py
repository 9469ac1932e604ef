"""GET /api/articles: articles with every annotation and span."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from newsgraph.server.deps import StoreDep
from newsgraph.server.schemas import ArticleSummary, ExtractedOut, extracted_out, summary

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", response_model=list[ArticleSummary])
def list_articles(
    store: StoreDep,
    search: Annotated[str | None, Query(description="Full-text search in article text.")] = None,
    since: Annotated[date | None, Query(description="Published on or after.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> list[ArticleSummary]:
    """Articles, newest first, with the number of records of each kind."""
    return [summary(a) for a in store.articles(search=search, since=since, limit=limit)]


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
