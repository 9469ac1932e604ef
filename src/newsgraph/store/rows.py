"""Model records <-> table rows: the one place that knows how a record is laid out in the schema.

Lists and references are stored as JSON text (plain columns that Datasette shows as they are);
`record_from_row(row_for(record))` returns the record unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

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


def article_row(extracted: ExtractedArticle) -> dict[str, Any]:
    a = extracted.article
    return {
        "hash": a.content_hash,
        "id": a.id,
        "source": a.source,
        "outlet": a.outlet,
        "url": a.url,
        "title": a.title,
        "author": a.author,
        "published": a.published,
        "language": a.language,
        "text": a.text,
        "sentences": dump([list(s) for s in extracted.sentences]),
    }


def entity_row(entity: Entity, seq: int) -> dict[str, Any]:
    return {
        "id": entity.id,
        "seq": seq,
        "name": entity.name,
        "label": entity.label,
        "roles": dump(list(entity.roles)),
        "aliases": dump(list(entity.aliases)),
        "country": entity.country,
        "latitude": entity.latitude,
        "longitude": entity.longitude,
    }


def mention_rows(entity: Entity) -> list[dict[str, Any]]:
    return [
        {"entity": entity.id, "seq": i, "text": m.text, "label": m.label, "kind": m.kind}
        | span(m.prov)
        for i, m in enumerate(entity.mentions)
    ]


def quote_row(quote: Quote, seq: int) -> dict[str, Any]:
    return {
        "id": quote.id,
        "seq": seq,
        "article_id": quote.prov.article_id,
        "text": quote.text,
        "kind": quote.kind,
        "cue": quote.cue,
        "cue_start": quote.cue_start,
        "cue_end": quote.cue_end,
        "speaker": quote.speaker,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "speaker_entity": quote.speaker_entity,
        "pieces": dump([list(p) for p in quote.pieces]),
        "duplicate_of": quote.duplicate_of,
    } | span(quote.prov)


def event_row(event: Event, seq: int) -> dict[str, Any]:
    return {
        "id": event.id,
        "seq": seq,
        "type": event.type,
        "mode": event.mode,
        "status": event.status,
        "trigger": event.trigger,
        "source": dump([ref_json(r) for r in event.source]),
        "target": dump([ref_json(r) for r in event.target]),
        "place": None if event.place is None else dump(ref_json(event.place)),
        "when": event.when,
        "date": event.date,
        "confidence": event.confidence,
    } | span(event.prov)


def figure_row(figure: Figure, seq: int) -> dict[str, Any]:
    return {
        "id": figure.id,
        "seq": seq,
        "text": figure.text,
        "value": figure.value,
        "hedge": figure.hedge,
        "unit": figure.unit,
        "what": figure.what,
        "source": None if figure.source is None else dump(ref_json(figure.source)),
        "source_name": None if figure.source is None else figure.source.name,
        "cue": figure.cue,
        "contests": dump(list(figure.contests)),
    } | span(figure.prov)


# --- from rows ----------------------------------------------------------------------------------


def article_from(row: Row) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        outlet=row["outlet"],
        url=row["url"],
        title=row["title"],
        author=row["author"],
        published=row["published"],
        language=row["language"],
        content_hash=row["hash"],
    )


def entity_from(row: Row, mentions: Sequence[Row], article_id: str) -> Entity:
    return Entity(
        id=row["id"],
        name=row["name"],
        label=row["label"],
        roles=tuple(json.loads(row["roles"])),
        aliases=tuple(json.loads(row["aliases"])),
        mentions=tuple(
            Mention(text=m["text"], label=m["label"], kind=m["kind"], prov=prov_from(m, article_id))
            for m in mentions
        ),
        country=row["country"],
        latitude=row["latitude"],
        longitude=row["longitude"],
    )


def quote_from(row: Row) -> Quote:
    return Quote(
        id=row["id"],
        text=row["text"],
        kind=row["kind"],
        cue=row["cue"],
        cue_start=row["cue_start"],
        cue_end=row["cue_end"],
        speaker=row["speaker"],
        speaker_start=row["speaker_start"],
        speaker_end=row["speaker_end"],
        speaker_entity=row["speaker_entity"],
        pieces=tuple((p[0], p[1]) for p in json.loads(row["pieces"])),
        duplicate_of=row["duplicate_of"],
        prov=prov_from(row, row["article_id"]),
    )


def event_from(row: Row, article_id: str) -> Event:
    return Event(
        id=row["id"],
        type=row["type"],
        mode=row["mode"],
        status=row["status"],
        trigger=row["trigger"],
        source=tuple(Ref(**r) for r in json.loads(row["source"])),
        target=tuple(Ref(**r) for r in json.loads(row["target"])),
        place=None if row["place"] is None else ref_from(json.loads(row["place"])),
        when=row["when"],
        date=row["date"],
        confidence=row["confidence"],
        prov=prov_from(row, article_id),
    )


def figure_from(row: Row, article_id: str) -> Figure:
    return Figure(
        id=row["id"],
        text=row["text"],
        value=row["value"],
        hedge=row["hedge"],
        unit=row["unit"],
        what=row["what"],
        source=None if row["source"] is None else ref_from(json.loads(row["source"])),
        cue=row["cue"],
        contests=tuple(json.loads(row["contests"])),
        prov=prov_from(row, article_id),
    )
