"""Bytes to text for the text-like formats: the encodings we accept, and telling binary from text.

We accept UTF-8 (with or without a byte-order mark) and UTF-16/UTF-32 *with* a byte-order mark.
Anything else is reported as `encoding` rather than guessed: a cp1252 or Latin-1 file decodes
"successfully" as garbage as often as not, and a wrong guess would silently corrupt every offset
downstream. Re-encode such files first (`iconv -f cp1252 -t utf-8`).
"""

from __future__ import annotations

import codecs
from typing import BinaryIO

from newsgraph.errors import OnError, ReadError

# Magic numbers of common binary files that a news directory may hold beside the articles.
BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip (a WARC.gz is detected before this check)
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"(\xb5/\xfd",  # zstd
    b"SQLite format 3",
)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters other than tab, newline, form feed and carriage return.
CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def bom_encoding(head: bytes) -> str | None:
    """The encoding named by a byte-order mark at the start, or None."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding
    return None


def looks_binary(head: bytes) -> bool:
    """True for the first bytes of a file that is not text: a known magic number, a NUL byte
    outside UTF-16/32, or more than 10% control characters."""
    if head.startswith(BINARY_MAGIC):
        return True
    if not head or bom_encoding(head) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in CONTROL)
    return controls > len(head) / 10


def decode(data: bytes) -> str:
    """Text of `data` in UTF-8, or in the encoding its byte-order mark names.

    Raises UnicodeDecodeError when it is neither (the caller reports `encoding`).
    """
    text = data.decode(bom_encoding(data) or "utf-8")
    return text.removeprefix("\ufeff")


def read_document(
    stream: BinaryIO, *, source: str, on_error: OnError, max_bytes: int
) -> bytes | None:
    """All bytes of a one-document stream, or None after reporting `too-large`, `empty` or `binary`.

    Reads at most `max_bytes + 1` bytes, so a huge file never sits in memory whole.
    """
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        on_error(ReadError(source, None, "too-large", f"over {max_bytes} bytes"))
        return None
    if not data.strip():
        on_error(ReadError(source, None, "empty"))
        return None
    if looks_binary(data[:8192]):
        on_error(ReadError(source, None, "binary"))
        return None
    return data
