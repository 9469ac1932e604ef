"""Praise or criticism in a naming (issue 15): "called the deal 'lousy'" criticises (ACCUSE),
"called <him> 'a decent man'" praises (SUPPORT, as CAMEO's 051 "praise or endorse").

The name given is read off the verb's complement ("a decent man", "humble and soft-spoken"), and
weighed by `valence.tsv` (VADER, MIT, and Pattern's adjectives, PDDL; see
tools/build_valence.py): a name whose words add up to good is praise. A word negated in it
("not a decent man") counts the other way.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.events.event import EventSpan
from newsgraph.nlp.readers import read_table

COMPLEMENTS = ("oprd", "xcomp", "ccomp", "attr", "acomp")
NEGATIONS = ("not", "no", "never", "hardly")


def load_valence(name: str) -> dict[str, float]:
    """Word -> how good (+) or bad (-) it is, -1..1."""
    return {row[0]: float(row[1]) for row in read_table(name) if len(row) > 1}


def name_words(verb: Token) -> list[Token]:
    """The words of the name a naming verb gives: its complement ("a 'decent man'"), else what
    follows its object up to the next clause ("called the plan 'a mess', and left")."""
    kids = list(verb.children)
    complements = [w for c in kids if c.dep_ in COMPLEMENTS for w in c.subtree]
    if complements:
        return complements
    objects = [c for c in kids if c.dep_ == "dobj"]
    if not objects:
        return []
    start = max(t.i for t in objects[0].subtree) + 1
    stops = [c.i for c in kids if c.dep_ in ("cc", "conj") and c.i >= start]
    end = min([*stops, verb.sent.end])
    return list(verb.doc[start:end])


def worth(words: list[Token], valence: dict[str, float]) -> float:
    """How good the words are together; a negation in them turns the sum round."""
    total = sum(valence.get(w.lower_, valence.get(w.lemma_.lower(), 0.0)) for w in words)
    return -total if any(w.lower_ in NEGATIONS for w in words) else total


def praise_sense(event: EventSpan, valence: dict[str, float]) -> EventSpan:
    """A naming whose name is good is praise: SUPPORT of whom it names ("called <him> 'a decent
    man'", "called <her> 'humble'"). Changed in place."""
    head = event.trigger.root
    if event.type != "ACCUSE" or event.mode != "naming" or not valence:
        return event
    if worth(name_words(head), valence) > 0:
        event.type, event.mode = "SUPPORT", None
    return event
