"""Schema migrations: Alembic, run programmatically when a store opens (`alembic.ini` beside it).

To add one: change `schema.py`, then write `migrations/versions/NNNN_<what>.py` by hand or with
`alembic -c src/newsgraph/store/alembic.ini revision --autogenerate -m WHAT` against a database at
the previous head (`-x url=sqlite:///old.db`).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

HERE = Path(__file__).parent


def config(conn: Connection | None = None) -> Config:
    cfg = Config(str(HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(HERE / "migrations"))
    cfg.attributes["connection"] = conn
    return cfg


def upgrade(conn: Connection) -> None:
    """Bring the database on `conn` to the newest schema, inside the caller's transaction."""
    command.upgrade(config(conn), "head")
