"""The Store on SQLAlchemy Core: one class for SQLite (the default, in WAL mode) and PostgreSQL.

Each article is written in one transaction keyed by its content hash: a crash leaves whole
articles or none, and storing an article again changes nothing. Reads go through the same tables
on both databases; full-text search is the one difference, kept in `search.py`. The class is a
facade: connecting is `connect.py`, writing `write.py`, reading `queries.py`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, func, or_, select
from sqlalchemy.exc import IntegrityError, OperationalError

from newsgraph.errors import NewsgraphError, ReadError
from newsgraph.model import Event, ExtractedArticle, Figure, Quote
from newsgraph.store import listing, overrides, pages, queries, rows, timeline
from newsgraph.store import search as matching
from newsgraph.store import sources as watched
from newsgraph.store.base import Bucket, Cited, EntityProfile, Meeting, Page
from newsgraph.store.bulk import write_batch
from newsgraph.store.connect import DEFAULT_URL, engine_for, writing
from newsgraph.store.facets import facet_counts
from newsgraph.store.filters import checked
from newsgraph.store.meetings import meeting_pairs
from newsgraph.store.queries import BYLINE, byline, copies_of, read_article, speaker_clause
from newsgraph.store.schema import TABLES, articles, errors, figures
from newsgraph.store.sources import SourceStatus, Visit
from newsgraph.store.tallies import Tallies
from newsgraph.store.write import error_key, write_article


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


def _sentence(article: tuple[str, list[list[int]]] | None, start: int) -> str | None:
    if article is None:
        return None
    text, sentences = article
    for s_start, s_end in sentences:
        if s_start <= start < s_end:
            return text[s_start:s_end].strip()
    return None


# tables written without an article being stored: always counted afresh
LIVE_COUNTS = frozenset({"errors", "merges", "sources", "visits"})


class SqlStore:
    """The Store protocol on an SQLAlchemy engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.tallies = Tallies()  # whole-database answers, kept per data version

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

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
        self.tallies.forget()
        return True

    def put_many(self, batch: Iterable[ExtractedArticle]) -> int:
        """Store a batch of articles in one transaction, each merged as `put` merges it, in
        input order (`bulk.py`: COPY on PostgreSQL); the number newly stored."""
        with writing(self.engine) as conn:
            if self.dialect == "postgresql":  # article writes take turns, as in `put`
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7710532)")
            stored = write_batch(conn, batch)
        self.tallies.forget()
        return stored

    def has(self, content_hash: str, conn: Connection | None = None) -> bool:
        """Whether an article with this content hash is stored."""
        query = select(articles.c.hash).where(articles.c.hash == content_hash)
        if conn is not None:
            return conn.execute(query).first() is not None
        with self.engine.connect() as own:
            return own.execute(query).first() is not None

    def put_error(self, error: ReadError) -> None:
        key = error_key(error)
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

    @checked
    def merge_entities(self, name: str, into: str) -> str:
        with writing(self.engine) as conn:
            merged = overrides.merge_entities(conn, name, into)
        self.tallies.forget()
        return merged

    @checked
    def split_entity(self, name: str) -> str:
        with writing(self.engine) as conn:
            split = overrides.split_entity(conn, name)
        self.tallies.forget()
        return split

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

    @checked
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

    @checked
    def articles(
        self, *, search: str | None = None, since: date | None = None, limit: int = 100
    ) -> list[ExtractedArticle]:
        query = select(articles)
        if search:
            query = query.where(matching.articles_matching(self.dialect, search))
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
        min_confidence: float | None = None,
        limit: int = 100,
    ) -> list[Quote]:
        cited = self.cited_quotes(
            speaker=speaker,
            search=search,
            since=since,
            until=until,
            outlet=outlet,
            min_confidence=min_confidence,
            limit=limit,
        )
        return [c.record for c in cited]

    @checked
    def cited_quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        min_confidence: float | None = None,
        limit: int = 100,
    ) -> list[Cited[Quote]]:
        query = queries.quotes_query(
            self.dialect,
            speaker=speaker,
            search=search,
            since=since,
            until=until,
            outlet=outlet,
            min_confidence=min_confidence,
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

    @checked
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
        with self.engine.connect() as conn:
            return queries.cited_events(
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

    @checked
    def entity(self, name: str, *, limit: int | None = None) -> EntityProfile | None:
        """The merged entity any of whose names is `name`, with at most `limit` of its latest
        quotes and events (None: all); None when there is none."""
        with self.engine.connect() as conn:
            return self.tallies.get(
                conn,
                ("entity", name, limit),
                lambda: queries.describe_entity(conn, name, limit=limit),
            )

    @checked
    def page(
        self,
        kind: str,
        *,
        offset: int = 0,
        limit: int = 50,
        cursor: str | None = None,
        **filters: Any,
    ) -> Page[Any]:
        """One page of a listing with the filtered total (the total is counted once per data
        version and filter, so paging through a listing counts it once); `cursor` (a page's
        `next_cursor`, or "" for the first page) pages by key instead of by offset."""
        listed = listing.kind_of(kind)
        key = (kind, tuple(sorted(filters.items())))
        with self.engine.connect() as conn:
            # the query with its names resolved (speakers, actors, entities): kept per version
            query = self.tallies.get(
                conn, ("query", *key), lambda: listed.query(conn, self.dialect, **filters)
            )
            if listed.whole:
                every = self.tallies.get(
                    conn, ("all", *key), lambda: listing.page_items(conn, listed, query, 0, None)
                )
                shown, after = pages.tally_page(
                    kind, every, offset=offset, limit=limit, cursor=cursor
                )
                return Page(items=tuple(shown), total=len(every), offset=offset, next_cursor=after)
            count = self.tallies.get(conn, ("total", *key), lambda: listing.total(conn, query))
            items, after = pages.page(
                conn, self.dialect, kind, query, offset=offset, limit=limit, cursor=cursor
            )
        return Page(items=tuple(items), total=count, offset=offset, next_cursor=after)

    @checked
    def facets(
        self, kind: str, *, limit: int = 10, **filters: Any
    ) -> dict[str, list[tuple[str, int]]]:
        """The facets of a filtered listing (`facets.py`), counted once per data version."""
        listed = listing.kind_of(kind)
        key = (kind, tuple(sorted(filters.items())))
        with self.engine.connect() as conn:
            query = self.tallies.get(
                conn, ("query", *key), lambda: listed.query(conn, self.dialect, **filters)
            )
            return self.tallies.get(
                conn,
                ("facets", limit, *key),
                lambda: facet_counts(conn, self.dialect, kind, query, limit=limit),
            )

    @checked
    def stream(self, kind: str, **filters: Any) -> Iterator[Any]:
        """Every item of a filtered listing, in page order, a thousand rows at a time."""
        listed = listing.kind_of(kind)
        with self.engine.connect() as conn:
            yield from listing.streamed(conn, listed, listed.query(conn, self.dialect, **filters))

    def sentences_at(self, spans: list[tuple[str, int]]) -> dict[tuple[str, int], str | None]:
        """The sentence holding each (article id, character offset): context for a listed
        event or figure, read from the listed articles only."""
        ids = sorted({article_id for article_id, _ in spans})
        query = select(articles.c.id, articles.c.text, articles.c.sentences).where(
            articles.c.id.in_(ids)
        )
        with self.engine.connect() as conn:
            found = {r.id: (r.text, json.loads(r.sentences)) for r in conn.execute(query)}
        return {(i, start): _sentence(found.get(i), start) for i, start in spans}

    @checked
    def meetings(self, *, actor: str | None = None) -> list[Meeting]:
        with self.engine.connect() as conn:
            return self.tallies.get(
                conn,
                ("meetings", actor),
                lambda: meeting_pairs(conn, self.dialect, actor=actor),
            )

    @checked
    def timeline(self, *, count: str, interval: str, **filters: Any) -> list[Bucket]:
        """Quotes or articles per day, week or month (`timeline.py`), counted once per version."""
        with self.engine.connect() as conn:
            key = ("timeline", count, interval, tuple(sorted(filters.items())))
            return self.tallies.get(
                conn,
                key,
                lambda: timeline.timeline(
                    conn, self.dialect, count=count, interval=interval, **filters
                ),
            )

    def speakers(self, *, limit: int = 20) -> list[tuple[str, int]]:
        """Speakers by number of quotes, most quoted first."""
        with self.engine.connect() as conn:
            return self.tallies.get(
                conn, ("speakers", limit), lambda: queries.speaker_counts(conn, limit=limit)
            )

    def event_types(self) -> list[str]:
        """The PLOVER types of the stored events, sorted."""
        with self.engine.connect() as conn:
            return self.tallies.get(conn, ("event types",), lambda: queries.event_type_names(conn))

    def counts(self) -> dict[str, int]:
        """Row count per table; those that only change with articles and merges (nearly all)
        are counted once per data version."""

        def count(conn: Connection, table: Any) -> int:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

        with self.engine.connect() as conn:
            kept = self.tallies.get(
                conn,
                ("counts",),
                lambda: {t.name: count(conn, t) for t in TABLES if t.name not in LIVE_COUNTS},
            )
            live = {t.name: count(conn, t) for t in TABLES if t.name in LIVE_COUNTS}
        return {t.name: (kept | live)[t.name] for t in TABLES}

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one table, streamed in key order: what `export` writes."""
        found = {t.name: t for t in TABLES}[table]
        query = select(found).order_by(*found.primary_key.columns)
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=1000).execute(query)
            for row in result.mappings():
                yield dict(row)


__all__ = ["DEFAULT_URL", "SqlStore", "open_store"]
