"""HTML pages: trafilatura's main text without boilerplate, and the page's metadata."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsgraph.errors import ReadError
from newsgraph.read import read_paths
from newsgraph.read.html import without_title

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def wikinews_text(url: str) -> str:
    for line in (EXAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["url"] == url:
            return str(row["text"])
    raise KeyError(url)


def test_a_page_gives_its_article_and_metadata(corpus: dict[str, Path]) -> None:
    article = next(read_paths([corpus["html"]]))
    assert article.outlet == "Wikinews"
    assert article.url is not None
    assert article.url.startswith("https://en.wikinews.org/wiki/")
    assert article.title == "Dozens dead in California boat fire"
    assert article.author == "Wikinews contributors"
    assert article.published == date(2019, 9, 4)
    assert article.language == "en"
    assert article.source == corpus["html"].name


def test_the_body_is_the_article_text_without_boilerplate(corpus: dict[str, Path]) -> None:
    for page in sorted(corpus["html"].parent.glob("*.html")):
        article = next(read_paths([page]))
        assert article.url is not None
        gold = wikinews_text(article.url)
        assert article.text.split() == gold.split(), page.name
        for boilerplate in ("Related news", "Privacy policy", "Thanks for the report", "Search"):
            assert boilerplate not in article.text


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("Storm hits coast\nThe storm hit.", "Storm hits coast", "The storm hit."),
        ("Storm hits coast\nThe storm hit.", "Storm hits coast | Gazette", "The storm hit."),
        ("Storm hits coast: 3 dead\nThe storm hit.", "Storm hits coast", "The storm hit."),
        ("The storm hit.\nMore.", "Storm hits coast", "The storm hit.\nMore."),
        ("Storm hits coast", "Storm hits coast", "Storm hits coast"),  # nothing else: kept
        ("The storm hit.", None, "The storm hit."),
    ],
    ids=["same", "title-with-site", "heading-with-more", "no-heading", "only-line", "no-title"],
)
def test_a_heading_that_repeats_the_title_is_not_part_of_the_body(
    text: str, title: str | None, body: str
) -> None:
    assert without_title(text, title) == body


def test_a_page_without_article_text_is_reported_no_text(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/world'>World</a></nav><footer>© 2024</footer></body></html>"
    )
    errors: list[ReadError] = []
    assert list(read_paths([page], on_error=errors.append)) == []
    assert [(e.source, e.record, e.reason) for e in errors] == [(page.name, None, "no-text")]
