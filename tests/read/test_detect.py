"""Format detection: by name, else by first bytes; --format overrides; stdin is read too."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.errors import READ_REASONS, NewsgraphError, ReadError
from newsgraph.model import Article
from newsgraph.read import iter_files, read_paths
from newsgraph.read.detect import detect_format, sniff_format
from newsgraph.read.door import source_name

SRC = Path(__file__).resolve().parents[2] / "src"


def test_each_example_file_is_detected_as_its_format(corpus: dict[str, Path]) -> None:
    for fmt, path in corpus.items():
        assert detect_format(path, path.read_bytes()[:8192]) == fmt, path


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"), "warc"),
        (b'{"id": "a", "text": "b"}\n', "jsonl"),
        (b'\xef\xbb\xbf  {"id": "a"}', "jsonl"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html>\n<html><head>", "html"),
        (b"\n  <html lang='en'><body>", "html"),
        (b"- Outlet - https://example.org -\n\nTitle\n\nBody.", "text"),
        (b"Just a paragraph of prose.", "text"),
        ("<html>".encode("utf-16"), "html"),
    ],
    ids=[
        "warc",
        "warc-gz",
        "jsonl",
        "jsonl-bom",
        "rss",
        "atom",
        "html",
        "html-space",
        "scraped",
        "prose",
        "html-utf16",
    ],
)
def test_first_bytes_name_the_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


def test_the_name_wins_over_the_first_bytes() -> None:
    assert detect_format(Path("page.html"), b"{not json}") == "html"
    assert detect_format(Path("crawl.warc.gz"), b"") == "warc"
    assert detect_format(Path("noext"), b"<rss>") == "feed"


def test_format_option_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "articles.data"
    path.write_text('{"id": "x1", "text": "A line of text that is not JSON to a text reader."}\n')
    as_text = next(read_paths([path], fmt="text"))
    as_jsonl = next(read_paths([path], fmt="jsonl"))
    assert as_text.text.startswith('{"id"')
    assert as_jsonl.id == "x1"


def test_an_unknown_format_is_the_users_mistake(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("text")
    with pytest.raises(NewsgraphError, match="--format"):
        list(read_paths([path], fmt="pdf"))


def test_a_directory_is_walked_without_its_licence(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("sub/b.txt", "a.txt", "LICENSE.md", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])] == [
        "a.txt",
        "sub/b.txt",
    ]


def test_a_file_that_cannot_be_opened_is_reported_unreadable(tmp_path: Path) -> None:
    # The CLI refuses a missing path first (exit 2); one gone since the walk is a bad record.
    errors: list[ReadError] = []
    assert list(read_paths([tmp_path / "gone.txt"], on_error=errors.append)) == []
    assert [e.reason for e in errors] == ["unreadable"]


def test_standard_input_is_read_and_detected(corpus: dict[str, Path]) -> None:
    code = (
        "import sys; from newsgraph.read import read_paths;"
        "[print(a.source, a.url) for a in read_paths(['-'])]"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=corpus["feed"].read_bytes(),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        check=True,
    )
    lines = done.stdout.decode().splitlines()
    assert len(lines) == 20
    assert lines[0].startswith("<stdin>#entry 1 https://en.wikinews.org/wiki/")


def test_a_gzipped_jsonl_is_read_by_its_inner_name(tmp_path: Path, corpus: dict[str, Path]) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(corpus["jsonl"].read_bytes()))
    articles = list(read_paths([path]))
    assert len(articles) == 20
    assert articles[0].source == f"{path.name}#line 1"


def test_a_truncated_gzip_reports_after_what_it_could_read(
    tmp_path: Path, corpus: dict[str, Path]
) -> None:
    packed = gzip.compress(corpus["jsonl"].read_bytes())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    errors: list[ReadError] = []
    articles = list(read_paths([path], on_error=errors.append))
    assert 0 < len(articles) < 20
    assert [(e.source, e.reason) for e in errors][-1] == (path.name, "truncated")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [("page.html.gz", b"", "empty"), ("blob.gz", bytes(range(256)) * 8, "binary")],
    ids=["empty-inside", "binary-inside"],
)
def test_bad_content_inside_gzip_is_reported(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(content))
    errors: list[ReadError] = []
    assert list(read_paths([path], on_error=errors.append)) == []
    assert [e.reason for e in errors] == [reason]


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_after_the_gzip_magic_give_only_articles_or_read_errors(
    data: bytes,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.gz"
        path.write_bytes(b"\x1f\x8b\x08\x00" + data)
        errors: list[ReadError] = []
        articles = list(read_paths([path], on_error=errors.append))
    assert all(isinstance(a, Article) for a in articles)
    assert all(e.reason in READ_REASONS for e in errors)


@pytest.mark.parametrize(
    ("given", "path", "name"),
    [
        ("news", "news/a.txt", "news/a.txt"),  # relative, inside the working directory: as given
        ("news/a.txt", "news/a.txt", "news/a.txt"),
        ("-", "-", "-"),
        ("/srv/crawl/news", "/srv/crawl/news/2024/a.txt", "news/2024/a.txt"),
        ("/srv/crawl/news/a.txt", "/srv/crawl/news/a.txt", "a.txt"),
        ("../up", "../up/b.txt", "up/b.txt"),
    ],
)
def test_a_source_never_carries_the_machines_absolute_path(
    given: str, path: str, name: str
) -> None:
    assert source_name(Path(path), Path(given)) == name


def test_articles_read_from_an_absolute_folder_are_named_from_it(tmp_path: Path) -> None:
    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / "sub" / "a.txt").write_text("The mayor said the road would open soon.")
    errors: list[ReadError] = []
    (article,) = read_paths([tmp_path / "news"], on_error=errors.append)
    assert article.source == "news/sub/a.txt"
    assert str(tmp_path) not in article.source
    (tmp_path / "news" / "empty.txt").write_text("")
    list(read_paths([tmp_path / "news"], on_error=errors.append))
    assert [(e.source, e.reason) for e in errors] == [("news/empty.txt", "empty")]
