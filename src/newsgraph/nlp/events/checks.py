"""Whether a found event is an event worth keeping (issue 15): its actors are actors, a meeting
has two parties, its line is no boilerplate; and how far to trust it (`confidence`).

An actor is a mention of an entity of an actor's kind (PERSON, ORG, GPE, NORP) or an agent noun
(`agent_nouns.txt` from Phoenix, and `actor_nouns.txt`): never a pronoun the entity layer left
unresolved, a date, a number or a dateline ("HANOI -"); see `kinds.py`. Whether the trigger's
words make its act at all is `frames.py`'s.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsgraph.nlp.events.actors import governing_verb
from newsgraph.nlp.events.event import EventSpan
from newsgraph.nlp.events.frames import (
    bare_stance,
    hired,
    misfit,
    no_act,
    reflexive,
    unaddressed,
)
from newsgraph.nlp.events.kinds import actor_kind, party_kind
from newsgraph.nlp.events.senses import believed, denial, moved, polled, warned_of_danger

REMENTION = ("the", "this", "that", "these", "those")  # "the agreement": told before
FRAME = 0.5  # a frame that does not hold: the event is hidden whatever else it has
TRUSTED = 0.5  # events under this confidence are hidden by default (the timeline, graph, API)
PARTY_KINDS = ("PERSON", "ORG", "agent")  # a meeting needs one of these among its parties
# Lines that are page furniture, not news: credits, share buttons, photo captions' credits.
BOILERPLATE = re.compile(
    r"contributed to this report|\bshare (?:it|this)\b|\bshare on\b|all rights reserved|©"
    r"|\b(?:photo|image) ?(?:credit|courtesy)|\bclick here\b|\bsign up\b|\bsubscribe\b",
    re.IGNORECASE,
)


def is_boilerplate(sent: Span) -> bool:
    return bool(BOILERPLATE.search(sent.text))


FIRST_PERSON = ("i", "we")


def stretch_of(span: Span, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation (character offsets) that holds the span, if any."""
    return next((q for q in quoted if q[0] <= span.start_char and span.end_char <= q[1]), None)


def quoted_subject(head: Token, stretch: tuple[int, int]) -> Token | None:
    """The first subject found inside the quotation up the clauses of the trigger that stay
    inside it; None when the quote is a fragment of the reporter's clause ("she was 'proud to
    endorse him'")."""
    node = head
    for _ in range(6):
        if not stretch[0] <= node.idx < stretch[1]:
            return None
        for child in node.children:
            inside = stretch[0] <= child.idx < stretch[1]
            if child.dep_ in ("nsubj", "nsubjpass") and inside:
                return child
        if node.head == node:
            return None
        node = node.head
    return None


def own_sources(event: EventSpan, quoted: list[tuple[int, int]]) -> list[Span]:
    """The sources of an event told inside a quotation with a subject of its own: those named
    inside it, and the speaker outside it only when that subject is "I" or "we" ("I am asking
    all Americans"). A speaker is not the doer of what he tells of others ("<a> said: 'their
    staff want him to resign or be impeached'")."""
    stretch = stretch_of(event.trigger, quoted)
    if stretch is None:
        return event.source
    subject = quoted_subject(event.trigger.root, stretch)
    if subject is None or subject.lower_ in FIRST_PERSON:
        return event.source
    return [s for s in event.source if stretch_of(s, [stretch]) is not None]


NO_ONE_IN_PARTICULAR = ("any", "no")  # "any agency", "no country": nobody in particular


def unspecific(span: Span) -> bool:
    """A party that is no one in particular: a noun under "any" or "no" ("criticized any space
    agency", "groups who endorsed X" after "name any individuals or groups"), through the noun
    its conjunct hangs on."""
    node = span.root
    for _ in range(4):
        if any(c.dep_ == "det" and c.lower_ in NO_ONE_IN_PARTICULAR for c in node.children):
            return True
        if node.dep_ != "conj" or node.head == node:
            return False
        node = node.head
    return False


def keep_actors(event: EventSpan, agents: frozenset[str]) -> EventSpan:
    """The event (changed in place) with only actors as source and target, someone in
    particular (see `unspecific`); named places (GPE) stay targets: a state acted on."""
    event.source = [
        s
        for s in event.source
        if party_kind(event, s, agents) is not None and not is_attribution(s) and not unspecific(s)
    ]
    event.target = [
        t
        for t in event.target
        if (party_kind(event, t, agents) is not None or t.root.ent_type_ == "GPE")
        and not is_attribution(t)
        and not unspecific(t)
    ]
    return event


# Verbs of assault that between people and bodies are words, not blows ("Harris attacked Biden
# during the debates", "the senator blasted the agency"): PLOVER's ACCUSE. Not "stabbed", "shot".
VERBAL_ASSAULTS = ("attack", "blast", "slam", "lash", "target")
PEOPLE = ("PERSON", "ORG", "NORP")  # named people, bodies, parties ("Democrats")
PLACES = ("GPE", "LOC", "FAC")


def verbal_sense(event: EventSpan, agents: frozenset[str]) -> EventSpan:
    """An ASSAULT of `VERBAL_ASSAULTS` whose parties are all named people, bodies or parties (no
    gunman, police or state among them) and no weapon ("with a knife"): an ACCUSE. With no
    target, a named person attacking a thing that is no place ("Blankenship attacked the media",
    "attacked each other's policies") is attacking it in words too."""
    head = event.trigger.root
    if event.type != "ASSAULT" or head.lemma_.lower() not in VERBAL_ASSAULTS:
        return event
    if head.pos_ not in ("VERB", "AUX") or not event.source:
        return event
    parties = [party_kind(event, s, agents) for s in (*event.source, *event.target)]
    armed = any(  # "with a knife", not "with X calling it a coup"
        c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" for g in c.children)
        for c in head.children
    )
    if armed or not all(kind in PEOPLE for kind in parties):
        return event
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if not event.target and (
        "PERSON" not in parties or any(c.ent_type_ in PLACES for c in objects)
    ):
        return event
    event.type, event.mode = "ACCUSE", None
    return event


def plea_sense(event: EventSpan) -> EventSpan:
    """A verb of asking with an adjective as its complement is a plea in court: "pleaded guilty"
    admits (CONCEDE, as the annotation standard codes admissions); "pled not guilty" is a
    denial, which CAMEO codes as a statement (016), no event: left a REQUEST, `unaddressed`
    hides it."""
    head = event.trigger.root
    if event.type != "REQUEST" or event.target or head.pos_ not in ("VERB", "AUX"):
        return event
    pleas = [c for c in head.children if c.pos_ == "ADJ" and c.dep_ in ("acomp", "oprd")]
    if pleas and not any(w.dep_ == "neg" for p in pleas for w in p.children):
        event.type, event.mode = "CONCEDE", None
    return event


def holds(event: EventSpan, agents: frozenset[str]) -> bool:
    """An event needs an actor; a meeting two parties, one a person, organisation or agent ("met
    with criticism" has one), and a visit someone visited. A host or mediator is one party of
    talks between others."""
    if not (event.source or event.target):
        return False
    if event.type != "CONSULT":
        return True
    if event.mode == "visit" and not event.target:
        return False  # those who visit together meet no one: "X and Y visited the hospital"
    parties = [party_kind(event, s, agents) for s in (*event.source, *event.target)]
    enough = 1 if event.mode == "host" else 2
    return len(parties) >= enough and any(kind in PARTY_KINDS for kind in parties)


def is_attribution(span: Span) -> bool:
    """ "according to X", "reported by X": who tells of the event, not a party to it."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep == root:
        return False
    if prep.lower_ == "to" and prep.head.lower_ == "according":
        return True
    return prep.lower_ == "by" and prep.head.lemma_.lower() in ("report", "quote", "cite")


def lost_source(found: list[Span], kept: list[Span]) -> str | None:
    """Why the event has no source though its clause had a subject: "pronoun" (one the entity
    layer left unresolved: someone did it), "thing" (no actor did it: "a collision killed X"), or
    None when a source is kept or none was found."""
    if kept or not found:
        return None
    return "pronoun" if all(s.root.pos_ == "PRON" for s in found) else "thing"


def thing_object(
    event: EventSpan, agents: frozenset[str], acts: frozenset[str] = frozenset()
) -> bool:
    """Whether the trigger verb acts on a thing and on no actor: "delivered a speech",
    "supported the bill", "attacked the policies", "returned the files" (another sense of the
    verb than the event's, or a position with no actor as recipient)."""
    head = event.trigger.root
    if head.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if event.target and not (
        event.type in BACKING and all(patient_of(t.root, objects) for t in event.target)
    ):
        return False
    if any(c.lemma_.lower() in acts for c in objects):
        return False  # the object names the act itself: "fought a war", "launched an attack"
    return bool(objects) and all(actor_kind(c.doc[c.i : c.i + 1], agents) is None for c in objects)


BACKING = ("SUPPORT",)  # what is backed is the object itself, not who is inside it


def patient_of(token: Token, objects: list[Token]) -> bool:
    """Whether a party stands in a phrase of the verb's object ("backed the overturn of X",
    "endorsed an audit of X", "supported the removal of X troops from Y"): a party of the
    thing backed, which is a policy backed, not X. A possessor stays ("backed X's plan"), and
    so does whom the thing is for ("support assistance for X"): X is backed through it."""
    node = token
    for _ in range(6):
        if node in objects:
            return node != token
        if node.dep_ not in ("pobj", "prep", "conj", "compound", "appos") or node.head == node:
            return False
        if node.dep_ == "prep" and node.lower_ not in PATIENT_PREPS:
            return False
        node = node.head
    return False


PATIENT_PREPS = ("of", "from")  # "the removal of X troops from Y"


def theme_of_another(head: Token, verbs: set[int]) -> bool:
    """A noun trigger that another trigger's verb acts on ("denounced the agreement", "hailed the
    deal", "brokered a cease-fire", "expelled the envoy over the agreement"): the act told here
    is the verb's, the noun's is told elsewhere (one event per act). A verb in another
    trigger's infinitive ("agreed to support", "urged residents to evacuate", "threatened to
    strike"), and so is one joined to it ("urged locals to assist and deny them victory")."""
    if head.pos_ in ("VERB", "AUX"):
        if head.dep_ == "conj" and head.head.dep_ == "xcomp":
            head = head.head
        return head.dep_ == "xcomp" and head.head.i in verbs
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = governing_verb(head)
    return verb is not None and verb.i in verbs and verb.i != head.i


def is_remention(head: Token) -> bool:
    """A noun trigger named again ("the subpoena was issued", "this attack"): the act was told
    before; one event per act, at its first telling."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "det" and c.lower_ in REMENTION for c in head.children)


def confidence(
    event: EventSpan,
    agents: frozenset[str],
    cameo_only: bool,
    *,
    lost: str | None = None,
    about_things: frozenset[str] = frozenset(),
    theme: bool = False,
    aid_objects: frozenset[str] = frozenset(),
    acts: frozenset[str] = frozenset(),
    all_acts: frozenset[str] = frozenset(),
    remention: bool = False,
    command: bool = False,
) -> float:
    """How far to trust the event, 0..1, from what the parse says of it (issue 15):

    - no named party (only agent nouns, "police", "protesters"): 0.2, never shown: a reader
      cannot tell who, and the graph has no node for it;
    - named parties, a source and a target raise it;
    - a subject that is no actor ("a collision killed X"): -0.3; a pronoun left unresolved: -0.1;
    - a verb acting on a thing and on no actor, for types whose act is done to an actor
      (`about_things` are the types where a thing is what it is about: "signed the deal",
      "condemned the attack"): -0.5;
    - a noun trigger that another trigger's verb acts on ("denounced the deal"): -0.3; one
      named again ("the deal", "this attack"): -0.5, hidden (told where it was first told);
    - agreeing, backing or refusing with no object, complement or target ("X agreed"): -0.5;
    - a frame that does not hold (see `misfit`: aid that is no aid, a protest against no one;
      `no_act`: a question, a name for an unnamed thing, a one-party agreement; `hired`: a
      signing with nothing signed; `senses.py`: a warning of a danger, a denial of a claim, a
      move, a poll's support, a command inside a quotation, an act only believed or wished
      for): -0.5, hidden;
    - a bare CAMEO verb rather than a trigger of our own list: -0.1; neither `happened` nor
      `ongoing` (planned, hypothetical, negated): -0.2.

    The threshold (TRUSTED) and the weights were set on what the classes of events are (read on
    the 200-article sample), not fitted to wikinews_dev."""
    kinds = [party_kind(event, s, agents) for s in (*event.source, *event.target)]
    named = sum(kind not in (None, "agent") for kind in kinds)
    if named == 0:
        return 0.2
    score = 0.4 + 0.15 * min(named, 2) + 0.1 * bool(event.source) + 0.1 * bool(event.target)
    score -= {"thing": 0.3, "pronoun": 0.1}.get(lost or "", 0.0)
    score -= FRAME if event.type not in about_things and thing_object(event, agents, acts) else 0.0
    score -= 0.3 if theme else 0.0
    score -= FRAME if remention else 0.0
    score -= FRAME if bare_stance(event) else 0.0
    score -= FRAME if misfit(event, agents, aid_objects) or no_act(event) else 0.0
    score -= FRAME if reflexive(event) or unaddressed(event, all_acts, agents) else 0.0
    score -= FRAME if hired(event, all_acts) or command else 0.0
    score -= FRAME if warned_of_danger(event) or polled(event) or denial(event) else 0.0
    score -= FRAME if moved(event) or believed(event) else 0.0
    score -= 0.1 if cameo_only else 0.0
    score -= 0.2 if event.status not in ("happened", "ongoing") else 0.0
    return round(max(0.0, min(1.0, score)), 2)
