"""A page of a listing, read by its keys: from an offset, or after a cursor (`keyset.py`).

A page's keys are found first, in sort order, from the covering indexes of the sort (migration
0013), and only then are the wide rows of those keys read: a page never sorts its listing's
whole rows. A cursor's page reads each run of rows after it in index order, so it costs the
same however deep it goes; an offset's still steps over every row before it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Table, literal_column, tuple_

from newsgraph.store import rows
from newsgraph.store.keyset import BadCursor, decode, encode, key_types, runs_after, tally_start
from newsgraph.store.listing import Kind, kind_of


def _keys(dialect: str, table: Table) -> list[ColumnElement[Any]]:
    """What identifies a row of `table` (SQLite: its rowid, the table's own b-tree key)."""
    if dialect == "sqlite":
        return [literal_column(f"{table.name}.rowid")]
    return list(table.primary_key.columns)


def _read(conn: Connection, dialect: str, kind: Kind, query: Select[Any]) -> list[rows.Row]:
    """The rows of a page: its keys first, in order, from the covering indexes of the sort
    (migration 0013), then the wide rows of those keys only, through the listing's query
    without its filters (with them, SQLite may walk every search hit again to find the page's
    few)."""
    if kind.table is None:
        return list(conn.execute(query).mappings())
    keys = _keys(dialect, kind.table)
    wanted = query.with_only_columns(*keys, maintain_column_froms=True).correlate(None)
    key = keys[0] if len(keys) == 1 else tuple_(*keys)
    page = kind.query(conn, dialect).where(key.in_(wanted))
    return list(conn.execute(page).mappings())


def page_rows(
    conn: Connection,
    dialect: str,
    kind: Kind,
    query: Select[Any],
    *,
    offset: int,
    limit: int,
    after: list[Any] | None = None,
) -> list[rows.Row]:
    """Up to `limit` rows from `offset`, or, given the sort key `after` (a cursor's), the
    rows that follow it: each run of `keyset.runs_after` read until the page is full."""
    if after is None or kind.keyset is None:
        return _read(conn, dialect, kind, query.offset(offset).limit(limit))
    found: list[rows.Row] = []
    for run in runs_after(kind.keyset, after):
        found += _read(conn, dialect, kind, query.where(run).limit(limit - len(found)))
        if len(found) >= limit:
            break
    return found


def page(
    conn: Connection,
    dialect: str,
    name: str,
    query: Select[Any],
    *,
    offset: int,
    limit: int,
    cursor: str | None,
) -> tuple[list[Any], str | None]:
    """The items of a page of the listing `name` and the cursor of the page after it (None
    on the last page). `cursor`: a token of this listing, or "" for the first page."""
    kind = kind_of(name)
    after = _after(name, kind, offset, cursor)
    found = page_rows(conn, dialect, kind, query, offset=offset, limit=limit + 1, after=after)
    more, found = len(found) > limit, found[:limit]
    token = encode(name, kind.keyset.key_of(found[-1])) if more and kind.keyset else None
    return kind.items(conn, found), token


def _after(name: str, kind: Kind, offset: int, cursor: str | None) -> list[Any] | None:
    if cursor and offset:
        raise BadCursor("give a page's offset or its cursor, not both")
    if not cursor:
        return None
    if kind.keyset is None:
        raise BadCursor(f"the {name} listing has no cursors")
    return decode(name, cursor, key_types(kind.keyset))


def tally_page(
    name: str, every: list[tuple[str, int]], *, offset: int, limit: int, cursor: str | None
) -> tuple[list[tuple[str, int]], str | None]:
    """A page of a tally (names by count, most first) and the cursor of the page after it."""
    if cursor and offset:
        raise BadCursor("give a page's offset or its cursor, not both")
    start = offset
    if cursor:
        start = tally_start(every, decode(name, cursor, [int, str], nullable=False))
    shown = every[start : start + limit]
    more = start + limit < len(every)
    return shown, encode(name, [shown[-1][1], shown[-1][0]]) if more and shown else None
