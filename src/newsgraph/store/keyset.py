"""Keyset paging: the page after a cursor, found through the sort's index instead of by
skipping every row before it (`OFFSET`), so a deep page costs what the first one does.

A listing sorts by one leading column, descending with NULLs last (a publication or event
date), then by columns that make the order total, ascending and never NULL (an article's hash,
a record's position in it). A cursor is the sort key of the last row a page showed, written as
an opaque token: base64url of the JSON `[listing, lead, tie, ...]`. The rows after it are two
runs, each read in index order: those whose lead is at most the cursor's (and after it on a
tie), then those with no lead at all, which sort last.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, tuple_
from sqlalchemy.types import Date

from newsgraph.store.filters import BadFilter, check_filter

Row = Any  # a row of a listing's query, by label
BIGGEST = 2**63 - 1


class BadCursor(BadFilter):
    """A cursor that this listing did not give out (garbled, cut short, of another listing)."""


@dataclass(frozen=True, slots=True)
class Keyset:
    """A listing's sort key: the leading column and the ties, each with its label in a row."""

    lead: ColumnElement[Any]
    lead_label: str
    ties: tuple[tuple[ColumnElement[Any], str], ...]

    def key_of(self, row: Row) -> list[Any]:
        """The sort key of a row, as a token writes it (a date as ISO text)."""
        lead = row[self.lead_label]
        return [lead.isoformat() if isinstance(lead, date) else lead] + [
            row[label] for _, label in self.ties
        ]


def encode(listing: str, key: Sequence[Any]) -> str:
    text = json.dumps([listing, *key], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(listing: str, token: str, types: Sequence[type], *, nullable: bool = True) -> list[Any]:
    """The key in `token`, checked against the types of the listing's key; BadCursor if it is
    not a cursor of `listing`. A `date` comes back as a date; `None` only for a `nullable`
    lead."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        found = json.loads(raw.decode())
    except (binascii.Error, ValueError) as exc:  # UnicodeDecodeError and JSON errors too
        raise BadCursor(f"not a cursor of {listing}: {token[:40]!r}") from exc
    if not isinstance(found, list) or found[:1] != [listing] or len(found) != len(types) + 1:
        raise BadCursor(f"not a cursor of {listing}: {token[:40]!r}")
    values = zip(found[1:], types, strict=True)
    return [
        _value(v, t, nullable=nullable and n == 0, listing=listing)
        for n, (v, t) in enumerate(values)
    ]


def _value(value: Any, kind: type, *, nullable: bool, listing: str) -> Any:
    if value is None and nullable:
        return None
    if kind is date and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise BadCursor(f"not a cursor of {listing}: a bad date {value!r}") from exc
    if isinstance(value, str) and kind is str:
        try:
            check_filter(value)  # no NUL, no text past any backend's limit
        except BadFilter as exc:
            raise BadCursor(f"not a cursor of {listing}: {exc}") from exc
        return value
    # SQLite's and PostgreSQL's integers end at BIGGEST
    if (
        isinstance(value, int)
        and kind is int
        and not isinstance(value, bool)
        and abs(value) <= BIGGEST
    ):
        return value
    raise BadCursor(f"not a cursor of {listing}: {value!r} is no {kind.__name__}")


def key_types(keyset: Keyset) -> list[type]:
    """The Python type of each column of the key (a `Date` lead is a date)."""
    columns = [keyset.lead, *(c for c, _ in keyset.ties)]
    return [date if isinstance(c.type, Date) else c.type.python_type for c in columns]


def _ties_after(keyset: Keyset, ties: Sequence[Any]) -> ColumnElement[bool]:
    columns = [c for c, _ in keyset.ties]
    after: ColumnElement[bool] = (
        columns[0] > ties[0] if len(columns) == 1 else tuple_(*columns) > tuple_(*ties)
    )
    return after


def runs_after(keyset: Keyset, key: Sequence[Any]) -> Iterator[ColumnElement[bool]]:
    """The WHERE clauses of the rows after `key`, in sort order: first those with a lead (a
    range on the lead's index), then those without."""
    lead, ties = key[0], key[1:]
    column = keyset.lead
    if lead is None:
        yield and_(column.is_(None), _ties_after(keyset, ties))
        return
    yield and_(column <= lead, or_(column < lead, _ties_after(keyset, ties)))
    yield column.is_(None)


def tally_start(found: Sequence[tuple[str, int]], key: Sequence[Any]) -> int:
    """Where a tally (names by count, most first, ties by name) goes on after the name and
    count in `key`: the position of the first entry sorting after it."""
    return bisect.bisect_right(found, (-key[0], key[1]), key=lambda tally: (-tally[1], tally[0]))
