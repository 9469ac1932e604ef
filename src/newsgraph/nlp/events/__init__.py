"""newsgraph_events, by idea: PLOVER events with actors, place, status and date.

plover.py     the PLOVER lexicon (resources/plover_*.tsv) and its triggers in a sentence
actors.py     an event's source and targets in the parse
event.py      EventSpan, one event found in a doc
places.py     where it happened; names that stand for a state
status.py     happened, ongoing or to come; events said to come as statements
dating.py     when it happened: its clause's date, or the story's so far
echoes.py     events said twice dropped; a cease-fire's parties borrowed
kinds.py      what kind of actor a party is (an entity's label, an agent noun, or none)
frames.py     whether the trigger's words make its act (a plea, a warning of no one, a question)
checks.py     whether an event holds, and how far to trust it (its confidence)
component.py  the component (EventsFinder) and its factory, make_events
"""

from __future__ import annotations

from newsgraph.nlp.events.component import EventsFinder, make_events

__all__ = ["EventsFinder", "make_events"]
