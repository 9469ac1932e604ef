"""The web UI in Debian's chromium (Playwright), served by uvicorn over the sample articles."""

from __future__ import annotations

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


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        pytest.param("/", "Who said what", id="overview"),
        pytest.param("/search?q=said", "Search", id="search"),
        pytest.param("/articles", "Articles", id="articles"),
        pytest.param("/speakers", "Speakers", id="speakers"),
        pytest.param("/events", "Events timeline", id="events"),
        pytest.param("/graph", "Who met whom", id="graph"),
        pytest.param("/figures", "Contested figures", id="figures"),
        pytest.param("/docs", "newsgraph", id="api-docs"),
    ],
)
def test_page_opens_without_script_errors(  # type: ignore[no-untyped-def]
    page: Page, artifacts: Path, request: pytest.FixtureRequest, path: str, heading: str
) -> None:
    response = page.goto(path)
    assert response is not None and response.ok
    expect(page.locator("h1, h2.title").first).to_contain_text(heading)
    shoot(page, artifacts, request.node.callspec.id)
    assert page.errors == []
    assert page.elsewhere == []  # type: ignore[attr-defined]


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


def test_links_to_events_and_figures_highlight_them_and_pages_fit_a_phone(
    page: Page, artifacts: Path, live_server: str
) -> None:  # type: ignore[no-untyped-def]
    listed = httpx.get(f"{live_server}/api/articles").json()
    article = next(a for a in listed if a["events"] and a["figures"])
    body = httpx.get(f"{live_server}/api/articles/{article['id']}").json()
    event, figure = body["events"][0]["id"], body["figures"][0]["id"]
    page.goto(f"/articles/{quote_path(article['id'])}#{event}")
    expect(page.locator(f"#{event}")).to_have_class(re.compile("active-record"))
    page.evaluate(f"location.hash = '#{figure}'")  # a second link into the open article
    expect(page.locator(f"#{figure}")).to_have_class(re.compile("active-record"))
    expect(page.locator(f"#{event}")).not_to_have_class(re.compile("active-record"))
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/articles", "/speakers", f"/speakers/{quote_path(top_speaker(live_server))}"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    shoot(page, artifacts, "speaker-phone")
