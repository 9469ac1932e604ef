"""quotes: the entities of a group speaker ("<A> and <B> said"), a JSON list of article-local ids

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


# Plain ALTER TABLE on both engines: a batch operation would rebuild the table on SQLite and
# lose the search triggers of migration 0012.


def upgrade() -> None:
    op.add_column(
        "quotes", sa.Column("speaker_entities", sa.Text(), nullable=False, server_default="[]")
    )


def downgrade() -> None:
    op.execute("ALTER TABLE quotes DROP COLUMN speaker_entities")  # SQLite >= 3.35
