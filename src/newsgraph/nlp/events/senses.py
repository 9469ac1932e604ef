"""A trigger's other senses that make no act between actors (issue 15), read off the words
around it: a warning of a danger ("warned people about the outbreak"), a denial of a claim
("denied the allegations"), a move ("retreated to <place>"), a poll's measure of support ("3
percent support"), and a command put to the listener inside a quotation ("ask anyone close to
her").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.events.event import EventSpan

DANGERS = ("about", "of")  # "warned of floods", "warn people about the outbreak"


def warned_of_danger(event: EventSpan) -> bool:
    """A warning about something with no act threatened (no infinitive, no clause: "warned
    the Saudis that our targets will keep expanding" threatens): an alert, not a threat."""
    head = event.trigger.root
    if event.type != "THREATEN" or head.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(head.children)
    if any(c.dep_ in ("xcomp", "ccomp") for c in kids):
        return False
    return any(c.dep_ == "prep" and c.lower_ in DANGERS for c in kids)


def denial(event: EventSpan) -> bool:
    """A denial with no one denied anything ("denied the allegations", "denied that he made a
    deal", "the charge was denied by X"): a statement that something is untrue, which CAMEO
    codes as a statement (016), not a refusal; "denied <him> access" refuses someone."""
    head = event.trigger.root
    return event.type == "REJECT" and not event.target and head.lemma_.lower() == "deny"


def moved(event: EventSpan) -> bool:
    """A retreat told only by where one went ("retreated to <place>"), with nothing withdrawn
    and nothing left ("withdrew its troops to ...", "pulled out of ..." are retreats): a move."""
    head = event.trigger.root
    if event.type != "RETREAT" or event.target or head.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(head.children)
    if any(c.dep_ in ("dobj", "prt", "xcomp") for c in kids):
        return False
    preps = {c.lower_ for c in kids if c.dep_ == "prep"}
    return "to" in preps and not preps & {"from", "of", "out"}


def is_share(token: Token) -> bool:
    return token.ent_type_ == "PERCENT" or token.lower_ in ("percent", "%")


def polled(event: EventSpan) -> bool:
    """Support as a poll's share ("3 percent support", "support for X at one percent"): a
    measure of opinion, not an act of support."""
    head = event.trigger.root
    if event.type != "SUPPORT" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(is_share(w) for c in head.children if c.dep_ != "prep" for w in c.subtree):
        return True
    clause = head.head if head.dep_ == "dobj" else None
    preps = [c for c in clause.children if c.dep_ == "prep"] if clause is not None else []
    return any(is_share(w) for p in preps for w in p.subtree)


def commanded(event: EventSpan, quoted: list[tuple[int, int]]) -> bool:
    """A verb in the imperative inside a quotation: the speaker tells the listener to act ("ask
    anyone close to her"), no act of his."""
    return inside(event.trigger, quoted) and imperative(event.trigger.root)


def imperative(verb: Token) -> bool:
    """A base form with no subject or auxiliary heading its clause ("Ask anyone", "..., but ask
    anyone"), or joined to another imperative ("call and ask them")."""
    if verb.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                                for c in verb.children):  # fmt: skip
        return False
    if verb.dep_ == "ROOT":
        return True
    above = verb.head
    return verb.dep_ == "conj" and (above.tag_ in ("VBD", "VBZ", "VBP") or imperative(above))


def inside(span: Span, quoted: list[tuple[int, int]]) -> bool:
    return any(q[0] <= span.start_char and span.end_char <= q[1] for q in quoted)
