"""`newsgraph watch`: rounds that poll every source, fetch the new article URLs and store them.

A round polls each source (conditional GET: an unchanged feed answers 304 and costs nothing),
collects the article URLs it lists that were never read (a stored URL is not fetched again
unless `refetch`), then fetches them taking the sources in turn, so that requests alternate
between hosts, and stores each article as it comes. Everything a restart needs is in the
database: a URL's visit is written once its article is stored, and a feed's validators only
once all its new entries were visited, so a round stopped half-way (SIGTERM, Ctrl-C: `stop`)
and run again reads the same feed whole and stores what the uninterrupted round would have.
"""

from __future__ import annotations

import dataclasses
import logging
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from newsgraph.errors import OnError, ReadError
from newsgraph.fetch.address import FetchFailed
from newsgraph.fetch.client import POLITE, Fetcher, Politeness, Response, Validators
from newsgraph.fetch.discover import (
    article_urls,
    feed_entries,
    feeds_in_page,
    kind_of,
    read_sitemap,
)
from newsgraph.fetch.pages import article_of
from newsgraph.fetch.sources import Source
from newsgraph.fetch.warc import WarcFiles
from newsgraph.model import Article, ExtractedArticle
from newsgraph.read import DEFAULTS, ReadOptions, screen
from newsgraph.store import Store
from newsgraph.store.sources import Visit

log = logging.getLogger(__name__)

# Outcomes worth another try in a later round; every other outcome of a page is final.
TRANSIENT = frozenset({"timeout", "unreachable"})
KINDS = {"feed": "feed", "sitemap": "sitemap", "html": "site"}
MAX_SITEMAPS = 20  # sitemaps read for one site in a round (an index and its children)


class Stopped(Exception):
    """Raised inside a round when `stop` is set: the round ends where it is."""


@dataclass(slots=True)
class Round:
    """What one round did; `line()` is its log line."""

    number: int
    sources: int = 0
    not_modified: int = 0
    pages: int = 0  # new article URLs requested
    stored: int = 0
    duplicates: int = 0
    errors: int = 0  # pages and listings not read, robots.txt refusals apart
    robots: int = 0
    requests: int = 0
    seconds: float = 0.0
    stopped: bool = False

    def line(self) -> str:
        end = ", stopped" if self.stopped else ""
        return (
            f"round {self.number}: {self.sources} sources ({self.not_modified} not modified), "
            f"{self.pages} pages tried, {self.stored} stored, {self.duplicates} duplicate, "
            f"{self.errors} errors, {self.robots} refused by robots.txt, "
            f"{self.requests} requests in {self.seconds:.1f} s{end}"
        )


@dataclass(slots=True)
class Poll:
    """One source within a round: its new pages, and the listings to save once they are done."""

    source: Source
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    kind: str | None = None
    status: str = "ok"
    detail: str = ""
    pages: deque[str] = field(default_factory=deque)
    listings: list[Visit] = field(default_factory=list)


class Watcher:
    """The rounds over `sources`, storing into `store`; `extract` turns an Article into records.

    Each page's article meets the door's screen (`read.screen`: other languages are reported
    `not-english`) and `options.published`, as an article read from a file does.
    """

    def __init__(
        self,
        sources: Iterable[Source],
        store: Store,
        *,
        extract: Callable[[Article], ExtractedArticle],
        options: ReadOptions = DEFAULTS,
        politeness: Politeness = POLITE,
        warc: WarcFiles | None = None,
        refetch: bool = False,
        stop: threading.Event | None = None,
        on_error: OnError | None = None,
    ) -> None:
        self.sources = list(sources)
        self.store = store
        self.extract = extract
        self.options = options
        self.politeness = politeness
        self.warc = warc
        self.refetch = refetch
        self.stop = stop or threading.Event()
        self.on_error = on_error
        self.seen: set[str] = set()  # the page URLs queued in the current round

    def run(
        self,
        *,
        every: float,
        rounds: int | None = None,
        on_round: Callable[[Round], None] | None = None,
    ) -> list[Round]:
        """Rounds every `every` seconds until `stop` is set or `rounds` are done."""
        done: list[Round] = []
        while True:
            found = self.round(len(done) + 1)
            done.append(found)
            log.info(found.line())
            if on_round is not None:
                on_round(found)
            if found.stopped or (rounds is not None and len(done) >= rounds):
                return done
            if self.stop.wait(every):
                return done

    def round(self, number: int) -> Round:
        tally = Round(number)
        started = time.monotonic()
        self.seen = set()
        with Fetcher(self.politeness, warc=self.warc, wait=self._wait) as fetcher:
            try:
                polls = []
                for source in self.sources:
                    self._check()
                    polls.append(self._poll(fetcher, source, tally))
                self._fetch_pages(fetcher, polls, tally)
            except Stopped:
                tally.stopped = True
            tally.requests = fetcher.requests
        tally.seconds = time.monotonic() - started
        return tally

    # --- stopping -------------------------------------------------------------------------------

    def _wait(self, seconds: float) -> None:
        if self.stop.wait(seconds):
            raise Stopped

    def _check(self) -> None:
        if self.stop.is_set():
            raise Stopped

    def _report(self, error: ReadError, tally: Round) -> None:
        if error.reason == "robots":
            tally.robots += 1
        else:
            tally.errors += 1
        self.store.put_error(error)
        if self.on_error is not None:
            self.on_error(error)

    # --- polling sources ------------------------------------------------------------------------

    def _poll(self, fetcher: Fetcher, source: Source, tally: Round) -> Poll:
        tally.sources += 1
        poll = Poll(source)
        kind = None if source.kind == "auto" else source.kind
        visit, response = self._listing(fetcher, source.url, source, kind, tally)
        poll.listings.append(visit)
        poll.kind = visit.kind if visit.kind != "unknown" else None
        poll.status = "ok" if visit.outcome == "listed" else visit.outcome
        poll.detail = visit.detail
        if visit.outcome == "not-modified":
            tally.not_modified += 1
        links = self._links(fetcher, poll, visit, response, tally)
        retried = [v.url for v in self.store.source_problems(source.url) if v.outcome in TRANSIENT]
        for url in [*article_urls(links), *retried]:
            if url not in self.seen and self._is_new(url):
                self.seen.add(url)
                poll.pages.append(url)
        return poll

    def _links(
        self, fetcher: Fetcher, poll: Poll, visit: Visit, response: Response | None, tally: Round
    ) -> list[str]:
        """The article URLs a source lists now (none when it is unchanged or unread)."""
        if visit.kind == "feed":
            return feed_entries(response.body, response.final_url) if response else []
        if visit.kind == "sitemap":
            return self._sitemap_pages(fetcher, poll, [visit.url], tally, first=response)
        if visit.kind != "site" or visit.outcome not in ("listed", "not-modified"):
            return []
        if response is not None:
            feeds = feeds_in_page(response.body, response.final_url)
        else:  # the front page is unchanged: the feeds it linked to last time
            feeds = [v.url for v in self.store.listings(poll.source.url) if v.kind == "feed"]
        links: list[str] = []
        for feed in feeds:
            self._check()
            found, reply = self._listing(fetcher, feed, poll.source, "feed", tally)
            poll.listings.append(found)
            if reply is not None and found.kind == "feed":
                links += feed_entries(reply.body, reply.final_url)
        sitemaps = fetcher.robots.sitemaps(visit.url)
        guessed = not sitemaps  # none in robots.txt: the usual place, quietly skipped if absent
        sitemaps = sitemaps or [front(visit.url) + "sitemap.xml"]
        return links + self._sitemap_pages(fetcher, poll, sitemaps, tally, guessed=guessed)

    def _sitemap_pages(
        self,
        fetcher: Fetcher,
        poll: Poll,
        urls: list[str],
        tally: Round,
        *,
        first: Response | None = None,
        guessed: bool = False,
    ) -> list[str]:
        """Pages of the sitemaps at `urls` and of the sitemaps they index, up to MAX_SITEMAPS;
        `first` is the response of `urls[0]` when it is read already."""
        pages: list[str] = []
        queue, done = deque(urls), set()
        while queue and len(done) < MAX_SITEMAPS:
            url = queue.popleft()
            if url in done:
                continue
            done.add(url)
            reply = first if first is not None and url == first.url else None
            if reply is None:
                self._check()
                visit, reply = self._listing(fetcher, url, poll.source, "sitemap", tally, guessed)
                if visit.outcome != "absent":
                    poll.listings.append(visit)
                if visit.outcome == "not-modified":  # an unchanged index: the children it had
                    stored = self.store.listings(poll.source.url)
                    queue.extend(v.url for v in stored if v.kind == "sitemap")
            if reply is not None:
                sitemap = read_sitemap(reply.body, reply.final_url)
                pages += sitemap.pages
                queue.extend(sitemap.sitemaps)
        return pages

    def _listing(
        self,
        fetcher: Fetcher,
        url: str,
        source: Source,
        kind: str | None,
        tally: Round,
        guessed: bool = False,
    ) -> tuple[Visit, Response | None]:
        """Fetch a feed, sitemap or front page, conditionally: its visit (outcome "absent" for a
        `guessed` URL that is not there, not recorded), and the response when it changed."""
        previous = self.store.visit(url)
        kind = kind or (previous.kind if previous else None)
        validators = None
        if previous is not None and previous.outcome in ("listed", "not-modified"):
            validators = Validators(etag=previous.etag, last_modified=previous.last_modified)
        try:
            response = fetcher.get(url, None if self.refetch else validators)
        except FetchFailed as exc:
            outcome = "absent" if guessed and exc.reason == "http-error" else exc.reason
            if outcome != "absent":
                self._report(ReadError(url, None, exc.reason, exc.detail), tally)
            visit = Visit(
                url=url,
                source=source.url,
                kind=kind or "unknown",
                outcome=outcome,
                detail=exc.detail,
            )
            return visit, None
        if response.status == 304 and previous is not None:
            return visit_of(response, source, previous.kind, "not-modified", previous), None
        found = KINDS.get(kind_of(response.content_type, response.body))
        if found is None:
            detail = f"{response.content_type or 'no Content-Type'}: not a feed, sitemap or page"
            self._report(ReadError(url, None, "malformed", detail), tally)
            return visit_of(response, source, kind or "unknown", "malformed", None, detail), None
        return visit_of(response, source, found, "listed", None), response

    def _is_new(self, url: str) -> bool:
        if self.refetch:
            return True
        visit = self.store.visit(url)
        return visit is None or (visit.kind == "page" and visit.outcome in TRANSIENT)

    # --- fetching pages -------------------------------------------------------------------------

    def _fetch_pages(self, fetcher: Fetcher, polls: list[Poll], tally: Round) -> None:
        """Every poll's pages, one of each source in turn; a poll's listings and status are
        saved once its last page is visited."""
        waiting = list(polls)
        while waiting:
            for poll in list(waiting):
                if poll.pages:
                    self._check()
                    self._visit_page(fetcher, poll.source, poll.pages.popleft(), tally)
                if not poll.pages:
                    self._finish(poll)
                    waiting.remove(poll)

    def _finish(self, poll: Poll) -> None:
        for visit in poll.listings:
            self.store.put_visit(visit)
        self.store.put_source(
            poll.source.url,
            kind=poll.kind,
            name=poll.source.name,
            last_poll=poll.started,
            status=poll.status,
            detail=poll.detail,
        )

    def _visit_page(self, fetcher: Fetcher, source: Source, url: str, tally: Round) -> None:
        tally.pages += 1
        problems: list[ReadError] = []
        try:
            response = fetcher.get(url)
        except FetchFailed as exc:
            error = ReadError(url, None, exc.reason, exc.detail)
            self._report(error, tally)
            self.store.put_visit(
                Visit(
                    url=url, source=source.url, kind="page", outcome=exc.reason, detail=exc.detail
                )
            )
            return
        read = article_of(response, on_error=problems.append)
        article = next(screen([read] if read else [], self.options, problems.append), None)
        if article is None:
            for problem in problems:
                self._report(problem, tally)
            first = problems[0] if problems else ReadError(url, None, "no-text")
            visit = visit_of(response, source, "page", first.reason, None, first.detail)
        elif self.store.has(article.content_hash) or not self.store.put(self.extract(article)):
            tally.duplicates += 1
            visit = visit_of(response, source, "page", "duplicate", None)
            visit = dataclasses.replace(visit, article_hash=article.content_hash)
        else:
            tally.stored += 1
            visit = visit_of(response, source, "page", "stored", None)
            visit = dataclasses.replace(visit, article_hash=article.content_hash)
        self.store.put_visit(visit)


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """An Event that SIGTERM and SIGINT (Ctrl-C) set instead of killing the process: the round
    stops after the URL in hand, its article stored. The handlers before are restored after."""
    stop = threading.Event()
    signals = (signal.SIGTERM, signal.SIGINT)
    before = {s: signal.getsignal(s) for s in signals}
    for number in signals:
        signal.signal(number, lambda *_: stop.set())
    try:
        yield stop
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def visit_of(
    response: Response,
    source: Source,
    kind: str,
    outcome: str,
    previous: Visit | None,
    detail: str = "",
) -> Visit:
    """The visit a response makes; a 304 keeps the validators of the `previous` one."""
    validators = previous or response.validators
    warc = response.warc
    return Visit(
        url=response.url,
        source=source.url,
        kind=kind,
        outcome=outcome,
        detail=detail,
        fetched_at=response.fetched,
        http_status=response.status,
        etag=validators.etag,
        last_modified=validators.last_modified,
        warc_file=warc.file if warc else None,
        warc_record=warc.record if warc else None,
        warc_offset=warc.offset if warc else None,
    )


def front(url: str) -> str:
    """The root of a URL's site: `https://host/`."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
