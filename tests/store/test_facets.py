"""Facets of a filtered listing (issue 17, item 4): counts of exactly the rows its pages show,
per speaker, outlet, kind, event type and month; and events counted over time (item 1); on
both databases."""

from __future__ import annotations

from datetime import date

from store.make import STORY, story


def fill(store) -> None:  # type: ignore[no-untyped-def]
    store.put(story("march", published=date(2023, 3, 14)))
    store.put(story("april", text=STORY + " Talks resume.", published=date(2023, 4, 2)))
    store.put(story("undated", text=STORY + " No date.", published=None))


def test_quote_facets_count_the_filtered_quotes(store) -> None:  # type: ignore[no-untyped-def]
    fill(store)
    listed = store.page("quotes", search="determined", limit=100)  # wire copies not listed
    found = store.facets("quotes", search="determined")
    assert listed.total > 0
    assert found["speaker"] == [("Marit Voss", listed.total)]
    assert found["kind"] == [("direct", listed.total)]
    assert found["outlet"] == [("Example Wire", listed.total)]
    months = sorted(
        {h.article.published.isoformat()[:7] for h in listed.items if h.article.published}
    )
    assert [m for m, _ in found["month"]] == months[::-1]  # latest first; undated left out
    assert store.facets("quotes", search="nothingmatchesthis") == {
        "speaker": [],
        "outlet": [],
        "kind": [],
        "month": [],
    }


def test_article_and_event_facets_follow_their_filters(store) -> None:  # type: ignore[no-untyped-def]
    fill(store)
    assert store.facets("articles")["month"] == [("2023-04", 1), ("2023-03", 1)]
    assert store.facets("articles", since=date(2023, 4, 1))["month"] == [("2023-04", 1)]
    assert store.facets("articles")["language"] == [("en", 3)]
    events = store.facets("events", type="CONSULT")
    assert sum(n for _, n in events["type"]) == store.page("events", type="CONSULT").total
    assert store.facets("events", type="ASSAULT")["type"] == []


def test_events_are_counted_over_time_by_their_own_date(store) -> None:  # type: ignore[no-untyped-def]
    """On both databases: the meeting of each story is dated 2023-03-14 (store/make.py)."""
    fill(store)
    total = store.page("events").total
    points = store.timeline(count="events", interval="week")
    assert [(p.start, p.count) for p in points] == [("2023-03-13", total)]  # its Monday
    assert store.timeline(count="events", interval="month", actor="Marit Voss")[0].count == total
    assert store.timeline(count="events", interval="day", actor="Nobody Here") == []
