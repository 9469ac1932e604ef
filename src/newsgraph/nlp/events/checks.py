"""Whether a found event is an event worth keeping (issue 15): its actors are actors, a meeting
has two parties, its line is no boilerplate; and how far to trust it (`confidence`).

An actor is a mention of an entity of an actor's kind (PERSON, ORG, GPE, NORP) or an agent noun
(`agent_nouns.txt` from Phoenix, and `actor_nouns.txt`): never a pronoun the entity layer left
unresolved, a date, a number or a dateline ("HANOI -").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import entity_at
from newsgraph.nlp.events.actors import governing_verb
from newsgraph.nlp.events.event import EventSpan

REMENTION = ("the", "this", "that", "these", "those")  # "the agreement": told before
FRAME = 0.5  # a frame that does not hold: the event is hidden whatever else it has
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


def keep_actors(event: EventSpan, agents: frozenset[str]) -> EventSpan:
    """The event (changed in place) with only actors as source and target; named places
    (GPE) stay targets: a state acted on."""
    event.source = [
        s
        for s in event.source
        if party_kind(event, s, agents) is not None and not is_attribution(s)
    ]
    event.target = [
        t
        for t in event.target
        if (party_kind(event, t, agents) is not None or t.root.ent_type_ == "GPE")
        and not is_attribution(t)
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
    armed = any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children)
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
    with criticism" has one). A host or mediator is one party of talks between others."""
    if not (event.source or event.target):
        return False
    if event.type != "CONSULT":
        return True
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
    if event.target or head.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if any(c.lemma_.lower() in acts for c in objects):
        return False  # the object names the act itself: "fought a war", "launched an attack"
    return bool(objects) and all(actor_kind(c.doc[c.i : c.i + 1], agents) is None for c in objects)


def theme_of_another(head: Token, verbs: set[int]) -> bool:
    """A noun trigger that another trigger's verb acts on ("denounced the agreement", "hailed the
    deal", "brokered a cease-fire", "expelled the envoy over the agreement"): the act told here
    is the verb's, the noun's is told elsewhere (one event per act). A verb in another
    trigger's infinitive ("agreed to support", "urged residents to evacuate", "threatened to
    strike") is what that act is about."""
    if head.pos_ in ("VERB", "AUX"):
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


STANCES = ("AGREE", "SUPPORT", "REJECT")  # "La Riva agreed", "Biden denied": an opinion alone
COMPLEMENTS = ("dobj", "dative", "xcomp", "ccomp", "prep", "attr", "oprd", "agent")


def bare_stance(event: EventSpan) -> bool:
    """A verb of agreeing, backing or refusing with nothing agreed to, backed or refused and no
    one it is addressed to ("X agreed", "Y denied"): a stance in a debate, not an act. Agreeing
    with a statement ("all agreed that vaccines have done more good than harm") is an opinion
    too: an agreement is to do something ("agreed to", "agreed on a border"); a promise's clause
    is what is promised ("I pledge that", "I commit that I will")."""
    head = event.trigger.root
    if event.type not in STANCES or event.target or head.pos_ not in ("VERB", "AUX"):
        return False
    complements = [c for c in head.children if c.dep_ in COMPLEMENTS]
    concur = event.type == "AGREE" and head.lemma_.lower() == "agree"  # not "pledged that"
    if concur and complements and all(c.dep_ == "ccomp" for c in complements):
        return True
    return not complements


DYADIC = ("AID", "PROTEST")  # given to someone, raised against someone: no target, no event


def misfit(event: EventSpan, agents: frozenset[str], aid_objects: frozenset[str]) -> bool:
    """The trigger's frame does not hold: aid given that is no aid CAMEO names ("sent their
    condolences", "provide an image"); aid or a protest with no one it goes to or against ("all
    contributed", "political rallies"); a release of things, not people ("released a summary");
    a return with nothing returned ("returned to the US": travel); an investigation of a thing
    with no actor in it ("the crash was being investigated", "investigations of the crash"):
    an inquiry into what happened accuses no one."""
    head = event.trigger.root
    verb = head.pos_ in ("VERB", "AUX")
    objects = [c for c in head.children if c.dep_ == "dobj"] if verb else []
    things = [c for c in objects if actor_kind(c.doc[c.i : c.i + 1], agents) is None]
    if event.type in DYADIC and not event.target:
        return True
    if (
        event.type == "AID"
        and aid_objects
        and any(c.lemma_.lower() not in aid_objects for c in things)
    ):
        return True
    if event.mode == "release" and things:
        return True
    if event.mode == "investigate" and not event.target:
        return bool(investigated(head)) and not any(
            actor_kind(w.doc[w.i : w.i + 1], agents) is not None or w.ent_type_ in ACTOR_LABELS
            for c in investigated(head)
            for w in c.subtree
        )
    return event.mode == "return" and verb and not objects


def investigated(head: Token) -> list[Token]:
    """What an investigation is of: the verb's object or passive subject ("investigated the
    crash", "the crash was investigated"), the noun's "of"/"into" object."""
    if head.pos_ in ("VERB", "AUX"):
        return [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "into")]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def party_name(event: EventSpan, span: Span) -> str:
    """Who a party is: the person a pronoun was resolved to, else the entity its head belongs
    to, else its words."""
    name = event.names.get((span.start, span.end))
    if name is not None:
        return name.lower()
    root = span.root
    doc: Doc = span.doc
    cluster = entity_at(doc, root.idx, root.idx + len(root.text)) if doc._.entities else None
    return (cluster.name if cluster is not None else span.text).lower()


def reflexive(event: EventSpan) -> bool:
    """A source that is also its own target ("Lu ... we need to fight for", "accusing her" with
    "her" resolved to the accuser): an act takes another party, so one of the two is misread."""
    sources = {party_name(event, s) for s in event.source}
    return any(party_name(event, t) in sources for t in event.target)


def unaddressed(event: EventSpan, acts: frozenset[str], agents: frozenset[str]) -> bool:
    """The frame of the trigger's other sense, with no one the act is addressed to:
    - a plea of not guilty ("pled not guilty", see `plea_sense`): a verb of asking with an
      adjective as its complement asks nothing of anyone;
    - a warning with no target, nothing threatened and no act threatened ("warned of flash
      floods", "warned that the delay could be a threat"), not "threatened to strike", "warned
      the Saudis" or "threatened the network's licence";
    - a commitment or offer of a thing that is no act ("signed a decree", "offered condolences",
      "conspiracy to commit the same") to no one: an agreement is to do something (`acts`:
      every noun the lexicon knows as an act, "signed a deal", "promised protests"); given to
      someone it is kept ("offered US$1 million to X", "agree a solution with X");
    - hosting or mediating a thing that holds neither an actor nor an act ("hosting a program
      about rehabilitation"), not "mediated a peace agreement", "mediated an end to the conflict
      between Israel and Egypt";
    - a mobilization of or for nothing that is an actor or an act ("preparing for his first
      trial", "left to prepare for the debate"), not "prepared troops", "prepared for an
      attack"."""
    head = event.trigger.root
    if event.target or head.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(head.children)
    if event.type == "REQUEST":
        return any(c.pos_ == "ADJ" and c.dep_ in ("acomp", "oprd") for c in kids)
    if event.type == "THREATEN":
        return not any(c.dep_ in ("xcomp", "dobj") for c in kids)
    if event.type == "AGREE":
        objects = [c for c in kids if c.dep_ == "dobj"]
        return bool(objects) and not any(c.lemma_.lower() in acts for c in objects)
    if event.type == "MOBILIZE":  # "preparing for his first trial", not "prepared troops"
        objects = [c for c in kids if c.dep_ == "dobj"]
        objects += [g for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return not any(
            w.lemma_.lower() in acts or actor_kind(w.doc[w.i : w.i + 1], agents) is not None
            for c in objects
            for w in hosted(c)
        )
    if event.mode == "host":
        objects = [c for c in kids if c.dep_ == "dobj"]
        return bool(objects) and not any(
            w.lemma_.lower() in acts or w.ent_type_ in ACTOR_LABELS
            for c in objects
            for w in hosted(c)
        )
    return False


def hosted(thing: Token) -> list[Token]:
    """The words of what is hosted or mediated, less where and when ("a program about
    rehabilitation at Fishmongers' Hall": "program", "about", "rehabilitation")."""
    words = [thing]
    for child in thing.children:
        if not (child.dep_ == "prep" and child.lower_ in ("at", "in", "on", "during")):
            words += hosted(child)
    return words


QUESTION_WORDS = ("whether", "if", "why", "what", "how", "who", "when", "where", "which")
UNNAMED = ("it", "this", "that")  # not "them": often people


def asked_about(verb: Token) -> bool:
    """A question put to someone: asked about a thing, with nothing asked for ("The press asked
    Trump about it"), not "asked Trump about the deal to resign" nor "asked for help"."""
    kids = list(verb.children)
    about = any(c.dep_ == "prep" and c.lower_ == "about" for c in kids)
    wanted = any(c.dep_ in ("xcomp", "ccomp") or c.lower_ == "for" for c in kids)
    return about and not wanted


def no_act(event: EventSpan) -> bool:
    """The trigger's words do not make the act: a question ("asked whether X", "asked why",
    "asked Trump about it"),
    not a request; a name given to an unnamed thing ("called it a mess"), no criticism of anyone
    a reader can see; an agreement, deal or treaty told as a noun with one party (an agreement
    takes two; "Russia brokered a cease-fire": the act is the brokering)."""
    head = event.trigger.root
    if event.type == "REQUEST" and head.pos_ in ("VERB", "AUX") and not event.target:
        clauses = [c for c in head.children if c.dep_ in ("ccomp", "advcl")]
        if any(w.lower_ in QUESTION_WORDS and w.i < c.i for c in clauses for w in c.subtree):
            return True
    if event.type == "REQUEST" and head.pos_ in ("VERB", "AUX") and asked_about(head):
        return True
    if event.mode == "naming" and not event.target:
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if objects and all(c.lower_ in UNNAMED for c in objects):
            return True
    reciprocal = event.type == "AGREE" and head.pos_ in ("NOUN", "PROPN")
    return reciprocal and len(event.source) + len(event.target) < 2


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
      `no_act`: a question, a name for an unnamed thing, a one-party agreement): -0.5, hidden;
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
    score -= 0.1 if cameo_only else 0.0
    score -= 0.2 if event.status not in ("happened", "ongoing") else 0.0
    return round(max(0.0, min(1.0, score)), 2)
