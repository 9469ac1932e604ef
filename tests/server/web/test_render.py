"""Server-side rendering: the reader's segments give back the text, and article text is escaped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.model import Article, ExtractedArticle, Figure, Provenance, Quote
from newsgraph.server.web.segments import paragraphs, quote_cards, text_fragment
from newsgraph.store import open_store

SRC = Path(__file__).resolve().parents[3] / "src"


def test_segments_give_back_the_article_text_and_mark_every_quote(web_db: str) -> None:
    store = open_store(web_db)
    try:
        articles = store.articles(limit=50)
    finally:
        store.close()
    assert articles
    for extracted in articles:
        text = extracted.article.text
        segments = [s for p in paragraphs(extracted) for s in p]
        assert "".join(s.text for s in segments) == text.replace("\n", "")
        marked = {s.quote for s in segments if s.quote}
        assert marked == {q.id for q in extracted.quotes}
        assert [c.id for c in quote_cards(extracted)] == [q.id for q in extracted.quotes]


def reader_page(client, token: str, text: str) -> httpx.Response:  # type: ignore[no-untyped-def]
    """The reader page of a plain-text article posted to the API."""
    posted = client.post(
        "/api/articles",
        content=text,
        headers={"Content-Type": "text/plain", "Authorization": f"Bearer {token}"},
    )
    assert posted.status_code in (200, 201), posted.text
    return client.get(f"/articles/{posted.json()['article_id']}")


def test_article_markup_is_escaped_and_scripts_are_confined(client, token: str) -> None:  # type: ignore[no-untyped-def]
    text = 'A test page. <script>alert(1)</script> <img src=x onerror="alert(2)"> said the editor.'
    page = reader_page(client, token, text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_a_group_speaker_card_links_each_member(client, token: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tom Hale met Ada Quill on Monday. Hale and Quill both argued that the rules should change."
    )
    page = reader_page(client, token, text)
    card = re.search(r'<dd class="card-speaker">(.*?)</dd>', page.text)
    assert card is not None
    assert re.findall(r">([^<]+)</a>", card.group(1)) == ["Tom Hale", "Ada Quill"]
    assert " and " in card.group(1)


def test_pages_answer_a_person_with_html_errors(client) -> None:  # type: ignore[no-untyped-def]
    missing = client.get("/articles/no-such-article", headers={"Accept": "text/html"})
    assert missing.status_code == 404
    assert "text/html" in missing.headers["content-type"] and "no-such-article" in missing.text


def test_serve_prints_its_address_and_answers(web_db: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", web_db, "--port", "0"],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("newsgraph is serving on http://127.0.0.1:"), line
        stats = httpx.get(line.split()[-1] + "api/stats", timeout=30).json()
        assert stats["counts"]["articles"] >= 9
    finally:
        process.terminate()
        process.wait(timeout=30)


@st.composite
def marked_articles(draw):  # type: ignore[no-untyped-def]
    """An article with quotes, cues, speaker mentions and figures at arbitrary (even odd) spans."""
    text = draw(st.text(alphabet="ab <>&\"'\n", min_size=1, max_size=60))
    span = st.tuples(st.integers(-3, len(text) + 3), st.integers(-3, len(text) + 3))
    quotes = []
    for number, (start, end) in enumerate(draw(st.lists(span, max_size=5))):
        cue = draw(st.one_of(st.none(), span))
        quotes.append(
            Quote(
                id=f"q{number}",
                text=text[max(start, 0) : max(end, 0)],
                kind="direct",
                cue="says" if cue else None,
                cue_start=cue[0] if cue else None,
                cue_end=cue[1] if cue else None,
                speaker=draw(st.sampled_from([None, "A", "B"])),
                prov=Provenance(article_id="x", sentence=None, start=start, end=end),
            )
        )
    figures = [
        Figure(
            id=f"f{n}",
            text="1",
            value=1.0,
            prov=Provenance(article_id="x", sentence=None, start=a, end=b),
        )
        for n, (a, b) in enumerate(draw(st.lists(span, max_size=3)))
    ]
    article = Article(id="x", text=text, source="test")
    return ExtractedArticle(article=article, quotes=tuple(quotes), figures=tuple(figures))


@given(marked_articles())
@settings(max_examples=200, deadline=None)
def test_any_marks_cut_the_text_into_segments_that_join_back(extracted) -> None:  # type: ignore[no-untyped-def]
    segments = [s for p in paragraphs(extracted) for s in p]
    assert "".join(s.text for s in segments) == extracted.article.text.replace("\n", "")
    assert all(s.text for s in segments)


def test_the_reader_shows_each_records_character_offsets(client) -> None:  # type: ignore[no-untyped-def]
    listed = client.get("/api/articles?limit=1000").json()
    article = next(a for a in listed if a["quotes"] and a["events"] and a["figures"])
    body = client.get(f"/api/articles/{article['id']}").json()
    html = client.get(f"/articles/{article['id']}").text
    for q in body["quotes"]:
        assert re.search(
            rf'id="quote-{q["id"]}".*?card-span[^>]*>{q["start"]}–{q["end"]}', html, re.S
        )
    for record in body["events"] + body["figures"]:
        item = re.search(rf'<li id="{record["id"]}" class="record">.*?</li>', html, re.S)
        assert item and f"{record['start']}–{record['end']}</span>" in item.group(0)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        pytest.param("We want answers.", ":~:text=We%20want%20answers.", id="short"),
        pytest.param("a-b, c&d", ":~:text=a%2Db%2C%20c%26d", id="delimiters-encoded"),
        pytest.param(
            "one two three four five six seven eight nine ten eleven",
            ":~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven",
            id="start-and-end",
        ),
    ],
)
def test_a_quote_links_to_its_place_in_the_original_page(text: str, fragment: str) -> None:
    assert text_fragment(text) == fragment
