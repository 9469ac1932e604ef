"""RSS and Atom feeds: each entry an article with the feed's outlet and the entry's metadata."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from newsgraph.errors import ReadError
from newsgraph.read import read_paths
from newsgraph.read.feed import html_to_text, read_feed

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>City Desk</title>
  <entry>
    <title>Bridge closes for repairs</title>
    <link href="https://news.example.org/bridge"/>
    <updated>2021-06-02T08:00:00Z</updated>
    <author><name>Ana Ruiz</name></author>
    <summary type="html">&lt;p&gt;The bridge closes on Monday.&lt;/p&gt;
      &lt;p&gt;Buses will run.&lt;/p&gt;</summary>
  </entry>
  <entry><title>No body</title><link href="https://news.example.org/empty"/></entry>
</feed>
"""


def test_each_rss_entry_is_an_article(corpus: dict[str, Path]) -> None:
    articles = list(read_paths([corpus["feed"]]))
    rows = [json.loads(line) for line in corpus["jsonl"].read_text().splitlines()]
    assert len(articles) == 20
    first, row = articles[0], rows[0]
    assert first.source == f"{corpus['feed'].name}#entry 1"
    assert (first.outlet, first.url, first.title) == ("Wikinews", row["url"], row["title"])
    assert first.author == "Wikinews contributors"
    assert first.published == date.fromisoformat(row["published"])
    assert first.language == "en"
    assert [a.text for a in articles] == [r["text"] for r in rows]  # paragraphs kept


def test_an_atom_entry_uses_its_summary_and_an_empty_entry_is_reported() -> None:
    errors: list[ReadError] = []
    articles = list(read_feed(io.BytesIO(ATOM), source="a.atom", on_error=errors.append))
    [article] = articles
    assert article.text == "The bridge closes on Monday.\n\nBuses will run."
    assert (article.outlet, article.author) == ("City Desk", "Ana Ruiz")
    assert article.published == date(2021, 6, 2)
    assert [(e.record, e.reason) for e in errors] == [("entry 2", "no-text")]


def test_a_malformed_feed_without_entries_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x &amp <<<>>')
    errors: list[ReadError] = []
    assert list(read_paths([path], on_error=errors.append)) == []
    assert [(e.source, e.record, e.reason) for e in errors] == [(path.name, None, "malformed")]


def test_entry_html_becomes_paragraphs_without_scripts() -> None:
    markup = "<p>One <b>two</b>\nthree.</p><script>x()</script><ul><li>Four</li></ul>five"
    assert html_to_text(markup) == "One two three.\n\nFour\n\nfive"
    assert html_to_text("Plain &amp; simple") == "Plain & simple"


def test_a_feed_that_names_a_file_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.xml"
    target.write_bytes(ATOM)
    errors: list[ReadError] = []
    stream = io.BytesIO(str(target).encode())
    assert list(read_feed(stream, source="f.xml", on_error=errors.append)) == []
    assert [e.reason for e in errors] == ["malformed"]
