"""The two expected failures: a user's mistake (NewsgraphError) and a bad input record (ReadError).

A bug is neither: it propagates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

READ_REASONS = (
    "empty",  # nothing in the file or record
    "binary",  # not text at all
    "encoding",  # text that is not valid in any encoding we accept
    "truncated",  # a compressed or WARC stream that ends early
    "malformed",  # a feed, JSON line or WARC record that does not parse
    "no-text",  # parsed, but carries no article text
    "too-large",  # over a size limit (bytes of a document or decompressed, characters of a text)
    "too-complex",  # over a structure limit (JSON nesting, HTML tags), whatever the size
    "unreadable",  # a file that cannot be opened or is not a regular file (a FIFO, a device)
    "not-english",  # the language detector says another language
    "unsupported",  # a format we cannot read
    "duplicate",  # the same text (by content hash) was already read in this run
    "internal",  # a bug caught at the per-article boundary of a batch
)
# What the fetcher (`newsgraph watch`, `ingest URL`) reports for a URL it did not read.
FETCH_REASONS = (
    "robots",  # robots.txt disallows it for our User-Agent
    "refused-address",  # not http(s), or a loopback/private/reserved address no source names
    "redirect-loop",  # a redirect back to a URL already visited
    "too-many-redirects",  # more redirects than the limit
    "timeout",  # no complete response within the time limit
    "unreachable",  # DNS or connection failure
    "http-error",  # a 4xx/5xx status (5xx and 429 after the retries)
    "not-html",  # an article URL that serves something else (a PDF, an image)
)


class NewsgraphError(Exception):
    """A user's mistake (a bad --db URL, a missing model): the message says what to do."""


@dataclass(frozen=True, slots=True)
class ReadError:
    """A bad input record: reported, skipped, and the run goes on."""

    source: str  # the file
    record: str | None  # the record within it ("entry 12", "line 4"); None for the whole file
    reason: str  # a stable slug from READ_REASONS
    detail: str = ""

    def __str__(self) -> str:
        where = f"{self.source}: {self.record}" if self.record else self.source
        tail = f" ({self.detail})" if self.detail else ""
        return f"{where}: {self.reason}; skipped{tail}"


class ReadFailure(Exception):
    """Raised by `raise_it`, the default `on_error`, carrying the ReadError."""

    def __init__(self, error: ReadError) -> None:
        super().__init__(str(error))
        self.error = error


OnError = Callable[[ReadError], None]


def raise_it(error: ReadError) -> None:
    """The default `on_error`: turn a ReadError into an exception."""
    raise ReadFailure(error)
