"""The Python API behind `newsgraph quotes|events|figures|entity|entities|errors`: flat rows.

Each function opens the store at `db`, asks it one question and returns JSON-able rows (one dict
per result, the same keys in every row), which the CLI prints as a table or as JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.model import Event, Figure, Quote
from newsgraph.nlp.plover import PLOVER_TYPES
from newsgraph.store import DEFAULT_URL, Cited, SqlStore, open_store


def existing(db: str | None) -> str | None:
    """`db`, after checking that an SQLite file is there: a query never creates the database
    it is asked to read (a typo in --db would otherwise answer "no quotes" from a new file)."""
    raw = db or DEFAULT_URL
    path = (
        raw.removeprefix("sqlite:///") if "://" not in raw or raw.startswith("sqlite:///") else ""
    )
    if path and path != ":memory:" and not Path(path.partition("?")[0]).exists():
        raise NewsgraphError(
            f"no database at {path}: fill it first (newsgraph ingest FILES --db {path})"
        )
    return db


@contextmanager
def opened(db: str | None) -> Iterator[SqlStore]:
    store = open_store(existing(db))
    try:
        yield store
    finally:
        store.close()


def _cited(found: Cited[Any]) -> dict[str, Any]:
    a = found.article
    return {
        "article": a.id,
        "published": a.published.isoformat() if a.published else None,
        "outlet": a.outlet,
    }


def quote_rows(found: list[Cited[Quote]]) -> list[dict[str, Any]]:
    return [
        {
            "speaker": c.record.speaker,
            "quote": c.record.text,
            "kind": c.record.kind,
            "cue": c.record.cue,
            **_cited(c),
            "start": c.record.prov.start,
            "end": c.record.prov.end,
        }
        for c in found
    ]


def find_quotes(
    db: str | None = None,
    *,
    speaker: str | None = None,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """`newsgraph quotes`: who said it, the quote, its article, date and character span."""
    with opened(db) as store:
        found = store.cited_quotes(
            speaker=speaker, search=search, since=since, until=until, outlet=outlet, limit=limit
        )
    return quote_rows(found)


def _names(refs: tuple[Any, ...]) -> str | None:
    return ", ".join(r.name for r in refs) or None


def event_rows(found: list[Cited[Event]]) -> list[dict[str, Any]]:
    return [
        {
            "type": c.record.type,
            "mode": c.record.mode,
            "source": _names(c.record.source),
            "target": _names(c.record.target),
            "place": c.record.place.name if c.record.place else None,
            "date": c.record.date,
            "status": c.record.status,
            **_cited(c),
            "reports": 1 + len(c.also),
            "start": c.record.prov.start,
            "end": c.record.prov.end,
        }
        for c in found
    ]


def find_events(
    db: str | None = None,
    *,
    actor: str | None = None,
    type: str | None = None,  # noqa: A002  (PLOVER's word, and the CLI option's name)
    since: date | None = None,
    until: date | None = None,
    place: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """`newsgraph events`: one row per merged event, with how many articles report it."""
    if type is not None and type.upper() not in PLOVER_TYPES:  # "MEETING" is CONSULT
        raise NewsgraphError(f"no event type {type!r}; the types are {', '.join(PLOVER_TYPES)}")
    with opened(db) as store:
        return event_rows(
            store.cited_events(
                actor=actor, type=type, since=since, until=until, place=place, limit=limit
            )
        )


def figure_rows(found: list[Cited[Figure]]) -> list[dict[str, Any]]:
    return [
        {
            "figure": c.record.text,
            "value": c.record.value,
            "hedge": c.record.hedge,
            "unit": c.record.unit,
            "what": c.record.what,
            "source": c.record.source.name if c.record.source else None,
            "contests": ", ".join(c.record.contests) or None,
            **_cited(c),
            "start": c.record.prov.start,
            "end": c.record.prov.end,
        }
        for c in found
    ]


def find_figures(
    db: str | None = None, *, contested: bool = False, limit: int = 100
) -> list[dict[str, Any]]:
    """`newsgraph figures`: numbers with hedge and source; `contested` keeps disputed ones."""
    with opened(db) as store:
        return figure_rows(store.cited_figures(contested=contested, limit=limit))


def find_entity(db: str | None, name: str) -> dict[str, Any] | None:
    """`newsgraph entity NAME`: the merged entity, its aliases, roles, quotes and meetings."""
    with opened(db) as store:
        found = store.entity(name)
    if found is not None:
        for quote in found["quotes"]:
            quote["published"] = quote["published"].isoformat() if quote["published"] else None
    return found


def list_errors(db: str | None = None) -> list[dict[str, Any]]:
    """`newsgraph errors`: every bad input record an ingest skipped."""
    with opened(db) as store:
        return [
            {"file": e.source, "record": e.record, "reason": e.reason, "detail": e.detail or None}
            for e in store.errors()
        ]


def merge_entities(db: str | None, name: str, into: str) -> str:
    """`newsgraph entities merge INTO NAME`: the surviving entity's id."""
    with opened(db) as store:
        return store.merge_entities(name, into)


def split_entity(db: str | None, name: str) -> str:
    """`newsgraph entities split NAME`: the id of the entity the name now has of its own."""
    with opened(db) as store:
        return store.split_entity(name)
