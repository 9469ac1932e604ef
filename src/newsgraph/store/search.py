"""Full-text search over quotes and articles: the only dialect-specific SQL of the store.

SQLite: FTS5 virtual tables (`quotes_fts`, `articles_fts`, porter stemming) filled as each
article is stored. PostgreSQL: GIN indexes on `to_tsvector('english', ...)` expressions, which
the queries below repeat verbatim so the planner uses them. The tables and indexes are
created by the first migration (`migrations/versions/0001_initial_schema.py`).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, TextClause, false, literal_column, text

from newsgraph.store.schema import articles, quotes


def fts5_query(words: str) -> str | None:
    """User text as an FTS5 query: every word must occur (quoted, so no operator is parsed)."""
    tokens = re.findall(r"\w+", words)
    return " ".join(f'"{t}"' for t in tokens) or None


def index_article(conn: Connection, article_hash: str, title: str | None, body: str) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(
            text("INSERT INTO articles_fts (title, text, hash) VALUES (:title, :body, :hash)"),
            {"title": title or "", "body": body, "hash": article_hash},
        )


def index_quotes(conn: Connection, rows: list[tuple[str, str]]) -> None:
    """(key, text) of an article's quotes."""
    if conn.dialect.name == "sqlite" and rows:
        conn.execute(
            text("INSERT INTO quotes_fts (key, text) VALUES (:key, :text)"),
            [{"key": k, "text": t} for k, t in rows],
        )


def quotes_matching(dialect: str, words: str) -> ColumnElement[bool] | TextClause:
    """A WHERE clause on `quotes` selecting the quotes that contain every word."""
    if dialect == "postgresql":  # the index's expression, literally, or the planner ignores it
        return text(
            "to_tsvector('english', quotes.text) @@ plainto_tsquery('english', :quote_words)"
        ).bindparams(quote_words=words)
    query = fts5_query(words)
    if query is None:
        return false()
    keys = text("SELECT key FROM quotes_fts WHERE quotes_fts MATCH :q").bindparams(q=query)
    return quotes.c.key.in_(keys.columns(literal_column("key")))


def articles_matching(dialect: str, words: str) -> ColumnElement[bool] | TextClause:
    """A WHERE clause on `articles` selecting the articles whose title or text has every word."""
    if dialect == "postgresql":
        return text(
            "to_tsvector('english', coalesce(articles.title, '') || ' ' || articles.text)"
            " @@ plainto_tsquery('english', :article_words)"
        ).bindparams(article_words=words)
    query = fts5_query(words)
    if query is None:
        return false()
    hashes = text("SELECT hash FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=query)
    return articles.c.hash.in_(hashes.columns(literal_column("hash")))
