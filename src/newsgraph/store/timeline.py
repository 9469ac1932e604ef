"""Counts over time: how many quotes, articles or events a filter selects per day, week or
month, counted in SQL by the bucket of the article's publication date (undated articles are left
out), or for events by the bucket of the event's own date (its first day; undated events and
those dated only to a month or a year are left out).

The bucket is the only dialect-specific part: SQLite keeps a date as `YYYY-MM-DD` text,
PostgreSQL as a date. Weeks start on Monday (ISO 8601).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    Subquery,
    Text,
    cast,
    func,
    literal,
    select,
)

from newsgraph.errors import NewsgraphError
from newsgraph.store.base import Bucket
from newsgraph.store.listing import articles_query, event_query, quote_query
from newsgraph.store.schema import events

INTERVALS = ("day", "week", "month")
COUNTS = ("quotes", "articles", "events")
# Gaps are filled with zero buckets, up to this many points (about 27 years of days).
MAX_POINTS = 10_000


def bucket_of(dialect: str, day: Any, interval: str) -> ColumnElement[str]:
    """The ISO date that starts the bucket holding `day`."""
    if dialect == "postgresql":
        return func.to_char(func.date_trunc(interval, day), "YYYY-MM-DD")
    if interval == "day":
        return func.date(day)
    if interval == "month":
        return func.strftime("%Y-%m-01", day)
    # Monday of the week: %w is 0 on Sunday, so go back (%w + 6) % 7 days
    back = (cast(func.strftime("%w", day), Integer) + 6) % 7
    return func.date(day, literal("-") + cast(back, Text) + literal(" days"))


def _event_days(conn: Connection, dialect: str, **filters: Any) -> Subquery:
    """The first day of each event the filters select, as a date ("2023-03-14/2023-03-20":
    2023-03-14); None for an event with no full date."""
    ids = event_query(conn, dialect, **filters).order_by(None).subquery()
    first = func.substr(events.c.date, 1, 10)
    day = cast(first, Date) if dialect == "postgresql" else first
    return (
        select(day.label("day"))
        .where(events.c.id.in_(select(ids.c.id)), first.like("____-__-__"))
        .subquery()
    )


def counts_query(
    conn: Connection, dialect: str, *, count: str, interval: str, **filters: Any
) -> Select[str, int]:
    """(start, n) per bucket of the quotes or articles the filters select, oldest first."""
    if interval not in INTERVALS:
        raise NewsgraphError(f"interval is one of {', '.join(INTERVALS)}, not {interval!r}")
    if count not in COUNTS:
        raise NewsgraphError(f"count is one of {', '.join(COUNTS)}, not {count!r}")
    if count == "quotes":
        listed = quote_query(conn, dialect, **filters).order_by(None).subquery()
        day = listed.c.article_published
    elif count == "events":
        listed = _event_days(conn, dialect, **filters)
        day = listed.c.day
    else:
        listed = articles_query(conn, dialect, **filters).order_by(None).subquery()
        day = listed.c.published
    start = bucket_of(dialect, day, interval).label("start")
    counts = (
        select(start, func.count().label("n"))
        .select_from(listed)
        .where(day.is_not(None))
        .group_by(start)
        .order_by(start)
    )
    return counts


def _next(start: date, interval: str) -> date:
    if interval == "day":
        return start + timedelta(days=1)
    if interval == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def filled(found: list[tuple[str, int]], interval: str) -> list[Bucket]:
    """Every bucket from the first to the last counted one, empty ones as 0."""
    if not found:
        return []
    counted = {date.fromisoformat(s): n for s, n in found}
    day, last = min(counted), max(counted)
    points: list[Bucket] = []
    while day <= last and len(points) < MAX_POINTS:
        points.append(Bucket(start=day.isoformat(), count=counted.get(day, 0)))
        if day == last:  # the calendar's last bucket (9999-12) has no next
            break
        day = _next(day, interval)
    return points


def timeline(
    conn: Connection, dialect: str, *, count: str, interval: str, **filters: Any
) -> list[Bucket]:
    query = counts_query(conn, dialect, count=count, interval=interval, **filters)
    return filled([(r.start, int(r.n)) for r in conn.execute(query)], interval)
