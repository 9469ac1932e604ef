"""covering indexes for a page's keys (issue 17: fast under load)

A listing first finds the keys of its page in sort order, then reads the page's rows
(`pages.py`). These indexes hold every column that first step reads, so it never
touches the wide rows: an article's publication date by its hash (each quote, figure and event
report of a page is sorted by its article's date, and an article row holds the whole text), the
quotes of a speaker text or of an article's entity with their sort columns, an event report's
merged event, and a merged event's date; and, partial, the contested figures (a few in a
hundred: their page had scanned every article by date for them; the query writes `'[]'` as a
literal, or SQLite cannot tell that the index covers it). Measured on a 10,017-article database
(SQLite): the keys of a speaker's page 15.8 -> 5.7 ms, of a search's 12.4 -> 6.2 ms, of an
actor's events 38.7 -> 22.4 ms, the first page of contested figures 60 -> 4.6 ms
(the statements alone, mean of 5 runs; the endpoints under load: README, `benchmarks/api.py`).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_articles_hash_published": ("articles", ["hash", "published"]),
    "ix_quotes_speaker_page": ("quotes", ["speaker", "copy_of", "article_hash", "seq"]),
    "ix_quotes_entity_page": ("quotes", ["article_hash", "speaker_entity", "copy_of", "seq"]),
    "ix_event_sources_event": ("event_sources", ["article_hash", "id", "event_id"]),
    "ix_events_id_date": ("events", ["id", "date"]),
}


CONTESTED = "contests != '[]' AND copy_of IS NULL"


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    where = sa.text(CONTESTED)
    op.create_index(
        "ix_figures_contested",
        "figures",
        ["article_hash", "seq"],
        sqlite_where=where,
        postgresql_where=where,
    )


def downgrade() -> None:
    op.drop_index("ix_figures_contested", table_name="figures")
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
