"""Connecting to a database: the --db URL, SQLite's pragmas (WAL, busy timeout, foreign keys),
BEGIN IMMEDIATE for writers, and `writing`, the one way to open a writing transaction.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from newsgraph.errors import NewsgraphError

DEFAULT_URL = "sqlite:///newsgraph.db"
POOL = {"pool_size": 8, "max_overflow": 40}
URL_HELP = "use sqlite:///PATH.db (the default: sqlite:///newsgraph.db) or postgresql://USER:PASSWORD@HOST/DB"


def existing(db: str | None) -> str | None:
    """`db`, after checking that an SQLite file is there: a query never creates the database
    it is asked to read (a typo in --db would otherwise answer "no quotes" from a new file)."""
    raw = db or DEFAULT_URL
    path = (
        raw.removeprefix("sqlite:///") if "://" not in raw or raw.startswith("sqlite:///") else ""
    )
    if path and path != ":memory:" and not Path(path.partition("?")[0]).exists():
        raise NewsgraphError(
            f"no database at {path}: fill it first (newsgraph ingest FILES --db {path})"
        )
    return db


def engine_for(url: str | None) -> Engine:
    """An engine for a --db value: a SQLAlchemy URL, a plain `postgresql://` one, or a file path."""
    raw = url or DEFAULT_URL
    if "://" not in raw:
        raw = f"sqlite:///{raw}"  # a bare path is an SQLite file
    try:
        parsed = make_url(raw)
    except ArgumentError as exc:
        raise NewsgraphError(f"--db {url!r} is not a database URL: {URL_HELP}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3, not psycopg2
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise NewsgraphError(f"--db {url!r}: only SQLite and PostgreSQL are supported; {URL_HELP}")
    # A server answers up to 40 requests at once (Starlette's thread pool): enough connections
    # that none waits out the pool's timeout under load (issue 17: 32 clients gave 500s at 15).
    pooled = {} if parsed.database in (None, "", ":memory:") else POOL
    try:
        engine = create_engine(parsed, **pooled)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise NewsgraphError(
            f"--db {url!r} needs a driver that is not installed: pip install 'newsgraph[postgres]'"
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    _wal(cursor)  # readers never block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses nothing
    cursor.execute("PRAGMA foreign_keys=ON")
    # Read pages through a memory map, not a read() per page: on a 10,000-article file (380 MB)
    # a quote search page took half the time (issue 17). Address space only, not memory.
    cursor.execute("PRAGMA mmap_size=1073741824")
    cursor.close()
    # SQLAlchemy emits BEGIN itself (below), not the driver: the documented pysqlite recipe.
    dbapi_connection.isolation_level = None


def _wal(cursor: Any, tries: int = 50) -> None:
    """Put the file in WAL mode. Switching needs the file to itself and SQLite answers "locked"
    at once, without waiting out busy_timeout, while another connection switches the same new
    file: wait a little and look again (the mode, once set, stays with the file)."""
    for attempt in range(tries):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == tries - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


def _sqlite_begin(conn: Connection) -> None:
    """A writing transaction takes the write lock at once (BEGIN IMMEDIATE): two writers then
    queue on busy_timeout instead of one failing when its read lock cannot become a write lock."""
    writing = conn.get_execution_options().get("writing", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that writes: committed on exit, rolled back on error."""
    with engine.connect() as conn:
        conn = conn.execution_options(writing=True)
        with conn.begin():
            yield conn
