"""The filters of each listing, as FastAPI dependencies: a list endpoint, its download and its
page take the same query parameters, so a download holds exactly the rows its page lists."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Query

Since = Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD).")]
Until = Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD).")]
Outlet = Annotated[str | None, Query(description="Outlet name, any case.")]


def article_filters(
    search: Annotated[str | None, Query(description="Full-text search in title and text.")] = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    language: Annotated[str | None, Query(description="Language code, e.g. en.")] = None,
    has_quotes: Annotated[
        bool | None, Query(description="true: only articles with quotes; false: only without.")
    ] = None,
) -> dict[str, Any]:
    return {
        "search": search,
        "since": since,
        "until": until,
        "outlet": outlet,
        "language": language,
        "has_quotes": has_quotes,
    }


def quote_filters(
    speaker: Annotated[str | None, Query(description="Speaker name or alias.")] = None,
    search: Annotated[str | None, Query(description="Full-text search in the quote.")] = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="Leave out quotes scored below this.")
    ] = None,
) -> dict[str, Any]:
    return {
        "speaker": speaker,
        "search": search,
        "since": since,
        "until": until,
        "outlet": outlet,
        "min_confidence": min_confidence,
    }


def event_filters(
    actor: Annotated[str | None, Query(description="Source or target name.")] = None,
    type: Annotated[  # noqa: A002  (PLOVER's word, and the CLI option's name)
        str | None, Query(description="PLOVER type, e.g. CONSULT.")
    ] = None,
    since: Annotated[date | None, Query(description="Event date on or after.")] = None,
    until: Annotated[date | None, Query(description="Event date on or before.")] = None,
    place: Annotated[str | None, Query(description="A part of the place name.")] = None,
) -> dict[str, Any]:
    return {"actor": actor, "type": type, "since": since, "until": until, "place": place}


def figure_filters(
    contested: Annotated[bool, Query(description="Only figures another source disputes.")] = False,
) -> dict[str, Any]:
    return {"contested": contested}


def speaker_filters(
    search: Annotated[str | None, Query(description="A part of the name, any case.")] = None,
) -> dict[str, Any]:
    return {"search": search}


def given(filters: dict[str, Any]) -> dict[str, Any]:
    """The filters that were set (an unset filter is no filter)."""
    return {k: v for k, v in filters.items() if v is not None and v != ""}
