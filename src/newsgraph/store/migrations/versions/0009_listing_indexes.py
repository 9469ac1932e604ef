"""indexes for paged listings, totals and tallies under load (issue 17)

quotes.copy_of and figures.copy_of, partial (NOT NULL: a page looks up the copies of its quotes;
an index on every row would tempt SQLite into using it for `copy_of IS NULL`, which nearly all
rows are, and then sorting the whole table), a covering index for speaker counts, articles by
lower(outlet), events by type then date (the meeting graph, the type filter and the timeline),
and actor names (the actor filter resolves the names holding its words first).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    copies: dict[str, Any] = {"sqlite_where": sa.text("copy_of IS NOT NULL")}
    copies["postgresql_where"] = copies["sqlite_where"]
    op.create_index("ix_quotes_copy_of", "quotes", ["copy_of"], **copies)
    op.create_index("ix_quotes_speaker_tally", "quotes", ["speaker", "copy_of", "duplicate_of"])
    op.create_index("ix_figures_copy_of", "figures", ["copy_of"], **copies)
    op.create_index("ix_articles_outlet", "articles", [sa.text("lower(outlet)")])
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.create_index("ix_event_actors_name", "event_actors", ["name"])


def downgrade() -> None:
    op.drop_index("ix_event_actors_name", table_name="event_actors")
    op.drop_index("ix_events_type_date", table_name="events")
    op.drop_index("ix_articles_outlet", table_name="articles")
    op.drop_index("ix_figures_copy_of", table_name="figures")
    op.drop_index("ix_quotes_speaker_tally", table_name="quotes")
    op.drop_index("ix_quotes_copy_of", table_name="quotes")
