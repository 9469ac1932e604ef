"""Facets of a filtered listing: how many of its rows share each value of a column (speaker,
outlet, kind, event type, month), counted in SQL over the listing's own query, so the counts
are those of exactly the rows its pages show (issue 17, item 4; Datasette's and Media Cloud's
facets)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Subquery, func, select

from newsgraph.errors import NewsgraphError
from newsgraph.store.schema import events


def _month(dialect: str, value: Any, *, is_date: bool) -> ColumnElement[Any]:
    """ "YYYY-MM" of a date column (PostgreSQL DATE) or of an ISO text ("2023-03-14/...")."""
    if is_date and dialect == "postgresql":
        return func.to_char(value, "YYYY-MM")
    return func.substr(value, 1, 7)


def _column(name: str, *, month: bool = False, is_date: bool = False) -> Callable[..., Any]:
    def pick(sub: Subquery, dialect: str) -> Any:
        value = sub.c[name]
        return _month(dialect, value, is_date=is_date) if month else value

    return pick


# listing -> facet -> the value of a row of the listing's query (a subquery)
FACETS: dict[str, dict[str, Callable[..., Any]]] = {
    "quotes": {
        "speaker": _column("speaker"),
        "outlet": _column("article_outlet"),
        "kind": _column("kind"),
        "month": _column("article_published", month=True, is_date=True),
    },
    "articles": {
        "outlet": _column("outlet"),
        "language": _column("language"),
        "month": _column("published", month=True, is_date=True),
    },
    "events": {"type": _column("type"), "month": _column("date", month=True)},
}


def _rows_of(kind: str, query: Select[Any]) -> Subquery:
    """The listing's rows, with the columns its facets read (an event listing selects ids)."""
    if kind == "events":
        ids = query.order_by(None).limit(None).subquery()
        return select(events).where(events.c.id.in_(select(ids.c.id))).subquery()
    return query.order_by(None).limit(None).subquery()


def facet_counts(
    conn: Connection, dialect: str, kind: str, query: Select[Any], *, limit: int = 10
) -> dict[str, list[tuple[str, int]]]:
    """Per facet of `kind`, its `limit` commonest values with their counts, commonest first
    (months: latest first); rows with no value are not counted."""
    if kind not in FACETS:
        raise NewsgraphError(f"no facets for {kind!r}: one of {', '.join(FACETS)}")
    sub = _rows_of(kind, query)
    found: dict[str, list[tuple[str, int]]] = {}
    for name, pick in FACETS[kind].items():
        value = pick(sub, dialect).label("value")
        n = func.count().label("n")
        order = (value.desc(),) if name == "month" else (n.desc(), value)
        counted = (
            select(value, n).where(value.is_not(None)).group_by(value).order_by(*order).limit(limit)
        )
        found[name] = [(str(v), int(c)) for v, c in conn.execute(counted) if v != ""]
    return found
