"""figures.place, period, period_date: where and when a figure counts, for contests (issue 16)

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COLUMNS = ("place", "period", "period_date")


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
