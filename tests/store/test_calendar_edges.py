"""Dates at the calendar's ends (a misread year 1 or 9999) never overflow the store's date maths."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.store.stories import days_around
from newsgraph.store.timeline import filled


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 3, 10), (date(2020, 3, 7), date(2020, 3, 13))),
        (date(1, 1, 2), (date.min, date(1, 1, 5))),
        (date(9999, 12, 30), (date(9999, 12, 27), date.max)),
    ],
)
def test_days_around_stays_inside_the_calendar(day: date, expected: tuple[date, date]) -> None:
    assert days_around(day, 3) == expected


@pytest.mark.parametrize("interval", ["day", "week", "month"])
def test_the_last_bucket_of_the_calendar_ends_the_timeline(interval: str) -> None:
    last = {"day": "9999-12-31", "week": "9999-12-27", "month": "9999-12-01"}[interval]
    points = filled([(last, 2)], interval)
    assert [(p.start, p.count) for p in points] == [(last, 2)]
