"""The database schema as SQLAlchemy Core tables: one definition for SQLite and PostgreSQL.

Every key is derived from content (an article's content hash, a record's article-local id, a merged
entity's first name), never from a sequence, so a rerun or a resumed run writes the same rows.
Plain tables only (JSON lists as text), so the SQLite file opens in Datasette as it is. The
Alembic migrations in `migrations/` create these; change both together.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    func,
    text,
)

metadata = MetaData()


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in UTC: timestamptz in PostgreSQL, text in SQLite; read back time-zone aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# a partial index over the rows that are copies (few): lookups by the original's key
COPIES: dict[str, Any] = {
    "sqlite_where": text("copy_of IS NOT NULL"),
    "postgresql_where": text("copy_of IS NOT NULL"),
}
# the contested figures (listing.figure_query writes the same condition, literally)
CONTESTED: dict[str, Any] = {
    "sqlite_where": text("contests != '[]' AND copy_of IS NULL"),
    "postgresql_where": text("contests != '[]' AND copy_of IS NULL"),
}
HASH = String(64)  # a SHA-256 hex digest: `newsgraph.model.content_hash`
LOCAL = String(32)  # an article-local record id: "e0", "q3", "v1", "f2"


def _article_key() -> Column[str]:
    return Column("article_hash", HASH, ForeignKey("articles.hash"), primary_key=True)


def _span() -> list[Column[int | None]]:
    return [
        Column("sentence", Integer),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
    ]


articles = Table(
    "articles",
    metadata,
    Column("hash", HASH, primary_key=True),
    Column("id", Text, nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("published", Date, index=True),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("sentences", Text, nullable=False),  # JSON [[start, end], ...]
    # the earlier article this one is a near-duplicate of (a wire copy); None for an original
    Column("copy_of", HASH, index=True),
    Column("minhash", LargeBinary),  # MinHash signature, little-endian uint32s (merge.py)
    # how a fetched article was read (model.Article); None for one read from a file
    Column("fetched_url", Text),
    Column("fetched_at", UtcDateTime),
    Column("http_status", Integer),
    Column("warc_file", Text),  # a name in the WARC folder beside the database
    Column("warc_record", Text),  # WARC-Record-ID
    Column("warc_offset", BigInteger),
)
Index("ix_articles_outlet", func.lower(articles.c.outlet))  # the outlet filter folds case
# migration 0013, as the other covering indexes of a page's keys: a date without the wide row
Index("ix_articles_hash_published", articles.c.hash, articles.c.published)

# MinHash LSH buckets: articles sharing a bucket in any band are near-duplicate candidates.
article_bands = Table(
    "article_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("bucket", String(40), primary_key=True),
    Column("article_hash", HASH, ForeignKey("articles.hash"), primary_key=True),
    Index("ix_article_bands_bucket", "bucket"),  # "<band>:<hash>": looked up without the band
)

# Entities merged across articles: one row per person, organisation or place.
entities = Table(
    "entities",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("country", String(8)),
    Column("latitude", Float),
    Column("longitude", Float),
)

# Every name a merged entity goes by; `key` is the folded form lookups use (merge.name_key).
aliases = Table(
    "aliases",
    metadata,
    Column("entity_id", String(40), ForeignKey("entities.id"), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("alias", Text, nullable=False),
    Column("surname", Text),  # last token of a person's key, for surname-only mentions
    Index("ix_aliases_key", "key"),
    Index("ix_aliases_surname", "surname"),
)

# An entity as one article saw it, and the merged entity it belongs to.
article_entities = Table(
    "article_entities",
    metadata,
    _article_key(),
    Column("id", LOCAL, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("entity_id", String(40), ForeignKey("entities.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("roles", Text, nullable=False),  # JSON list
    Column("aliases", Text, nullable=False),  # JSON list
    Column("country", String(8)),
    Column("latitude", Float),
    Column("longitude", Float),
)

mentions = Table(
    "mentions",
    metadata,
    _article_key(),
    Column("entity", LOCAL, primary_key=True),  # article-local entity id
    Column("seq", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    *_span(),
)

quotes = Table(
    "quotes",
    metadata,
    _article_key(),
    Column("id", LOCAL, primary_key=True),
    Column("key", Text, nullable=False, unique=True),  # "<article hash>:<id>", for search
    Column("seq", Integer, nullable=False),
    Column("article_id", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("speaker", Text, index=True),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_entity", LOCAL),  # article-local entity id; merged via article_entities
    # JSON list of a group speaker's article-local entity ids (migration 0014)
    Column("speaker_entities", Text, nullable=False, server_default="[]"),
    Column("speaker_via", String(16)),  # how the speaker was resolved: name, surname, title ...
    Column("speaker_confidence", Float),
    Column("pieces", Text, nullable=False),  # JSON [[start, end], ...]
    Column("duplicate_of", LOCAL),
    Column("confidence", Float),  # None when no model scored it
    *_span(),
    # the key of the same quote in the article this one's article copies; None when original
    Column("copy_of", Text),
    # migration 0009, as the indexes below; partial, or SQLite uses it for `copy_of IS NULL`
    Index("ix_quotes_copy_of", "copy_of", **COPIES),
    Index("ix_quotes_speaker_tally", "speaker", "copy_of", "duplicate_of"),  # speaker counts
    Index("ix_quotes_speaker_page", "speaker", "copy_of", "article_hash", "seq"),
    Index("ix_quotes_entity_page", "article_hash", "speaker_entity", "copy_of", "seq"),
)

# Events merged across articles: one row per happening, however many articles report it.
events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(32), nullable=False, index=True),
    Column("mode", Text),
    Column("status", String(16), nullable=False),
    Column("date", String(32), index=True),  # ISO date or "start/end"; None when unresolved
    Column("place", Text),
    Index("ix_events_type_date", "type", "date"),
    Index("ix_events_id_date", "id", "date"),
)

# One article's report of an event: the full record as extracted, linked to the merged event.
event_sources = Table(
    "event_sources",
    metadata,
    _article_key(),
    Column("id", LOCAL, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("event_id", String(40), ForeignKey("events.id"), nullable=False, index=True),
    Column("type", String(32), nullable=False),
    Column("mode", Text),
    Column("status", String(16), nullable=False),
    Column("trigger", Text),
    Column("source", Text, nullable=False),  # JSON [REF]
    Column("target", Text, nullable=False),  # JSON [REF]
    Column("place", Text),  # JSON REF
    Column("when", Text),
    Column("date", String(32)),
    Column("confidence", Float),  # 0..1, None when not scored (migration 0007)
    *_span(),
    Index("ix_event_sources_event", "article_hash", "id", "event_id"),  # migration 0013
)

# Who took part in an event, by name and merged entity: what `events --actor` searches.
event_actors = Table(
    "event_actors",
    metadata,
    _article_key(),
    Column("event", LOCAL, primary_key=True),  # article-local event id
    Column("role", String(8), primary_key=True),  # "source" | "target"
    Column("seq", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("entity", LOCAL),  # article-local entity id; None when unresolved
    Column("entity_id", String(40), index=True),  # the merged entity; None when unresolved
    Index("ix_event_actors_name", "name"),  # migration 0009
)

figures = Table(
    "figures",
    metadata,
    _article_key(),
    Column("id", LOCAL, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float),
    Column("hedge", Text),
    Column("unit", Text),
    Column("what", Text),
    Column("source", Text),  # JSON REF
    Column("source_name", Text),
    Column("cue", Text),
    Column("contests", Text, nullable=False),  # JSON list of article-local figure ids
    Column("value_high", Float),  # a range's high end
    Column("part_of", Text),  # the whole a share counts out of ("the dead")
    Column("contest", Text),  # "total" or "composition"
    Column("reason", Text),  # why the contested claims cannot all hold
    Column("counted", Text),  # the counted noun's lemma ("rocket")
    Column("quantity", Text),  # "dead", "injured": what two articles' figures must share
    Column("place", Text),  # where it counts, as its sentence says (migration 0011)
    Column("period", Text),  # its time frame as written ("since Monday")
    Column("period_date", Text),  # the period resolved: ISO date or "start/end"
    *_span(),
    Column("copy_of", Text),  # "<article hash>:<id>" of the same figure in the copied article
    Index("ix_figures_copy_of", "copy_of", **COPIES),
    Index("ix_figures_contested", "article_hash", "seq", **CONTESTED),  # migration 0013
)

errors = Table(
    "errors",
    metadata,
    Column("key", HASH, primary_key=True),  # hash of the four fields: one row per distinct error
    Column("file", Text, nullable=False),
    Column("record", Text),
    Column("reason", String(32), nullable=False),
    Column("detail", Text, nullable=False),
)

# Manual overrides of the entity merge (`newsgraph entities merge|split`), applied to later ingests.
merges = Table(
    "merges",
    metadata,
    Column("action", String(8), primary_key=True),  # "merge" | "split"
    Column("key", Text, primary_key=True),  # name_key of the name merged away or split off
    Column("into", Text, primary_key=True),  # name_key of the entity merged into; "" for split
)

# The feeds and sites `newsgraph watch` follows, and how their last poll went.
sources = Table(
    "sources",
    metadata,
    Column("url", Text, primary_key=True),
    Column("kind", String(16)),  # "feed" | "site" | "sitemap"; None before the first poll
    Column("name", Text),
    Column("last_poll", UtcDateTime),
    Column("status", String(32), nullable=False),  # "ok", "not-modified" or a fetch reason
    Column("detail", Text, nullable=False),
)

# Every URL the fetcher requested for a source (pages, feeds, sitemaps), with its last outcome:
# what keeps a stored URL from being fetched again and what conditional requests send back.
visits = Table(
    "visits",
    metadata,
    Column("url", Text, primary_key=True),
    Column("source", Text, nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # "page" | "feed" | "sitemap" | "site"
    Column("fetched_at", UtcDateTime),  # None when no response came
    Column("http_status", Integer),
    Column("outcome", String(32), nullable=False),  # "stored", "listed", ... or a reason
    Column("detail", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("article_hash", HASH),
    Column("warc_file", Text),
    Column("warc_record", Text),
    Column("warc_offset", BigInteger),
)

TABLES = (
    articles,
    article_bands,
    entities,
    aliases,
    article_entities,
    mentions,
    quotes,
    events,
    event_sources,
    event_actors,
    figures,
    errors,
    merges,
    sources,
    visits,
)
