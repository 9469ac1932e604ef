"""quotes_fts and articles_fts as external-content FTS5 tables over `quotes` and `articles`,
kept by triggers, so Datasette detects them (issue 17, B14); SQLite only

Revision ID: 0012
Revises: 0011

Datasette finds a table's search index by the literal `content="<table>"` in the FTS table's
SQL (`datasette.utils.detect_fts_sql`), so the option is written exactly so. The index rows are
keyed by the content table's rowid (`quotes` and `articles` have no INTEGER PRIMARY KEY, so it is
the implicit one: after a `VACUUM`, `INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild')`).
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"
INDEXED = {"quotes": ("text",), "articles": ("title", "text")}


def _triggers(table: str, columns: tuple[str, ...]) -> list[str]:
    """The content table's inserts, deletes and edits of indexed columns, mirrored in its index."""
    fts = f"{table}_fts"
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert = f"INSERT INTO {fts} (rowid, {names}) VALUES (new.rowid, {new});"
    delete = f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old});"
    return [
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {names} ON {table} BEGIN {delete} {insert} END",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL searches through its GIN indexes (0001)
    for table, columns in INDEXED.items():
        fts = f"{table}_fts"
        op.execute(f"DROP TABLE {fts}")
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5("
            f'{", ".join(columns)}, content="{table}", {TOKENIZE})'
        )
        for trigger in _triggers(table, columns):
            op.execute(trigger)
        op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in INDEXED:
        for event in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER {table}_fts_{event}")
        op.execute(f"DROP TABLE {table}_fts")
    op.execute(f"CREATE VIRTUAL TABLE quotes_fts USING fts5(text, key UNINDEXED, {TOKENIZE})")
    op.execute(
        f"CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, hash UNINDEXED, {TOKENIZE})"
    )
    op.execute("INSERT INTO quotes_fts (key, text) SELECT key, text FROM quotes")
    op.execute(
        "INSERT INTO articles_fts (title, text, hash) SELECT coalesce(title, ''), text, hash"
        " FROM articles"
    )
