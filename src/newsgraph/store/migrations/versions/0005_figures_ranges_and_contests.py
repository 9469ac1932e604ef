"""figures: a range's high end, the whole a share counts out of, and each contest's kind and reason

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (
    ("value_high", sa.Float),
    ("part_of", sa.Text),
    ("contest", sa.Text),
    ("reason", sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
