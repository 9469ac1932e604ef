"""What `newsgraph watch` keeps between rounds: its sources and the URLs it visited.

A visit is the last outcome of one URL: "stored" (an article), "duplicate" (a text already
stored), "listed"/"not-modified" (a feed, sitemap or front page read, or unchanged), or the reason
it was not read (`errors.FETCH_REASONS`, `robots` among them). A source's counts are derived
from its visits, never kept as counters, so a round interrupted and run again counts the same.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, case, delete, func, select

from newsgraph.store.schema import sources, visits

LISTINGS = ("feed", "sitemap", "site")  # visit kinds that are polled again every round
NOT_PROBLEMS = ("stored", "duplicate", "listed", "not-modified")


@dataclass(frozen=True, slots=True, kw_only=True)
class Visit:
    """The last fetch of one URL for a source; `http_status` None when no response came."""

    url: str
    source: str
    kind: str  # "page", or one of LISTINGS
    outcome: str
    detail: str = ""
    fetched_at: datetime | None = None
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    article_hash: str | None = None
    warc_file: str | None = None
    warc_record: str | None = None
    warc_offset: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceStatus:
    """A source as the /sources page shows it: its last poll and what its visits came to."""

    url: str
    kind: str | None
    name: str | None
    last_poll: datetime | None
    status: str  # "ok", "not-modified" or the reason the source itself was not read
    detail: str
    pages: int  # article URLs visited
    stored: int  # articles stored from them
    errors: int  # URLs not read, robots.txt refusals apart
    robots: int  # URLs robots.txt refused


def put_visit(conn: Connection, visit: Visit) -> None:
    """Record a URL's latest outcome (replacing the one before)."""
    conn.execute(delete(visits).where(visits.c.url == visit.url))
    conn.execute(visits.insert().values(**asdict(visit)))


def get_visit(conn: Connection, url: str) -> Visit | None:
    row = conn.execute(select(visits).where(visits.c.url == url)).mappings().first()
    return None if row is None else visit_from(row)


def visit_from(row: Any) -> Visit:
    return Visit(**dict(row))


def listings_of(conn: Connection, source: str) -> list[Visit]:
    """The feeds and sitemaps a site source was last found to have."""
    query = (
        select(visits)
        .where(visits.c.source == source, visits.c.kind.in_(LISTINGS), visits.c.url != source)
        .order_by(visits.c.url)
    )
    return [visit_from(r) for r in conn.execute(query).mappings()]


def put_source(
    conn: Connection,
    *,
    url: str,
    kind: str | None,
    name: str | None,
    last_poll: datetime | None,
    status: str,
    detail: str = "",
) -> None:
    conn.execute(delete(sources).where(sources.c.url == url))
    conn.execute(
        sources.insert().values(
            url=url, kind=kind, name=name, last_poll=last_poll, status=status, detail=detail
        )
    )


def source_statuses(conn: Connection) -> list[SourceStatus]:
    """Every source, in URL order, with the counts of its page visits."""
    page = visits.c.kind == "page"

    def count(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    tallies = (
        select(
            visits.c.source,
            count(page).label("pages"),
            count(page & (visits.c.outcome == "stored")).label("stored"),
            count(visits.c.outcome.not_in([*NOT_PROBLEMS, "robots"])).label("errors"),
            count(visits.c.outcome == "robots").label("robots"),
        )
        .group_by(visits.c.source)
        .subquery()
    )
    query = (
        select(sources, tallies.c.pages, tallies.c.stored, tallies.c.errors, tallies.c.robots)
        .outerjoin(tallies, tallies.c.source == sources.c.url)
        .order_by(sources.c.url)
    )
    found = []
    for row in conn.execute(query).mappings():
        found.append(
            SourceStatus(
                url=row["url"],
                kind=row["kind"],
                name=row["name"],
                last_poll=row["last_poll"],
                status=row["status"],
                detail=row["detail"],
                pages=int(row["pages"] or 0),
                stored=int(row["stored"] or 0),
                errors=int(row["errors"] or 0),
                robots=int(row["robots"] or 0),
            )
        )
    return found


def source_problems(conn: Connection, source: str) -> list[Visit]:
    """The URLs of a source that were not read (robots.txt refusals among them), by URL."""
    query = (
        select(visits)
        .where(visits.c.source == source, visits.c.outcome.not_in(NOT_PROBLEMS))
        .order_by(visits.c.url)
    )
    return [visit_from(r) for r in conn.execute(query).mappings()]
