"""Storage behind a small interface: `open_store(url)` returns a Store (SQLite or PostgreSQL).

`base.py` is the protocol, `schema.py` the tables, `connect.py` the connection rules, `write.py`
one article's rows, `queries.py` the reads, `merge.py` and `overrides.py` the entity and copy
merging, `search.py` full-text search (the only dialect-specific SQL), `migrations/` Alembic's.
"""

from newsgraph.store.base import Byline, Cited, EntityEvent, EntityProfile, Store
from newsgraph.store.connect import DEFAULT_URL, existing
from newsgraph.store.sql import SqlStore, open_store

__all__ = [
    "DEFAULT_URL",
    "Byline",
    "Cited",
    "EntityEvent",
    "EntityProfile",
    "SqlStore",
    "Store",
    "existing",
    "open_store",
]
