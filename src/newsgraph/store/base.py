"""The Store protocol: everything the CLI, API and batch loader need from a database.

Keys are content hashes, so writes are upserts and running again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Any, Generic, Protocol, Self, TypeVar

from newsgraph.errors import ReadError
from newsgraph.model import Article, Event, ExtractedArticle, Figure, Quote
from newsgraph.store.sources import SourceStatus, Visit

R = TypeVar("R", Quote, Event, Figure)
T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class Page(Generic[T]):
    """One page of a listing: its items, and how many the whole filtered listing holds."""

    items: tuple[T, ...]
    total: int
    offset: int = 0
    # the cursor of the page after this one (`keyset.py`); None on the last page
    next_cursor: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleBrief:
    """An article in a listing: its metadata (`article.text` is left out, empty) and the
    number of records of each kind."""

    article: Article
    quotes: int = 0
    events: int = 0
    figures: int = 0
    entities: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Meeting:
    """Two actors (names, `a` < `b`) that meeting events join, and those events' count,
    days and modes."""

    a: str
    b: str
    events: int
    days: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Bucket:
    """One point of a timeline: the day a bucket starts (ISO) and what it counts."""

    start: str
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Byline:
    """An article without its text: what a query result cites."""

    id: str
    hash: str
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Cited(Generic[R]):
    """A record with the article it comes from; `also` lists other articles reporting it
    (near-duplicate copies of a quote, further sources of a merged event)."""

    record: R
    article: Byline
    also: tuple[Byline, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityEvent:
    """A merged event an entity took part in, with the other participants' names."""

    id: str
    type: str
    mode: str | None = None
    date: str | None = None  # an ISO date or `start/end` range; None when unresolved
    place: str | None = None
    partners: tuple[str, ...] = ()  # the others' names, as the reports give them
    articles: int = 1  # articles reporting it


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityProfile:
    """An entity merged across articles: its names, roles, quotes and events."""

    id: str
    name: str
    label: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # most frequent first
    articles: int = 0  # articles that mention it
    quotes: tuple[Cited[Quote], ...] = ()  # newest first
    events: tuple[EntityEvent, ...] = ()  # latest first
    others: tuple[str, ...] = ()  # ids of other entities the name also matches


class Store(Protocol):
    def put(self, extracted: ExtractedArticle) -> bool:
        """Store one article with all its records in one transaction; False if already stored."""
        ...

    def put_many(self, batch: Iterable[ExtractedArticle]) -> int:
        """Store a batch of articles in one transaction, each merged as `put` merges it, in
        input order; the number newly stored (the rest were stored already)."""
        ...

    def has(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored."""
        ...

    def put_error(self, error: ReadError) -> None: ...

    def errors(self) -> list[ReadError]: ...

    def article(self, article_id: str) -> ExtractedArticle | None: ...

    def articles(
        self, *, search: str | None = None, since: date | None = None, limit: int = 100
    ) -> list[ExtractedArticle]: ...

    def quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        min_confidence: float | None = None,
        limit: int = 100,
    ) -> list[Quote]: ...

    def events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002  (PLOVER's word, and the CLI option's name)
        since: date | None = None,
        until: date | None = None,
        place: str | None = None,
        limit: int = 100,
    ) -> list[Event]: ...

    def figures(self, *, contested: bool = False, limit: int = 100) -> list[Figure]: ...

    def entity(self, name: str, *, limit: int | None = None) -> EntityProfile | None:
        """The merged entity any of whose names is `name`, with at most `limit` of its latest
        quotes and events (None: all); None when there is none."""
        ...

    def cited_quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        min_confidence: float | None = None,
        limit: int = 100,
    ) -> list[Cited[Quote]]:
        """`quotes()` with the article each comes from (title, outlet, date).

        `min_confidence` leaves out quotes the model scored below it; unscored ones (rules only,
        confidence None) stay.
        """
        ...

    def cited_events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002
        since: date | None = None,
        until: date | None = None,
        place: str | None = None,
        limit: int = 100,
    ) -> list[Cited[Event]]:
        """`events()` with the first article reporting each and the others in `also`."""
        ...

    def cited_figures(
        self, *, contested: bool = False, limit: int = 100
    ) -> list[Cited[Figure]]: ...

    def merge_entities(self, name: str, into: str) -> str:
        """Make the entity called `name` part of the one called `into`; persists. Its id."""
        ...

    def split_entity(self, name: str) -> str:
        """Take the mentions called `name` out of their merged entity; persists. The new id."""
        ...

    def put_visit(self, visit: Visit) -> None:
        """Record the latest outcome of a URL `newsgraph watch` requested."""
        ...

    def visit(self, url: str) -> Visit | None: ...

    def listings(self, source: str) -> list[Visit]:
        """The feeds and sitemaps last found for a site source."""
        ...

    def put_source(self, url: str, **poll: Any) -> None:
        """Record a source's last poll: kind, name, last_poll, status, detail."""
        ...

    def sources(self) -> list[SourceStatus]:
        """Every watched source with its last poll and the counts of its visits."""
        ...

    def source_problems(self, url: str) -> list[Visit]:
        """A source's URLs that were not read, robots.txt refusals among them."""
        ...

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one table of the schema, streamed in key order (what export writes)."""
        ...

    def page(
        self,
        kind: str,
        *,
        offset: int = 0,
        limit: int = 50,
        cursor: str | None = None,
        **filters: Any,
    ) -> Page[Any]:
        """One page of a listing (`listing.KINDS`: articles, quotes, events, figures,
        speakers) with the filtered total; the filters are those of `articles()`, `quotes()`...
        `cursor`: the page after the one whose `next_cursor` it is ("": the first page);
        BadCursor (a BadFilter) for a token the listing did not give out."""
        ...

    def stream(self, kind: str, **filters: Any) -> Iterator[Any]:
        """Every item of a filtered listing, in page order, read a thousand at a time."""
        ...

    def facets(
        self, kind: str, *, limit: int = 10, **filters: Any
    ) -> dict[str, list[tuple[str, int]]]:
        """Per facet of a filtered listing (quotes: speaker, outlet, kind, month; articles:
        outlet, language, month; events: type, month) its commonest values with their counts."""
        ...

    def sentences_at(self, spans: list[tuple[str, int]]) -> dict[tuple[str, int], str | None]:
        """The sentence holding each (article id, character offset); None when unknown."""
        ...

    def meetings(self, *, actor: str | None = None) -> list[Meeting]:
        """Who met whom (`meetings.py`): pairs of actors with their meeting events."""
        ...

    def timeline(self, *, count: str, interval: str, **filters: Any) -> list[Bucket]:
        """`count` ("quotes", "articles" or "events") per `interval` ("day", "week", "month") of
        publication (events: of their own date), for the filters of that listing (articles also
        take `entity`); gaps are 0."""
        ...

    def speakers(self, *, limit: int = 20) -> list[tuple[str, int]]:
        """Speakers by number of quotes, most quoted first (ties by name); copies not counted."""
        ...

    def event_types(self) -> list[str]:
        """The PLOVER types of the stored events, sorted."""
        ...

    def counts(self) -> dict[str, int]:
        """Row count per table."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self:
        """The store itself; `with open_store(url) as store:` closes it on the way out."""
        ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...
