"""Whether an event happened, goes on or is said to come, and events said to come as statements
("X said they would meet Y" is a statement event, as plover_statements.tsv says)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from newsgraph.nlp.dates import tense_of
from newsgraph.nlp.events.actors import (
    actor_spans,
    governing_verb,
    subject,
)
from newsgraph.nlp.events.event import EventSpan
from newsgraph.nlp.events.plover import Lexicon
from newsgraph.nlp.events.senses import private_state

SEQUENCE = ("later", "then", "afterwards", "subsequently", "also")
ONGOING = ("ongoing", "continuing", "continued")
# "could meet": possible, not done; not "would": "said they would meet" is a reported future
MAYBE = ("may", "might", "could", "should")
IF = ("if", "unless")  # "if they meet": a condition
# "threatened to strike", "plans to meet": the act is in the complement of these
INTENT = {"plan": "planned", "intend": "planned", "aim": "planned", "prepare": "planned",
          "threaten": "hypothetical", "hope": "hypothetical", "want": "hypothetical",
          "seek": "hypothetical", "consider": "hypothetical"}  # fmt: skip
DENIALS = ("deny",)  # what is denied is said not to have happened
# "urged residents to evacuate", "tried to pressure": the act in the infinitive is asked for or
# attempted, not done
URGED = ("ask", "urge", "request", "pressure", "press", "encourage", "invite", "advise", "beg")
URGED += ("implore", "call", "try", "attempt")
# "requested support", "called for talks": what is asked for is not yet given or held
DIRECTIVES = ("request", "demand", "seek", "ask", "urge", "want", "need")
ASKED_FOR = ("call", "ask", "appeal", "push", "press", "plead")
VERBAL = ("REQUEST", "ACCUSE", "SUPPORT", "THREATEN", "AGREE", "REJECT")  # happened once said


def clause_of(head: Token) -> Token | None:
    return head if head.pos_ in ("VERB", "AUX") else governing_verb(head)


def mood_of(verb: Token) -> str | None:
    """ "hypothetical" (could meet, if they meet, threatened to strike) or "planned" (plans to
    meet), read off the verb's own clause; None when the clause states the act."""
    if any(c.dep_ == "aux" and c.lower_ in MAYBE for c in verb.children):
        return "hypothetical"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in IF for c in verb.children):
        return "hypothetical"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in INTENT:
        return INTENT[verb.head.lemma_.lower()]  # "want him to resign": a wish
    if infinitive and verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in URGED:
        return "hypothetical"  # "urged residents to evacuate": asked, not yet done
    if infinitive and verb.head.pos_ in ("ADJ", "NOUN") and verb.head != verb:
        return "hypothetical"  # "eligible to appeal", "a bid to host", "the right to protest"
    return None


def not_yet(verb: Token) -> bool:
    """ "has yet to concede", "is yet to sign": the act has not been done."""
    above = verb.head
    if verb.dep_ != "xcomp" or above.lemma_.lower() not in ("have", "be"):
        return False
    return any(c.lower_ == "yet" for c in (*verb.children, *above.children))


def scheduled(verb: Token) -> bool:
    """ "is to step down", "are to meet next week": an act arranged to come."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.lower_ == "yet" for c in verb.head.children)
    )


def asked_for(head: Token) -> bool:
    """A noun trigger someone asks for ("requested support and equipment", "called for
    talks"): the act is wanted, not done."""
    if head.pos_ != "NOUN":
        return False
    while head.dep_ == "conj" and head.head.pos_ == "NOUN":
        head = head.head
    if head.dep_ == "dobj":
        return head.head.lemma_.lower() in DIRECTIVES
    above = head.head
    return head.dep_ == "pobj" and above.lower_ == "for" and above.head.lemma_.lower() in ASKED_FOR


def looked_forward(head: Token) -> bool:
    """ "look forward to holding talks", "looks forward to the meeting": an act to come. The
    trigger (or the verb whose object it is) hangs on "to" of a verb with "forward"."""
    node = head.head if head.dep_ == "dobj" and head.head.tag_ == "VBG" else head
    prep = node.head
    if node.dep_ not in ("pcomp", "pobj") or prep.lower_ != "to" or prep.head == prep:
        return False
    return any(c.lower_ == "forward" for c in prep.head.children)


def status_of(head: Token, future_cues: frozenset[str], kind: str = "") -> str:
    """ "planned" (will, plans to), "hypothetical" (could, if, threatened to), "ongoing"
    (ongoing talks, is meeting) or "happened". A verbal act (a demand, an accusation) happened
    once it was made, whatever its content."""
    if any(c.lower_ in ONGOING for c in head.children if c.dep_ == "amod"):
        return "ongoing"
    if head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return "negated"  # "no support will come", "no arrests were reported"
    if looked_forward(head):
        return "planned"
    if asked_for(head):
        return "hypothetical"
    if private_state(head) is not None:
        return "hypothetical"  # "believe he ordered it": believed, even of a verbal act
    verb = clause_of(head)
    if verb is None:
        return "happened"
    if not_yet(verb):
        return "negated"
    if scheduled(verb):
        return "planned"
    mood = mood_of(verb) if kind not in VERBAL or verb != head else None
    if mood is not None:
        return mood
    if tense_of(verb, future_cues) == "future":
        return "planned"
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in DENIALS:
        return "negated"  # "denied that he made a deal"
    if kind not in VERBAL and any(
        c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    ):
        return "ongoing"  # "the party is banned": a standing state, not a new act
    if verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    ):
        return "ongoing"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "continue":
        return "ongoing"
    return "happened"


def modality(verb: Token, modals: dict[str, str]) -> str | None:
    """A clause's modality by modals.tsv: "must withdraw", "have to", "would meet", "ready to"."""
    words = [
        c.lower_
        for c in verb.children
        if c.dep_ in ("aux", "auxpass") and c.lemma_ != "have"  # "have agreed" is no "have to"
    ]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() != verb.lemma_.lower():
        words.append(verb.head.lemma_.lower())
    found = [modals[word] for word in words if word in modals]
    return "must" if "must" in found else found[0] if found else None


def saying_verb(verb: Token, cues: frozenset[str]) -> Token | None:
    """The verb of saying whose complement holds this clause, or None."""
    node = verb
    for _ in range(4):
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in cues:
            return node.head
        if node.dep_ not in ("xcomp", "conj", "aux", "acomp") or node.head == node:
            return None
        node = node.head
    return None


def unsaid(head: Token, cues: frozenset[str]) -> bool:
    """Whether the act is told as what someone did not say ("did not say he had ordered it"):
    no one reports it, as with a negated act of its own ("did not agree")."""
    verb = clause_of(head)
    said = saying_verb(verb, cues) if verb is not None else None
    return said is not None and any(c.dep_ == "neg" for c in said.children)


def as_statement(
    event: EventSpan,
    head: Token,
    lexicon: Lexicon,
    cues: frozenset[str],
    future_cues: frozenset[str],
) -> EventSpan:
    """ "A said B must withdraw" -> REQUEST by A of B; "A said it would meet B" -> AGREE."""
    verb = clause_of(head)
    if verb is None:
        return event
    said = saying_verb(verb, cues)
    mood = modality(verb, lexicon.modals)
    if said is None or mood is None:
        return event
    for kind, types, new_type in lexicon.statements:
        if kind == mood and ("*" in types or event.type in types):
            if mood == "must":
                speaker, _ = subject(said)
                sources = actor_spans([speaker], lexicon) if speaker is not None else []
                return replace(
                    event, type=new_type, source=sources, target=event.source or event.target
                )
            return replace(event, type=new_type)
    return event
