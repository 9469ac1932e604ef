"""Actors of events: who did it (source) and to whom (target), read off the dependency parse.

Used by newsgraph_events. The source is the subject of the trigger's clause (or the "by" agent,
the possessor of a noun trigger, its national adjective); targets are the object and the objects
of the prepositions `plover_roles.tsv` gives the type. Objects that are not actors ("lifted the
curfew") give way to the actors inside them or in the complement clause ("threatened to cut ties
with X").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.events.plover import Lexicon, Trigger
from newsgraph.nlp.spans import mention, trim

PLACE_LABELS = ("GPE", "LOC", "FAC")
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
PRONOUNS = ("he", "she", "they", "it", "we", "i", "you", "who", "which", "that")
OBJECT_PREPS = ("to", "with", "against", "on", "in", "from", "for", "of", "by", "at")
NAMED_PREPS = ("to", "against", "on", "with", "from")  # not "in", "at": those give places
ATTITUDES = ("REJECT", "SUPPORT", "AGREE")  # "is opposed to", "is committed to": passive in form


def expand(token: Token) -> list[Token]:
    """The token and its conjuncts: "A, B and C"."""
    out = [token]
    doc = token.doc
    if (
        token.dep_ in ("nsubj", "nsubjpass")
        and token.i >= 2
        and doc[token.i - 1].dep_ == "cc"
        and doc[token.i - 1].head.i == token.i - 2
    ):
        left = doc[token.i - 2]  # "A and B agreed" parsed with A outside the subject
        if left.pos_ == "PROPN" and left.head != token and left.dep_ != "conj":
            out.append(left)
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(expand(child))
    return out


def actor_spans(
    tokens: list[Token], lexicon: Lexicon, skip: frozenset[int] = frozenset()
) -> list[Span]:
    """Actor mentions for tokens and their conjuncts, minus reflexives, dates and trigger words."""
    spans: list[Span] = []
    for token in tokens:
        for each in expand(descend_group(token, lexicon)):
            if each.i in skip or each.ent_type_ in ("DATE", "TIME") or each.lower_.endswith("self"):
                continue
            if each.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ") and (
                each.ent_type_ not in ACTOR_LABELS
            ):
                continue  # a name is a noun whatever its tag ("attacked Trump" tagged ADV)
            named = named_apposition(each)
            for span in nationals(each) or [trim(mention(named or each))]:
                if all((span.start, span.end) != (s.start, s.end) for s in spans):
                    spans.append(span)
    return spans


def descend_group(token: Token, lexicon: Lexicon) -> Token:
    """ "tens of thousands of students", "members of the union": the actor inside the group."""
    for _ in range(3):
        if not (token.like_num or token.lemma_.lower() in lexicon.groups):
            break
        inner = next((p for p in prep_objects(token, ("of",))), None)
        if inner is None:
            break
        token = inner
    return token


def is_actor(token: Token, lexicon: Lexicon) -> bool:
    """A named actor, a national group ("Russian advisers"), an actor noun or a pronoun."""
    if token.ent_type_ in ACTOR_LABELS or token.lemma_.lower() in lexicon.actor_nouns:
        return True
    if token.pos_ == "PRON" and token.lower_ not in ("it", "that", "this", "which", "what"):
        return True
    return any(
        c.ent_type_ in ("NORP", "GPE") for c in token.children if c.dep_ in ("amod", "compound")
    )


def object_targets(
    obj: Token, lexicon: Lexicon, depth: int = 2, *, places: bool = False
) -> list[Token]:
    """The object if it is an actor, else the actors it holds: "a ban by X", "sanctions on X".
    With `places`, a place is a target too: "threatened to ban voting in X"."""
    obj = descend_group(obj, lexicon)
    if is_actor(obj, lexicon) or (places and obj.ent_type_ in PLACE_LABELS):
        return [obj]
    if depth == 0:
        return []
    inner = [c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    inner += prep_objects(obj, OBJECT_PREPS)
    return [t for each in inner for t in object_targets(each, lexicon, depth - 1, places=places)]


def clause_targets(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Targets inside a complement: "threatened to break off relations with X"."""
    found: list[Token] = []
    for comp in (c for c in verb.children if c.dep_ == "xcomp"):
        objects = [c for c in comp.children if c.dep_ in ("dobj", "dative")]
        objects += prep_objects(comp, OBJECT_PREPS)
        found += [t for obj in objects for t in object_targets(obj, lexicon, places=True)]
        found += clause_targets(comp, lexicon) if not found else []
    return found


def named_apposition(token: Token) -> Token | None:
    """The name a descriptor stands beside: "the envoy, Jane Doe", "Acme, the rebel group"; a
    member of a party or nation beside a person's name ("a Republican, Jane Doe") is that
    person."""
    if token.ent_type_ == "NORP" and token.pos_ == "PROPN":
        return next((c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"),
                    None)  # fmt: skip
    if token.pos_ != "NOUN":
        return None
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return child
    first = min(t.i for t in token.subtree)
    doc = token.doc
    if first >= 2 and doc[first - 1].text == "," and doc[first - 2].ent_type_ in ("PERSON", "ORG"):
        return doc[first - 2]
    return None


def nationals(token: Token) -> list[Span]:
    """ "Hungarian and Romanian officials": the national adjectives are the actors."""
    mods = [c for c in token.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]
    if not mods or not any(c.dep_ == "conj" for c in mods[0].children):
        return []
    return [mention(m) for m in expand(mods[0])]


def governing_verb(token: Token) -> Token | None:
    """The verb of the clause a noun trigger belongs to, or None ("weeks of fighting" stops)."""
    node = token
    for _ in range(6):
        head = node.head
        if head == node:
            return None
        if node.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd") and head.pos_ in (
            "VERB",
            "AUX",
        ):
            return head
        if node.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
            return head.head
        if node.dep_ == "pobj" and head.lower_ == "of" and not head.head.ent_type_:
            node = head.head  # "the third round of talks"
            continue
        if node.dep_ in ("conj", "compound", "appos"):
            node = head
            continue
        return None
    return None


def subject(verb: Token) -> tuple[Token | None, Token | None]:
    """(agent, patient) of a verb, climbing to the clause that shares its subject. A passive
    clause of its own ("When asked to clarify, X said no", "X died after being shot") shares
    the subject as the one the act is done to."""
    if verb.dep_ in ("advcl", "pcomp") and passive_alone(verb):
        above = verb.head if verb.dep_ == "advcl" else verb.head.head
        agent, patient = subject(above)
        own = next((g for c in verb.children if c.dep_ == "agent" for g in c.children), None)
        return resolve_pronoun(own), patient if patient is not None else agent
    node = verb
    # an active verb shares the subject of the clause it hangs on, a perfect too: "X were
    # reported to have visited the minister" (X visited)
    shares = verb.tag_ != "VBN" or perfect(verb)
    for _ in range(5):
        kids = list(node.children)
        active = next((c for c in kids if c.dep_ in ("nsubj", "csubj")), None)
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        agent = next((g for c in kids if c.dep_ == "agent" for g in c.children), None)
        if active is None and passive is not None and node is not verb and shares:
            # an active verb sharing a passive clause's subject: "Holder was held in contempt
            # for refusing to hand over documents" (Holder refused)
            return resolve_pronoun(passive), None
        if active is not None and node is not verb and is_passive(verb) and agent is None:
            # a passive sharing an active clause's subject undergoes the act: "wants him to
            # resign or be impeached" (he would be impeached, by others)
            return None, resolve_pronoun(active)
        if active is not None or passive is not None:
            return resolve_pronoun(active if active is not None else agent), passive
        if node.dep_ in ("xcomp", "conj", "advcl", "acomp") and node.head != node:
            node = node.head
        elif node.dep_ == "pcomp" and node.head.head != node.head:
            shares = shares and node.head.lower_ != "by"  # "interrupted by protesting MPs"
            node = node.head.head  # "after meeting with X, the secretary will ..."
        elif node.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
            node = node.head  # "..., to discuss": an infinitive's agent is the clause's above
        elif node.dep_ == "relcl":
            return node.head, None
        else:
            break
    return None, None


def perfect(verb: Token) -> bool:
    """A past participle with "have" and no passive auxiliary ("to have visited"): active."""
    kids = list(verb.children)
    have = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids)
    return have and not any(c.dep_ == "auxpass" for c in kids)


def is_passive(verb: Token) -> bool:
    """A verb with a passive auxiliary and no "by" agent ("be impeached", "was arrested")."""
    kids = list(verb.children)
    return any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ == "agent" for c in kids)


def passive_alone(verb: Token) -> bool:
    """A passive with no subject of its own: a bare past participle ("when asked", "arrested on
    Friday"; not "having met") or one with "being" ("after being shot")."""
    kids = list(verb.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in kids) or verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "auxpass" for c in kids) or not any(c.dep_ == "aux" for c in kids)


def resolve_pronoun(token: Token | None) -> Token | None:
    """A subject pronoun takes the subject of a clause above it ("A said they would", "A was
    quoted as saying he would"); a relative pronoun the noun its clause modifies."""
    if token is None or token.lower_ not in PRONOUNS:
        return token
    if token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
        return token.head.head
    node = token.head
    for _ in range(4):
        if node.head == node:
            break
        if node.dep_ in ("ccomp", "parataxis", "advcl", "pcomp", "xcomp", "prep"):
            above = [c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if above and above[0].lower_ not in PRONOUNS:
                return above[0]
        node = node.head
    return token


def noun_source(trigger: Token) -> Token | None:
    """A noun trigger's own source: "the envoy's visit", "Russian airstrikes", "attack by X"."""
    for child in trigger.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    for child in trigger.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return child
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def acts_on_its_own(verb: Token) -> bool:
    """An active clause with an object or complement of its own ("X calling the inquiry a
    coup")."""
    kids = list(verb.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids) or verb.tag_ == "VBN"
    return not passive and any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in kids)


def prep_objects(token: Token, preps: frozenset[str] | tuple[str, ...]) -> list[Token]:
    """Objects of the token's prepositions in `preps` ("talks with X being held": its subject;
    not the subject of a clause acting on something of its own, "attacked the inquiry, with X
    calling it a coup": X does another act)."""
    out = []
    for prep in token.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in preps:
            for child in prep.children:
                if child.dep_ == "pobj":
                    out.append(child)
                elif child.dep_ == "pcomp" and not acts_on_its_own(child):
                    out.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out


# A noun trigger under these is a circumstance of its clause, whose subject is no party to it
# ("Waseem appeared after his arrest", "NDTV reported, following an investigation, ...").
CIRCUMSTANCES = ("after", "before", "following", "since", "despite", "during", "amid", "amidst",
                 "until", "upon", "without", "over", "about", "like", "unlike",
                 "against", "from", "under")  # "retaliating against attacks"  # fmt: skip
# Noun triggers whose possessor, when a person, undergoes the act ("Tarrant's arrest", "Jamal's
# killing", "Cohen's conviction", "Flynn's release"): PLOVER types and modes.
UNDERGONE = ("ASSAULT", "SANCTION", "detain", "deport", "release")


def undergoes(possessor: Token, trigger: Trigger) -> bool:
    """Whether a noun trigger's possessor is the one the act is done to: a person (states and
    bodies arrest and kill, "Russia's attack") of a type or mode in UNDERGONE."""
    entry = trigger.entry
    done_to = entry.type in UNDERGONE or entry.mode in UNDERGONE
    return done_to and possessor.dep_ == "poss" and possessor.ent_type_ == "PERSON"


# Verbs whose subject undergoes the act their object names ("faced attacks", "survived a drone
# attack", "suffered a defeat", "received praise"); cameo_skips.txt leaves "face" to the noun.
UNDERGO = ("face", "suffer", "survive", "undergo", "endure", "receive")


def stative(verb: Token) -> bool:
    """A passive in form that states an attitude toward something ("is opposed to the plan",
    "committed to proceeding"), not an act done to its subject ("he was praised in the West",
    "Kimura was signed for Stardom")."""
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def undergone(verb: Token, noun: Token) -> bool:
    """Whether a noun trigger is the direct object of a verb of undergoing."""
    return noun.dep_ == "dobj" and noun.head == verb and verb.lemma_.lower() in UNDERGO


def roles(trigger: Trigger, lexicon: Lexicon) -> tuple[list[Span], list[Span]]:
    """(sources, targets) of a trigger."""
    head, kind = trigger.head, trigger.entry.type
    preps = lexicon.roles.get(kind, frozenset())
    verb = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
    source = noun_source(head) if verb != head else None
    targets = prep_objects(head, preps)
    if source is not None and undergoes(source, trigger) and not targets:
        source, targets = None, [source]
    agent, patient = subject(verb) if verb is not None else (None, None)
    agent = None if agent == head else agent  # "the talks were ...": no source of their own
    if verb != head and head.dep_ == "pobj" and head.head.lower_ in CIRCUMSTANCES:
        # not a meeting's: "Blinken said, following a meeting with Netanyahu" met him
        agent = agent if kind == "CONSULT" else None
    if (
        agent is None
        and patient is not None
        and kind in ATTITUDES
        and verb == head
        and stative(head)
    ):
        agent, patient = patient, None  # "X is opposed to Y": a state of X, not done to X
    if verb != head and agent is not None and not is_actor(descend_group(agent, lexicon), lexicon):
        agent = None  # "after failed negotiations, the deadline stands": no actor of the talks
    if verb != head and verb is not None and agent is not None and undergone(verb, head):
        targets, agent = [*targets, agent], None  # "Tunisia is facing terrorist attacks"
    source = source if source is not None else agent
    if verb == head:
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if kind in lexicon.themes and targets:
            objects = []  # "send arms to X": the arms are given, X is the target
        targets = [t for obj in objects for t in object_targets(obj, lexicon)] + targets
        targets += [patient] if patient is not None else []
        targets = targets or clause_targets(head, lexicon)
        if not targets and kind not in lexicon.audiences:  # "suspended aid to <country>"
            targets = [t for t in prep_objects(head, NAMED_PREPS) if t.ent_type_ in ACTOR_LABELS]
    elif verb is not None and head.dep_ == "dobj":
        targets += prep_objects(verb, preps)  # a light verb: "opened investigations against X"
    elif patient is not None and head.dep_ == "pobj":
        targets.append(patient)  # "villagers were hurt in the storm"
    between = prep_objects(head, ("between",))
    if between and source is None:  # "fighting between A and B"
        return actor_spans(between, lexicon), actor_spans(targets, lexicon, trigger.words)
    if trigger.entry.mode == "visit":  # "travel to X": X is where; "visited X": X is also whom
        targets = [t for t in targets if t.ent_type_ not in PLACE_LABELS or t.dep_ == "dobj"]
    sources = actor_spans([source], lexicon, trigger.words) if source is not None else []
    return sources, actor_spans(between + targets, lexicon, trigger.words)
