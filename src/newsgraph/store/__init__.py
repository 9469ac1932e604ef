"""Storage behind a small interface: `open_store(url)` returns a Store (SQLite or PostgreSQL)."""
