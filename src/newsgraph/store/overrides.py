"""Manual corrections of the entity merge: `newsgraph entities merge A B` and `split NAME`.

Each applies at once to the stored rows and is kept in the `merges` table, so later ingests
follow it: a merged name's aliases now lead to the surviving entity, and a split name only ever
joins an entity that holds its very name.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, select, update

from newsgraph.errors import NewsgraphError
from newsgraph.store.merge import entity_id, name_key
from newsgraph.store.queries import best_entity
from newsgraph.store.schema import aliases, article_entities, entities, event_actors, merges


def _found(conn: Connection, name: str) -> str:
    chosen, _ = best_entity(conn, name)
    if chosen is None:
        raise NewsgraphError(f"no entity is called {name!r}; `newsgraph entity NAME` looks one up")
    return chosen


def _remember(conn: Connection, action: str, key: str, into: str) -> None:
    conn.execute(delete(merges).where(merges.c.key == key))
    conn.execute(merges.insert().values(action=action, key=key, into=into))


def merge_entities(conn: Connection, name: str, into: str) -> str:
    """Fold the entity called `name` into the one called `into`; returns the survivor's id."""
    kept, gone = _found(conn, into), _found(conn, name)
    _remember(conn, "merge", name_key(name), name_key(into))
    if kept == gone:
        return kept
    kept_keys = set(
        conn.execute(select(aliases.c.key).where(aliases.c.entity_id == kept)).scalars()
    )
    moved = conn.execute(select(aliases).where(aliases.c.entity_id == gone)).mappings().all()
    conn.execute(delete(aliases).where(aliases.c.entity_id == gone))
    for alias in moved:
        if alias["key"] not in kept_keys:
            conn.execute(aliases.insert().values(**(dict(alias) | {"entity_id": kept})))
    for table in (article_entities, event_actors):
        conn.execute(update(table).where(table.c.entity_id == gone).values(entity_id=kept))
    conn.execute(delete(entities).where(entities.c.id == gone))
    return kept


def split_entity(conn: Connection, name: str) -> str:
    """Give the article entities called `name` a merged entity of their own; returns its id."""
    old = _found(conn, name)
    row = conn.execute(select(entities).where(entities.c.id == old)).mappings().one()
    key = name_key(name, row["label"])
    _remember(conn, "split", key, "")
    new = entity_id(row["label"], name, "split")
    if new == old:
        return old
    links = conn.execute(
        select(
            article_entities.c.article_hash, article_entities.c.id, article_entities.c.name
        ).where(article_entities.c.entity_id == old)
    ).all()
    moving = [(h, local) for h, local, n in links if name_key(n, row["label"]) == key]
    if conn.execute(select(entities.c.id).where(entities.c.id == new)).first() is None:
        conn.execute(
            entities.insert().values(id=new, name=name, label=row["label"], country=row["country"])
        )
    conn.execute(
        update(aliases)
        .where(aliases.c.entity_id == old, aliases.c.key == key)
        .values(entity_id=new)
    )
    for article_hash, local in moving:
        for table, column in ((article_entities, "id"), (event_actors, "entity")):
            conn.execute(
                update(table)
                .where(table.c.article_hash == article_hash, table.c[column] == local)
                .values(entity_id=new)
            )
    _tidy(conn, old, row["name"], key)
    return new


def _tidy(conn: Connection, old: str, old_name: str, key: str) -> None:
    """Drop an entity left with no article, or rename one whose name was split off."""
    left = conn.execute(
        select(article_entities.c.id).where(article_entities.c.entity_id == old).limit(1)
    ).first()
    if left is None:
        conn.execute(delete(aliases).where(aliases.c.entity_id == old))
        conn.execute(delete(entities).where(entities.c.id == old))
        return
    if name_key(old_name) == key or name_key(old_name, "ORG") == key:
        names = conn.execute(select(aliases.c.alias).where(aliases.c.entity_id == old)).scalars()
        longest = max(names, key=lambda n: (len(n), n), default=old_name)
        conn.execute(update(entities).where(entities.c.id == old).values(name=longest))
