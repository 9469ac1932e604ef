"""Bulk loading (`newsgraph load`): many articles a transaction, each merged as `put` merges it.

`put` spends its time in round trips: about 50 small queries an article, most of them the entity
merge asking what earlier articles stored. Here a batch's lookups are made up front in a few
queries (the entities sharing a name key or surname with any of the batch's entities, with all
their keys and link counts; split names; the LSH buckets and signatures of possible originals;
entity ids already taken); then each article is merged in memory, in input order, against that
and the articles before it in the batch, by the rules of `merge.py` (`score`, `event_id`,
`buckets`...); then the batch's rows go in table by table: PostgreSQL COPY into a temporary
staging table, then INSERT ... SELECT ... ON CONFLICT DO NOTHING; SQLite executemany. One
transaction a batch: a crash loses the batch in hand, and a rerun skips what is stored.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from sqlalchemy import Connection, Select, Table, func, select

from newsgraph.model import Entity, Event, ExtractedArticle
from newsgraph.store import merge, rows, stories
from newsgraph.store.merge import Candidate, entity_keys, fold, name_key, surname
from newsgraph.store.schema import (
    aliases,
    article_bands,
    article_entities,
    articles,
    entities,
    event_actors,
    event_sources,
    events,
    figures,
    mentions,
    merges,
    quotes,
)
from newsgraph.store.write import _copied_events, _copy_of, _originals

# Tables in the order their rows go in (a row's foreign keys point at tables before it).
ORDER = (
    entities,
    aliases,
    events,
    articles,
    article_bands,
    article_entities,
    mentions,
    quotes,
    event_sources,
    event_actors,
    figures,
)


# Values a query's IN list takes at most: under SQLite's 32,766 variables and PostgreSQL's 65,535
# parameters, whatever the batch holds.
IN_CHUNK = 5000


def rows_in(
    conn: Connection, query: Select[Any], column: Any, values: Iterable[Any]
) -> Iterator[Any]:
    """The rows of `query` where `column` is one of `values`, asked IN_CHUNK values at a time."""
    ordered = sorted(set(values))
    for first in range(0, len(ordered), IN_CHUNK):
        yield from conn.execute(query.where(column.in_(ordered[first : first + IN_CHUNK])))


def scalars_in(
    conn: Connection, query: Select[Any], column: Any, values: Iterable[Any]
) -> Iterator[Any]:
    return (row[0] for row in rows_in(conn, query, column, values))


def lookup_keys(entity: Entity) -> frozenset[str]:
    return entity_keys(entity) or frozenset([fold(entity.name) or entity.name])


def person_surnames(entity: Entity, keys: frozenset[str]) -> set[str]:
    return merge.lookup_surnames(entity, keys)


class Batch:
    """The merge state one batch needs, read up front, then kept up to date in memory."""

    def __init__(self, conn: Connection, batch: Sequence[ExtractedArticle]) -> None:
        self.conn = conn
        self.names: dict[str, tuple[str, str, str | None]] = {}  # id -> name, label, country
        self.keys: dict[str, set[str]] = defaultdict(set)
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.links: Counter[str] = Counter()
        self.taken: set[str] = set()  # entity ids that exist
        self.free: set[str] = set()  # entity ids known not to
        self.bands: dict[str, set[str]] = defaultdict(set)  # bucket -> article hashes
        self.signatures: dict[str, tuple[str | None, bytes]] = {}  # hash -> copy_of, minhash
        self.local: dict[str, dict[str, Any]] = {}  # this batch's articles: their records
        self.rows: dict[Table, list[dict[str, Any]]] = defaultdict(list)
        self.renamed: dict[str, str] = {}  # stored entity id -> its fuller name
        self.new_events: set[str] = set()
        self.stored = self.read_stored(batch)
        self.read_entities(batch)
        self.read_originals(batch)

    # --- what the database holds --------------------------------------------------------------

    def read_stored(self, batch: Sequence[ExtractedArticle]) -> set[str]:
        hashes = {x.article.content_hash for x in batch}
        return set(scalars_in(self.conn, select(articles.c.hash), articles.c.hash, hashes))

    def read_entities(self, batch: Sequence[ExtractedArticle]) -> None:
        keys: set[str] = set()
        surnames: set[str] = set()
        for extracted in batch:
            for entity in extracted.entities:
                found = lookup_keys(entity)
                keys |= found
                surnames |= person_surnames(entity, found)
        split = select(merges.c.key).where(merges.c.action == "split")
        self.split = set(scalars_in(self.conn, split, merges.c.key, keys))
        hits = set(scalars_in(self.conn, select(aliases.c.entity_id), aliases.c.key, keys))
        hits |= set(scalars_in(self.conn, select(aliases.c.entity_id), aliases.c.surname, surnames))
        named = select(entities, aliases.c.key, aliases.c.surname).join(
            aliases, aliases.c.entity_id == entities.c.id
        )
        for row in rows_in(self.conn, named, entities.c.id, hits):
            self.names[row.id] = (row.name, row.label, row.country)
            self.index_alias(row.id, row.key, row.surname)
        counted = select(article_entities.c.entity_id, func.count()).group_by(
            article_entities.c.entity_id
        )
        for entity_id, n in rows_in(self.conn, counted, article_entities.c.entity_id, self.names):
            self.links[entity_id] = int(n)
        self.taken |= set(self.names)
        wanted = {
            merge.entity_id(e.label, e.name, "split" if lookup_keys(e) & self.split else "")
            for x in batch
            for e in x.entities
        }
        self.taken |= set(scalars_in(self.conn, select(entities.c.id), entities.c.id, wanted))
        self.free |= wanted - self.taken

    def read_originals(self, batch: Sequence[ExtractedArticle]) -> None:
        self.minhashes = {x.article.content_hash: merge.signature(x.article.text) for x in batch}
        buckets = {h for m in self.minhashes.values() for _, h in merge.buckets(m)}
        banded = select(article_bands.c.bucket, article_bands.c.article_hash)
        found = list(rows_in(self.conn, banded, article_bands.c.bucket, buckets))
        for bucket, article_hash in found:
            self.bands[bucket].add(article_hash)
        signed = select(articles.c.hash, articles.c.copy_of, articles.c.minhash)
        for row in rows_in(self.conn, signed, articles.c.hash, {h for _, h in found}):
            self.signatures[row.hash] = (row.copy_of, row.minhash)

    # --- merging, as merge.resolve_entity and merge.find_original do -------------------------

    def index_alias(self, entity_id: str, key: str, person_surname: str | None) -> None:
        self.keys[entity_id].add(key)
        self.by_key[key].add(entity_id)
        if person_surname:
            self.by_surname[person_surname].add(entity_id)

    def candidates(self, entity: Entity, keys: frozenset[str]) -> list[Candidate]:
        ids = set().union(*(self.by_key.get(k, ()) for k in keys))
        ids |= set().union(*(self.by_surname.get(s, ()) for s in person_surnames(entity, keys)))
        return [Candidate(i, *self.names[i], keys=frozenset(self.keys[i])) for i in sorted(ids)]

    def resolve(self, entity: Entity) -> str:
        keys = lookup_keys(entity)
        split = bool(keys & self.split)
        scored = [(merge.score(entity, keys, c, split), c) for c in self.candidates(entity, keys)]
        scored = [(s, c) for s, c in scored if s > 0]
        if scored:
            _, best = max(scored, key=lambda sc: (sc[0], self.links[sc[1].id], sc[1].id))
            chosen, known = best.id, best.keys
            if merge.renames(entity, best.name, best.label):
                self.names[chosen] = (entity.name, *self.names[chosen][1:])
                self.renamed[chosen] = entity.name
        else:
            chosen, known = self.free_id(entity, "split" if split else ""), frozenset()
            self.names[chosen] = (entity.name, entity.label, entity.country)
            self.taken.add(chosen)
            self.rows[entities].append(rows.merged_entity_row(entity, chosen))
        self.add_aliases(chosen, entity, known)
        return chosen

    def free_id(self, entity: Entity, salt: str) -> str:
        for n in range(1_000_000):
            chosen = merge.entity_id(entity.label, entity.name, f"{salt}#{n}" if n else salt)
            if chosen in self.taken:
                continue
            if chosen in self.free:
                return chosen
            if self.conn.execute(merge.ENTITY_TAKEN, {"entity": chosen}).first() is None:
                return chosen
            self.taken.add(chosen)
        raise RuntimeError("no free entity id")  # a million entities with one name: a bug

    def add_aliases(self, chosen: str, entity: Entity, known: frozenset[str]) -> None:
        seen = set(known)
        for name in merge.names_of(entity):
            key = name_key(name, entity.label)
            if not key or key in seen:
                continue
            seen.add(key)
            person = surname(key) if entity.label == "PERSON" else None
            self.index_alias(chosen, key, person)
            self.rows[aliases].append(
                {"entity_id": chosen, "key": key, "alias": name, "surname": person}
            )

    def find_original(self, article_hash: str) -> str | None:
        shared: Counter[str] = Counter()
        for _, bucket in merge.buckets(self.minhashes[article_hash]):
            shared.update(self.bands.get(bucket, ()))
        best_few = sorted(shared, key=lambda h: (-shared[h], h))[: merge.CANDIDATES]
        mine = np.asarray(self.minhashes[article_hash].hashvalues, dtype="<u4")
        best: tuple[float, str] | None = None
        for candidate in sorted(best_few):
            copy_of, signature = self.signatures[candidate]
            similarity = float(np.mean(np.frombuffer(signature, dtype="<u4") == mine))
            if similarity >= merge.NEAR_DUPLICATE and (best is None or similarity > best[0]):
                best = (similarity, copy_of or candidate)
        return best[1] if best else None

    # --- one article's rows, as write.write_article makes them -------------------------------

    def add(self, extracted: ExtractedArticle) -> bool:
        """Merge one article and gather its rows; False when it is stored already."""
        article_hash = extracted.article.content_hash
        if article_hash in self.stored:
            return False
        self.stored.add(article_hash)
        minhash = self.minhashes[article_hash]
        original = self.find_original(article_hash)
        signature = merge.signature_bytes(minhash)
        row = rows.article_row(extracted) | {"copy_of": original, "minhash": signature}
        self.rows[articles].append(row)
        for band, bucket in merge.buckets(minhash):
            self.rows[article_bands].append(
                {"band": band, "bucket": bucket, "article_hash": article_hash}
            )
            self.bands[bucket].add(article_hash)
        self.signatures[article_hash] = (original, signature)
        merged = self.add_entities(article_hash, extracted)
        self.add_quotes(article_hash, extracted, original)
        self.add_events(article_hash, extracted.events, merged, original)
        self.add_figures(article_hash, extracted, original)
        return True

    def add_entities(self, article_hash: str, extracted: ExtractedArticle) -> dict[str, str]:
        merged: dict[str, str] = {}
        for seq, entity in enumerate(extracted.entities):
            merged[entity.id] = self.resolve(entity)
            self.links[merged[entity.id]] += 1
            self.rows[article_entities].append(
                {
                    "article_hash": article_hash,
                    "entity_id": merged[entity.id],
                    **rows.entity_row(entity, seq),
                }
            )
            found = rows.mention_rows(entity)
            self.rows[mentions] += [m | {"article_hash": article_hash} for m in found]
        return merged

    def originals(self, table: Table, original: str | None) -> list[tuple[str, str]]:
        if original is None:
            return []
        if original in self.local:
            return list(self.local[original][table.name])
        return _originals(self.conn, table, original)

    def add_quotes(
        self, article_hash: str, extracted: ExtractedArticle, original: str | None
    ) -> None:
        known = self.originals(quotes, original)
        for seq, q in enumerate(extracted.quotes):
            key = f"{article_hash}:{q.id}"
            self.rows[quotes].append(
                rows.quote_row(q, seq)
                | {
                    "article_hash": article_hash,
                    "key": key,
                    "copy_of": _copy_of(q.text, original, known),
                }
            )
        local = self.local.setdefault(article_hash, {})
        local["quotes"] = [(q.id, q.text) for q in extracted.quotes]

    def add_figures(
        self, article_hash: str, extracted: ExtractedArticle, original: str | None
    ) -> None:
        known = self.originals(figures, original)
        for seq, f in enumerate(extracted.figures):
            self.rows[figures].append(
                rows.figure_row(f, seq)
                | {"article_hash": article_hash, "copy_of": _copy_of(f.text, original, known)}
            )
        self.local[article_hash]["figures"] = [(f.id, f.text) for f in extracted.figures]

    def copied_events(self, original: str | None) -> dict[tuple[str, str | None], str]:
        if original is None:
            return {}
        if original in self.local:
            return dict(reversed(self.local[original]["events"]))
        return _copied_events(self.conn, original)

    def add_events(
        self,
        article_hash: str,
        found: Sequence[Event],
        merged: dict[str, str],
        original: str | None,
    ) -> None:
        copied = self.copied_events(original)
        reports: list[tuple[tuple[str, str | None], str]] = []
        for seq, ev in enumerate(found):
            actors = [merged.get(r.entity) if r.entity else None for r in (*ev.source, *ev.target)]
            merged_id = copied.get((ev.type, ev.trigger)) or merge.event_id(
                ev, actors, article_hash
            )
            reports.append(((ev.type, ev.trigger), merged_id))
            if merged_id not in self.new_events:  # a stored one: ON CONFLICT DO NOTHING
                self.new_events.add(merged_id)
                self.rows[events].append(rows.merged_event_row(ev, merged_id))
            self.rows[event_sources].append(
                {"article_hash": article_hash, "event_id": merged_id, **rows.event_row(ev, seq)}
            )
            self.add_actors(article_hash, ev, merged)
        self.local[article_hash]["events"] = reports

    def add_actors(self, article_hash: str, ev: Event, merged: dict[str, str]) -> None:
        counter: dict[str, int] = defaultdict(int)
        roles = [("source", r) for r in ev.source] + [("target", r) for r in ev.target]
        for role, ref in roles:
            self.rows[event_actors].append(
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

    # --- writing --------------------------------------------------------------------------------

    def write(self) -> None:
        for table in ORDER:
            if self.rows.get(table):
                insert_rows(self.conn, table, self.rows[table])
        if self.renamed:
            self.conn.execute(
                merge.RENAME, [{"entity": i, "to": name} for i, name in self.renamed.items()]
            )


def insert_rows(conn: Connection, table: Table, found: list[dict[str, Any]]) -> None:
    """Rows into a table, leaving out those whose key is there already."""
    if conn.dialect.name == "postgresql":
        copy_rows(conn, table, found)
    else:
        conn.execute(table.insert().prefix_with("OR IGNORE"), found)


def copy_rows(conn: Connection, table: Table, found: list[dict[str, Any]]) -> None:
    """PostgreSQL: COPY into a temporary staging table (emptied at commit), then INSERT ...
    SELECT ... ON CONFLICT DO NOTHING into the table."""
    quote = conn.dialect.identifier_preparer.quote
    names = [c.name for c in table.columns]
    listed = ", ".join(quote(n) for n in names)
    stage = quote(f"staging_{table.name}")
    processors = [c.type.bind_processor(conn.dialect) for c in table.columns]
    driver: Any = conn.connection.driver_connection  # psycopg's, inside our transaction
    with driver.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} "
            f"(LIKE {quote(table.name)} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
        )
        with cursor.copy(f"COPY {stage} ({listed}) FROM STDIN") as copy:
            for row in found:
                values = (row.get(n) for n in names)
                copy.write_row([p(v) if p else v for p, v in zip(processors, values, strict=True)])
        cursor.execute(
            f"INSERT INTO {quote(table.name)} ({listed}) SELECT {listed} FROM {stage} "
            "ON CONFLICT DO NOTHING"
        )
        cursor.execute(f"TRUNCATE {stage}")


def write_batch(conn: Connection, batch: Iterable[ExtractedArticle]) -> int:
    """Merge and store a batch of articles inside the caller's transaction, in input order;
    the number newly stored (an article stored already, or twice in the batch, counts once)."""
    batch = list(batch)
    state = Batch(conn, batch)
    new = [e.article.content_hash for e in batch if state.add(e)]
    state.write()
    stories.link_story_contests(conn, new)  # after the batch's rows are written
    return len(new)
