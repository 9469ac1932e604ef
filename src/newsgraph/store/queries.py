"""Read queries over merged entities, quotes and events, shared by both databases.

Copies (quotes and figures of a near-duplicate article) are left out of every listing: each is
counted once, under the article that first carried it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select, tuple_

from newsgraph.model import Event, ExtractedArticle, Quote
from newsgraph.store import rows, search
from newsgraph.store.base import Byline, Cited, EntityEvent, EntityProfile
from newsgraph.store.merge import fold, name_key
from newsgraph.store.schema import (
    aliases,
    article_entities,
    articles,
    entities,
    event_actors,
    event_sources,
    events,
    figures,
    mentions,
    quotes,
)

# The article columns a cited record carries, labelled so they do not clash with the record's.
BYLINE = (
    articles.c.id.label("article_id_"),
    articles.c.hash.label("article_hash_"),
    articles.c.source.label("article_source"),
    articles.c.title.label("article_title"),
    articles.c.outlet.label("article_outlet"),
    articles.c.url.label("article_url"),
    articles.c.published.label("article_published"),
)
NEWEST_FIRST = articles.c.published.desc().nulls_last()
# An actor row belongs to one article's report of a merged event.
ACTOR_OF_REPORT = and_(
    event_actors.c.article_hash == event_sources.c.article_hash,
    event_actors.c.event == event_sources.c.id,
)


def byline(row: rows.Row) -> Byline:
    return Byline(
        id=row["article_id_"],
        hash=row["article_hash_"],
        source=row["article_source"],
        title=row["article_title"],
        outlet=row["article_outlet"],
        url=row["article_url"],
        published=row["article_published"],
    )


def entity_ids_for(conn: Connection, name: str) -> list[str]:
    """Merged entities one of whose names folds to `name`; else, for one word, the surname."""
    keys = sorted({name_key(name), name_key(name, "ORG"), fold(name)})
    query = select(aliases.c.entity_id).where(aliases.c.key.in_(keys)).distinct()
    found = sorted(conn.execute(query).scalars())
    if not found and len(name_key(name).split()) == 1:
        query = select(aliases.c.entity_id).where(aliases.c.surname == name_key(name)).distinct()
        found = sorted(conn.execute(query).scalars())
    return found


def speaker_clause(conn: Connection, speaker: str) -> ColumnElement[bool]:
    """Quotes whose speaker is a merged entity called `speaker`, or whose speaker text has it.

    Both halves are resolved first (the speaker texts holding `speaker`, from the speaker
    index; the article entities of the merged ones), so the quotes are then found by index
    rather than by testing every quote."""
    written = (
        select(quotes.c.speaker)
        .where(func.lower(quotes.c.speaker).contains(speaker.lower(), autoescape=True))
        .distinct()
    )
    resolved = select(article_entities.c.article_hash, article_entities.c.id).where(
        article_entities.c.entity_id.in_(entity_ids_for(conn, speaker))
    )
    return or_(
        quotes.c.speaker.in_(list(conn.execute(written).scalars())),
        tuple_(quotes.c.article_hash, quotes.c.speaker_entity).in_(resolved),
    )


def copies_of(conn: Connection, keys: list[str]) -> dict[str, tuple[Byline, ...]]:
    """The articles that repeat each of these quotes (near-duplicate copies), by quote key."""
    query = (
        select(quotes.c.copy_of, *BYLINE)
        .join(articles, articles.c.hash == quotes.c.article_hash)
        .where(quotes.c.copy_of.in_(keys))
        .order_by(NEWEST_FIRST, quotes.c.article_hash)
    )
    found: dict[str, list[Byline]] = {}
    for row in conn.execute(query).mappings():
        found.setdefault(row["copy_of"], []).append(byline(row))
    return {key: tuple(found_) for key, found_ in found.items()}


def quotes_query(
    dialect: str,
    *,
    speaker: str | None,
    search: str | None,
    since: date | None,
    until: date | None,
    outlet: str | None,
    min_confidence: float | None = None,
) -> Select[Any]:
    """Quotes with their articles, newest first; the speaker filter is added by the caller.

    `min_confidence` keeps quotes scored at or above it and those no model scored (NULL).
    """
    query = (
        select(quotes, *BYLINE)
        .join(articles, articles.c.hash == quotes.c.article_hash)
        .where(quotes.c.copy_of.is_(None))
    )
    if search:
        query = query.where(_search.quotes_matching(dialect, search))
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until)
    if outlet:
        query = query.where(func.lower(articles.c.outlet) == outlet.lower())
    if min_confidence is not None:
        query = query.where(
            or_(quotes.c.confidence.is_(None), quotes.c.confidence >= min_confidence)
        )
    return query.order_by(NEWEST_FIRST, quotes.c.article_hash, quotes.c.seq)


_search = search


def _actor_clause(conn: Connection, actor: str) -> ColumnElement[bool]:
    """Events one of whose reports has the actor: a merged entity of that name, or a written
    name holding it (the names resolved first, from their index, as for speakers)."""
    written = (
        select(event_actors.c.name)
        .where(func.lower(event_actors.c.name).contains(actor.lower(), autoescape=True))
        .distinct()
    )
    reports = (
        select(event_sources.c.event_id)
        .join(event_actors, ACTOR_OF_REPORT)
        .where(
            or_(
                event_actors.c.entity_id.in_(entity_ids_for(conn, actor)),
                event_actors.c.name.in_(list(conn.execute(written).scalars())),
            )
        )
    )
    return events.c.id.in_(reports)


def cited_events(
    conn: Connection,
    *,
    actor: str | None,
    type: str | None,  # noqa: A002
    since: date | None,
    until: date | None,
    place: str | None,
    limit: int,
) -> list[Cited[Event]]:
    """Merged events, newest first; `since`/`until` leave out events with no resolved date."""
    query = select(events.c.id)
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
    query = query.order_by(events.c.date.desc().nulls_last(), events.c.id).limit(limit)
    return [_cited_event(conn, event_id) for event_id in conn.execute(query).scalars()]


def _cited_event(conn: Connection, event_id: str) -> Cited[Event]:
    reports = (
        conn.execute(
            select(event_sources, *BYLINE)
            .join(articles, articles.c.hash == event_sources.c.article_hash)
            .where(event_sources.c.event_id == event_id)
            .order_by(articles.c.published.asc().nulls_last(), event_sources.c.article_hash)
        )
        .mappings()
        .all()
    )
    first = reports[0]
    return Cited(
        record=rows.event_from(first, first["article_id_"]),
        article=byline(first),
        also=tuple(byline(r) for r in reports[1:]),
    )


def best_entity(conn: Connection, name: str) -> tuple[str | None, list[str]]:
    """The matching merged entity most articles mention, and every matching id."""
    ids = entity_ids_for(conn, name)
    if not ids:
        return None, []
    counts: dict[str, int] = dict(
        conn.execute(
            select(article_entities.c.entity_id, func.count())
            .where(article_entities.c.entity_id.in_(ids))
            .group_by(article_entities.c.entity_id)
        ).all()
    )
    return max(ids, key=lambda i: (counts.get(i, 0), i)), ids


def describe_entity(
    conn: Connection, name: str, *, limit: int | None = None
) -> EntityProfile | None:
    """A merged entity: its names, roles, quotes and the events it took part in (at most
    `limit` of each, the latest; None: all)."""
    chosen, ids = best_entity(conn, name)
    if chosen is None:
        return None
    row = conn.execute(select(entities).where(entities.c.id == chosen)).mappings().one()
    links = conn.execute(
        select(article_entities.c.article_hash, article_entities.c.roles).where(
            article_entities.c.entity_id == chosen
        )
    ).all()
    roles: Counter[str] = Counter(r for link in links for r in json.loads(link.roles))
    names = conn.execute(
        select(aliases.c.alias).where(aliases.c.entity_id == chosen).order_by(aliases.c.key)
    ).scalars()
    return EntityProfile(
        id=chosen,
        name=row["name"],
        label=row["label"],
        country=row["country"],
        aliases=tuple(sorted(set(names))),
        roles=tuple(r for r, _ in roles.most_common()),
        articles=len({link.article_hash for link in links}),
        quotes=_entity_quotes(conn, chosen, limit),
        events=_entity_events(conn, chosen, limit),
        others=tuple(i for i in ids if i != chosen),
    )


def _entity_quotes(conn: Connection, entity_id: str, limit: int | None) -> tuple[Cited[Quote], ...]:
    query = (
        select(quotes, *BYLINE)
        .join(articles, articles.c.hash == quotes.c.article_hash)
        .join(
            article_entities,
            and_(
                article_entities.c.article_hash == quotes.c.article_hash,
                article_entities.c.id == quotes.c.speaker_entity,
            ),
        )
        .where(article_entities.c.entity_id == entity_id, quotes.c.copy_of.is_(None))
        .order_by(NEWEST_FIRST, quotes.c.article_hash, quotes.c.seq)
        .limit(limit)
    )
    found = conn.execute(query).mappings()
    return tuple(Cited(record=rows.quote_from(r), article=byline(r)) for r in found)


def _entity_events(conn: Connection, entity_id: str, limit: int | None) -> tuple[EntityEvent, ...]:
    """The merged events the entity acted in, with the other participants (meetings: CONSULT)."""
    taking_part = (
        select(event_sources.c.event_id)
        .join(
            event_actors,
            ACTOR_OF_REPORT,
        )
        .where(event_actors.c.entity_id == entity_id)
    )
    found = conn.execute(
        select(events)
        .where(events.c.id.in_(taking_part))
        .order_by(events.c.date.desc().nulls_last(), events.c.id)
        .limit(limit)
    ).mappings()
    return tuple(
        EntityEvent(
            id=ev["id"],
            type=ev["type"],
            mode=ev["mode"],
            date=ev["date"],
            place=ev["place"],
            partners=tuple(_others(conn, ev["id"], entity_id)),
            articles=1 + len(_cited_event(conn, ev["id"]).also),
        )
        for ev in found
    )


def _others(conn: Connection, event_id: str, entity_id: str) -> list[str]:
    """The names of an event's other participants, as its reports give them."""
    query = (
        select(event_actors.c.name)
        .join(
            event_sources,
            ACTOR_OF_REPORT,
        )
        .where(event_sources.c.event_id == event_id)
        .where(or_(event_actors.c.entity_id.is_(None), event_actors.c.entity_id != entity_id))
        .distinct()
    )
    return sorted(conn.execute(query).scalars())


# --- one article, read back ---------------------------------------------------------------------


def _children(conn: Connection, table: Any, article_hash: str) -> Select[Any]:
    return select(table).where(table.c.article_hash == article_hash).order_by(table.c.seq)


def read_article(conn: Connection, row: rows.Row) -> ExtractedArticle:
    """An ExtractedArticle exactly as it was put."""
    article = rows.article_from(row)
    key, local = article.content_hash, article.id
    by_entity: dict[str, list[rows.Row]] = defaultdict(list)
    found = conn.execute(
        select(mentions).where(mentions.c.article_hash == key).order_by(mentions.c.seq)
    )
    for m in found.mappings():
        by_entity[m["entity"]].append(m)
    ents = conn.execute(_children(conn, article_entities, key)).mappings()
    return ExtractedArticle(
        article=article,
        entities=tuple(rows.entity_from(e, by_entity[e["id"]], local) for e in ents),
        quotes=tuple(
            rows.quote_from(q) for q in conn.execute(_children(conn, quotes, key)).mappings()
        ),
        events=tuple(
            rows.event_from(e, local)
            for e in conn.execute(_children(conn, event_sources, key)).mappings()
        ),
        figures=tuple(
            rows.figure_from(f, local)
            for f in conn.execute(_children(conn, figures, key)).mappings()
        ),
        sentences=tuple((s[0], s[1]) for s in json.loads(row["sentences"])),
    )


# --- tallies ------------------------------------------------------------------------------------


def speaker_counts(conn: Connection, *, limit: int) -> list[tuple[str, int]]:
    """Speakers by number of quotes, most quoted first (ties by name). Copies of an earlier
    article's quotes and pull quotes that repeat another quote of the article are not counted."""
    count = func.count().label("quotes")
    query = (
        select(quotes.c.speaker, count)
        .where(quotes.c.copy_of.is_(None), quotes.c.duplicate_of.is_(None))
        .where(quotes.c.speaker.is_not(None), quotes.c.speaker != "")
        .group_by(quotes.c.speaker)
        .order_by(count.desc(), quotes.c.speaker)
        .limit(limit)
    )
    return [(r.speaker, int(r.quotes)) for r in conn.execute(query)]


def event_type_names(conn: Connection) -> list[str]:
    """The PLOVER types of the stored events, sorted."""
    query = select(events.c.type).distinct().order_by(events.c.type)
    return [t for t in conn.execute(query).scalars() if t]
