"""Alembic environment: migrate the connection newsgraph hands over, or `-x url=` from a shell."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from newsgraph.store.schema import metadata


def run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    run(given)
else:  # the alembic command line: alembic -c .../alembic.ini -x url=sqlite:///x.db ...
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///newsgraph.db")
    with create_engine(url).begin() as connection:
        run(connection)
