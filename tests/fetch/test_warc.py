"""The WARC files: fastwarc opens them, each record where its reference says, rotated by size."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from newsgraph.fetch.warc import Captured, WarcFiles, warc_folder


def captured(number: int, *, truncated: bool = False) -> Captured:
    return Captured(
        url=f"https://news.example.org/{number}.html",
        status=200,
        reason="OK",
        headers=(("Content-Type", "text/html"), ("Content-Encoding", "gzip")),
        body=f"<html><body><p>story {number}</p></body></html>".encode(),
        fetched=datetime(2026, 12, 2, 8, 0, number, tzinfo=UTC),
        truncated=truncated,
    )


def record_at(path: Path, offset: int):  # type: ignore[no-untyped-def]
    with path.open("rb") as stream:
        stream.seek(offset)
        return next(iter(ArchiveIterator(stream, parse_http=True)))


def test_a_response_record_opens_with_fastwarc_at_its_offset(tmp_path: Path) -> None:
    warc = WarcFiles(tmp_path)
    refs = [warc.write(captured(n)) for n in range(3)]
    path = tmp_path / refs[1].file
    record = record_at(path, refs[1].offset)
    assert record.record_type == WarcRecordType.response
    assert record.record_id == refs[1].record
    assert record.headers["WARC-Target-URI"] == "https://news.example.org/1.html"
    assert record.headers["WARC-Date"].startswith("2026-12-02T08:00:01")
    assert record.http_headers.status_code == 200
    assert record.http_headers.get("Content-Encoding") is None  # the body is stored decoded
    assert record.reader.read() == captured(1).body
    with path.open("rb") as stream:
        kinds = [r.record_type for r in ArchiveIterator(stream)]
    assert kinds == [WarcRecordType.warcinfo] + [WarcRecordType.response] * 3


def test_a_cut_body_is_marked_truncated(tmp_path: Path) -> None:
    ref = WarcFiles(tmp_path).write(captured(0, truncated=True))
    assert record_at(tmp_path / ref.file, ref.offset).headers["WARC-Truncated"] == "length"


def test_files_rotate_past_their_size_and_a_new_writer_appends_to_the_newest(
    tmp_path: Path,
) -> None:
    refs = [WarcFiles(tmp_path, max_bytes=600).write(captured(n)) for n in range(4)]
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) > 1
    assert files[0] == "newsgraph-00000.warc.gz"
    for ref in refs:
        assert record_at(tmp_path / ref.file, ref.offset).record_id == ref.record


def test_the_warc_folder_lies_beside_an_sqlite_database(tmp_path: Path) -> None:
    assert warc_folder(str(tmp_path / "news.db")) == tmp_path / "news-warc"
    assert warc_folder(f"sqlite:///{tmp_path}/x.db") == tmp_path / "x-warc"
    assert warc_folder("postgresql://u:p@host/news") == Path("newsgraph-warc")
