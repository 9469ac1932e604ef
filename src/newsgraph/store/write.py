"""Writing one article: its row, entities and mentions, quotes, events and figures, inside the
caller's transaction. Copies of an earlier article (near-duplicates, `merge.py`) point to the
original's records; events join the merged event of the same happening.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, select

from newsgraph.errors import ReadError
from newsgraph.model import Event, ExtractedArticle, Figure, Quote
from newsgraph.store import merge, rows, stories
from newsgraph.store.schema import (
    article_entities,
    articles,
    event_actors,
    event_sources,
    events,
    figures,
    mentions,
    quotes,
)

# The statements run for every article and event, built once (as `merge.py`'s for entities).
INSERT_ARTICLE = articles.insert()
EVENT_STORED = select(events.c.id).where(events.c.id == bindparam("event"))
INSERT_EVENT = events.insert()
INSERT_EVENT_SOURCE = event_sources.insert()


def error_key(error: ReadError) -> str:
    fields = (error.source, error.record or "", error.reason, error.detail)
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


def write_article(conn: Connection, extracted: ExtractedArticle) -> None:
    """Every row of one article, inside the caller's transaction."""
    article_hash = extracted.article.content_hash
    minhash = merge.signature(extracted.article.text)
    original = merge.find_original(conn, minhash)
    row = rows.article_row(extracted) | {
        "copy_of": original,
        "minhash": merge.signature_bytes(minhash),
    }
    conn.execute(INSERT_ARTICLE, row)
    merge.store_buckets(conn, article_hash, minhash)
    merged = write_entities(conn, article_hash, extracted)
    write_quotes(conn, article_hash, extracted.quotes, original)
    write_events(conn, article_hash, extracted.events, merged, original)
    write_figures(conn, article_hash, extracted.figures, original)
    stories.link_story_contests(conn, [article_hash])


def write_entities(
    conn: Connection, article_hash: str, extracted: ExtractedArticle
) -> dict[str, str]:
    """Article entities and mentions; returns article-local id -> merged entity id."""
    merged: dict[str, str] = {}
    split = merge.split_keys(conn)  # read once: every entity of the article checks it
    entity_rows, mention_rows = [], []
    for seq, entity in enumerate(extracted.entities):
        merged[entity.id] = merge.resolve_entity(conn, entity, split)
        entity_rows.append(
            {"article_hash": article_hash, "entity_id": merged[entity.id]}
            | rows.entity_row(entity, seq)
        )
        mention_rows += [m | {"article_hash": article_hash} for m in rows.mention_rows(entity)]
    if entity_rows:
        conn.execute(article_entities.insert(), entity_rows)
    if mention_rows:
        conn.execute(mentions.insert(), mention_rows)
    return merged


def _originals(conn: Connection, table: Any, original: str | None) -> list[tuple[str, str]]:
    """(id, text) of the original article's records in `table`, in order."""
    if original is None:
        return []
    query = (
        select(table.c.id, table.c.text)
        .where(table.c.article_hash == original)
        .order_by(table.c.seq)
    )
    return [(r.id, r.text) for r in conn.execute(query)]


def _copy_of(text: str, original: str | None, known: Sequence[tuple[str, str]]) -> str | None:
    for local, known_text in known:
        if merge.same_text(text, known_text):
            return f"{original}:{local}"
    return None


def write_quotes(
    conn: Connection, article_hash: str, found: Sequence[Quote], original: str | None
) -> None:
    if not found:
        return
    known = _originals(conn, quotes, original)
    conn.execute(
        quotes.insert(),
        [
            rows.quote_row(q, seq)
            | {
                "article_hash": article_hash,
                "key": f"{article_hash}:{q.id}",
                "copy_of": _copy_of(q.text, original, known),
            }
            for seq, q in enumerate(found)
        ],
    )


def write_figures(
    conn: Connection, article_hash: str, found: Sequence[Figure], original: str | None
) -> None:
    if not found:
        return
    known = _originals(conn, figures, original)
    conn.execute(
        figures.insert(),
        [
            rows.figure_row(f, seq)
            | {"article_hash": article_hash, "copy_of": _copy_of(f.text, original, known)}
            for seq, f in enumerate(found)
        ],
    )


def _copied_events(conn: Connection, original: str | None) -> dict[tuple[str, str | None], str]:
    """(type, trigger) -> merged event id of the original article's events."""
    if original is None:
        return {}
    query = (
        select(event_sources.c.type, event_sources.c.trigger, event_sources.c.event_id)
        .where(event_sources.c.article_hash == original)
        .order_by(event_sources.c.seq.desc())
    )
    return {(r.type, r.trigger): r.event_id for r in conn.execute(query)}


def write_events(
    conn: Connection,
    article_hash: str,
    found: Sequence[Event],
    merged: dict[str, str],
    original: str | None,
) -> None:
    """Each report joins the merged event of the same happening, or founds one."""
    copied = _copied_events(conn, original)
    for seq, ev in enumerate(found):
        actors = [merged.get(r.entity) if r.entity else None for r in (*ev.source, *ev.target)]
        merged_id = copied.get((ev.type, ev.trigger)) or merge.event_id(ev, actors, article_hash)
        if conn.execute(EVENT_STORED, {"event": merged_id}).first() is None:
            conn.execute(INSERT_EVENT, rows.merged_event_row(ev, merged_id))
        conn.execute(
            INSERT_EVENT_SOURCE,
            {"article_hash": article_hash, "event_id": merged_id} | rows.event_row(ev, seq),
        )
        roles = [("source", r) for r in ev.source] + [("target", r) for r in ev.target]
        counter: dict[str, int] = defaultdict(int)
        actor_rows = []
        for role, ref in roles:
            actor_rows.append(
                {
                    "article_hash": article_hash,
                    "event": ev.id,
                    "role": role,
                    "seq": counter[role],
                    "name": ref.name,
                    "entity": ref.entity,
                    "entity_id": merged.get(ref.entity) if ref.entity else None,
                }
            )
            counter[role] += 1
        if actor_rows:
            conn.execute(event_actors.insert(), actor_rows)
