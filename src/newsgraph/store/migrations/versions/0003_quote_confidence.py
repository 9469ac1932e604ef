"""quotes.confidence: the attribution model's probability that a quote is one (None: rules only)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("quotes", sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("quotes") as batch:  # SQLite drops a column by copying the table
        batch.drop_column("confidence")
