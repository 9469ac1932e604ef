"""Answers shared by the REST API and the web pages, composed from Store queries only (no SQL).

Counts (speakers by quotes, event types) are the Store's own queries (`Store.speakers()`,
`Store.event_types()`); what is here shapes records into the response models of `schemas.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

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
    brief_summary,
    hit,
)
from newsgraph.store.base import ArticleBrief, Cited, Page, Store
from newsgraph.store.stories import contest_groups, heading

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


def entity_profile(
    store: Store, name: str, *, limit: int = 100, offset: int = 0
) -> EntityProfile | None:
    """The merged entity with a page of its quotes and of its events (the latest `limit` after
    `offset`) and their totals; a bare speaker name works too."""
    entity = store.entity(name, limit=0)
    quoted = store.page("quotes", speaker=name, offset=offset, limit=limit)
    acted = store.page("events", actor=name, offset=offset, limit=limit)
    quotes, events = quote_hits(quoted.items), event_hits(acted.items)
    if entity is None and not quoted.total and not acted.total:
        return None
    return EntityProfile(
        name=entity.name if entity else name,
        label=entity.label if entity else None,
        aliases=sorted(entity.aliases) if entity else [],
        roles=list(entity.roles) if entity else [],
        articles=(entity.articles if entity else 0) or len({q.article_id for q in quotes}),
        quotes=quotes,
        events=events,
        quotes_total=quoted.total,
        events_total=acted.total,
    )


def contested_groups(store: Store, *, limit: int = 500) -> list[FigureGroup]:
    """Figures that contest each other, one group per contest (rivals in other articles of the
    story too), sources side by side, headed by the quantity they count."""
    return contested_page(store, limit=limit)[0]


def contested_page(
    store: Store, *, limit: int, offset: int = 0
) -> tuple[list[FigureGroup], Page[Cited[Figure]]]:
    """A page of the contested figures (`limit` figures from `offset`) in their groups, and the
    page itself (its total: every contested figure); a group can go on over the next page."""
    page = store.page("figures", contested=True, offset=offset, limit=limit)
    return [group_of(g) for g in contest_groups(page.items)], page


def group_of(members: list[Cited[Figure]]) -> FigureGroup:
    quantity, what = heading(members)
    first = members[0].record
    return FigureGroup(
        what=what,
        quantity=quantity,
        kind=first.contest,
        reason=first.reason,
        figures=figure_hits(members),
    )


def meeting_graph(store: Store, *, actor: str | None = None) -> Graph:
    """Nodes are actors; an edge counts the meeting events between two actors, with their dates
    (the event's date, or its article's publication date when the event has none)."""
    pairs = store.meetings(actor=actor)
    degree: Counter[str] = Counter()
    for pair in pairs:
        degree[pair.a] += pair.events
        degree[pair.b] += pair.events
    return Graph(
        nodes=[GraphNode(id=name, name=name, events=n) for name, n in sorted(degree.items())],
        edges=[
            GraphEdge(
                source=p.a, target=p.b, events=p.events, dates=list(p.days), modes=list(p.modes)
            )
            for p in pairs
        ],
    )


# --- flat rows for downloads --------------------------------------------------------------------


def _article_columns(cited: Cited[Any]) -> dict[str, Any]:
    return {
        "article_id": cited.article.id,
        "article_title": cited.article.title,
        "outlet": cited.article.outlet,
        "url": cited.article.url,
        "published": cited.article.published,
    }


def _names(refs: Iterable[Any]) -> str:
    return "; ".join(r.name for r in refs)


def event_row(cited: Cited[Event]) -> dict[str, Any]:
    event = cited.record
    return _article_columns(cited) | {
        "event_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "status": event.status,
        "trigger": event.trigger,
        "source": _names(event.source),
        "target": _names(event.target),
        "place": event.place.name if event.place else None,
        "when": event.when,
        "date": event.date,
        "confidence": event.confidence,
        "start": event.prov.start,
        "end": event.prov.end,
        "reports": 1 + len(cited.also),
    }


def figure_row(cited: Cited[Figure]) -> dict[str, Any]:
    figure = cited.record
    return _article_columns(cited) | {
        "figure_id": figure.id,
        "text": figure.text,
        "value": figure.value,
        "value_high": figure.value_high,
        "hedge": figure.hedge,
        "unit": figure.unit,
        "what": figure.what,
        "place": figure.place,
        "period": figure.period,
        "period_date": figure.period_date,
        "source": figure.source.name if figure.source else None,
        "cue": figure.cue,
        "contests": "; ".join(figure.contests),
        "start": figure.prov.start,
        "end": figure.prov.end,
    }


def article_row(brief: ArticleBrief) -> dict[str, Any]:
    return brief_summary(brief).model_dump()


def speaker_row(tally: tuple[str, int]) -> dict[str, Any]:
    return {"speaker": tally[0], "quotes": tally[1]}


# What each listing downloads: the Store listing it streams and how an item becomes a flat row.
DOWNLOADS: dict[str, tuple[str, Callable[[Any], dict[str, Any]]]] = {
    "articles": ("articles", article_row),
    "quotes": ("quote_rows", dict),
    "events": ("events", event_row),
    "figures": ("figures", figure_row),
    "speakers": ("speakers", speaker_row),
}


def download_rows(store: Store, kind: str, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every row of a filtered listing, flat, in page order (streamed from the store)."""
    listing, flat = DOWNLOADS[kind]
    return (flat(item) for item in store.stream(listing, **filters))
