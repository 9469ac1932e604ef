"""hypothesis over read_paths, the way every caller reads: bytes in a file (plain or gzip'd, under
any name), Articles or ReadErrors out, within a time bound, and every Article storable."""

from __future__ import annotations

import gzip
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import READ_REASONS, ReadError
from newsgraph.model import Article
from newsgraph.read import read_paths
from newsgraph.read.article import unstorable

# Pieces the probe found dangerous, mixed with arbitrary bytes.
PIECES = [
    b"WARC/1.0\r\n",
    b"WARC-Type: response\r\nContent-Length: 12\r\n\r\n",
    b"Content-Length: -5\r\n",
    b'{"id": "x/1", "text": "',
    b'"}\n',
    b"\\ud800",
    b"\\u0000",
    b"\x00",
    b"[" * 1500,
    b"<html><body><p>",
    b"<i>x</i>" * 50,
    b"<!DOCTYPE rss [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><rss>&x;",
    b"\n" * 200,
    b"The minister said the talks would go on. " * 5,
    b"\x1f\x8b\x08\x00",
    b"\xff\xfe",
]
NAMES = ["in.txt", "in.html", "in.jsonl", "in.warc", "in.rss", "in", "in.jsonl.gz", "in.warc.gz"]


@settings(
    max_examples=80,
    deadline=timedelta(seconds=10),  # generous: a hang or a blow-up, not CI noise, passes it
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(NAMES),
    parts=st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=200)), max_size=12),
)
def test_any_bytes_through_the_door_give_storable_articles_or_read_errors(
    name: str, parts: list[bytes]
) -> None:
    data = b"".join(parts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        errors: list[ReadError] = []
        articles = list(read_paths([path], on_error=errors.append))
    assert all(isinstance(a, Article) and unstorable(a) is None for a in articles)
    assert all(a.text.encode("utf-8") and a.id.encode("utf-8") for a in articles)
    assert all(e.reason in READ_REASONS for e in errors)


ESCAPES = [b"\\ud800", b"\\udfff", b"\\u0000", b"\\n", b'\\"', b"The minister said ", b"yes. "]


@settings(max_examples=60, deadline=timedelta(seconds=10))
@given(
    texts=st.lists(st.lists(st.sampled_from(ESCAPES), min_size=1, max_size=6), max_size=5),
    depth=st.integers(min_value=0, max_value=3000),
)
def test_any_json_lines_through_the_door_give_storable_articles_or_read_errors(
    texts: list[list[bytes]], depth: int
) -> None:
    lines = [b'{"id": "x/%d", "text": "%s"}' % (i, b"".join(t)) for i, t in enumerate(texts)]
    lines.append(b'{"id": "deep", "text": "t", "x": ' + b"[" * depth + b"]" * depth + b"}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        errors: list[ReadError] = []
        articles = list(read_paths([path], on_error=errors.append))
    assert all(isinstance(a, Article) and unstorable(a) is None for a in articles)
    assert all(e.reason in READ_REASONS for e in errors)
    assert len(articles) + len(errors) <= len(lines)
