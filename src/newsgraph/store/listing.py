"""Paged listings with their totals: one SQL query for a page, one for the total, on both
databases. A page reads only its own rows (and, for events, their reports in one more query),
never every row of a table: what keeps a list endpoint's time flat as the database grows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Select, Table, and_, func, literal_column, select

from newsgraph.errors import NewsgraphError
from newsgraph.model import Event, Figure, Quote
from newsgraph.store import rows
from newsgraph.store import search as matching
from newsgraph.store.base import ArticleBrief, Cited
from newsgraph.store.keyset import Keyset
from newsgraph.store.queries import (
    BYLINE,
    NEWEST_FIRST,
    _actor_clause,
    byline,
    copies_of,
    entity_ids_for,
    quotes_query,
    speaker_clause,
)
from newsgraph.store.schema import (
    article_entities,
    articles,
    event_sources,
    events,
    figures,
    quotes,
)

# How many rows a streamed download reads from the database at a time.
STREAM_ROWS = 1000


def total(conn: Connection, query: Select[Any]) -> int:
    """The number of rows `query` selects, whatever its order or page."""
    counted = select(func.count()).select_from(query.order_by(None).limit(None).subquery())
    return int(conn.execute(counted).scalar_one())


def _count_of(table: Any) -> Any:
    """A correlated count of an article's rows in `table` (the table's key starts with it)."""
    return (
        select(func.count())
        .select_from(table)
        .where(table.c.article_hash == articles.c.hash)
        .scalar_subquery()
    )


def articles_query(
    conn: Connection,
    dialect: str,
    *,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    language: str | None = None,
    has_quotes: bool | None = None,
    entity: str | None = None,
) -> Select[Any]:
    """Articles without their text, newest first, with the number of records of each kind;
    `entity`: only those mentioning a merged entity of that name."""
    shown = [c for c in articles.c if c.name not in ("text", "sentences", "minhash")]
    query = select(
        *shown,
        _count_of(quotes).label("n_quotes"),
        _count_of(event_sources).label("n_events"),
        _count_of(figures).label("n_figures"),
        _count_of(article_entities).label("n_entities"),
    )
    if search:
        query = query.where(matching.articles_matching(dialect, search))
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until)
    if outlet:
        query = query.where(func.lower(articles.c.outlet) == outlet.lower())
    if language:
        query = query.where(articles.c.language == language)
    if entity:
        mentioned = select(article_entities.c.id).where(
            article_entities.c.article_hash == articles.c.hash,
            article_entities.c.entity_id.in_(entity_ids_for(conn, entity)),
        )
        query = query.where(mentioned.exists())
    if has_quotes is not None:
        some = select(quotes.c.id).where(quotes.c.article_hash == articles.c.hash).exists()
        query = query.where(some if has_quotes else ~some)
    return query.order_by(NEWEST_FIRST, articles.c.hash)


def brief(row: rows.Row) -> ArticleBrief:
    values = dict(row) | {"text": "", "sentences": "[]"}
    return ArticleBrief(
        article=rows.article_from(values),
        quotes=int(row["n_quotes"]),
        events=int(row["n_events"]),
        figures=int(row["n_figures"]),
        entities=int(row["n_entities"]),
    )


def briefs(conn: Connection, found: list[rows.Row]) -> list[ArticleBrief]:
    return [brief(r) for r in found]


def quote_query(
    conn: Connection,
    dialect: str,
    *,
    speaker: str | None = None,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    min_confidence: float | None = None,
) -> Select[Any]:
    """`queries.quotes_query` with the speaker filter resolved on `conn`."""
    query = quotes_query(
        dialect,
        speaker=speaker,
        search=search,
        since=since,
        until=until,
        outlet=outlet,
        min_confidence=min_confidence,
    )
    return query.where(speaker_clause(conn, speaker)) if speaker else query


def quote_row_query(conn: Connection, dialect: str, **filters: Any) -> Select[Any]:
    """`quote_query` with the speaker's merged entity id: the rows of a quote download."""
    speaker = article_entities.alias("speaker_entity_")
    joined = and_(
        speaker.c.article_hash == quotes.c.article_hash, speaker.c.id == quotes.c.speaker_entity
    )
    query = quote_query(conn, dialect, **filters)
    return query.outerjoin(speaker, joined).add_columns(
        speaker.c.entity_id.label("speaker_entity_id")
    )


def flat_quotes(conn: Connection, found: list[rows.Row]) -> list[dict[str, Any]]:
    """Quotes as flat rows for a spreadsheet: the quote, its speaker (name, article-local and
    merged entity id), its span and the article it comes from."""
    return [
        {
            "article_id": r["article_id_"],
            "article_title": r["article_title"],
            "outlet": r["article_outlet"],
            "url": r["article_url"],
            "published": r["article_published"],
            "quote_id": r["id"],
            "text": r["text"],
            "kind": r["kind"],
            "cue": r["cue"],
            "speaker": r["speaker"],
            "speaker_entity": r["speaker_entity"],
            "speaker_entity_id": r["speaker_entity_id"],
            "confidence": r["confidence"],
            "start": r["start"],
            "end": r["end"],
        }
        for r in found
    ]


def cited_quotes(conn: Connection, found: list[rows.Row]) -> list[Cited[Quote]]:
    copies = copies_of(conn, [r["key"] for r in found])
    return [
        Cited(record=rows.quote_from(r), article=byline(r), also=copies.get(r["key"], ()))
        for r in found
    ]


def event_query(
    conn: Connection,
    dialect: str,
    *,
    actor: str | None = None,
    type: str | None = None,  # noqa: A002  (PLOVER's word)
    since: date | None = None,
    until: date | None = None,
    place: str | None = None,
) -> Select[Any]:
    """Merged event ids, latest first; `since`/`until` leave out events with no resolved date."""
    query = select(events.c.id, events.c.date)
    if actor:
        query = query.where(_actor_clause(conn, actor))
    if type:
        query = query.where(events.c.type == type.upper())
    if since:
        query = query.where(func.substr(events.c.date, 1, 10) >= since.isoformat())
    if until:
        query = query.where(func.substr(events.c.date, 1, 10) <= until.isoformat())
    if place:
        query = query.where(func.lower(events.c.place).contains(place.lower(), autoescape=True))
    return query.order_by(events.c.date.desc().nulls_last(), events.c.id)


def cited_events_of(conn: Connection, ids: list[str]) -> list[Cited[Event]]:
    """The merged events `ids`, in that order, each from its first report (the others in
    `also`): every report of the page in one query."""
    reports: dict[str, list[rows.Row]] = {i: [] for i in ids}
    found = conn.execute(
        select(event_sources, *BYLINE)
        .join(articles, articles.c.hash == event_sources.c.article_hash)
        .where(event_sources.c.event_id.in_(ids))
        .order_by(articles.c.published.asc().nulls_last(), event_sources.c.article_hash)
    ).mappings()
    for row in found:
        reports[row["event_id"]].append(row)
    return [
        Cited(
            record=rows.event_from(reports[i][0], reports[i][0]["article_id_"]),
            article=byline(reports[i][0]),
            also=tuple(byline(r) for r in reports[i][1:]),
        )
        for i in ids
        if reports[i]
    ]


def cited_events(conn: Connection, found: list[rows.Row]) -> list[Cited[Event]]:
    return cited_events_of(conn, [r["id"] for r in found])


def figure_query(conn: Connection, dialect: str, *, contested: bool = False) -> Select[Any]:
    query = (
        select(figures, *BYLINE)
        .join(articles, articles.c.hash == figures.c.article_hash)
        .where(figures.c.copy_of.is_(None))
    )
    if contested:  # a literal, as the partial index ix_figures_contested is written
        query = query.where(figures.c.contests != literal_column("'[]'"))
    return query.order_by(NEWEST_FIRST, figures.c.article_hash, figures.c.seq)


def cited_figures(conn: Connection, found: list[rows.Row]) -> list[Cited[Figure]]:
    return [Cited(record=rows.figure_from(r, r["article_id_"]), article=byline(r)) for r in found]


def speaker_query(conn: Connection, dialect: str, *, search: str | None = None) -> Select[Any]:
    """Speakers by number of quotes, most quoted first (ties by name); copies and pull quotes
    that repeat another quote of their article are not counted. `search`: a part of the name,
    any case."""
    count = func.count().label("quotes")
    query = (
        select(quotes.c.speaker, count)
        .where(quotes.c.copy_of.is_(None), quotes.c.duplicate_of.is_(None))
        .where(quotes.c.speaker.is_not(None), quotes.c.speaker != "")
    )
    if search:
        query = query.where(func.lower(quotes.c.speaker).contains(search.lower(), autoescape=True))
    return query.group_by(quotes.c.speaker).order_by(count.desc(), quotes.c.speaker)


def speaker_tallies(conn: Connection, found: list[rows.Row]) -> list[tuple[str, int]]:
    return [(r["speaker"], int(r["quotes"])) for r in found]


@dataclass(frozen=True, slots=True)
class Kind:
    """A listing: its filtered query, and how a page of its rows becomes items."""

    query: Callable[..., Select[Any]]  # (conn, dialect, **filters)
    items: Callable[[Connection, list[rows.Row]], list[Any]]
    # a tally (every row an aggregate over the whole table): counted once per data version
    whole: bool = False
    # the sort key a cursor holds: the query's ORDER BY, with the labels of its columns
    keyset: Keyset | None = None
    # the table whose rows a page lists (its key found first, its rows read after); None: the
    # query selects keys only
    table: Table | None = None


def _by_article(table: Table) -> Keyset:
    """Records by their article's date, newest first, then by article and place in it."""
    ties = ((table.c.article_hash, "article_hash"), (table.c.seq, "seq"))
    return Keyset(lead=articles.c.published, lead_label="article_published", ties=ties)


ARTICLE_KEY = Keyset(
    lead=articles.c.published, lead_label="published", ties=((articles.c.hash, "hash"),)
)
EVENT_KEY = Keyset(lead=events.c.date, lead_label="date", ties=((events.c.id, "id"),))
KINDS = {
    "articles": Kind(articles_query, briefs, keyset=ARTICLE_KEY, table=articles),
    "quotes": Kind(quote_query, cited_quotes, keyset=_by_article(quotes), table=quotes),
    "quote_rows": Kind(quote_row_query, flat_quotes),
    "events": Kind(event_query, cited_events, keyset=EVENT_KEY),
    "figures": Kind(figure_query, cited_figures, keyset=_by_article(figures), table=figures),
    "speakers": Kind(speaker_query, speaker_tallies, whole=True),
}


def kind_of(name: str) -> Kind:
    if name not in KINDS:
        raise NewsgraphError(f"no listing {name!r}: one of {', '.join(KINDS)}")
    return KINDS[name]


def page_items(
    conn: Connection, kind: Kind, query: Select[Any], offset: int, limit: int | None
) -> list[Any]:
    found: list[rows.Row] = list(conn.execute(query.offset(offset).limit(limit)).mappings())
    return kind.items(conn, found)


def streamed(conn: Connection, kind: Kind, query: Select[Any]) -> Iterator[Any]:
    """Every item of `query`, read STREAM_ROWS rows at a time (a download never holds them all)."""
    result = conn.execution_options(yield_per=STREAM_ROWS).execute(query).mappings()
    while chunk := list[rows.Row](islice(result, STREAM_ROWS)):
        yield from kind.items(conn, chunk)
