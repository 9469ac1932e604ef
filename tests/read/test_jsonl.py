"""JSON Lines: one article a line, streamed; bad lines are reported by number."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from newsgraph.errors import ReadError
from newsgraph.read import read_paths
from newsgraph.read.jsonl import bounded_lines, read_jsonl


def test_each_line_is_an_article_with_its_metadata(corpus: dict[str, Path]) -> None:
    articles = list(read_paths([corpus["jsonl"]]))
    rows = [json.loads(line) for line in corpus["jsonl"].read_text().splitlines()]
    assert len(articles) == len(rows) == 20
    first = articles[0]
    assert first.id == rows[0]["id"]
    assert first.text == rows[0]["text"]
    assert first.title == rows[0]["title"]
    assert first.url == rows[0]["url"]
    assert first.outlet == "Wikinews"
    assert first.published == date.fromisoformat(rows[0]["published"])
    assert first.source == f"{corpus['jsonl'].name}#line 1"


def test_bad_lines_are_reported_and_the_rest_read() -> None:
    lines = [
        b'{"id": "a1", "text": "First article."}',
        b"{not json",
        b'{"id": "a2"}',
        b'{"id": "a3", "text": "  "}',
        b'{"id": "a4", "text": "caf\xe9"}',
        b"",
        b'{"id": "a5", "text": "Last article.", "published": "2020-02-30"}',
    ]
    errors: list[ReadError] = []
    stream = io.BytesIO(b"\n".join(lines))
    articles = list(read_jsonl(stream, source="in.jsonl", on_error=errors.append))
    assert [a.id for a in articles] == ["a1", "a5"]
    assert articles[1].published is None  # a date that does not exist is unknown, not an error
    assert [(e.record, e.reason) for e in errors] == [
        ("line 2", "malformed"),
        ("line 3", "malformed"),
        ("line 4", "no-text"),
        ("line 5", "encoding"),
    ]


@pytest.mark.parametrize("chunk", [1, 3, 7, 1 << 20])
def test_lines_are_numbered_and_bounded_whatever_the_blocks(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsgraph.read.jsonl.CHUNK", chunk)
    stream = io.BytesIO(b"ab\n\n\ncdefgh\nx\n\n  \nlast")
    assert list(bounded_lines(stream, 4)) == [
        (1, b"ab\n"),
        (4, None),
        (5, b"x\n"),
        (7, b"  \n"),
        (8, b"last"),
    ]


def test_a_line_over_the_limit_is_skipped_unread() -> None:
    stream = io.BytesIO(b"x" * 5000 + b"\n" + b'{"id": "b", "text": "small"}\n')
    assert list(bounded_lines(stream, 100)) == [(1, None), (2, b'{"id": "b", "text": "small"}\n')]
    errors: list[ReadError] = []
    stream.seek(0)
    articles = list(read_jsonl(stream, source="s", on_error=errors.append, max_bytes=100))
    assert [a.id for a in articles] == ["b"]
    assert [(e.record, e.reason) for e in errors] == [("line 1", "too-large")]
