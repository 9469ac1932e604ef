"""Every list is paged with a total (issue 17): `offset` is honoured, `X-Total-Count` counts the
filtered listing, `Link` points at the next page while more follow, and each listing's download
holds exactly the rows its pages go through."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

LISTS = ["/api/articles", "/api/quotes", "/api/events", "/api/figures", "/api/speakers"]


def whole(client, path: str, query: str = "") -> tuple[int, list]:  # type: ignore[no-untyped-def]
    response = client.get(f"{path}?limit=1000&{query}")
    assert response.status_code == 200, response.text[:300]
    return int(response.headers["x-total-count"]), response.json()


@settings(max_examples=25, deadline=None)
@given(path=st.sampled_from(LISTS), offset=st.integers(0, 120), limit=st.integers(1, 40))
def test_a_page_is_its_slice_of_the_listing_and_the_total_counts_the_listing(
    client, path: str, offset: int, limit: int
) -> None:  # type: ignore[no-untyped-def]
    total, items = whole(client, path)
    assert total == len(items)
    page = client.get(path, params={"offset": offset, "limit": limit})
    assert int(page.headers["x-total-count"]) == total
    assert page.json() == items[offset : offset + limit]
    link = page.headers.get("link")
    assert (link is not None) == (offset + limit < total)
    if link:
        assert f"offset={offset + limit}" in link and 'rel="next"' in link


FILTERED = [*LISTS, "/api/quotes?search=said", "/api/articles?has_quotes=true"]
FILTERED += ["/api/events?type=CONSULT", "/api/figures?contested=true", "/api/speakers?search=a"]


def walk(client, url: str) -> tuple[list, set[int]]:  # type: ignore[no-untyped-def]
    """Every item from `url` on, following each page's `Link: <...>; rel="next"`, and the
    totals the pages gave."""
    seen: list = []
    totals: set[int] = set()
    while url:
        page = client.get(url)
        assert page.status_code == 200, page.text[:300]
        totals.add(int(page.headers["x-total-count"]))
        seen += page.json()
        after = re.fullmatch(r'<([^>]+)>; rel="next"', page.headers.get("link", ""))
        url = after.group(1) if after else ""
    return seen, totals


@settings(max_examples=30, deadline=None)
@given(
    path=st.sampled_from(FILTERED),
    limit=st.integers(4, 60),
    by=st.sampled_from(["offset", "cursor"]),
)
def test_following_next_links_visits_every_row_once_and_the_total_is_right(
    client, path: str, limit: int, by: str
) -> None:  # type: ignore[no-untyped-def]
    base, _, query = path.partition("?")
    total, every = whole(client, base, query)
    first = f"{path}{'&' if query else '?'}limit={limit}" + ("&cursor=" if by == "cursor" else "")
    seen, totals = walk(client, first)
    assert totals == {total}
    assert seen == every  # in order, each once
    assert len(seen) == total


def test_a_cursor_page_links_on_by_cursor_and_says_the_token(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/quotes?limit=5&cursor=")
    token = first.headers["x-next-cursor"]
    assert f"cursor={token}" in first.headers["link"] and "offset" not in first.headers["link"]
    by_token = client.get(f"/api/quotes?limit=5&cursor={token}").json()
    assert by_token == client.get("/api/quotes?limit=5&offset=5").json()


GARBLED = ["x", "%%%", "eyJ9", "WyJxdW90ZXMiLDEsMiwzXQ", "WyJhcnRpY2xlcyIsIG51bGwsIDVd", "A" * 999]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("cursor", GARBLED)
def test_a_garbled_cursor_is_refused_with_422_not_a_server_error(
    client, path: str, cursor: str
) -> None:  # type: ignore[no-untyped-def]
    refused = client.get(path, params={"cursor": cursor})
    assert refused.status_code == 422, refused.text[:300]
    assert "detail" in refused.json()
    both = client.get(path, params={"cursor": client.get(path).headers.get("x-next-cursor", "x")})
    assert both.status_code in (200, 422)
    assert client.get(path, params={"cursor": "x" * 1001}).status_code == 422


def test_a_filtered_listing_counts_only_its_own_rows(client) -> None:  # type: ignore[no-untyped-def]
    _, speakers = whole(client, "/api/speakers")
    name = speakers[0]["name"]
    total, quotes = whole(client, "/api/quotes", f"speaker={name}")
    assert 0 < total == len(quotes) < whole(client, "/api/quotes")[0]
    with_quotes, found = whole(client, "/api/articles", "has_quotes=true")
    without, _ = whole(client, "/api/articles", "has_quotes=false")
    assert with_quotes + without == whole(client, "/api/articles")[0]
    assert all(a["quotes"] > 0 for a in found)


DOWNLOADS = [
    ("quotes", ""),
    ("quotes", "search=said"),
    ("articles", "has_quotes=true"),
    ("events", "type=CONSULT"),
    ("figures", ""),
    ("speakers", ""),
]


@pytest.mark.parametrize(("kind", "query"), DOWNLOADS, ids=[f"{k}?{q}" for k, q in DOWNLOADS])
def test_a_download_holds_exactly_the_rows_of_the_filtered_listing(
    client, kind: str, query: str
) -> None:  # type: ignore[no-untyped-def]
    total, _ = whole(client, f"/api/{kind}", query)
    as_csv = client.get(f"/api/{kind}.csv?{query}")
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == len(client.get(f"/api/{kind}.json?{query}").json()) == total
    lines = client.get(f"/api/{kind}.jsonl?{query}").text.splitlines()
    assert len(lines) == total


def test_quote_rows_are_flat_and_carry_their_article_and_speaker(client) -> None:  # type: ignore[no-untyped-def]
    rows = client.get("/api/quotes.json").json()
    assert rows
    wanted = {"article_title", "outlet", "url", "published", "speaker", "speaker_entity_id"}
    wanted |= {"kind", "confidence", "start", "end", "text", "quote_id"}
    assert wanted <= set(rows[0])
    assert all(not isinstance(v, (dict, list)) for row in rows for v in row.values())
    assert any(row["speaker_entity_id"] for row in rows)


def test_each_list_page_links_the_downloads_of_exactly_what_it_shows(client) -> None:  # type: ignore[no-untyped-def]
    for page, kind in [
        ("/articles?has_quotes=yes", "articles"),
        ("/speakers", "speakers"),
        ("/events?type=CONSULT", "events"),
        ("/search?q=said", "quotes"),
        ("/figures", "figures"),
    ]:
        html = client.get(page).text
        shown = int(re.search(r'data-total="(\d+)"', html).group(1))  # type: ignore[union-attr]
        link = re.search(rf'href="(/api/{kind}\.csv[^"]*)"', html).group(1)  # type: ignore[union-attr]
        rows = list(csv.DictReader(io.StringIO(client.get(link.replace("&amp;", "&")).text)))
        assert len(rows) == shown, page


def test_the_article_index_pages_through_every_article(client) -> None:  # type: ignore[no-untyped-def]
    total, _ = whole(client, "/api/articles")
    seen, url = [], "/articles"
    while url:
        html = client.get(url).text
        seen += re.findall(r'<a class="title" href="/articles/([^"#]+)"', html)
        after = re.search(r'<a class="next" rel="next" href="([^"]+)"', html)
        url = after.group(1).replace("&amp;", "&") if after else ""
    assert len(seen) == total


def test_the_speakers_page_goes_past_its_first_page(client) -> None:  # type: ignore[no-untyped-def]
    total, _ = whole(client, "/api/speakers")
    html = client.get(f"/speakers?offset={max(0, total - 1)}").text
    assert f"of {total}" in html
    assert html.count('<li><a href="/speakers/') == min(1, total)


# --- over time ----------------------------------------------------------------------------------


def months_between(days: list[date]) -> int:
    first, last = min(days), max(days)
    return (last.year - first.year) * 12 + last.month - first.month + 1


@pytest.mark.parametrize("interval", ["day", "week", "month"])
def test_the_timeline_has_one_point_per_bucket_from_the_first_to_the_last(
    client, interval: str
) -> None:  # type: ignore[no-untyped-def]
    _, quotes = whole(client, "/api/quotes")
    days = [
        date.fromisoformat(q["article"]["published"]) for q in quotes if q["article"]["published"]
    ]
    body = client.get(f"/api/timeline?count=quotes&interval={interval}").json()
    points = body["points"]
    assert sum(p["count"] for p in points) == len(days)
    starts = [date.fromisoformat(p["start"]) for p in points]
    expected = {
        "day": (max(days) - min(days)).days + 1,
        "week": (max(days) - min(days)).days // 7 + 1 + (max(days).weekday() < min(days).weekday()),
        "month": months_between(days),
    }[interval]
    assert len(points) == expected
    if interval == "week":
        assert all(s.weekday() == 0 for s in starts)
    if interval == "month":
        assert all(s.day == 1 for s in starts)
    csv_rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(f"/api/timeline?count=quotes&interval={interval}&format=csv").text
            )
        )
    )
    assert [int(r["count"]) for r in csv_rows] == [p["count"] for p in points]


def test_a_speaker_page_charts_their_quotes_and_compares_two(client) -> None:  # type: ignore[no-untyped-def]
    _, speakers = whole(client, "/api/speakers")
    one, two = speakers[0]["name"], speakers[1]["name"]
    starts = {
        p["start"]
        for name in (one, two)
        for p in client.get(f"/api/timeline?speaker={name}&interval=month").json()["points"]
    }
    html = client.get(f"/speakers/{one}", params={"compare": two}).text
    series = re.findall(r'<g class="series" data-name="[^"]*">(.*?)</g>', html, re.S)
    assert len(series) == (2 if starts else 0)
    assert [s.count('class="point"') for s in series] == [len(starts)] * len(series)


# --- facets -------------------------------------------------------------------------------------


def facet_values(html: str, facet: str) -> list[tuple[str | None, str, int]]:
    """(link, value, count) of each value of one facet on a page."""
    block = re.search(rf'data-facet="{facet}">(.*?)</div>', html, re.S)
    assert block, facet
    found = re.findall(
        r'<li>(?:<a href="([^"]*)">|<span>)([^<]*)(?:</a>|</span>) <span class="n">(\d+)</span>',
        block.group(1),
    )
    return [(link.replace("&amp;", "&") or None, value, int(n)) for link, value, n in found]


@pytest.mark.parametrize(
    ("page", "facet"),
    [
        ("/articles", "outlet"),
        ("/articles", "month"),
        ("/articles?has_quotes=yes", "month"),
        ("/events", "type"),
        ("/events", "month"),
    ],
)
def test_a_facet_value_links_to_exactly_as_many_rows_as_it_counts(
    client, page: str, facet: str
) -> None:  # type: ignore[no-untyped-def]
    values = facet_values(client.get(page).text, facet)
    assert values
    for link, value, n in values[:3]:
        assert link, value
        narrowed = client.get(link).text
        shown = int(re.search(r'data-total="(\d+)"', narrowed).group(1))  # type: ignore[union-attr]
        assert shown == n, (link, value)


def test_search_results_count_their_quotes_by_speaker_kind_and_month(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/search?q=said").text
    total = int(re.search(r'data-total="(\d+)"', html).group(1))  # type: ignore[union-attr]
    kinds = facet_values(html, "kind")
    assert sum(n for _, _, n in kinds) == total  # every quote has a kind (three of them)
    speakers = facet_values(html, "speaker")
    assert all(link and link.startswith("/speakers/") for link, _, _ in speakers)


@pytest.mark.parametrize("interval", ["day", "week", "month"])
def test_the_events_timeline_counts_every_event_with_a_full_date(client, interval: str) -> None:  # type: ignore[no-untyped-def]
    _, found = whole(client, "/api/events")
    dated = [e for e in found if e["date"] and re.fullmatch(r"\d{4}-\d\d-\d\d", e["date"][:10])]
    assert dated, "the web fixture has no dated event"
    body = client.get(f"/api/timeline?count=events&interval={interval}").json()
    assert body["count"] == "events"
    assert sum(p["count"] for p in body["points"]) == len(dated)
    first = min(e["date"][:10] for e in dated)
    assert body["points"][0]["start"] <= first
    actor = next(r["name"] for e in dated for r in e["source"] + e["target"])
    mine = client.get("/api/timeline", params={"count": "events", "entity": actor}).json()
    assert 0 < sum(p["count"] for p in mine["points"]) <= len(dated)
    refused = client.get("/api/timeline?count=events&search=talks")
    assert refused.status_code == 422 and "detail" in refused.json()


def chart_series(html: str) -> dict[str, int]:
    """Points per series of the page's chart."""
    found = re.findall(r'<g class="series" data-name="([^"]*)">(.*?)</g>', html, re.S)
    return {name: body.count('class="point"') for name, body in found}


def test_search_an_outlet_and_events_are_charted_over_time(client) -> None:  # type: ignore[no-untyped-def]
    def months(query: str) -> set[str]:
        return {
            p["start"] for p in client.get(f"/api/timeline?interval=month&{query}").json()["points"]
        }

    both = months("count=quotes&search=said") | months("count=articles&search=said")
    assert chart_series(client.get("/search?q=said").text) == {
        "quotes": len(both),
        "articles": len(both),
    }
    outlet = next(a["outlet"] for a in whole(client, "/api/articles")[1] if a["outlet"])
    expected = months(f"count=articles&outlet={outlet}")
    assert chart_series(client.get("/articles", params={"outlet": outlet}).text) == {
        "articles": len(expected)
    }
    assert chart_series(client.get("/events").text) == {"events": len(months("count=events"))}


def test_the_contested_figures_page_counts_every_contested_figure(client) -> None:  # type: ignore[no-untyped-def]
    total, contested = whole(client, "/api/figures", "contested=true")
    html = client.get("/figures").text
    assert int(re.search(r'data-total="(\d+)"', html).group(1)) == total  # type: ignore[union-attr]
    assert html.count('class="figure-card"') == min(total, 100)
    assert all(f["contests"] for f in contested)
