"""Honest small things of the pages (issue 17, item 8): nouns agree with their numbers, and
every page names an icon that the server has."""

from __future__ import annotations

import re

import pytest

from newsgraph.server.web.pages import env, plural


@pytest.mark.parametrize(
    ("noun", "n", "written"),
    [
        pytest.param("quote", 1, "quote", id="one"),
        pytest.param("quote", 0, "quotes", id="none"),
        pytest.param("quote", 2, "quotes", id="two"),
        pytest.param("entity", 1, "entity", id="entity-one"),
        pytest.param("entity", 3, "entities", id="entity-many"),
        pytest.param("more report", 1, "more report", id="report-one"),
    ],
)
def test_a_noun_agrees_with_its_number(noun: str, n: int, written: str) -> None:
    assert plural(noun, n) == written


def test_the_home_page_counts_in_words_that_agree(client) -> None:  # type: ignore[no-untyped-def]
    counts = client.get("/api/stats").json()["counts"]
    html = client.get("/").text
    for name, one in [("articles", "article"), ("quotes", "quote"), ("entities", "entity")]:
        word = one if counts[name] == 1 else name
        assert f"<strong>{counts[name]}</strong> {word}</li>" in html
    assert not re.search(r"\b1 (quotes|events|figures|outlets|articles)\b", html)
    assert "entitie<" not in html


def test_one_more_report_is_singular() -> None:
    macros = env.get_template("_macros.html").module
    byline = type("Byline", (), {"title": "A title", "id": "a", "outlet": None, "published": None})
    hit = type("Hit", (), {"article": byline(), "article_id": "a", "id": "q0", "also": ["b"]})()
    assert "+1 more report<" in str(macros.source_line(hit))  # type: ignore[attr-defined]


def test_every_page_names_an_icon_the_server_has(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/", "/articles", "/speakers", "/events", "/figures"):
        icon = re.search(r'<link rel="icon" href="([^"]+)"', client.get(path).text)
        assert icon, path
        answer = client.get(icon.group(1))
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("image/")
    fallback = client.get("/favicon.ico")  # what a client asks for without reading the page
    assert fallback.status_code == 200 and fallback.headers["content-type"].startswith("image/")
