"""Pages by cursor (issue 17): walking a listing's cursors from the first page gives its rows in
order, each once, on both databases, through ties and undated rows; a token the listing did
not give out is refused with BadCursor, never an SQL error."""

from __future__ import annotations

import base64
import dataclasses
import json
from datetime import date
from typing import Any

import pytest

from newsgraph.store.keyset import BadCursor

from .make import article, figure, meeting, person, quote

NAMES = ["Ada Brun", "Bo Carr", "Cy Dahl", "Di Eames", "Ed Fink", "Flo Gray", "Gus Hale"]
NAMES += ["Hal Ives"]
# ties on a date, undated articles and undated events: each run of `keyset.runs_after`
DAYS = [date(2023, 3, 14), date(2023, 3, 14), date(2023, 3, 15), None, None, date(2023, 3, 10)]
LISTINGS = ["articles", "quotes", "events", "figures", "speakers"]


def report(n: int) -> Any:  # an ExtractedArticle
    one, two = NAMES[n], NAMES[(n + 1) % len(NAMES)]
    said = f"\u201cHarbour number {n} reopens after {n + 3} weeks of work,\u201d"
    text = (
        f"{one} met {two} in town {n}. {said} {one.split()[1]} said. "
        f"At least {n + 10} boats and about {n + 40} crews {'waited ' * (n + 1)}there."
    )
    article_id = f"harbour-{n}"
    who, whom = person(article_id, text, "e0", one), person(article_id, text, "e1", two)
    met = meeting(article_id, text, "v0", "met", who, whom, f"2023-03-{10 + n % 3:02d}")
    return article(
        article_id,
        text,
        published=DAYS[n % len(DAYS)],
        entities=(who, whom),
        quotes=(quote(article_id, text, "q0", said, who),),
        events=(met if n % 3 else dataclasses.replace(met, date=None),),
        figures=(
            figure(article_id, text, "f0", f"At least {n + 10} boats", n + 10.0, ("f1",)),
            figure(article_id, text, "f1", f"about {n + 40} crews", n + 40.0, ("f0",)),
        ),
    )


@pytest.fixture
def harbours(store):  # type: ignore[no-untyped-def]
    for n in range(len(NAMES)):
        store.put(report(n))
    return store


def walk(store, kind: str, limit: int) -> list[Any]:  # type: ignore[no-untyped-def]
    page = store.page(kind, limit=limit, cursor="")
    seen = list(page.items)
    while page.next_cursor:
        page = store.page(kind, limit=limit, cursor=page.next_cursor)
        assert page.items, "a cursor is only given while more follow"
        seen += page.items
    return seen


@pytest.mark.parametrize("kind", LISTINGS)
@pytest.mark.parametrize("limit", [1, 2, 5])
def test_walking_the_cursors_gives_every_row_once_in_order(harbours, kind: str, limit: int) -> None:  # type: ignore[no-untyped-def]
    every = harbours.page(kind, limit=1000)
    assert every.total == len(every.items) > 1
    assert walk(harbours, kind, limit) == list(every.items)


@pytest.mark.parametrize("kind", LISTINGS)
def test_a_cursor_page_is_the_offset_page_it_stands_for(harbours, kind: str) -> None:  # type: ignore[no-untyped-def]
    first = harbours.page(kind, limit=3)
    by_cursor = harbours.page(kind, limit=3, cursor=first.next_cursor)
    assert by_cursor.items == harbours.page(kind, limit=3, offset=3).items
    assert by_cursor.total == first.total


def token(*values: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


BAD = [
    "not a cursor",
    "%%%",
    "WyJxdW90ZXMi",  # cut short
    base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    token("articles", "2023-03-14", "abc"),  # another listing's
    token("quotes", "2023-13-40", "abc", 0),
    token("quotes", "2023-03-14", "abc"),
    token("quotes", "2023-03-14", 5, 0),
    token("quotes", "2023-03-14", "abc", True),
    token("quotes", "2023-03-14", "abc", 2**64),
    token("quotes", "2023-03-14", "a\u0000b", 1),
    token("quotes", "2023-03-14", "abc", 1.5),
    token("quotes", None, None, None),
    token("speakers", None, "Ada Brun"),
    token({"a": 1}),
]


@pytest.mark.parametrize("cursor", BAD)
@pytest.mark.parametrize("kind", ["quotes", "speakers"])
def test_a_cursor_the_listing_did_not_give_is_refused(harbours, kind: str, cursor: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadCursor):
        harbours.page(kind, limit=2, cursor=cursor)


def test_a_cursor_and_an_offset_together_are_refused(harbours) -> None:  # type: ignore[no-untyped-def]
    first = harbours.page("quotes", limit=2)
    with pytest.raises(BadCursor):
        harbours.page("quotes", limit=2, offset=2, cursor=first.next_cursor)
