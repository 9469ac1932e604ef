"""The news outlets of an article (issue 15): the organisations it names as telling the news,
not as acting in it. An outlet is an ORG that is told something ("<a> told <outlet>"), reports
("<outlet> reported"), or is what the news is according to ("according to <outlet>").

An outlet is no party to a meeting ("<a> spoke with <outlet>", "talked to <outlet>": an
interview with the paper writing the story) and no doer of force ("according to the videos and
<outlet>, the police shot X").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.events.event import EventSpan

TOLD = ("tell",)  # "<a> told <outlet>": the outlet hears
REPORTS = ("report", "publish", "write")  # "<outlet> reported"
INTERVIEWS = ("CONSULT",)
FORCE = ("ASSAULT", "COERCE")


def told_of(token: Token) -> bool:
    """Whether a name's head stands where an outlet stands: told, reporting, attributed to (the
    first of its conjuncts: "according to the videos and <outlet>")."""
    for _ in range(4):
        if token.dep_ != "conj" or token.head == token:
            break
        token = token.head
    head = token.head
    if token.dep_ in ("dobj", "dative") and head.lemma_.lower() in TOLD:
        return True
    if token.dep_ == "nsubj" and head.lemma_.lower() in REPORTS:
        return True
    above = head.head
    return token.dep_ == "pobj" and head.lower_ == "to" and above.lower_ == "according"


def find_outlets(doc: Doc) -> frozenset[str]:
    """The names (lower case) of the organisations the article names as telling the news."""
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT") and told_of(ent.root):
            names.add(ent.text.lower().removeprefix("the "))
    return frozenset(names)


def is_outlet(span: Span, outlets: frozenset[str]) -> bool:
    return span.text.lower().removeprefix("the ") in outlets


def drop_outlets(event: EventSpan, outlets: frozenset[str]) -> EventSpan:
    """The event (changed in place) less the outlets that are no party to it: the parties of a
    meeting, the source of an act of force."""
    if not outlets:
        return event
    if event.type in INTERVIEWS:
        event.source = [s for s in event.source if not is_outlet(s, outlets)]
        event.target = [t for t in event.target if not is_outlet(t, outlets)]
    if event.type in FORCE:
        event.source = [s for s in event.source if not is_outlet(s, outlets)]
    return event
