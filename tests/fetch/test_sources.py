"""The SOURCES file: one URL a line, or TOML; a bad entry is the user's mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.fetch.sources import Source, read_sources


def test_a_plain_file_lists_one_url_a_line_with_comments_and_kinds(tmp_path: Path) -> None:
    path = tmp_path / "sources.txt"
    path.write_text(
        "# world news\nhttps://www.example.com/world/rss feed\n\n"
        "https://news.example.org/  # site\nhttps://www.example.com/world/rss feed\n"
    )
    assert read_sources(path) == [
        Source(url="https://www.example.com/world/rss", kind="feed"),
        Source(url="https://news.example.org/", kind="auto"),
    ]


def test_a_toml_file_gives_each_source_a_kind_and_name(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[source]]\nurl = "https://www.example.com/world/rss"\nkind = "feed"\nname = "World"\n'
        '[[source]]\nurl = "https://news.example.org/"\nkind = "site"\n'
    )
    assert read_sources(path) == [
        Source(url="https://www.example.com/world/rss", kind="feed", name="World"),
        Source(url="https://news.example.org/", kind="site"),
    ]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.txt", "ftp://example.com/feed\n", "not an http"),
        ("a.txt", "https://example.com/ podcast\n", "kind 'podcast'"),
        ("a.txt", "# nothing\n", "lists no sources"),
        ("a.toml", '[[source]]\nlink = "https://x.org/"\n', "needs url"),
        ("a.toml", '[[source]]\nurl = "https://x.org/"\nevery = 3\n', "unknown settings"),
        ("a.toml", "[[source]\n", "not valid TOML"),
    ],
    ids=["scheme", "kind", "empty", "no-url", "unknown-key", "bad-toml"],
)
def test_a_bad_sources_file_is_refused_with_what_to_write(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(NewsgraphError, match=message):
        read_sources(path)
