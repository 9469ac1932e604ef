"""quotes: how each speaker was resolved (name, surname, title, descriptor, pronoun) and how sure

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = (
    ("speaker_via", sa.String(16)),
    ("speaker_confidence", sa.Float()),
)


def upgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
