"""Model records <-> table rows: the one place that knows how a record is laid out in the schema.

Rows are derived from the records' dataclass fields, so a field added to `model.py` becomes a
column value here (and `tests/test_fields.py` fails until `schema.py` has the column): scalars
as they are, provenance as `sentence`/`start`/`end`, tuples and references as JSON text (plain
columns that Datasette shows as they are). `record_from(row)` returns the record unchanged.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from newsgraph.model import (
    Article,
    Entity,
    Event,
    ExtractedArticle,
    Figure,
    Mention,
    Provenance,
    Quote,
    Ref,
)

Row = Mapping[Any, Any]  # an SQLAlchemy RowMapping
R = TypeVar("R", Article, Entity, Quote, Event, Figure, Mention)
# fields that are rows of a table of their own, not a column
OWN_TABLE = {(Entity, "mentions")}


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def ref_json(ref: Ref | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"name": ref.name, "entity": ref.entity, "start": ref.start, "end": ref.end}


def ref_from(raw: Any) -> Ref | None:
    return None if raw is None else Ref(**raw)


def span(prov: Provenance) -> dict[str, Any]:
    return {"sentence": prov.sentence, "start": prov.start, "end": prov.end}


def prov_from(row: Row, article_id: str) -> Provenance:
    return Provenance(
        article_id=article_id, sentence=row["sentence"], start=row["start"], end=row["end"]
    )


# --- to rows ------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A field value as JSON-able data: a Ref as its dict, a tuple as a list."""
    if isinstance(value, Ref):
        return ref_json(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def row_of(record: Any) -> dict[str, Any]:
    """The columns of one record, one per dataclass field (provenance as its span)."""
    row: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if (type(record), f.name) in OWN_TABLE:
            continue
        if isinstance(value, Provenance):
            row |= span(value)
        elif isinstance(value, (tuple, Ref)):
            row[f.name] = dump(_plain(value))
        else:
            row[f.name] = value
    return row


def article_row(extracted: ExtractedArticle) -> dict[str, Any]:
    row = row_of(extracted.article)
    row["hash"] = row.pop("content_hash")
    return row | {"sentences": dump([list(s) for s in extracted.sentences])}


def entity_row(entity: Entity, seq: int) -> dict[str, Any]:
    return row_of(entity) | {"seq": seq}


def mention_rows(entity: Entity) -> list[dict[str, Any]]:
    return [row_of(m) | {"entity": entity.id, "seq": i} for i, m in enumerate(entity.mentions)]


def quote_row(quote: Quote, seq: int) -> dict[str, Any]:
    return row_of(quote) | {"seq": seq, "article_id": quote.prov.article_id}


def event_row(event: Event, seq: int) -> dict[str, Any]:
    return row_of(event) | {"seq": seq}


def merged_entity_row(entity: Entity, merged_id: str) -> dict[str, Any]:
    """The `entities` row an article's entity starts when it merges with none stored."""
    return {
        "id": merged_id,
        "name": entity.name,
        "label": entity.label,
        "country": entity.country,
        "latitude": entity.latitude,
        "longitude": entity.longitude,
    }


def merged_event_row(event: Event, merged_id: str) -> dict[str, Any]:
    """The `events` row of an event first reported by this article."""
    return {
        "id": merged_id,
        "type": event.type,
        "mode": event.mode,
        "status": event.status,
        "date": event.date,
        "place": event.place.name if event.place else None,
    }


def figure_row(figure: Figure, seq: int) -> dict[str, Any]:
    source_name = None if figure.source is None else figure.source.name
    return row_of(figure) | {"seq": seq, "source_name": source_name}


# --- from rows ----------------------------------------------------------------------------------


# each record's field types, resolved once
HINTS = {
    cls: typing.get_type_hints(cls) for cls in (Article, Entity, Mention, Quote, Event, Figure)
}


def _from_ref(raw: Any) -> Ref | None:
    return None if raw is None else ref_from(json.loads(raw))


def _decoder(hint: Any) -> Callable[[Any], Any] | None:
    """How a column's value becomes the field's type (JSON text back to tuples and Refs);
    None: as it is."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) and Ref in args:  # Ref | None
        return _from_ref
    if typing.get_origin(hint) is tuple:
        if args[0] is Ref:
            return lambda raw: tuple(Ref(**r) for r in json.loads(raw))
        if typing.get_origin(args[0]) is tuple:
            return lambda raw: tuple(tuple(item) for item in json.loads(raw))
        return lambda raw: tuple(json.loads(raw))
    return None


# each record's fields with their decoders, resolved once (not per row: a page reads hundreds)
FIELDS = {
    cls: tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))
    for cls, hints in HINTS.items()
}


def record_from(cls: type[R], row: Row, article_id: str | None = None, **given: Any) -> R:
    """The record of class `cls` laid out in `row`; `given` fills fields kept elsewhere."""
    values: dict[str, Any] = {}
    for name, decode in FIELDS[cls]:
        if name in given:
            values[name] = given[name]
        elif name == "prov":
            values["prov"] = prov_from(row, article_id or row["article_id"])
        else:
            values[name] = row[name] if decode is None else decode(row[name])
    return cls(**values)


def article_from(row: Row) -> Article:
    return record_from(Article, row, content_hash=row["hash"])


def entity_from(row: Row, mentions: Sequence[Row], article_id: str) -> Entity:
    found = tuple(record_from(Mention, m, article_id) for m in mentions)
    return record_from(Entity, row, mentions=found)


def quote_from(row: Row) -> Quote:
    return record_from(Quote, row)


def event_from(row: Row, article_id: str) -> Event:
    return record_from(Event, row, article_id)


def figure_from(row: Row, article_id: str) -> Figure:
    return record_from(Figure, row, article_id)
