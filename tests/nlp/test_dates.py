"""newsgraph_dates: the tense-aware resolver, on its own and on real sentences."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.nlp.dates import is_duration, load_date_words, resolve

WORDS = load_date_words()
TUESDAY = date(2027, 5, 25)  # a Tuesday


def day(iso: str) -> tuple[date, date]:
    return date.fromisoformat(iso), date.fromisoformat(iso)


def span(start: str, end: str) -> tuple[date, date]:
    return date.fromisoformat(start), date.fromisoformat(end)


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Tuesday", "past", day("2027-05-25")),  # that day, not a week before
        ("Monday", "past", day("2027-05-24")),
        ("Wednesday", "past", day("2027-05-19")),
        ("Wednesday", "future", day("2027-05-26")),  # not a week early
        ("Tuesday", "future", day("2027-06-01")),  # a plan for "Tuesday", said on a Tuesday
        ("later Tuesday", "future", day("2027-05-25")),
        ("later Tuesday", "past", day("2027-05-25")),
        ("Tuesday morning", "past", day("2027-05-25")),
        ("last Tuesday", "past", day("2027-05-18")),
        ("next Tuesday", "present", day("2027-06-01")),
        ("today", "present", day("2027-05-25")),
        ("yesterday", "past", day("2027-05-24")),
        ("tomorrow", "future", day("2027-05-26")),
        ("two days ago", "past", day("2027-05-23")),
        ("May 12", "past", day("2027-05-12")),
        ("12 May", "past", day("2027-05-12")),
        ("May 12, 2026", "past", day("2026-05-12")),
        ("last week", "past", span("2027-05-17", "2027-05-23")),
        ("this week", "past", span("2027-05-24", "2027-05-25")),
        ("next week", "future", span("2027-05-31", "2027-06-06")),
        ("earlier this month", "past", span("2027-05-01", "2027-05-25")),
        ("later this month", "future", span("2027-05-25", "2027-05-31")),
        ("last month", "past", span("2027-04-01", "2027-04-30")),
        ("last year", "past", span("2026-01-01", "2026-12-31")),
        ("March", "past", span("2027-03-01", "2027-03-31")),
        ("November", "past", span("2026-11-01", "2026-11-30")),
        ("2025", "past", span("2025-01-01", "2025-12-31")),
        ("the 1990s", "past", span("1990-01-01", "1999-12-31")),
        ("late last month", "past", span("2027-04-01", "2027-04-30")),
        ("this past weekend", "past", span("2027-05-22", "2027-05-23")),
        ("earlier in the day", "past", day("2027-05-25")),
        ("Friday, May 21", "past", day("2027-05-21")),
        ("2027-05-12", "past", day("2027-05-12")),
        ("the previous day", "past", None),  # relative to the story, not to publication
        ("nearly two weeks", "past", None),  # a duration names no date
        ("the 11 days", "past", None),
        ("the coming days", "future", None),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_resolves_against_a_tuesday(text: str, tense: str, expected: object) -> None:
    assert resolve(text, TUESDAY, tense, WORDS) == expected


@pytest.mark.parametrize("text", ["Tuesday", "later Tuesday", "last week", "May 12", "today"])
def test_relative_dates_stay_unresolved_without_a_publication_date(text: str) -> None:
    assert resolve(text, None, "past", WORDS) is None


def test_a_date_with_its_year_needs_no_publication_date() -> None:
    assert resolve("May 12, 2027", None, "past", WORDS) == day("2027-05-12")


@pytest.mark.parametrize(
    ("text", "duration"),
    [("nearly two weeks", True), ("the 11 days", True), ("last week", False), ("May", False)],
)
def test_durations_are_told_from_dates(text: str, duration: bool) -> None:
    assert is_duration(text, WORDS) is duration


@settings(deadline=None)  # the first call imports dateparser; the machine is shared
@given(
    text=st.text(max_size=40),
    published=st.one_of(st.none(), st.dates(min_value=date(1, 2, 1))),
    tense=st.sampled_from(["past", "future", "present"]),
)
def test_resolver_never_raises_and_ranges_are_ordered(
    text: str, published: date | None, tense: str
) -> None:
    result = resolve(text, published, tense, WORDS)
    if result is not None:
        assert result[0] <= result[1]


@settings(deadline=None)  # the first call imports dateparser; the machine is shared
@given(
    words=st.lists(st.sampled_from([*sorted(WORDS), "12", "2027", "on", "the"]), max_size=4),
    published=st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 1)),
    tense=st.sampled_from(["past", "future", "present"]),
)
def test_date_words_in_any_order_resolve_to_ordered_ranges(
    words: list[str], published: date, tense: str
) -> None:
    result = resolve(" ".join(words), published, tense, WORDS)
    if result is not None:
        assert result[0] <= result[1]
        assert result[1] - result[0] < timedelta(days=367)


PUBLISHED = date(2027, 5, 25)


@pytest.mark.parametrize(
    ("sentence", "expression", "tense", "iso"),
    [
        ("The minister arrived in the capital on Tuesday.", "Tuesday", "past", "2027-05-25"),
        (
            "The minister will fly on Wednesday to the coast.",
            "Wednesday",
            "future",
            "2027-05-26",
        ),
        ("The envoy left on Monday for the talks.", "Monday", "past", "2027-05-24"),
        ("The rebels plan to meet on Friday.", "Friday", "future", "2027-05-28"),
        ("Fighting broke out last week.", "last week", "past", "2027-05-17/2027-05-23"),
        ("The talks began on May 12.", "May 12", "past", "2027-05-12"),
        (
            "Protests grew earlier this month.",
            "earlier this month",
            "past",
            "2027-05-01/2027-05-25",
        ),
    ],
    ids=[
        "past-weekday",
        "will-weekday",
        "left-monday",
        "plan-to",
        "last-week",
        "absolute",
        "earlier-this-month",
    ],
)
def test_real_sentences_resolve_by_tense(nlp, sentence, expression, tense, iso) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(sentence)
    doc._.published = PUBLISHED
    doc = nlp(doc)
    found = {d.span.text: d for d in doc._.dates}
    assert found[expression].tense == tense
    assert found[expression].iso == iso


@pytest.mark.parametrize(
    ("sentence", "expression", "iso"),
    [
        ("The ferry sank at 1639 UTC, the coast guard said.", "1639", None),
        ("The fort was built in 1639 by settlers.", "1639", "1639-01-01/1639-12-31"),
    ],
    ids=["clock-time", "year"],
)
def test_a_24_hour_time_is_no_year(nlp, sentence, expression, iso) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(sentence)
    doc._.published = PUBLISHED
    found = {d.span.text: d for d in nlp(doc)._.dates}
    assert found[expression].iso == iso


@settings(deadline=None)
@given(words=st.lists(st.sampled_from([*sorted(WORDS), "12", "1990s", "s", "on"]), max_size=4))
def test_without_publication_date_nothing_is_invented(words: list[str]) -> None:
    text = " ".join(words)
    if resolve(text, None, "past", WORDS) is not None:
        assert any(len(w) >= 4 and w[:4].isdigit() for w in words)  # only a named year resolves
