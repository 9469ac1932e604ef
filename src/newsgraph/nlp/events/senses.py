"""A trigger's other senses that make no act between actors (issue 15), read off the words
around it: a warning of a danger ("warned people about the outbreak"), a denial of a claim
("denied the allegations"), a move ("retreated to <place>"), a poll's measure of support ("3
percent support"), a command put to the listener inside a quotation ("ask anyone close to
her"), and an act that someone only believes, imagines or wishes for ("agencies believe the prince
ordered the killing").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.events.actors import governing_verb
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


# Verbs of a private state: what they hold is believed, imagined or wished, not told as done
# (the annotation standard's "private states (think, feel, want, consider)").
PRIVATE_STATES = ("believe", "think", "suspect", "imagine", "suppose", "assume", "doubt",
                  "wish", "want", "prefer", "favor", "favour", "hope", "fear")  # fmt: skip
CLAUSE_LINKS = ("conj", "xcomp", "aux", "acomp")  # "to resign or be impeached": one clause


def private_state(head: Token) -> Token | None:
    """The verb of belief or wish whose complement holds the trigger, or None: its clause is
    the verb's "that" clause or infinitive ("believe the prince ordered the killing", "want him
    to resign or be impeached", "Imagine that the world remains silent over the killing"), or
    the trigger is what the verb wants ("preferred an investigation by X")."""
    verb = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
    if verb is None:  # "silent over the killing": the nearest verb above
        verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    if verb != head and head.dep_ == "dobj" and verb.lemma_.lower() in PRIVATE_STATES:
        return verb
    node = verb
    for _ in range(4):
        above = node.head
        if above == node:
            return None
        if node.dep_ in ("ccomp", "xcomp") and above.lemma_.lower() in PRIVATE_STATES:
            return None if own_intent(node, above) else above
        if node.dep_ not in CLAUSE_LINKS:
            return None
        node = above
    return None


def own_intent(clause: Token, verb: Token) -> bool:
    """An infinitive whose doer is the wisher ("would prefer to agree a solution", "wants to
    meet"): a stated intent of the speaker's own, which `status_of` reads as such; not "want him
    to resign", where another is to act, nor a gerund ("favored offering X"), a position."""
    if clause.dep_ != "xcomp" or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    ):
        return False  # a gerund is a position: "favored offering voting rights to X"
    other = [c for c in verb.children if c.dep_ == "dobj"]
    other += [c for c in clause.children if c.dep_ == "nsubj"]
    return not other


def believed(event: EventSpan) -> bool:
    """An act told only as what someone believes, imagines or wishes (see `private_state`): no
    report that it was done, whoever the believer is."""
    return private_state(event.trigger.root) is not None
