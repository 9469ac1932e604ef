"""Every field of every record reaches the store's tables, the API's schema and `to_json`, so a
field added to `model.py` cannot be dropped silently at one edge."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import Table

from newsgraph.model import Article, Entity, Event, Figure, Mention, Quote, record_to_json
from newsgraph.server import schemas
from newsgraph.store import schema
from store.make import story

# record -> (its table, its API model); provenance is flattened to sentence/start/end everywhere
EDGES: dict[type[Any], tuple[Table, type[BaseModel]]] = {
    Article: (schema.articles, schemas.ArticleOut),
    Entity: (schema.article_entities, schemas.EntityOut),
    Mention: (schema.mentions, schemas.MentionOut),
    Quote: (schema.quotes, schemas.QuoteOut),
    Event: (schema.event_sources, schemas.EventOut),
    Figure: (schema.figures, schemas.FigureOut),
}
# fields whose column has another name
COLUMNS = {(Article, "content_hash"): "hash"}
# fields kept in a table of their own, one row per item
ROWS_ELSEWHERE = {
    (Entity, "mentions"): schema.mentions,
    (Event, "source"): schema.event_actors,
    (Event, "target"): schema.event_actors,
}


def public_names(record: type[Any]) -> set[str]:
    """The record's fields as the public schema names them (provenance flattened)."""
    names = {f.name for f in dataclasses.fields(record)} - {"prov"}
    if "prov" in {f.name for f in dataclasses.fields(record)}:
        names |= {"sentence", "start", "end"}
    return names


def samples() -> dict[type[Any], Any]:
    extracted = story()
    return {
        Article: extracted.article,
        Entity: extracted.entities[0],
        Mention: extracted.entities[0].mentions[0],
        Quote: extracted.quotes[0],
        Event: extracted.events[0],
        Figure: extracted.figures[0],
    }


@pytest.mark.parametrize("record", list(EDGES), ids=lambda r: r.__name__)
def test_every_field_has_a_column(record: type[Any]) -> None:
    table = EDGES[record][0]
    missing = {
        name
        for name in public_names(record)
        if COLUMNS.get((record, name), name) not in table.c and (record, name) not in ROWS_ELSEWHERE
    }
    assert not missing, f"{record.__name__} fields without a column of {table.name}: {missing}"


@pytest.mark.parametrize("record", list(EDGES), ids=lambda r: r.__name__)
def test_every_field_is_in_the_api_schema(record: type[Any]) -> None:
    model = EDGES[record][1]
    missing = public_names(record) - set(model.model_fields)
    assert not missing, f"{record.__name__} fields missing from {model.__name__}: {missing}"


@pytest.mark.parametrize("record", list(EDGES), ids=lambda r: r.__name__)
def test_every_field_is_in_to_json(record: type[Any]) -> None:
    missing = public_names(record) - set(record_to_json(samples()[record]))
    assert not missing, f"{record.__name__} fields missing from to_json: {missing}"
