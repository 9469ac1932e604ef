"""Events said twice or without their parties: echoes dropped, a cease-fire's parties borrowed."""

from __future__ import annotations

from newsgraph.nlp.events.actors import (
    governing_verb,
)
from newsgraph.nlp.events.event import EventSpan


def drop_echoes(events: list[EventSpan]) -> list[EventSpan]:
    """Drop a sourceless event repeated by one with a source: "killed in airstrikes" is one."""
    keep = []
    for event in events:
        echo = not event.source and any(
            other is not event
            and other.source
            and other.type == event.type
            and {(t.start, t.end) for t in other.target} >= {(t.start, t.end) for t in event.target}
            for other in events
        )
        if not echo and not restates(event, events):
            keep.append(event)
    return keep


def restates(event: EventSpan, events: list[EventSpan]) -> bool:
    """A noun trigger under a verb trigger of its type says it again: "arrived for a tour"."""
    head = event.trigger.root
    if head.pos_ in ("VERB", "AUX"):
        return False
    verb = governing_verb(head)
    return verb is not None and any(
        other.type == event.type
        and other.trigger.root == verb
        and bool(other.source or other.target or not (event.source or event.target))
        for other in events
    )


def borrow_parties(events: list[EventSpan]) -> None:
    """A cease-fire that names no parties is between the parties of the last fighting before it."""
    for i, event in enumerate(events):
        if event.mode != "ceasefire" or event.source or event.target:
            continue
        fight = next((e for e in reversed(events[:i]) if e.type == "ASSAULT" and e.source), None)
        if fight is not None:
            where = (fight.place.start, fight.place.end) if fight.place is not None else None
            sides = [t for t in fight.target if (t.start, t.end) != where]  # not where it was
            event.source = list(fight.source) + sides
