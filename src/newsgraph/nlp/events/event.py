"""EventSpan: one event found in a doc, its parties, place, status and date."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from newsgraph.nlp.dates import DateSpan


@dataclass
class EventSpan:
    """An event in a doc; spans point into it. `date` is None when the clause gives none."""

    type: str
    mode: str | None
    trigger: Span
    source: list[Span] = field(default_factory=list)
    target: list[Span] = field(default_factory=list)
    place: Span | None = None
    status: str = "happened"
    date: DateSpan | None = None
    confidence: float = 1.0  # 0..1, see checks.confidence
    # names that spans stand for: a seat or national adjective acting for its state ("the talks
    # with <capital>"), a described place ("the <national> capital"); keyed by (start, end)
    names: dict[tuple[int, int], str] = field(default_factory=dict)
