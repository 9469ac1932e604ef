"""Plain text: the scraped `- Outlet - URL -` header and title line, and the encodings we accept."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from newsgraph.errors import ReadError
from newsgraph.read import read_paths
from newsgraph.read.text import read_text, split_header

BODY = "The council met on Tuesday. “We will vote next week,” the mayor said after the meeting."


def read_bytes(data: bytes) -> tuple[list[str], list[str]]:
    """(bodies, reasons) of one text document given as bytes."""
    errors: list[ReadError] = []
    articles = list(read_text(io.BytesIO(data), source="t.txt", on_error=errors.append))
    return [a.text for a in articles], [e.reason for e in errors]


def test_the_reference_article_has_outlet_url_title_and_a_clean_body(
    corpus: dict[str, Path],
) -> None:
    raw = corpus["text"].read_text(encoding="utf-8")
    article = next(read_paths([corpus["text"]]))
    lines = [line for line in raw.splitlines() if line.strip()]
    assert article.outlet == "The Media Line"
    assert article.url == "https://themedialine.org"
    assert article.title == lines[1].strip()
    assert article.text.startswith(lines[2].strip())
    assert not article.text.startswith(("-", article.title))
    assert article.text in raw  # offsets into the body map back into the file
    assert article.language == "en"


def test_without_a_header_the_whole_file_is_the_body() -> None:
    assert split_header(f"\n\n{BODY}\n") == (None, None, None, BODY)


@pytest.mark.parametrize(
    "encoded",
    [
        BODY.encode("utf-8"),
        codecs.BOM_UTF8 + BODY.encode("utf-8"),
        BODY.encode("utf-16"),  # with its byte-order mark
        codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_accepted_encodings_give_the_same_text(encoded: bytes) -> None:
    assert read_bytes(encoded) == ([BODY], [])


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (BODY.encode("cp1252"), "encoding"),  # curly quotes as cp1252 bytes are not UTF-8
        (BODY.encode("utf-16-le"), "binary"),  # UTF-16 without a byte-order mark: NUL bytes
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
        (b" \n\t\n", "empty"),
        (b"- Outlet - https://example.org -\n\nOnly a title\n", "no-text"),
    ],
    ids=["cp1252", "utf-16-no-bom", "png", "blank", "header-only"],
)
def test_unreadable_text_is_reported(data: bytes, reason: str) -> None:
    assert read_bytes(data) == ([], [reason])
