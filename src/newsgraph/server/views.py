"""Answers shared by the REST API and the web pages, composed from Store queries only (no SQL).

Counts (speakers by quotes, event types) are the Store's own queries (`Store.speakers()`,
`Store.event_types()`); what is here shapes records into the response models of `schemas.py`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import product

from newsgraph.model import Event, Figure, Quote
from newsgraph.server.schemas import (
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
from newsgraph.store.base import Cited, Store

# PLOVER's CONSULT covers meetings, visits and calls: the events behind "who met whom".
MEETING_TYPES = ("CONSULT",)
# The meeting graph draws at most this many meeting events (a page, not a tally).
GRAPH_LIMIT = 10_000


def quote_hits(cited: Iterable[Cited[Quote]]) -> list[QuoteHit]:
    return [QuoteHit.model_validate(hit(c)) for c in cited]


def event_hits(cited: Iterable[Cited[Event]]) -> list[EventHit]:
    return [EventHit.model_validate(hit(c)) for c in cited]


def figure_hits(cited: Iterable[Cited[Figure]]) -> list[FigureHit]:
    return [FigureHit.model_validate(hit(c)) for c in cited]


def entity_profile(store: Store, name: str, *, limit: int = 500) -> EntityProfile | None:
    """The merged entity with its quotes and events; a bare speaker name works too."""
    entity = store.entity(name)
    quotes = quote_hits(store.cited_quotes(speaker=name, limit=limit))
    events = event_hits(store.cited_events(actor=name, limit=limit))
    if entity is None and not quotes and not events:
        return None
    return EntityProfile(
        name=entity.name if entity else name,
        label=entity.label if entity else None,
        aliases=sorted(entity.aliases) if entity else [],
        roles=list(entity.roles) if entity else [],
        articles=(entity.articles if entity else 0) or len({q.article_id for q in quotes}),
        quotes=quotes,
        events=events,
    )


def contested_groups(store: Store, *, limit: int = 500) -> list[FigureGroup]:
    """Figures that contest each other, grouped: one group per quantity, sources side by side."""
    cited = store.cited_figures(contested=True, limit=limit)
    by_key = {(c.record.prov.article_id, c.record.id): c for c in cited}
    groups: list[list[Cited[Figure]]] = []
    placed: set[tuple[str, str]] = set()
    for key, item in by_key.items():
        if key in placed:
            continue
        members = [item]
        placed.add(key)
        for other_id in item.record.contests:
            other_key = (key[0], other_id)
            if other_key in by_key and other_key not in placed:
                members.append(by_key[other_key])
                placed.add(other_key)
        groups.append(members)
    return [
        FigureGroup(
            what=next((c.record.what for c in g if c.record.what), None), figures=figure_hits(g)
        )
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
    else:  # "Quillfeather and Osterlind met": a joint subject, no object
        pairs = ((a, b) for i, a in enumerate(sources) for b in sources[i + 1 :])
    return {tuple(sorted(p)) for p in pairs if p[0] != p[1]}  # type: ignore[misc]


def meeting_graph(store: Store, *, actor: str | None = None) -> Graph:
    """Nodes are actors; an edge counts the meeting events between two actors, with their dates
    (the event's date, or its article's publication date when the event has none)."""
    cited = [
        c for t in MEETING_TYPES for c in store.cited_events(type=t, actor=actor, limit=GRAPH_LIMIT)
    ]
    counts: Counter[tuple[str, str]] = Counter()
    dates: dict[tuple[str, str], set[str]] = defaultdict(set)
    modes: dict[tuple[str, str], set[str]] = defaultdict(set)
    degree: Counter[str] = Counter()
    for item in cited:
        event = item.record
        # the event's own date, else the day the article came out
        day = event.date or (item.article.published.isoformat() if item.article.published else None)
        for pair in _pairs(event):
            counts[pair] += 1
            degree.update(pair)
            if day:
                dates[pair].add(day)
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
