"""Response models of the REST API: the public schema of `newsgraph extract`, typed for OpenAPI.

Records are serialised once, by `newsgraph.model`; these models validate and document that output.
The record models (`QuoteOut`...) are derived from the records' dataclass fields, so FastAPI's
response filter never drops a field the model has. List items ("hits") add the metadata of the
article a record comes from.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import types
import typing
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from newsgraph.model import (
    Article,
    Entity,
    Event,
    ExtractedArticle,
    Figure,
    Mention,
    Quote,
    Ref,
    record_to_json,
    to_json,
)
from newsgraph.store.base import ArticleBrief
from newsgraph.store.base import Cited as StoreCited


class Span(BaseModel):
    sentence: int | None = Field(description="Index of the sentence holding the record.")
    start: int = Field(description="Character offset into article.text (Python string index).")
    end: int


# Field descriptions for OpenAPI, by record and field; a field without one is documented by type.
DESCRIPTIONS = {
    (Ref, "entity"): "Article-local entity id; null when unresolved.",
    (Quote, "kind"): "direct, indirect or mixed.",
    (Quote, "speaker_start"): "Start of the attributing mention.",
    (Quote, "speaker_entities"): "A group speaker's article-local entity ids ('<A> and <B> "
    "said'); empty for one speaker.",
    (Quote, "confidence"): "Probability (0-1) that the attribution is right; null: rules only.",
    (Event, "type"): "PLOVER event type: CONSULT, ASSAULT ...",
    (Event, "when"): "The date expression as written.",
    (Event, "date"): "ISO date or start/end range; null when unresolved.",
    (Article, "fetched_url"): "The URL requested, when fetched; null for a file.",
    (Article, "fetched_at"): "When the response came, UTC.",
    (
        Article,
        "warc_file",
    ): "The WARC file holding the response, in the folder beside the database.",
    (Article, "warc_record"): "Its WARC-Record-ID.",
    (Article, "warc_offset"): "Byte offset of the record in the WARC file.",
}


def out_type(hint: Any) -> Any:
    """The JSON-side type of a field: tuples become lists, records their response models."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType):
        return functools.reduce(operator.or_, (out_type(a) for a in args))
    if typing.get_origin(hint) is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return list[out_type(args[0])]  # type: ignore[misc]
        return hint
    return OUT.get(hint, hint)


def model_of(
    record: type[Any],
    name: str,
    *,
    base: type[BaseModel] = BaseModel,
    leave_out: frozenset[str] = frozenset(),
) -> type[BaseModel]:
    """The response model of a record, one required field per dataclass field (provenance from
    `Span`): a field added to `model.py` reaches the API's schema with no edit here."""
    hints = typing.get_type_hints(record)
    fields: dict[str, Any] = {
        f.name: (out_type(hints[f.name]), Field(description=DESCRIPTIONS.get((record, f.name))))
        for f in dataclasses.fields(record)
        if f.name != "prov" and f.name not in leave_out
    }
    model: type[BaseModel] = create_model(name, __base__=base, **fields)
    return model


OUT: dict[Any, type[BaseModel]] = {}
RefOut = OUT[Ref] = model_of(Ref, "RefOut")
MentionOut = OUT[Mention] = model_of(Mention, "MentionOut", base=Span)
EntityOut = model_of(Entity, "EntityOut")
QuoteOut = model_of(Quote, "QuoteOut", base=Span)
EventOut = model_of(Event, "EventOut", base=Span)
FigureOut = model_of(Figure, "FigureOut", base=Span)
ArticleMeta = model_of(Article, "ArticleMeta", leave_out=frozenset({"text"}))


class ArticleOut(ArticleMeta):  # type: ignore[misc,valid-type]
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
    quotes_total: int = Field(0, description="All its quotes; `quotes` holds the latest page.")
    events_total: int = Field(0, description="All its events; `events` holds the latest page.")


class FigureGroup(BaseModel):
    """One quantity given differently by different sources: the figures side by side."""

    what: str | None
    quantity: str | None = Field(None, description='What is counted: "dead", "injured" ...')
    kind: str | None = Field(None, description='"total" or "composition".')
    reason: str | None = Field(None, description="Why the claims cannot all hold.")
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


def brief_summary(brief: ArticleBrief) -> ArticleSummary:
    """A listed article (no text) as the API's summary."""
    return ArticleSummary(
        **meta(brief.article).model_dump(),
        quotes=brief.quotes,
        events=brief.events,
        figures=brief.figures,
        entities=brief.entities,
    )


def hit(cited: StoreCited[Any]) -> dict[str, Any]:
    """A record's public JSON plus the article it comes from and the others that report it."""
    body = record_to_json(cited.record)
    body["article_id"] = cited.record.prov.article_id
    body["article"] = BylineOut.model_validate(cited.article)
    body["also"] = [BylineOut.model_validate(b) for b in cited.also]
    return body
