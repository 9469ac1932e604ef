"""WARC and WARC.gz files (fastwarc), as Common Crawl's CC-News publishes them.

Every HTML `response` record becomes an article through the HTML reader, with the record's
WARC-Target-URI as its URL and WARC-Date as its publication date when the page gives none.
Records are streamed one at a time. A gzip stream that ends inside a member, or a record whose
block is shorter than its Content-Length, is reported `truncated` after the records before it.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader
from fastwarc.warc import ArchiveIterator, WarcRecordType

from newsgraph.errors import OnError, ReadError
from newsgraph.model import Article
from newsgraph.read.article import MAX_BYTES
from newsgraph.read.html import article_from_html

GZIP_MAGIC = b"\x1f\x8b"
HTML_TYPES = ("text/html", "application/xhtml+xml")
# HTTP Content-Encodings we undo. Common Crawl stores payloads decoded already (the original
# headers renamed X-Crawler-*); wget, warcio or browsertrix keep them as sent.
DECODERS: dict[str, Callable[[BinaryIO], Any]] = {
    "gzip": GzipReader,
    "x-gzip": GzipReader,
    "deflate": lambda stream: GzipReader(stream, zlib=True),
    "br": BrotliReader,
}


class Gunzip(io.RawIOBase):
    """A multi-member gzip stream, decompressed; `truncated` once its input ends inside a member."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self.pending = b""
        self.in_member = False
        self.done = False
        self.truncated = False
        self.corrupt = ""
        self.position = 0  # bytes handed out so far

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Only reports the position (fastwarc asks where it is); a stream cannot go back."""
        if (whence, offset) in ((io.SEEK_CUR, 0), (io.SEEK_SET, self.position)):
            return self.position
        raise io.UnsupportedOperation("a gzip stream cannot seek")

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self.pending and not self.done:
            self._inflate(self.raw.read(1 << 16))
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        self.position += size
        return size

    def _inflate(self, chunk: bytes) -> None:
        if not chunk:
            self.truncated = self.in_member
            self.done = True
            return
        while chunk:
            try:
                self.pending += self.inflate.decompress(chunk)
            except zlib.error as exc:
                self.corrupt, self.done = str(exc), True
                return
            self.in_member = not self.inflate.eof
            if not self.inflate.eof:
                return
            chunk = self.inflate.unused_data  # the next member starts here
            self.inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
            self.in_member = bool(chunk)


# After a record header that does not parse, reading resumes at the next line that starts a
# record ("WARC/1.0"), at most this many times per file (each costs a pass to that point).
MAX_RESYNCS = 100
RECORD_START = re.compile(rb"(?:^|\n)WARC/1\.[01]\r?\n")


@dataclass(slots=True)
class Walk:
    """Where a walk over one WARC file stands: records seen, the start of the last one."""

    source: str
    on_error: OnError
    max_bytes: int
    number: int = 0  # records seen so far, all types, the bad stretches too
    last: int = 0  # byte offset (decompressed) of the last record read
    stopped: bool = False  # truncated: nothing can follow


def read_warc(
    stream: BinaryIO, *, source: str, on_error: OnError, max_bytes: int = MAX_BYTES
) -> Iterator[Article]:
    """One article per HTML response record; `record N` (from 1, all record types) names it.

    A record header that does not parse (a garbage line, a wrong Content-Length) is reported
    `malformed`, and reading goes on at the next record, so the intact records after it are kept.
    """
    base = stream.tell()
    gzipped = stream.read(2) == GZIP_MAGIC
    walk = Walk(source=source, on_error=on_error, max_bytes=max_bytes)
    offset: int | None = 0
    part: BinaryIO = stream
    for _ in range(MAX_RESYNCS + 1):
        if offset is None:
            return
        part = at_offset(stream, base, offset, gzipped=gzipped)
        broken = yield from read_records(part, walk)
        if broken is None or walk.stopped:
            break
        walk.number += 1
        offset = next_record(at_offset(stream, base, walk.last + 1, gzipped=gzipped))
        resumed = "no record after it" if offset is None else f"resumed at byte {offset}"
        on_error(ReadError(source, f"record {walk.number}", "malformed", f"{broken}; {resumed}"))
    else:
        return
    if isinstance(part, Gunzip) and (part.truncated or part.corrupt) and not walk.stopped:
        reason = "truncated" if part.truncated else "malformed"
        on_error(ReadError(source, f"record {walk.number + 1}", reason, part.corrupt))
    elif walk.number == 0:
        on_error(ReadError(source, None, "malformed", "no WARC records"))


def at_offset(stream: BinaryIO, base: int, offset: int, *, gzipped: bool) -> BinaryIO:
    """The decompressed WARC stream from byte `offset` on (a gzip one inflated from its start)."""
    stream.seek(base + (0 if gzipped else offset))
    if not gzipped:
        return stream
    gunzip = Gunzip(stream)
    while offset > 0 and (skipped := gunzip.read(min(offset, 1 << 20))):
        offset -= len(skipped)
    return cast(BinaryIO, gunzip)


def next_record(part: BinaryIO) -> int | None:
    """The offset of the next line of `part` that starts a WARC record, or None."""
    start = part.tell()
    carry = b"\n"  # `part` starts just after a record's first byte: never at a line start
    while block := part.read(1 << 20):
        window = carry + block
        if match := RECORD_START.search(window):
            begin = match.start() + (1 if window[match.start() : match.start() + 1] == b"\n" else 0)
            return start + begin - len(carry)
        carry = window[-16:]
        start += len(block)
    return None


def read_records(part: BinaryIO, walk: Walk) -> Generator[Article, None, str | None]:
    """The articles of `part`, until its end (None) or a header that does not parse (the error)."""
    records = ArchiveIterator(part, parse_http=True, auto_decode="none")
    try:
        for record in records:
            walk.number += 1
            walk.last = record.stream_pos
            if article := read_record(record, walk):
                yield article
            if walk.stopped:
                return None
    except OSError as exc:  # fastwarc: a record header that does not parse
        return str(exc)
    return None


def read_record(record: Any, walk: Walk) -> Article | None:
    """The article of one WARC record, or None (another type, reported as bad, no HTML)."""
    source, on_error, max_bytes = walk.source, walk.on_error, walk.max_bytes
    where = f"record {walk.number}"
    if record.record_type == WarcRecordType.no_type:
        on_error(ReadError(source, where, "malformed", "no WARC-Type"))
        return None
    if record.record_type != WarcRecordType.response:
        return None
    if record.content_length > max_bytes:
        on_error(ReadError(source, where, "too-large", f"over {max_bytes} bytes"))
        return None
    body = record.reader.read()
    if len(body) < record.content_length:
        on_error(ReadError(source, where, "truncated", "the file ends inside it"))
        walk.stopped = True
        return None
    if not is_html(record.http_content_type):
        return None
    try:
        body = decoded(body, record.http_headers, limit=max_bytes)
    except (OSError, ValueError) as exc:
        on_error(ReadError(source, where, "malformed", f"HTTP payload: {exc}"))
        return None
    if len(body) > max_bytes:  # a small payload that decompresses to a huge one
        on_error(ReadError(source, where, "too-large", f"over {max_bytes} bytes decoded"))
        return None
    return article_from_html(
        body,
        source=source,
        record=where,
        on_error=on_error,
        url=record.headers.get("WARC-Target-URI"),
        fallback_date=record.record_date,
    )


def is_html(content_type: str | None) -> bool:
    """True for an HTTP Content-Type of an HTML page (a record without one may be HTML too)."""
    return content_type is None or content_type.split(";")[0].strip().lower() in HTML_TYPES


def decoded(payload: bytes, headers: Any, *, limit: int) -> bytes:
    """An HTTP payload without its transfer and content encodings (as a browser would see it).

    Decoding stops past `limit` bytes (the caller reports `too-large`). Raises OSError for a
    payload its encoding cannot undo, ValueError for an unknown encoding.
    """
    if headers is None:
        return payload
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        payload = read_all(ChunkedReader(io.BytesIO(payload)), limit)
    codings = [c.strip().lower() for c in (headers.get("Content-Encoding") or "").split(",")]
    for coding in reversed(codings):  # applied in order, so undone last first
        if coding in ("", "identity"):
            continue
        if coding not in DECODERS:
            raise ValueError(f"unsupported Content-Encoding {coding!r}")
        payload = read_all(DECODERS[coding](io.BytesIO(payload)), limit)
    return payload


def read_all(reader: Any, limit: int) -> bytes:
    """What a fastwarc stream reader gives (a block per `read`), up to just past `limit` bytes."""
    parts: list[bytes] = []
    size = 0
    while size <= limit and (block := reader.read(1 << 20)):
        parts.append(block)
        size += len(block)
    return b"".join(parts)
