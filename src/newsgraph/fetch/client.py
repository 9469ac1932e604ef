"""The polite HTTP client under `newsgraph watch` and `ingest URL`: one request at a time (so at
most one per host), a delay between two requests to a host, robots.txt obeyed, every hop of a
redirect checked against the address rules, conditional GET, retries on 429/5xx honouring
Retry-After, a time limit per response, a size limit (the body is streamed and cut, never read
whole), and every response archived in a WARC file.

Built on httpx, redirects followed by hand (so each hop is checked, archived and counted).
"""

from __future__ import annotations

import dataclasses
import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

import httpx

from newsgraph import __version__
from newsgraph.fetch.address import FetchFailed, check_url, normalise_url, origin
from newsgraph.fetch.robots import AGENT, Robots
from newsgraph.fetch.warc import Captured, WarcFiles, WarcRef

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True, kw_only=True)
class Politeness:
    """How the fetcher treats the sites it reads; `newsgraph watch --help` lists every default.

    Times are in seconds, sizes in bytes. `allowed` holds the origins (`host:port`) that may be
    fetched although they resolve to a loopback or private address: those the user names.
    """

    contact: str | None = None  # an e-mail or URL for site owners, put in the User-Agent
    delay: float = 5.0  # between two requests to one host (robots.txt Crawl-delay if longer)
    timeout: float = 30.0  # for the whole of one response, headers and body
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3  # further tries after a 429 or 5xx
    backoff: float = 2.0  # the first retry's wait when no Retry-After is sent; doubles per try
    max_wait: float = 300.0  # a longer Retry-After gives up on the URL for this round
    allowed: frozenset[str] = frozenset()

    @property
    def user_agent(self) -> str:
        contact = f"; +{self.contact}" if self.contact else ""
        return f"newsgraph/{__version__} (news attribution crawler{contact})"


POLITE = Politeness()  # every setting at its default


@dataclass(frozen=True, slots=True, kw_only=True)
class Validators:
    """What a conditional GET sends back: the last response's ETag and Last-Modified."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    """A response read whole: `url` as requested, `final_url` after redirects."""

    url: str
    final_url: str
    status: int
    headers: httpx.Headers
    body: bytes
    fetched: datetime
    warc: WarcRef | None = None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def validators(self) -> Validators:
        return Validators(
            etag=self.headers.get("etag"), last_modified=self.headers.get("last-modified")
        )


class Fetcher:
    """Fetches URLs one at a time under `Politeness`; `wait` sleeps (a stoppable wait in watch)."""

    def __init__(
        self,
        politeness: Politeness = POLITE,
        *,
        warc: WarcFiles | None = None,
        wait: Callable[[float], None] = time.sleep,
    ) -> None:
        self.politeness = politeness
        self.warc = warc
        self.wait = wait
        self.client = httpx.Client(
            headers={"User-Agent": politeness.user_agent},
            timeout=httpx.Timeout(politeness.timeout),
            follow_redirects=False,
        )
        self.robots = Robots(self._robots_txt)
        self.last: dict[str, float] = {}  # origin -> monotonic time the last request ended
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, validators: Validators | None = None) -> Response:
        """The response at `url` after redirects (a 304 when `validators` still hold).

        Raises FetchFailed for a refused address, robots.txt, redirects, time, size, network
        errors and for 4xx/5xx statuses (after the retries).
        """
        return self._follow(url, validators, obey_robots=True)

    def _robots_txt(self, url: str) -> tuple[int, bytes]:
        try:
            response = self._follow(url, None, obey_robots=False)
        except FetchFailed as exc:
            if exc.reason == "http-error" and exc.detail.startswith("HTTP 4"):
                return 404, b""
            raise
        return response.status, response.body

    def _follow(self, url: str, validators: Validators | None, *, obey_robots: bool) -> Response:
        hops = [url]
        current = url
        for _ in range(self.politeness.max_redirects + 1):
            check_url(current, allowed=self.politeness.allowed)
            if obey_robots and not self.robots.allowed(current):
                raise FetchFailed("robots", f"robots.txt of {origin(current)} disallows {current}")
            response = self._with_retries(current, validators if current == url else None)
            location = response.headers.get("location")
            if response.status not in REDIRECTS or not location:
                return dataclasses.replace(response, url=url)
            current = normalise_url(urljoin(current, location))
            if current in hops:
                raise FetchFailed("redirect-loop", " -> ".join([*hops, current]))
            hops.append(current)
        limit = self.politeness.max_redirects
        raise FetchFailed("too-many-redirects", f"more than {limit} from {url}")

    def _with_retries(self, url: str, validators: Validators | None) -> Response:
        tries = self.politeness.retries + 1
        for attempt in range(tries):
            response = self._request(url, validators)
            if response.status not in RETRIED:
                if response.status >= 400:
                    raise FetchFailed("http-error", f"HTTP {response.status}")
                return response
            if attempt + 1 == tries:
                break
            wait = retry_after(response.headers.get("retry-after"))
            wait = self.politeness.backoff * 2**attempt if wait is None else wait
            if wait > self.politeness.max_wait:
                raise FetchFailed(
                    "http-error", f"HTTP {response.status}, Retry-After {wait:.0f} s: over max-wait"
                )
            self.wait(wait)
        raise FetchFailed("http-error", f"HTTP {response.status} after {tries} tries")

    def _request(self, url: str, validators: Validators | None) -> Response:
        """One GET, after the host's delay; archived; cut at the size limit."""
        host = origin(url)
        last = self.last.get(host)
        if last is not None:
            gap = self._delay(host) - (time.monotonic() - last)
            if gap > 0:
                self.wait(gap)
        try:
            captured = self._read(url, conditional_headers(validators))
        finally:
            self.last[host] = time.monotonic()
            self.requests += 1
        ref = self.warc.write(captured) if self.warc else None
        if captured.truncated:
            raise FetchFailed("too-large", f"over {self.politeness.max_bytes} bytes; cut there")
        return Response(
            url=url,
            final_url=url,
            status=captured.status,
            headers=httpx.Headers(list(captured.headers)),
            body=captured.body,
            fetched=captured.fetched,
            warc=ref,
        )

    def _delay(self, host: str) -> float:
        """The delay between two requests to `host`: ours, or its robots.txt's if longer."""
        rules = self.robots.rules.get(host)  # not yet read while robots.txt itself is fetched
        crawl_delay = rules.crawl_delay(AGENT) if rules is not None else None
        return max(self.politeness.delay, float(crawl_delay or 0))

    def _read(self, url: str, headers: dict[str, str]) -> Captured:
        limit, timeout = self.politeness.max_bytes, self.politeness.timeout
        deadline = time.monotonic() + timeout
        try:
            with self.client.stream("GET", url, headers=headers) as reply:
                declared = reply.headers.get("content-length", "")
                body, truncated = b"", declared.isdigit() and int(declared) > limit
                if not truncated:
                    body, truncated = read_body(reply, limit, deadline)
                return Captured(
                    url=url,
                    status=reply.status_code,
                    reason=reply.reason_phrase,
                    headers=tuple(reply.headers.multi_items()),
                    body=body,
                    fetched=datetime.now(UTC),
                    truncated=truncated,
                )
        except httpx.TimeoutException as exc:
            raise FetchFailed("timeout", f"no complete response in {timeout:g} s") from exc
        except httpx.TransportError as exc:  # connection refused or reset, DNS, protocol errors
            raise FetchFailed("unreachable", f"{type(exc).__name__}: {exc}") from exc
        except httpx.DecodingError as exc:
            raise FetchFailed("unreachable", f"undecodable body: {exc}") from exc


def read_body(reply: httpx.Response, limit: int, deadline: float) -> tuple[bytes, bool]:
    """The body, streamed: (at most `limit` bytes, whether it was cut). A server that trickles
    bytes past the deadline times out like a silent one."""
    chunks: list[bytes] = []
    size = 0
    for chunk in reply.iter_bytes():
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("the response took longer than the time limit")
        size += len(chunk)
        if size > limit:
            chunks.append(chunk[: len(chunk) - (size - limit)])
            return b"".join(chunks), True
        chunks.append(chunk)
    return b"".join(chunks), False


def conditional_headers(validators: Validators | None) -> dict[str, str]:
    if validators is None:
        return {}
    headers = {}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
