"""Answers shared by the REST API and the web pages, composed from Store queries only (no SQL).

A record points at its article by id; `Articles` looks each article up once per request, so a
list of hits carries title, outlet and date without one query per record.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product

from newsgraph.api.schemas import (
    EntityProfile,
    EventHit,
    FigureGroup,
    FigureHit,
    Graph,
    GraphEdge,
    GraphNode,
    QuoteHit,
    hit,
)
from newsgraph.model import Article, Event, ExtractedArticle, Figure, Quote
from newsgraph.store.base import Store

# PLOVER's CONSULT covers meetings, visits and calls: the events behind "who met whom".
MEETING_TYPES = ("CONSULT",)
# Enough rows to aggregate a newsroom corpus in one pass; the graph and speaker lists are bounded.
SCAN_LIMIT = 10_000


@dataclass
class Articles:
    """Article lookups for one request: each article is read from the store at most once."""

    store: Store
    seen: dict[str, ExtractedArticle | None] = field(default_factory=dict)

    def get(self, article_id: str) -> ExtractedArticle | None:
        if article_id not in self.seen:
            self.seen[article_id] = self.store.article(article_id)
        return self.seen[article_id]

    def article(self, article_id: str) -> Article | None:
        extracted = self.get(article_id)
        return extracted.article if extracted else None


def quote_hits(store: Store, quotes: Iterable[Quote]) -> list[QuoteHit]:
    articles = Articles(store)
    return [QuoteHit.model_validate(hit(q, articles.article(q.prov.article_id))) for q in quotes]


def event_hits(store: Store, events: Iterable[Event]) -> list[EventHit]:
    articles = Articles(store)
    return [EventHit.model_validate(hit(e, articles.article(e.prov.article_id))) for e in events]


def figure_hits(store: Store, figures: Iterable[Figure]) -> list[FigureHit]:
    articles = Articles(store)
    return [FigureHit.model_validate(hit(f, articles.article(f.prov.article_id))) for f in figures]


def top_speakers(store: Store, *, limit: int = 20) -> list[tuple[str, int]]:
    """Speakers by number of quotes (pull quotes that repeat another quote not counted)."""
    counts = Counter(
        q.speaker for q in store.quotes(limit=SCAN_LIMIT) if q.speaker and not q.duplicate_of
    )
    return counts.most_common(limit)


def entity_profile(store: Store, name: str) -> EntityProfile | None:
    """The merged entity, or, for a name only ever seen as a speaker, its quotes."""
    entity = store.entity(name)
    quotes = list(entity.get("quotes", ())) if entity else store.quotes(speaker=name)
    events = list(entity.get("events", ())) if entity else store.events(actor=name)
    if not entity and not quotes and not events:
        return None
    entity = entity or {}
    return EntityProfile(
        name=entity.get("name") or name,
        label=entity.get("label"),
        aliases=sorted(entity.get("aliases") or ()),
        roles=sorted(entity.get("roles") or ()),
        quotes=quote_hits(store, quotes),
        events=event_hits(store, events),
    )


def contested_groups(store: Store, *, limit: int = 500) -> list[FigureGroup]:
    """Figures that contest each other, grouped: one group per quantity, sources side by side."""
    figures = store.figures(contested=True, limit=limit)
    by_key = {(f.prov.article_id, f.id): f for f in figures}
    groups: list[list[Figure]] = []
    placed: set[tuple[str, str]] = set()
    for figure in figures:
        key = (figure.prov.article_id, figure.id)
        if key in placed:
            continue
        members = [figure]
        placed.add(key)
        for other_id in figure.contests:
            other = by_key.get((figure.prov.article_id, other_id))
            if other and (other.prov.article_id, other.id) not in placed:
                members.append(other)
                placed.add((other.prov.article_id, other.id))
        groups.append(members)
    return [
        FigureGroup(what=next((f.what for f in g if f.what), None), figures=figure_hits(store, g))
        for g in groups
    ]


def _participants(event: Event) -> tuple[list[str], list[str]]:
    sources = list(dict.fromkeys(r.name for r in event.source))
    targets = [n for n in dict.fromkeys(r.name for r in event.target) if n not in sources]
    return sources, targets


def _pairs(event: Event) -> set[tuple[str, str]]:
    """Who met whom in one event: every source with every target, or sources among themselves."""
    sources, targets = _participants(event)
    if targets:
        pairs = product(sources, targets)
    else:  # "Blinken and Abbas met": a joint subject, no object
        pairs = ((a, b) for i, a in enumerate(sources) for b in sources[i + 1 :])
    return {tuple(sorted(p)) for p in pairs if p[0] != p[1]}  # type: ignore[misc]


def meeting_graph(store: Store, *, actor: str | None = None) -> Graph:
    """Nodes are actors; an edge counts the meeting events between two actors and their dates."""
    events = [e for t in MEETING_TYPES for e in store.events(type=t, actor=actor, limit=SCAN_LIMIT)]
    counts: Counter[tuple[str, str]] = Counter()
    dates: dict[tuple[str, str], set[str]] = defaultdict(set)
    modes: dict[tuple[str, str], set[str]] = defaultdict(set)
    degree: Counter[str] = Counter()
    for event in events:
        for pair in _pairs(event):
            counts[pair] += 1
            degree.update(pair)
            if event.date:
                dates[pair].add(event.date)
            if event.mode:
                modes[pair].add(event.mode)
    return Graph(
        nodes=[GraphNode(id=name, name=name, events=n) for name, n in sorted(degree.items())],
        edges=[
            GraphEdge(
                source=a,
                target=b,
                events=n,
                dates=sorted(dates[(a, b)]),
                modes=sorted(modes[(a, b)]),
            )
            for (a, b), n in sorted(counts.items())
        ],
    )
