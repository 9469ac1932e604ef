"""Whether a trigger's frame holds (issue 15): the words around it make the act its lexicon line
names, not another sense of the verb ("pleaded guilty", "warned of floods", "hosting a program",
"asked whether"), a stance with nothing to stand on, or an act of a party on itself."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import entity_at
from newsgraph.nlp.events.event import EventSpan
from newsgraph.nlp.events.kinds import ACTOR_LABELS, actor_kind

STANCES = ("AGREE", "SUPPORT", "REJECT")  # "La Riva agreed", "Biden denied": an opinion alone
COMPLEMENTS = ("dobj", "dative", "xcomp", "ccomp", "prep", "attr", "oprd", "agent")


def bare_stance(event: EventSpan) -> bool:
    """A verb of agreeing, backing or refusing with nothing agreed to, backed or refused and no
    one it is addressed to ("X agreed", "Y denied"): a stance in a debate, not an act. Agreeing
    with a statement ("all agreed that vaccines have done more good than harm") or with someone
    and on nothing ("agreed with X", see `concurs`) is an opinion too: an agreement is to do
    something ("agreed to", "agreed on a border"); a promise's clause is what is
    promised ("I pledge that", "I commit that I will")."""
    head = event.trigger.root
    if event.type not in STANCES or head.pos_ not in ("VERB", "AUX"):
        return False
    complements = [c for c in head.children if c.dep_ in COMPLEMENTS]
    concur = event.type == "AGREE" and head.lemma_.lower() == "agree"  # not "pledged that"
    if concur and complements and all(concurs(c) for c in complements):
        return True  # whoever it is agreed with: "Y agreed with X" shares X's opinion
    return not event.target and not complements


def concurs(complement: Token) -> bool:
    """A complement of "agree" that makes it an opinion shared: a "that" clause, or "with"
    someone or something and nothing agreed on or to ("agreed with the nationalization of the
    bank", "Y agreed with X, saying ..."), not "agreed with X on a border", "agreed with X to
    meet" (those complements are others)."""
    return complement.dep_ == "ccomp" or (complement.dep_ == "prep" and complement.lower_ == "with")


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
    things = [c for c in given(head) if actor_kind(c.doc[c.i : c.i + 1], agents) is None]
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


def given(head: Token) -> list[Token]:
    """What a verb gives or releases: its object, what it provides someone "with" ("provide X
    with an image"), and the noun its clause modifies ("a message he sent to X")."""
    if head.pos_ not in ("VERB", "AUX"):
        return []
    kids = list(head.children)
    found = [c for c in kids if c.dep_ == "dobj"]
    found += [g for c in kids if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
              if g.dep_ == "pobj"]  # fmt: skip
    return found + ([head.head] if head.dep_ in ("relcl", "acl") else [])


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


PEOPLE_PRONOUNS = ("he", "she", "they", "i", "we", "you")


def hired(event: EventSpan, acts: frozenset[str]) -> bool:
    """A signing with nothing signed: a person who "signed with <label>" or "was signed to
    <club>" took a contract of work, no agreement between parties. A signing keeps its sense
    with a document (its object, its passive subject or the noun its clause modifies: "the bill
    was signed by X", "the contracts they signed with X"), a particle
    ("signed on to the accord") or an act under a preposition ("signed up for the ceasefire")."""
    head = event.trigger.root
    if event.type != "AGREE" or head.lemma_.lower() != "sign" or head.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(head.children)
    if any(c.dep_ in ("dobj", "prt", "ccomp", "xcomp") for c in kids):
        return False
    signed = [c for c in kids if c.dep_ == "nsubjpass"]
    signed += [head.head] if head.dep_ in ("acl", "relcl") else []  # "the deal signed by X"
    if any(c.ent_type_ != "PERSON" and c.lower_ not in PEOPLE_PRONOUNS for c in signed):
        return False  # "the bill was signed"
    objects = [g for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return not any(g.lemma_.lower() in acts for g in objects)


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
