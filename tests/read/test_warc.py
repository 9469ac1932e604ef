"""WARC.gz: every HTML response record an article with the record's URL; truncation reported."""

from __future__ import annotations

import gzip
import io
from datetime import date
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecord, WarcRecordType

from newsgraph.errors import ReadError
from newsgraph.read import read_paths
from newsgraph.read.warc import read_warc


def read(data: bytes, max_bytes: int = 20 * 1024 * 1024) -> tuple[list, list[ReadError]]:  # type: ignore[type-arg]
    errors: list[ReadError] = []
    stream = io.BytesIO(data)
    articles = list(read_warc(stream, source="w", on_error=errors.append, max_bytes=max_bytes))
    return articles, errors


def test_each_response_record_is_an_article(corpus: dict[str, Path]) -> None:
    articles = list(read_paths([corpus["warc"]]))
    pages = {a.url: a for a in read_paths([corpus["html"].parent])}
    assert len(articles) == 20
    first = articles[0]
    assert first.source == f"{corpus['warc'].name}#record 2"  # record 1 is the warcinfo
    assert first.url in pages
    assert first.text == pages[first.url].text
    assert first.published == pages[first.url].published == date(2019, 1, 4)
    assert first.outlet == "Wikinews"


def test_the_uncompressed_warc_reads_the_same(corpus: dict[str, Path]) -> None:
    articles, errors = read(gzip.decompress(corpus["warc"].read_bytes()))
    assert (len(articles), errors) == (20, [])


@pytest.mark.parametrize("fraction", [0.3, 0.5, 0.9, 0.999])
def test_a_truncated_warc_gz_reports_after_the_records_it_could_read(
    corpus: dict[str, Path], fraction: float
) -> None:
    data = corpus["warc"].read_bytes()
    articles, errors = read(data[: int(len(data) * fraction)])
    assert 0 < len(articles) < 20 or fraction > 0.99
    [error] = errors
    assert error.reason == "truncated"
    assert error.record == f"record {len(articles) + 2}"  # the first record not read whole


def test_a_truncated_plain_warc_is_reported(corpus: dict[str, Path]) -> None:
    data = gzip.decompress(corpus["warc"].read_bytes())
    articles, errors = read(data[: len(data) // 2])
    assert 0 < len(articles) < 20
    assert [e.reason for e in errors] == ["truncated"]


def test_a_record_over_the_limit_is_skipped(corpus: dict[str, Path]) -> None:
    articles, errors = read(corpus["warc"].read_bytes(), max_bytes=1000)
    assert articles == []
    assert {e.reason for e in errors} == {"too-large"}
    assert len(errors) == 20


def test_garbage_is_malformed() -> None:
    assert [e.reason for e in read(b"WARC/1.0\r\nnot a header\r\n\r\n")[1]] == ["malformed"]


def warc_with(http: bytes) -> bytes:
    """A one-record WARC holding the HTTP response `http`."""
    record = WarcRecord()
    record.init_headers(WarcRecordType.response, record_urn=b"uuid:00000000-0000-0000")
    record.headers["WARC-Target-URI"] = "https://news.example.org/story"
    record.headers["WARC-Date"] = "2027-05-25T10:00:00Z"
    record.headers["Content-Type"] = "application/http; msgtype=response"
    record.set_bytes_content(http)
    out = io.BytesIO()
    record.write(out)
    return out.getvalue()


def test_a_gzipped_chunked_payload_is_decoded(corpus: dict[str, Path]) -> None:
    page = corpus["html"].read_bytes()
    packed = gzip.compress(page)
    chunked = b"%x\r\n" % len(packed) + packed + b"\r\n0\r\n\r\n"
    headers = b"Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked"
    articles, errors = read(warc_with(b"HTTP/1.1 200 OK\r\n" + headers + b"\r\n\r\n" + chunked))
    assert errors == []
    [article] = articles
    assert article.text == next(read_paths([corpus["html"]])).text
    assert article.url == "https://news.example.org/story"
    assert article.published == date(2019, 9, 4)  # the page's own date wins over WARC-Date


def test_an_unknown_content_encoding_is_malformed() -> None:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: zz\r\n\r\n<p>x</p>"
    articles, errors = read(warc_with(http))
    assert (articles, [(e.record, e.reason) for e in errors]) == ([], [("record 1", "malformed")])


def test_a_payload_that_inflates_past_the_limit_is_too_large() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 200_000 + b"</p>")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + bomb
    articles, errors = read(warc_with(http), max_bytes=50_000)
    assert (articles, [e.reason for e in errors]) == ([], ["too-large"])
