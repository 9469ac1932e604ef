"""Whether a found event is an event worth keeping (issue 15): its actors are actors, a meeting
has two parties, its line is no boilerplate; and how far to trust it (`confidence`).

An actor is a mention of an entity of an actor's kind (PERSON, ORG, GPE, NORP) or an agent noun
(`agent_nouns.txt` from Phoenix, and `actor_nouns.txt`): never a pronoun the entity layer left
unresolved, a date, a number or a dateline ("HANOI -").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsgraph.nlp import entity_at
from newsgraph.nlp.events.event import EventSpan

TRUSTED = 0.5  # events under this confidence are hidden by default (the timeline, graph, API)
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
PARTY_KINDS = ("PERSON", "ORG", "agent")  # a meeting needs one of these among its parties
NOT_ACTORS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
# Lines that are page furniture, not news: credits, share buttons, photo captions' credits.
BOILERPLATE = re.compile(
    r"contributed to this report|\bshare (?:it|this)\b|\bshare on\b|all rights reserved|©"
    r"|\b(?:photo|image) ?(?:credit|courtesy)|\bclick here\b|\bsign up\b|\bsubscribe\b",
    re.IGNORECASE,
)


def is_boilerplate(sent: Span) -> bool:
    return bool(BOILERPLATE.search(sent.text))


def is_dateline(span: Span) -> bool:
    """ "HANOI (Reuters) -", "BEIRUT —": a place in capitals opening its line."""
    text = span.text
    start = span.start_char
    line_start = start == 0 or span.doc.text[start - 1] == "\n"
    return line_start and text.isupper() and len(text) > 2


def actor_kind(span: Span, agents: frozenset[str]) -> str | None:
    """The kind of actor a span names (an entity label, or "agent"), or None if it is none."""
    doc: Doc = span.doc
    root = span.root
    if root.like_num or root.ent_type_ in NOT_ACTORS or is_dateline(span):
        return None
    cluster = entity_at(doc, root.idx, root.idx + len(root.text)) if doc._.entities else None
    if cluster is not None and cluster.label in ACTOR_LABELS:
        return (
            None if cluster.name.lower() == root.lower_ and root.pos_ == "PRON" else cluster.label
        )
    if root.pos_ == "PRON":
        return None  # "he", "them" left unresolved
    if root.ent_type_ in ACTOR_LABELS and root.pos_ == "PROPN":
        return root.ent_type_  # a name the entity layer did not keep; not "anti-Muslim document"
    if root.pos_ == "NOUN" and (root.lemma_.lower() in agents or root.lower_ in agents):
        return "agent"  # a noun: not the "person" of "in-person"
    if root.tag_ == "NNS" and any(
        c.ent_type_ in ("NORP", "GPE") for c in root.children if c.dep_ in ("amod", "compound")
    ):
        return (
            "agent"  # "US servicemen", "Russian advisers": people of a nation, not a "US measure"
        )
    return None


def keep_actors(event: EventSpan, agents: frozenset[str]) -> EventSpan:
    """The event (changed in place) with only actors as source and target; named places
    (GPE) stay targets: a state acted on."""
    event.source = [s for s in event.source if actor_kind(s, agents) is not None]
    event.target = [
        t for t in event.target if actor_kind(t, agents) is not None or t.root.ent_type_ == "GPE"
    ]
    return event


def holds(event: EventSpan, agents: frozenset[str]) -> bool:
    """An event needs an actor; a meeting two parties, one a person, organisation or agent ("met
    with criticism" has one). A host or mediator is one party of talks between others."""
    if not (event.source or event.target):
        return False
    if event.type != "CONSULT":
        return True
    parties = [actor_kind(s, agents) for s in (*event.source, *event.target)]
    enough = 1 if event.mode == "host" else 2
    return len(parties) >= enough and any(kind in PARTY_KINDS for kind in parties)


def confidence(event: EventSpan, agents: frozenset[str], cameo_only: bool) -> float:
    """How far to trust the event, 0..1: named parties and a trigger of our own list raise it.

    The weights are a first cut read off wikinews_dev (issue 15); rerun `newsgraph eval events`
    on it after changing them."""
    kinds = [actor_kind(s, agents) for s in (*event.source, *event.target)]
    named = sum(kind not in (None, "agent") for kind in kinds)
    score = 0.3 + 0.2 * min(named, 2) + 0.1 * bool(event.source) + 0.1 * bool(event.target)
    score -= 0.2 if cameo_only else 0.0
    score -= 0.2 if event.status != "happened" else 0.0
    return round(max(0.0, min(1.0, score)), 2)
