"""WARC files of what the fetcher read: every response, one gzip member a record, rotated by size.

The files lie in one folder (beside the database: `newsgraph.db` -> `newsgraph-warc/`), named
`<prefix>-00000.warc.gz`, `-00001`, ...; a file past `max_bytes` is closed and the next begun, each
starting with a `warcinfo` record. A response record holds the HTTP status line, the headers and
the body as newsgraph read it: decoded (httpx undoes gzip/br), so `Content-Encoding` and
`Transfer-Encoding` are dropped and `Content-Length` is the body's; a body cut at the size limit
carries `WARC-Truncated: length`. Written with warcio; fastwarc (newsgraph's reader) opens them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph import __version__

MAX_WARC_BYTES = 1024**3  # a file is rotated once it passes 1 GiB, the usual crawler size
DROPPED = frozenset({"content-encoding", "transfer-encoding", "content-length"})
NUMBERED = re.compile(r"-(\d{5})\.warc\.gz$")


@dataclass(frozen=True, slots=True, kw_only=True)
class WarcRef:
    """Where a record lies: its file (a name within the folder), byte offset and WARC-Record-ID."""

    file: str
    offset: int
    record: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Captured:
    """One HTTP response as it is archived."""

    url: str  # the URL this response answers (one hop of a redirect chain)
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched: datetime
    truncated: bool = False
    ip: str | None = None


class WarcFiles:
    """Appends response records to the newest WARC file of `folder`, rotating past `max_bytes`."""

    def __init__(self, folder: Path, *, prefix: str = "newsgraph", max_bytes: int = MAX_WARC_BYTES):
        self.folder = folder
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.number = self._newest()

    def _newest(self) -> int:
        numbers = [
            int(m.group(1))
            for p in self.folder.glob(f"{self.prefix}-*.warc.gz")
            if (m := NUMBERED.search(p.name))
        ]
        return max(numbers, default=0)

    def path(self) -> Path:
        return self.folder / f"{self.prefix}-{self.number:05d}.warc.gz"

    def write(self, response: Captured) -> WarcRef:
        """Archive one response; where its record lies."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path()
        if path.exists() and path.stat().st_size >= self.max_bytes:
            self.number += 1
            path = self.path()
        with path.open("ab") as stream:
            writer = WARCWriter(stream, gzip=True)
            if stream.tell() == 0:
                writer.write_record(self._warcinfo(writer, path.name))
            record = self._response(writer, response)
            offset = stream.tell()
            writer.write_record(record)
        return WarcRef(
            file=path.name, offset=offset, record=record.rec_headers.get_header("WARC-Record-ID")
        )

    def _warcinfo(self, writer: WARCWriter, name: str):  # type: ignore[no-untyped-def]
        info = {"software": f"newsgraph/{__version__}", "format": "WARC File Format 1.1"}
        return writer.create_warcinfo_record(name, info)

    def _response(self, writer: WARCWriter, response: Captured):  # type: ignore[no-untyped-def]
        headers = [(k, v) for k, v in response.headers if k.lower() not in DROPPED]
        headers.append(("Content-Length", str(len(response.body))))
        http = StatusAndHeaders(
            f"{response.status} {response.reason}".strip(), headers, protocol="HTTP/1.1"
        )
        warc_headers = {"WARC-Date": warc_date(response.fetched)}
        if response.truncated:
            warc_headers["WARC-Truncated"] = "length"
        if response.ip:
            warc_headers["WARC-IP-Address"] = response.ip
        return writer.create_warc_record(
            response.url,
            "response",
            payload=io.BytesIO(response.body),
            http_headers=http,
            warc_headers_dict=warc_headers,
        )


def warc_folder(db: str | None) -> Path:
    """Where the WARC files of a database go: beside an SQLite file (`news.db` -> `news-warc/`),
    else (PostgreSQL, in-memory) `newsgraph-warc/` in the working directory."""
    raw = db or "newsgraph.db"
    if "://" not in raw:
        path = Path(raw)
    else:
        try:
            url = make_url(raw)
        except ArgumentError:
            return Path("newsgraph-warc")
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return Path("newsgraph-warc")
        path = Path(url.database)
    return path.with_name(f"{path.stem}-warc")


def warc_date(moment: datetime) -> str:
    """WARC-Date form: UTC, to the microsecond (WARC 1.1 allows the fraction)."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
