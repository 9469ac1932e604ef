"""an index on article_bands.bucket: near-duplicate lookups give buckets, not bands

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_article_bands_bucket", "article_bands", ["bucket"])


def downgrade() -> None:
    op.drop_index("ix_article_bands_bucket", table_name="article_bands")
