"""Picks the reader for a file from its name, else from its first bytes, and opens it.

`--format` (the `fmt` argument) overrides detection. Standard input (`-`) is spooled to a temporary
file first (in memory up to the size limit), so it can be sniffed and streamed like a file.
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
import stat
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from newsgraph.errors import NewsgraphError, OnError, ReadError
from newsgraph.model import Article
from newsgraph.read import feed, html, jsonl, text, warc
from newsgraph.read.article import MAX_BYTES
from newsgraph.read.decode import bom_encoding

Reader = Callable[..., Iterator[Article]]

READERS: dict[str, Reader] = {
    "text": text.read_text,
    "html": html.read_html,
    "feed": feed.read_feed,
    "warc": warc.read_warc,
    "jsonl": jsonl.read_jsonl,
}
# Formats holding one document: the size limit applies to the whole file.
SINGLE = frozenset({"text", "html", "feed"})

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<article")
HEAD = 8192
GZIP_MAGIC = b"\x1f\x8b"
# How many times its compressed size a gzip file may decompress to (and at least `max_bytes`):
# gzip'd news JSONL runs 3-6 times, a bomb of blank lines 1,000 times, which would cost one
# reader loop turn per byte (2 MB of gzip: 2 GiB, about 18 minutes). Past it: `too-large`.
MAX_INFLATE_RATIO = 20


def detect_format(path: Path, head: bytes) -> str:
    """The format of a file: from its name (`.warc.gz`, `.html`...), else from its first bytes."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz", ".warc")):
        return "warc"
    if path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    return sniff_format(head)


def sniff_format(head: bytes) -> str:
    """The format of the first bytes of a file; "text" when nothing else fits."""
    if head.startswith(b"WARC/") or (head.startswith(GZIP_MAGIC) and gunzip_head(head)):
        return "warc"
    encoding = bom_encoding(head)
    start = head.decode(encoding, errors="ignore").encode() if encoding else head
    start = start.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        if any(root in start[:2048] for root in FEED_ROOTS):
            return "feed"
        if start.startswith(b"<?xml") and b"<html" not in start[:2048]:
            return "feed"
        if start.startswith(HTML_STARTS) or b"<html" in start[:2048]:
            return "html"
    return "text"


def gunzip_head(head: bytes) -> bool:
    """True when gzip-compressed bytes start a WARC file."""
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def read_file(
    path: Path,
    *,
    fmt: str | None,
    on_error: OnError,
    max_bytes: int = MAX_BYTES,
    source: str | None = None,
) -> Iterator[Article]:
    """Articles of one file (`-` is standard input); bad files and records go to `on_error`.

    A gzip-compressed file of any format but WARC ("dump.jsonl.gz") is decompressed as it is read.
    A file that cannot be opened, or is no regular file, is reported `unreadable`. `source`
    names the file in the articles and reports (default: the path as it is).
    """
    if fmt is not None and fmt not in READERS:
        raise NewsgraphError(f"unknown --format {fmt!r}; choose from {', '.join(READERS)}")
    source = "<stdin>" if str(path) == "-" else source or str(path)
    opened = spool_stdin(max_bytes) if str(path) == "-" else open_regular(path, source, on_error)
    if opened is None:
        return
    with opened as stream:
        head = stream.read(HEAD)
        size = stream.seek(0, 2)
        stream.seek(0)
        if head.startswith(GZIP_MAGIC) and detect_format(path, head) != "warc" and fmt != "warc":
            yield from read_gzip(
                path,
                stream,
                fmt=fmt,
                source=source,
                on_error=on_error,
                max_bytes=max_bytes,
                limit=max(max_bytes, size * MAX_INFLATE_RATIO),
            )
        else:
            yield from read_stream(
                path,
                stream,
                fmt=fmt,
                source=source,
                on_error=on_error,
                max_bytes=max_bytes,
                size=size,
            )


def open_regular(path: Path, source: str, on_error: OnError) -> BinaryIO | None:
    """The file open for reading, or None after reporting `unreadable`.

    Opened without blocking, so a FIFO given by name cannot hang the run waiting for a writer,
    and refused unless it is a regular file (a FIFO, a device such as /dev/zero, a socket).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:  # permission denied, a symlink loop, gone since the walk
        on_error(ReadError(source, None, "unreadable", exc.strerror or str(exc)))
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        on_error(ReadError(source, None, "unreadable", "not a regular file; pipe it into -"))
        return None
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_stream(
    path: Path,
    stream: BinaryIO,
    *,
    fmt: str | None,
    source: str,
    on_error: OnError,
    max_bytes: int,
    size: int | None,
) -> Iterator[Article]:
    """Articles of one open file; `size` in bytes, None when unknown (a decompressed stream)."""
    head = stream.read(HEAD)
    stream.seek(0)
    if len(head) < HEAD and not head.strip():
        on_error(ReadError(source, None, "empty"))
        return
    fmt = fmt or detect_format(path, head)
    if fmt in SINGLE and size is not None and size > max_bytes:  # skipped unread
        on_error(ReadError(source, None, "too-large", f"{size} bytes, over {max_bytes}"))
        return
    yield from READERS[fmt](stream, source=source, on_error=on_error, max_bytes=max_bytes)


class InflateLimit(Exception):
    """A decompressed stream went past its limit."""


class Capped(io.BufferedIOBase):
    """A decompressed stream that raises InflateLimit once more than `limit` bytes came out."""

    def __init__(self, inner: gzip.GzipFile, limit: int) -> None:
        self.inner = inner
        self.limit = limit

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        return self._checked(self.inner.read(-1 if size is None else size))

    def read1(self, size: int = -1) -> bytes:
        return self._checked(self.inner.read1(size))

    def readline(self, size: int | None = -1) -> bytes:
        return self._checked(self.inner.readline(-1 if size is None else size))

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self.inner.seek(offset, whence)

    def tell(self) -> int:
        return self.inner.tell()

    def _checked(self, data: bytes) -> bytes:
        if self.inner.tell() > self.limit:
            raise InflateLimit
        return data


def read_gzip(
    path: Path,
    stream: BinaryIO,
    *,
    fmt: str | None,
    source: str,
    on_error: OnError,
    max_bytes: int,
    limit: int,
) -> Iterator[Article]:
    """Articles of a gzip-compressed file, detected by its name without `.gz` and its content.

    The limit applies to decompressed bytes, which readers read in bounded steps; past `limit`
    bytes in all, the rest of the file is reported `too-large` (the articles before it are kept).
    """
    inner = path.with_suffix("") if path.suffix.lower() == ".gz" else path
    try:
        # mode="rb": GzipFile takes its mode from the file object, and stdin's spool is "w+b".
        with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
            yield from read_stream(
                inner,
                cast(BinaryIO, Capped(unzipped, limit)),
                fmt=fmt,
                source=source,
                on_error=on_error,
                max_bytes=max_bytes,
                size=None,
            )
    except InflateLimit:
        detail = f"decompresses to over {limit} bytes ({MAX_INFLATE_RATIO} times its size)"
        on_error(ReadError(source, None, "too-large", detail))
    except EOFError:
        on_error(ReadError(source, None, "truncated", "the gzip stream ends early"))
    except (gzip.BadGzipFile, zlib.error) as exc:
        on_error(ReadError(source, None, "malformed", str(exc)))


def spool_stdin(max_bytes: int) -> BinaryIO:
    """Standard input copied to a temporary file (kept in memory up to `max_bytes`)."""
    spool = tempfile.SpooledTemporaryFile(max_size=max_bytes)  # noqa: SIM115 -- the caller closes it
    shutil.copyfileobj(sys.stdin.buffer, spool)
    spool.seek(0)
    return spool  # type: ignore[return-value]
