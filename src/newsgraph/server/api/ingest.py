"""POST /api/articles: one article as plain text, HTML or JSON, extracted and stored (token needed).

The body goes through the door files go through (`read.read_articles`, or `read.screen` for a
JSON body): the same readers, the same `not-english` filter, the same `ReadOptions`; a bad body
is a ReadError raised by `errors.raise_it` and answered 422. The pipeline is loaded once, on
first use, with the options' component settings.
"""

from __future__ import annotations

import dataclasses
import io
import threading
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import ValidationError
from spacy.language import Language
from starlette.concurrency import run_in_threadpool

from newsgraph.errors import ReadError, ReadFailure, raise_it
from newsgraph.extract import extract_article
from newsgraph.jobs import pipeline_for
from newsgraph.model import Article, ExtractedArticle
from newsgraph.read import ReadOptions, Stream, read_articles, screen
from newsgraph.read.article import make_article, unstorable
from newsgraph.server.deps import StoreDep, TokenDep
from newsgraph.server.schemas import ArticleIn, IngestResult

router = APIRouter(prefix="/api/articles", tags=["ingest"])

SOURCE = "api"  # Article.source of everything posted here
OPTIONS = ReadOptions()  # as `newsgraph ingest` reads with its defaults; the body picks the format
_loading = threading.Lock()
# One article through the pipeline at a time: a spaCy pipeline is not documented as thread-safe.
_extracting = threading.Lock()

BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


def _read_document(fmt: str) -> Callable[[bytes], list[Article]]:
    """A body reader for one document format, through the door files go through."""

    def read(body: bytes) -> list[Article]:
        stream = Stream(raw=io.BytesIO(body), source=SOURCE, size=len(body))
        return list(read_articles(stream, dataclasses.replace(OPTIONS, fmt=fmt), raise_it))

    return read


def _read_json(body: bytes) -> list[Article]:
    """The validated JSON article, screened as `read_articles` screens what it reads."""
    try:
        posted = ArticleIn.model_validate_json(body)
    except ValidationError as exc:
        detail = exc.errors(include_url=False, include_context=False, include_input=False)
        raise HTTPException(422, detail) from exc
    if not posted.text.strip():
        raise_it(ReadError(SOURCE, None, "no-text"))
    fields = posted.model_dump(exclude={"text"})
    return list(screen([make_article(posted.text, source=SOURCE, **fields)], OPTIONS, raise_it))


BODY_READERS = {
    "application/json": _read_json,
    "text/plain": _read_document("text"),
    "text/html": _read_document("html"),
}


def article_from_body(body: bytes, content_type: str | None) -> Article:
    """The one article in a request body; HTTP 415 for another type, 422 for no article."""
    media = (content_type or "text/plain").split(";")[0].strip().lower()
    reader = BODY_READERS.get(media)
    if reader is None:
        raise HTTPException(415, f"send text/plain, text/html or application/json, not {media}")
    try:
        articles = reader(body)
    except ReadFailure as exc:
        raise HTTPException(422, f"no article in the body: {exc.error.reason}") from exc
    if not articles:
        raise HTTPException(422, "no article in the body")
    if refused := unstorable(articles[0]):  # over spaCy's length, a NUL: as the file readers do
        raise HTTPException(422, f"no article in the body: {refused.reason} ({refused.detail})")
    return articles[0]


def pipeline(request: Request) -> Language:
    """The app's spaCy pipeline, loaded on the first ingest (seconds) and kept."""
    with _loading:
        if request.app.state.nlp is None:
            request.app.state.nlp = pipeline_for(OPTIONS)
        nlp: Language = request.app.state.nlp
    return nlp


def extract_one(article: Article, nlp: Language) -> ExtractedArticle:
    with _extracting:
        return extract_article(article, nlp)


@router.post(
    "",
    response_model=IngestResult,
    status_code=201,
    dependencies=[TokenDep],
    openapi_extra=BODY_DOC,
    responses={
        200: {"description": "Already stored.", "model": IngestResult},
        401: {"description": "Missing or wrong token."},
        403: {"description": "Writes are disabled (no NEWSGRAPH_TOKEN on the server)."},
        413: {"description": "Body over the size limit."},
        415: {"description": "Unsupported content type."},
        422: {"description": "No article in the body."},
    },
)
async def ingest_article(request: Request, response: Response, store: StoreDep) -> IngestResult:
    """Extract one article (text, HTML or JSON) and store it: 201 when new, 200 when known."""
    article = article_from_body(await request.body(), request.headers.get("content-type"))
    nlp = await run_in_threadpool(pipeline, request)
    extracted = await run_in_threadpool(extract_one, article, nlp)
    stored = await run_in_threadpool(store.put, extracted)
    response.status_code = 201 if stored else 200
    return IngestResult(
        article_id=article.id,
        stored=stored,
        entities=len(extracted.entities),
        quotes=len(extracted.quotes),
        events=len(extracted.events),
        figures=len(extracted.figures),
    )
