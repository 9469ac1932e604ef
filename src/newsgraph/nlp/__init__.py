"""spaCy components of newsgraph, and the Doc extensions they write.

Every component writes plain Python objects holding spaCy Spans to one `doc._` attribute,
declared here once; `newsgraph.extract` turns them into model records. A package per component
(`quotes/`, `entities/`, `events/`, `figures/`) or a module for a small one (`dates`,
`paragraphs`); `pipeline` builds the default pipeline, `readers` reads `resources/`, `spans` holds
span helpers the components share.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span


@dataclass
class MentionSpan:
    """One mention of an entity; `kind` as in `newsgraph.model.Mention`."""

    span: Span
    kind: str


@dataclass
class EntityCluster:
    """A referent inside one doc: all its mentions, its clean name, label and roles."""

    key: str  # "e0", "e1" ... in order of first mention
    name: str
    label: str
    mentions: list[MentionSpan] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class EntityIndex:
    """`entity_at` for many look-ups in one doc: mentions sorted by start, found by bisection;
    and `named`, the cluster of a name."""

    def __init__(self, clusters: Sequence[EntityCluster]) -> None:
        self.clusters = list(clusters)
        self.spans = sorted(
            (m.span.start_char, m.span.end_char, rank)
            for rank, cluster in enumerate(self.clusters)
            for m in cluster.mentions
        )
        self.starts = [start for start, _, _ in self.spans]
        self.longest = max((end - start for start, end, _ in self.spans), default=0)
        self.names: dict[str, list[int]] = {}  # a name or alias, casefolded -> cluster ranks
        for rank, cluster in enumerate(self.clusters):
            for known in {cluster.name.casefold(), *(a.casefold() for a in cluster.aliases)}:
                self.names.setdefault(known, []).append(rank)

    def named(self, name: str, *, label: str | None = None) -> EntityCluster | None:
        """The one cluster called `name` (its name or an alias, case aside), of `label` when
        given; None when none is, or when several are (two "Smith"s: no guess)."""
        ranks = [
            r
            for r in self.names.get(name.casefold(), [])
            if label is None or self.clusters[r].label == label
        ]
        return self.clusters[ranks[0]] if len(ranks) == 1 else None

    def at(self, start_char: int, end_char: int) -> EntityCluster | None:
        """The same answer as `entity_at`: the first cluster with a mention overlapping the span."""
        lo = bisect_left(self.starts, start_char - self.longest)
        hi = bisect_left(self.starts, end_char)
        ranks = [r for s, e, r in self.spans[lo:hi] if s < end_char and start_char < e]
        return self.clusters[min(ranks)] if ranks else None


def entity_at(doc: Doc, start_char: int, end_char: int) -> EntityCluster | None:
    """The entity one of whose mentions overlaps the character span, or None."""
    for cluster in doc._.entities:
        for mention in cluster.mentions:
            if mention.span.start_char < end_char and start_char < mention.span.end_char:
                return cluster  # type: ignore[no-any-return]
    return None


for _name, _default in (
    ("article_id", None),  # set by extract before the pipeline runs
    ("published", None),  # datetime.date or None: the anchor for relative dates
    ("entities", None),  # list[EntityCluster]           newsgraph_entities
    ("quotes", None),  # list[QuoteSpan]                  newsgraph_quotes
    ("dates", None),  # list[DateSpan]                    newsgraph_dates
    ("events", None),  # list[EventSpan]                  newsgraph_events
    ("figures", None),  # list[FigureSpan]                newsgraph_figures
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

__all__ = ["EntityCluster", "EntityIndex", "MentionSpan", "entity_at"]
