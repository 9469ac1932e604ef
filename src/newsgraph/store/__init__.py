"""Storage behind a small interface: `open_store(url)` returns a Store (SQLite or PostgreSQL)."""

from newsgraph.store.base import Byline, Cited, Store
from newsgraph.store.sql import DEFAULT_URL, SqlStore, open_store

__all__ = ["DEFAULT_URL", "Byline", "Cited", "SqlStore", "Store", "open_store"]
