"""fetch sources: each article's fetch provenance (URL, time, HTTP status, WARC record); the sources
that `newsgraph watch` follows and the URLs it visited

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FETCH_COLUMNS = (
    ("fetched_url", sa.Text()),
    ("fetched_at", sa.DateTime(timezone=True)),
    ("http_status", sa.Integer()),
    ("warc_file", sa.Text()),
    ("warc_record", sa.Text()),
    ("warc_offset", sa.BigInteger()),
)


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        for name, kind in FETCH_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
    op.create_table(
        "sources",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("last_poll", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("url"),
    )
    op.create_table(
        "visits",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("article_hash", sa.String(length=64), nullable=True),
        sa.Column("warc_file", sa.Text(), nullable=True),
        sa.Column("warc_record", sa.Text(), nullable=True),
        sa.Column("warc_offset", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("url"),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visits_source"), ["source"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visits_source"))
    op.drop_table("visits")
    op.drop_table("sources")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        for name, _ in reversed(FETCH_COLUMNS):
            batch_op.drop_column(name)
