"""Response models of the REST API: the public schema of `newsgraph extract`, typed for OpenAPI.

Records are serialised once, by `newsgraph.model`; these models validate and document that output.
List items ("hits") add the metadata of the article a record comes from.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from newsgraph.model import Article, ExtractedArticle, record_to_json, to_json
from newsgraph.store.base import Cited as StoreCited


class Span(BaseModel):
    sentence: int | None = Field(description="Index of the sentence holding the record.")
    start: int = Field(description="Character offset into article.text (Python string index).")
    end: int


class RefOut(BaseModel):
    name: str
    entity: str | None = Field(description="Article-local entity id; null when unresolved.")
    start: int
    end: int


class MentionOut(Span):
    text: str
    label: str
    kind: str


class EntityOut(BaseModel):
    id: str
    name: str
    label: str
    roles: list[str]
    aliases: list[str]
    mentions: list[MentionOut]
    country: str | None
    latitude: float | None
    longitude: float | None


class QuoteOut(Span):
    id: str
    text: str
    kind: str = Field(description="direct, indirect or mixed.")
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_start: int | None = Field(description="Start of the attributing mention.")
    speaker_end: int | None
    speaker_entity: str | None
    pieces: list[tuple[int, int]]
    duplicate_of: str | None


class EventOut(Span):
    id: str
    type: str = Field(description="PLOVER event type: CONSULT, ASSAULT ...")
    mode: str | None
    status: str
    trigger: str | None
    source: list[RefOut]
    target: list[RefOut]
    place: RefOut | None
    when: str | None = Field(description="The date expression as written.")
    date: str | None = Field(description="ISO date or start/end range; null when unresolved.")


class FigureOut(Span):
    id: str
    text: str
    value: float | None
    hedge: str | None
    unit: str | None
    what: str | None
    source: RefOut | None
    cue: str | None
    contests: list[str]


class ArticleMeta(BaseModel):
    id: str
    source: str
    outlet: str | None
    url: str | None
    title: str | None
    author: str | None
    published: date | None
    language: str | None
    content_hash: str
    fetched_url: str | None = Field(None, description="The URL requested, when fetched.")
    fetched_at: datetime | None = Field(None, description="When the response came, UTC.")
    http_status: int | None = None
    warc_file: str | None = Field(None, description="The WARC file holding the response.")
    warc_record: str | None = Field(None, description="Its WARC-Record-ID.")
    warc_offset: int | None = Field(None, description="Byte offset of the record in the file.")


class ArticleOut(ArticleMeta):
    text: str


class ExtractedOut(BaseModel):
    """One article with every annotation and span."""

    article: ArticleOut
    entities: list[EntityOut]
    quotes: list[QuoteOut]
    events: list[EventOut]
    figures: list[FigureOut]
    sentences: list[tuple[int, int]]


class ArticleSummary(ArticleMeta):
    quotes: int
    events: int
    figures: int
    entities: int


class BylineOut(BaseModel):
    """The article a record comes from, without its text."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    hash: str
    source: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None


class Cited(BaseModel):
    article_id: str
    article: BylineOut
    also: list[BylineOut] = Field(
        description="Other articles reporting the same record (wire copies, further sources)."
    )


class QuoteHit(QuoteOut, Cited):
    pass


class EventHit(EventOut, Cited):
    pass


class FigureHit(FigureOut, Cited):
    pass


class EntityProfile(BaseModel):
    """An entity merged across articles."""

    name: str
    label: str | None
    aliases: list[str]
    roles: list[str]
    articles: int = Field(description="Articles that mention it.")
    quotes: list[QuoteHit]
    events: list[EventHit]


class FigureGroup(BaseModel):
    """One quantity given differently by different sources: the figures side by side."""

    what: str | None
    figures: list[FigureHit]


class GraphNode(BaseModel):
    id: str
    name: str
    events: int


class GraphEdge(BaseModel):
    source: str
    target: str
    events: int
    dates: list[str]
    modes: list[str]


class Graph(BaseModel):
    """Who met whom: people and organisations linked by CONSULT events (meetings, visits, calls)."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]


class Stats(BaseModel):
    counts: dict[str, int]


class IngestResult(BaseModel):
    article_id: str
    stored: bool = Field(description="False when the article was already in the database.")
    entities: int
    quotes: int
    events: int
    figures: int


class ArticleIn(BaseModel):
    """An article as JSON: the same keys as a line of our JSONL input."""

    text: str = Field(min_length=1)
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None


def meta(article: Article) -> ArticleMeta:
    body = record_to_json(article)
    body.pop("text")
    return ArticleMeta.model_validate(body)


def extracted_out(extracted: ExtractedArticle) -> ExtractedOut:
    return ExtractedOut.model_validate(to_json(extracted))


def summary(extracted: ExtractedArticle) -> ArticleSummary:
    return ArticleSummary(
        **meta(extracted.article).model_dump(),
        quotes=len(extracted.quotes),
        events=len(extracted.events),
        figures=len(extracted.figures),
        entities=len(extracted.entities),
    )


def hit(cited: StoreCited[Any]) -> dict[str, Any]:
    """A record's public JSON plus the article it comes from and the others that report it."""
    body = record_to_json(cited.record)
    body["article_id"] = cited.record.prov.article_id
    body["article"] = BylineOut.model_validate(cited.article)
    body["also"] = [BylineOut.model_validate(b) for b in cited.also]
    return body
