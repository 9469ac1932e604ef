"""The web UI in Debian's chromium (Playwright), served by uvicorn over the sample articles."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

HOSTILE = (
    "Protesters gathered outside the city hall on Monday. "
    '"We want answers, not excuses," said Maria Lopez, a local organiser. '
    "<script>window.__pwned = 'script';</script> "
    "<img src=x onerror=\"window.__pwned = 'onerror'\"> "
    "The council said it would meet again next week."
)


def shoot(page: Page, artifacts: Path, name: str) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def top_speaker(live_server: str) -> str:
    return httpx.get(f"{live_server}/api/speakers").json()[0]["name"]  # type: ignore[no-any-return]


def article_with_quotes(live_server: str) -> str:
    listed = httpx.get(f"{live_server}/api/articles").json()
    return next(a["id"] for a in listed if a["quotes"] >= 3)  # type: ignore[no-any-return]


PAGES = [
    pytest.param("/", "Who said what", id="overview"),
    pytest.param("/search?q=said", "Search", id="search"),
    pytest.param("/articles", "Articles", id="articles"),
    pytest.param("{article}", "", id="reader"),
    pytest.param("/speakers", "Speakers", id="speakers"),
    pytest.param("{speaker}", "", id="speaker"),
    pytest.param("/events", "Events timeline", id="events"),
    pytest.param("/graph", "Who met whom", id="graph"),
    pytest.param("/figures", "Contested figures", id="figures"),
    pytest.param("/sources", "Sources", id="sources"),
    pytest.param("/docs", "newsgraph", id="api-docs"),
]
DEVICES = [pytest.param("page", id="1366x900"), pytest.param("phone", id="390x844")]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_page_opens_without_script_errors_and_fits_its_screen(  # type: ignore[no-untyped-def]
    artifacts: Path,
    request: pytest.FixtureRequest,
    live_server: str,
    device: str,
    path: str,
    heading: str,
) -> None:
    tab: Page = request.getfixturevalue(device)
    path = path.format(
        article=f"/articles/{quote_path(article_with_quotes(live_server))}",
        speaker=f"/speakers/{quote_path(top_speaker(live_server))}",
    )
    response = tab.goto(path)
    assert response is not None and response.ok
    expect(tab.locator("h1, h2.title").first).to_contain_text(heading)
    width = tab.viewport_size["width"]  # type: ignore[index]
    assert tab.evaluate("document.documentElement.scrollWidth") <= width, path  # no sideways scroll
    shoot(tab, artifacts, request.node.callspec.id)
    assert tab.errors == []  # type: ignore[attr-defined]
    assert tab.elsewhere == []  # type: ignore[attr-defined]


def test_reader_shows_the_speaker_of_a_clicked_quote(  # type: ignore[no-untyped-def]
    page: Page, artifacts: Path, live_server: str
) -> None:
    article_id = article_with_quotes(live_server)
    body = httpx.get(f"{live_server}/api/articles/{article_id}").json()
    quote = next(q for q in body["quotes"] if q["speaker"])
    page.goto(f"/articles/{quote_path(article_id)}")
    card = page.locator(f"#quote-{quote['id']}")
    expect(card).to_be_hidden()
    highlighted = page.locator(f'.article-text [data-quote="{quote["id"]}"]').first
    expect(highlighted).to_have_attribute("title", re.compile(re.escape(quote["speaker"])))
    page.locator(f'.article-text [data-quote="{quote["id"]}"]').first.click()
    expect(card).to_be_visible()
    expect(card.locator(".card-speaker")).to_have_text(quote["speaker"])
    if quote["cue"]:
        expect(card.locator(".card-cue")).to_have_text(quote["cue"])
    expect(page.locator(".article-text .ent").first).to_be_attached()
    shoot(page, artifacts, "reader")
    assert page.errors == []  # type: ignore[attr-defined]


def quote_path(text: str) -> str:
    return quote(text, safe="")


def test_search_box_finds_a_quote_by_its_words(
    page: Page, artifacts: Path, live_server: str
) -> None:
    quote = httpx.get(f"{live_server}/api/quotes").json()[0]
    word = max(quote["text"].split(), key=len).strip(".,;:!?\"'“”‘’")
    page.goto("/")
    page.fill("header input[name=q]", word)
    page.press("header input[name=q]", "Enter")
    expect(page).to_have_url(re.compile(r"/search\?q="))
    expect(page.locator("#search-summary")).to_contain_text(word)
    expect(page.locator("#quote-results")).to_contain_text(quote["text"])
    shoot(page, artifacts, "search-results")
    page.locator("#quote-results .quote-hit .meta a").first.click()  # to the quote in its article
    expect(page).to_have_url(re.compile(r"/articles/.+#"))
    expect(page.locator(".quote-card:visible")).to_have_count(1)


def test_speaker_page_lists_quotes_over_time(page: Page, artifacts: Path, live_server: str) -> None:  # type: ignore[no-untyped-def]
    name = top_speaker(live_server)
    page.goto(f"/speakers/{quote_path(name)}")
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator(".timeline .quote-hit").first).to_be_visible()
    shoot(page, artifacts, "speaker")


def test_graph_is_drawn_by_the_vendored_library(
    page: Page, artifacts: Path, live_server: str
) -> None:  # type: ignore[no-untyped-def]
    nodes = httpx.get(f"{live_server}/api/graph").json()["nodes"]
    page.goto("/graph")
    assert page.evaluate("typeof cytoscape") == "function"
    if nodes:
        expect(page.locator("#graph[data-ready]")).to_have_attribute("data-ready", str(len(nodes)))
        expect(page.locator("#graph canvas").first).to_be_attached()
    shoot(page, artifacts, "graph")
    assert page.errors == []  # type: ignore[attr-defined]


def test_events_filter_by_type_narrows_the_timeline(page: Page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    events = httpx.get(f"{live_server}/api/events", params={"limit": 1000}).json()
    assert events, "the events stage finds no event in the sample articles"
    kind = events[0]["type"]
    page.goto("/events")
    page.select_option("select[name=type]", kind)
    page.click("form.filters button")
    expect(page).to_have_url(re.compile(f"type={kind}"))
    badges = page.locator(".event .badge").all_text_contents()
    assert badges and set(badges) == {kind}


def test_script_inside_an_article_never_runs(  # type: ignore[no-untyped-def]
    page: Page, artifacts: Path, live_server: str, token: str
) -> None:
    response = httpx.post(
        f"{live_server}/api/articles",
        content=HOSTILE,
        headers={"Content-Type": "text/plain", "Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert response.status_code in (200, 201), response.text
    page.goto(f"/articles/{quote_path(response.json()['article_id'])}")
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__pwned" in text and "onerror=" in text  # shown as text
    assert page.locator(".article-text script, .article-text img").count() == 0
    assert page.evaluate("window.__pwned") is None
    shoot(page, artifacts, "hostile-article")


@pytest.mark.parametrize("device", DEVICES)
def test_links_to_events_and_figures_highlight_them_where_the_reader_looks(  # type: ignore[no-untyped-def]
    request: pytest.FixtureRequest, artifacts: Path, live_server: str, device: str
) -> None:
    tab: Page = request.getfixturevalue(device)
    listed = httpx.get(f"{live_server}/api/articles").json()
    article = next(a for a in listed if a["events"] and a["figures"])
    body = httpx.get(f"{live_server}/api/articles/{article['id']}").json()
    event, figure = body["events"][0]["id"], body["figures"][0]["id"]
    tab.goto(f"/articles/{quote_path(article['id'])}#{event}")
    expect(tab.locator(f"#{event}")).to_have_class(re.compile("active-record"))
    tab.evaluate(f"location.hash = '#{figure}'")  # a second link into the open article
    expect(tab.locator(f"#{figure}")).to_have_class(re.compile("active-record"))
    expect(tab.locator(f"#{event}")).not_to_have_class(re.compile("active-record"))
    expect(tab.locator(f"#{figure}")).to_be_in_viewport()  # scrolled to, on either screen
    tab.screenshot(path=str(artifacts / f"reader-figure-link-{request.node.callspec.id}.png"))
    assert tab.errors == []  # type: ignore[attr-defined]


def article_with_most_quotes(live_server: str) -> dict:  # type: ignore[type-arg]
    listed = httpx.get(f"{live_server}/api/articles").json()
    best = max(listed, key=lambda a: a["quotes"])
    return httpx.get(f"{live_server}/api/articles/{best['id']}").json()  # type: ignore[no-any-return]


def test_a_tapped_quote_opens_its_card_as_a_sheet_inside_the_phone_screen(  # type: ignore[no-untyped-def]
    phone: Page, artifacts: Path, live_server: str
) -> None:
    body = article_with_most_quotes(live_server)
    quote = body["quotes"][-1]  # far down the article, where B8's card opened 40,000 px below
    phone.goto(f"/articles/{quote_path(body['article']['id'])}")
    header = phone.locator("header.top").bounding_box()
    assert header is not None and header["height"] <= 844 * 0.2  # the header stays small
    segment = phone.locator(f'.article-text [data-quote="{quote["id"]}"]').first
    segment.scroll_into_view_if_needed()
    segment.tap()
    card = phone.locator(f"#quote-{quote['id']}")
    expect(card).to_be_visible()
    sheet = phone.locator("#quote-panel").bounding_box()
    top = card.bounding_box()
    assert sheet is not None and top is not None
    assert sheet["y"] >= 0 and sheet["y"] + sheet["height"] <= 844 + 0.5, sheet
    assert 0 <= top["y"] < 844, top
    assert phone.evaluate("window.scrollY") > 0  # the reader stayed where they were reading
    expect(card.locator(".card-span")).to_contain_text(f"{quote['start']}–{quote['end']}")
    phone.screenshot(path=str(artifacts / "reader-quote-sheet-phone.png"))  # what the reader sees
    phone.locator("#sheet-close").tap()
    expect(card).to_be_hidden()
    expect(phone.locator("#quote-panel")).to_be_hidden()
    assert phone.errors == []  # type: ignore[attr-defined]


def test_the_chart_draws_one_point_per_bucket_of_the_timeline(  # type: ignore[no-untyped-def]
    page: Page, artifacts: Path, live_server: str
) -> None:
    speakers = [s["name"] for s in httpx.get(f"{live_server}/api/speakers").json()]
    timelines = {
        name: httpx.get(
            f"{live_server}/api/timeline", params={"speaker": name, "interval": "week"}
        ).json()["points"]
        for name in speakers[:10]
    }
    name, points = max(timelines.items(), key=lambda item: len(item[1]))  # a dated speaker
    assert points, "no quote of the ten most quoted speakers is dated"
    page.goto(f"/speakers/{quote_path(name)}?interval=week")
    expect(page.locator("#timeline-chart svg")).to_be_visible()
    expect(page.locator("#timeline-chart .series")).to_have_count(1)
    expect(page.locator("#timeline-chart circle.point")).to_have_count(len(points))
    counts = page.locator("#timeline-chart circle.point title").all_text_contents()
    assert [int(c.split(": ")[1].split(" ")[0]) for c in counts] == [p["count"] for p in points]
    shoot(page, artifacts, "speaker-chart")


def test_the_pager_reaches_the_last_event(page: Page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    total = int(httpx.get(f"{live_server}/api/events").headers["x-total-count"])
    assert total > 50, "the web fixture should give the events page more than one page"
    page.goto("/events")
    seen, pages = 0, 0
    while True:
        pages += 1
        seen += page.locator("li.event").count()
        after = page.locator("nav.pager a.next").first
        if not after.count():
            break
        after.click()
        page.wait_for_load_state()
    assert seen == total and pages == -(-total // 50)
    expect(page.locator("nav.pager .shown").first).to_have_text(
        re.compile(f"– ?{total} of {total}$")
    )


DOWNLOAD_PAGES = [
    "/articles?has_quotes=yes",
    "/speakers",
    "/events",
    "/search?q=said",
    "/figures",
    "{speaker}",
]


@pytest.mark.parametrize("path", DOWNLOAD_PAGES)
def test_each_download_link_holds_as_many_rows_as_its_page_counts(  # type: ignore[no-untyped-def]
    page: Page, live_server: str, path: str
) -> None:
    page.goto(path.format(speaker=f"/speakers/{quote_path(top_speaker(live_server))}"))
    total = int(page.locator("nav.pager .shown").first.get_attribute("data-total") or -1)
    links = page.locator("nav.pager").first.locator("a.download")
    expect(links).to_have_count(2)
    for link in links.all():
        answer = page.request.get(link.get_attribute("href") or "")
        assert answer.ok
        if link.get_attribute("data-format") == "csv":
            rows = list(csv.DictReader(io.StringIO(answer.text())))
        else:
            rows = answer.json()
        assert len(rows) == total, (path, link.get_attribute("href"))
