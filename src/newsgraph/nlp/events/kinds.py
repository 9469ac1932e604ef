"""What kind of actor a span of an event names (issue 15): an entity of an actor's kind
(PERSON, ORG, GPE, NORP) or an agent noun, never a pronoun left unresolved, a date, a number or a
dateline."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import entity_at
from newsgraph.nlp.events.event import EventSpan

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
NOT_ACTORS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def is_dateline(span: Span) -> bool:
    """ "HANOI (Reuters) -", "BEIRUT —": a place in capitals opening its line."""
    text = span.text
    start = span.start_char
    line_start = start == 0 or span.doc.text[start - 1] == "\n"
    return line_start and text.isupper() and len(text) > 2


def in_hyphenated_word(token: Token) -> bool:
    """Whether the token is the last part of a hyphenated word ("in-person"): a hyphen right
    before it, written without spaces."""
    doc = token.doc
    if token.i < 2:
        return False
    hyphen, before = doc[token.i - 1], doc[token.i - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not before.whitespace_


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
    if root.pos_ == "NOUN" and in_hyphenated_word(root):
        return None  # the "person" of "in-person", the "state" of "nation-state": part of a word
    if root.pos_ == "NOUN" and (root.lemma_.lower() in agents or root.lower_ in agents):
        return "agent"  # a noun: not the "person" of "in-person"
    if root.tag_ == "NNS" and any(
        c.ent_type_ in ("NORP", "GPE") for c in root.children if c.dep_ in ("amod", "compound")
    ):
        return (
            "agent"  # "US servicemen", "Russian advisers": people of a nation, not a "US measure"
        )
    return None


def party_kind(event: EventSpan, span: Span, agents: frozenset[str]) -> str | None:
    """The kind of actor a party of the event is: a pronoun resolved to a person's name
    (`event.names`, see component.resolve_pronouns) is a person."""
    if span.root.pos_ == "PRON" and (span.start, span.end) in event.names:
        return "PERSON"
    return actor_kind(span, agents)


def is_hazard(span: Span, hazards: frozenset[str]) -> bool:
    """Whether a span names a happening, not an actor: an entity of the EVENT kind; a head noun
    of `hazards` (hazards.txt: storms, quakes, fires, diseases, accidents: "cholera", "the
    storm"), unless a name stands before it (the body "<Place> Fire and Rescue"); or a hazard
    word before a name ("Typhoon <name>", "Tropical Storm <name>")."""
    root = span.root
    if root.ent_type_ == "EVENT":
        return True
    compounds = [c for c in root.children if c.dep_ == "compound"]
    if is_hazard_word(root, hazards):
        return not any(c.pos_ == "PROPN" for c in compounds)
    named = root.pos_ == "PROPN" and root.ent_type_ != "ORG"  # not "National Hurricane Center"
    return named and any(is_hazard_word(c, hazards) for c in compounds)


def is_hazard_word(token: Token, hazards: frozenset[str]) -> bool:
    return token.lemma_.lower() in hazards or token.lower_ in hazards
