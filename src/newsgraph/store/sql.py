"""The Store on SQLAlchemy Core: one class for SQLite (the default, in WAL mode) and PostgreSQL.

Each article is written in one transaction keyed by its content hash: a crash leaves whole
articles or none, and storing an article again changes nothing. Reads go through the same tables
on both databases; full-text search is the one difference, kept in `search.py`.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    create_engine,
    event,
    func,
    or_,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, OperationalError

from newsgraph.errors import NewsgraphError, ReadError
from newsgraph.model import Event, ExtractedArticle, Figure, Quote
from newsgraph.store import merge, rows, search
from newsgraph.store import sources as watched
from newsgraph.store.base import Cited
from newsgraph.store.queries import BYLINE, byline, copies_of, speaker_clause
from newsgraph.store.schema import (
    TABLES,
    aliases,
    article_entities,
    articles,
    entities,
    errors,
    event_actors,
    event_sources,
    events,
    figures,
    mentions,
    merges,
    quotes,
)
from newsgraph.store.sources import SourceStatus, Visit

log = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///newsgraph.db"
URL_HELP = "use sqlite:///PATH.db (the default: sqlite:///newsgraph.db) or postgresql://USER:PASSWORD@HOST/DB"


def engine_for(url: str | None) -> Engine:
    """An engine for a --db value: a SQLAlchemy URL, a plain `postgresql://` one, or a file path."""
    raw = url or DEFAULT_URL
    if "://" not in raw:
        raw = f"sqlite:///{raw}"  # a bare path is an SQLite file
    try:
        parsed = make_url(raw)
    except ArgumentError as exc:
        raise NewsgraphError(f"--db {url!r} is not a database URL: {URL_HELP}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3, not psycopg2
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise NewsgraphError(f"--db {url!r}: only SQLite and PostgreSQL are supported; {URL_HELP}")
    try:
        engine = create_engine(parsed)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise NewsgraphError(
            f"--db {url!r} needs a driver that is not installed: pip install 'newsgraph[postgres]'"
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    _wal(cursor)  # readers never block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses nothing
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # SQLAlchemy emits BEGIN itself (below), not the driver: the documented pysqlite recipe.
    dbapi_connection.isolation_level = None


def _wal(cursor: Any, tries: int = 50) -> None:
    """Put the file in WAL mode. Switching needs the file to itself and SQLite answers "locked"
    at once, without waiting out busy_timeout, while another connection switches the same new
    file: wait a little and look again (the mode, once set, stays with the file)."""
    for attempt in range(tries):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == tries - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


def _sqlite_begin(conn: Connection) -> None:
    """A writing transaction takes the write lock at once (BEGIN IMMEDIATE): two writers then
    queue on busy_timeout instead of one failing when its read lock cannot become a write lock."""
    writing = conn.get_execution_options().get("writing", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that writes: committed on exit, rolled back on error."""
    with engine.connect() as conn:
        conn = conn.execution_options(writing=True)
        with conn.begin():
            yield conn


def open_store(url: str | None = None) -> SqlStore:
    """Open (creating and migrating as needed) the database at `url`; default newsgraph.db."""
    from newsgraph.store.migrate import upgrade

    engine = engine_for(url)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with writing(engine) as conn:
            if engine.dialect.name == "postgresql":  # one migrating process at a time
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7710531)")
            upgrade(conn)
    except OperationalError as exc:
        engine.dispose()
        raise NewsgraphError(
            f"cannot open the database {shown}: {exc.orig}; check the path or that the server "
            f"is running and the URL's user, password and database are right"
        ) from exc
    return SqlStore(engine)


def _error_key(error: ReadError) -> str:
    fields = (error.source, error.record or "", error.reason, error.detail)
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


class SqlStore:
    """The Store protocol on an SQLAlchemy engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    # --- writes ---------------------------------------------------------------------------------

    def put(self, extracted: ExtractedArticle) -> bool:
        """Store one article with all its records in one transaction; False if already stored."""
        try:
            with writing(self.engine) as conn:
                if self.dialect == "postgresql":
                    # Merging reads what earlier articles wrote: article writes take turns, as
                    # SQLite's BEGIN IMMEDIATE makes them (extraction stays parallel).
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7710532)")
                if self.has(extracted.article.content_hash, conn):
                    return False
                write_article(conn, extracted)
        except IntegrityError:
            if self.has(extracted.article.content_hash):
                return False  # another writer stored the same article first
            raise
        return True

    def has(self, content_hash: str, conn: Connection | None = None) -> bool:
        """Whether an article with this content hash is stored."""
        query = select(articles.c.hash).where(articles.c.hash == content_hash)
        if conn is not None:
            return conn.execute(query).first() is not None
        with self.engine.connect() as own:
            return own.execute(query).first() is not None

    def put_error(self, error: ReadError) -> None:
        key = _error_key(error)
        with writing(self.engine) as conn:
            if conn.execute(select(errors.c.key).where(errors.c.key == key)).first():
                return
            conn.execute(
                errors.insert().values(
                    key=key,
                    file=error.source,
                    record=error.record,
                    reason=error.reason,
                    detail=error.detail,
                )
            )

    def merge_entities(self, name: str, into: str) -> str:
        from newsgraph.store.overrides import merge_entities

        with writing(self.engine) as conn:
            return merge_entities(conn, name, into)

    def split_entity(self, name: str) -> str:
        from newsgraph.store.overrides import split_entity

        with writing(self.engine) as conn:
            return split_entity(conn, name)

    # --- what `newsgraph watch` keeps: sources and visits (store/sources.py) --------------------

    def put_visit(self, visit: Visit) -> None:
        with writing(self.engine) as conn:
            watched.put_visit(conn, visit)

    def visit(self, url: str) -> Visit | None:
        with self.engine.connect() as conn:
            return watched.get_visit(conn, url)

    def listings(self, source: str) -> list[Visit]:
        with self.engine.connect() as conn:
            return watched.listings_of(conn, source)

    def put_source(self, url: str, **poll: Any) -> None:
        with writing(self.engine) as conn:
            watched.put_source(conn, url=url, **poll)

    def sources(self) -> list[SourceStatus]:
        with self.engine.connect() as conn:
            return watched.source_statuses(conn)

    def source_problems(self, url: str) -> list[Visit]:
        with self.engine.connect() as conn:
            return watched.source_problems(conn, url)

    # --- reads ----------------------------------------------------------------------------------

    def errors(self) -> list[ReadError]:
        query = select(errors).order_by(errors.c.file, errors.c.record, errors.c.reason)
        with self.engine.connect() as conn:
            return [ReadError(r.file, r.record, r.reason, r.detail) for r in conn.execute(query)]

    def article(self, article_id: str) -> ExtractedArticle | None:
        """The article with this id (or content hash), with all its records."""
        query = (
            select(articles)
            .where(or_(articles.c.id == article_id, articles.c.hash == article_id))
            .order_by(articles.c.hash)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
            return None if row is None else read_article(conn, row)

    def articles(
        self, *, search: str | None = None, since: date | None = None, limit: int = 100
    ) -> list[ExtractedArticle]:
        query = select(articles)
        if search:
            query = query.where(_search.articles_matching(self.dialect, search))
        if since:
            query = query.where(articles.c.published >= since)
        query = query.order_by(articles.c.published.desc().nulls_last(), articles.c.hash)
        with self.engine.connect() as conn:
            found = conn.execute(query.limit(limit)).mappings().all()
            return [read_article(conn, row) for row in found]

    def quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        limit: int = 100,
    ) -> list[Quote]:
        cited = self.cited_quotes(
            speaker=speaker, search=search, since=since, until=until, outlet=outlet, limit=limit
        )
        return [c.record for c in cited]

    def cited_quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        limit: int = 100,
    ) -> list[Cited[Quote]]:
        from newsgraph.store.queries import quotes_query

        query = quotes_query(
            self.dialect, speaker=speaker, search=search, since=since, until=until, outlet=outlet
        )
        with self.engine.connect() as conn:
            if speaker:
                query = query.where(speaker_clause(conn, speaker))
            found = conn.execute(query.limit(limit)).mappings().all()
            copies = copies_of(conn, [r["key"] for r in found])
            return [
                Cited(record=rows.quote_from(r), article=byline(r), also=copies.get(r["key"], ()))
                for r in found
            ]

    def events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002  (PLOVER's word, and the CLI option's name)
        since: date | None = None,
        until: date | None = None,
        place: str | None = None,
        limit: int = 100,
    ) -> list[Event]:
        cited = self.cited_events(
            actor=actor, type=type, since=since, until=until, place=place, limit=limit
        )
        return [c.record for c in cited]

    def cited_events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002
        since: date | None = None,
        until: date | None = None,
        place: str | None = None,
        limit: int = 100,
    ) -> list[Cited[Event]]:
        from newsgraph.store.queries import cited_events

        with self.engine.connect() as conn:
            return cited_events(
                conn, actor=actor, type=type, since=since, until=until, place=place, limit=limit
            )

    def figures(self, *, contested: bool = False, limit: int = 100) -> list[Figure]:
        return [c.record for c in self.cited_figures(contested=contested, limit=limit)]

    def cited_figures(self, *, contested: bool = False, limit: int = 100) -> list[Cited[Figure]]:
        query = (
            select(figures, *BYLINE)
            .join(articles, articles.c.hash == figures.c.article_hash)
            .where(figures.c.copy_of.is_(None))
        )
        if contested:
            query = query.where(figures.c.contests != "[]")
        query = query.order_by(
            articles.c.published.desc().nulls_last(), figures.c.article_hash, figures.c.seq
        )
        with self.engine.connect() as conn:
            found = conn.execute(query.limit(limit)).mappings().all()
            return [
                Cited(record=rows.figure_from(r, r["article_id_"]), article=byline(r))
                for r in found
            ]

    def entity(self, name: str) -> dict[str, Any] | None:
        """A merged entity: name, label, aliases, roles, quotes, events (meetings)."""
        from newsgraph.store.queries import describe_entity

        with self.engine.connect() as conn:
            return describe_entity(conn, name)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in TABLES
            }

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one table, streamed in key order: what `export` writes."""
        found = {t.name: t for t in TABLES}[table]
        query = select(found).order_by(*found.primary_key.columns)
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=1000).execute(query)
            for row in result.mappings():
                yield dict(row)


_search = search  # the module, under a name the `search` keyword arguments do not shadow


# --- writing one article ------------------------------------------------------------------------


def write_article(conn: Connection, extracted: ExtractedArticle) -> None:
    """Every row of one article, inside the caller's transaction."""
    article_hash = extracted.article.content_hash
    minhash = merge.signature(extracted.article.text)
    original = merge.find_original(conn, minhash)
    row = rows.article_row(extracted) | {
        "copy_of": original,
        "minhash": merge.signature_bytes(minhash),
    }
    conn.execute(articles.insert().values(**row))
    merge.store_buckets(conn, article_hash, minhash)
    _search.index_article(conn, article_hash, extracted.article.title, extracted.article.text)
    merged = write_entities(conn, article_hash, extracted)
    write_quotes(conn, article_hash, extracted.quotes, original)
    write_events(conn, article_hash, extracted.events, merged, original)
    write_figures(conn, article_hash, extracted.figures, original)


def write_entities(
    conn: Connection, article_hash: str, extracted: ExtractedArticle
) -> dict[str, str]:
    """Article entities and mentions; returns article-local id -> merged entity id."""
    merged: dict[str, str] = {}
    for seq, entity in enumerate(extracted.entities):
        merged[entity.id] = merge.resolve_entity(conn, entity)
        conn.execute(
            article_entities.insert().values(
                article_hash=article_hash,
                entity_id=merged[entity.id],
                **rows.entity_row(entity, seq),
            )
        )
        found = rows.mention_rows(entity)
        if found:
            conn.execute(mentions.insert(), [m | {"article_hash": article_hash} for m in found])
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
    _search.index_quotes(conn, [(f"{article_hash}:{q.id}", q.text) for q in found])


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
        if conn.execute(select(events.c.id).where(events.c.id == merged_id)).first() is None:
            conn.execute(
                events.insert().values(
                    id=merged_id,
                    type=ev.type,
                    mode=ev.mode,
                    status=ev.status,
                    date=ev.date,
                    place=ev.place.name if ev.place else None,
                )
            )
        conn.execute(
            event_sources.insert().values(
                article_hash=article_hash, event_id=merged_id, **rows.event_row(ev, seq)
            )
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


# --- reading one article ------------------------------------------------------------------------


def _children(conn: Connection, table: Any, article_hash: str) -> Select[Any]:
    return select(table).where(table.c.article_hash == article_hash).order_by(table.c.seq)


def read_article(conn: Connection, row: rows.Row) -> ExtractedArticle:
    """An ExtractedArticle exactly as it was put."""
    import json

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


__all__ = ["DEFAULT_URL", "SqlStore", "aliases", "entities", "merges", "open_store"]
